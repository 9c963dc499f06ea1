// Command gobake is a BitBake-compatible build tool for Isar layers.
//
// This package is the CLI only: it reads flags and the environment, picks concrete
// implementations and wires the packages below it together. Each subcommand lives in its
// own file and is listed in commands() in main.go. main is os.Exit(run(args, stdin, stdout,
// stderr)) so that tests can drive the whole CLI in-process.
package main
