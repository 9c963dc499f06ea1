// Package data is the datastore: variables, flags, overrides and expansion with BitBake's
// DataSmart semantics.
package data
