// Package classes holds the .bbclass files gobake itself ships, embedded.
package classes
