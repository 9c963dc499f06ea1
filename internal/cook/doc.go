// Package cook is the cooker: layers, configuration, recipes, classes, providers.
package cook
