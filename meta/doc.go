// Package meta embeds gobake's default configuration and demo layer.
package meta
