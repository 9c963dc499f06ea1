// Package parser turns BitBake metadata (.conf, .bb, .bbappend, .bbclass, .inc) into an AST
// with positions on every node. It resolves nothing: no variables, no includes.
package parser
