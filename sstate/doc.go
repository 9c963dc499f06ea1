// Package sstate stores and restores content-addressed task outputs.
package sstate
