// Package pyrt is gobake's Python runtime on gpython; the only importer of gpython.
package pyrt
