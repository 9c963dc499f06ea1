// Package fetch downloads sources (one fetcher per URL scheme) into DL_DIR.
package fetch
