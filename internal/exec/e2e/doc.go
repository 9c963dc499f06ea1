// Package e2e holds end-to-end tests of the privileged backends with the rest of gobake: recipe
// tasks run by internal/build that call `sudo` the way Isar's classes do. It has no code of its
// own; the tests live apart from internal/exec so that a change elsewhere cannot break its build.
package e2e
