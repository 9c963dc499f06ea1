package gobakebin

import (
	// The packages gobake is built from: linked only so that go test's result cache is
	// invalidated when they change (the tests run the gobake binary Main builds, which go
	// test does not see). Changes to package main itself are not seen: its own tests
	// cover it.
	_ "github.com/gobake/gobake/internal/bake"
	_ "github.com/gobake/gobake/internal/build"
	_ "github.com/gobake/gobake/internal/codeparser"
	_ "github.com/gobake/gobake/internal/cook"
	_ "github.com/gobake/gobake/internal/data"
	_ "github.com/gobake/gobake/internal/exec"
	_ "github.com/gobake/gobake/internal/gctune"
	_ "github.com/gobake/gobake/internal/pyrt"
	_ "github.com/gobake/gobake/internal/pyrt/stdlib"
	_ "github.com/gobake/gobake/internal/pystr"
	_ "github.com/gobake/gobake/internal/siggen"
	_ "github.com/gobake/gobake/meta"
	_ "github.com/gobake/gobake/parser"
	_ "github.com/gobake/gobake/runqueue"
	_ "github.com/gobake/gobake/runqueue/sqlitestore"
)
