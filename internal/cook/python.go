package cook

import "github.com/gobake/gobake/internal/data"

// Python is what the cooker needs from the Python runtime. The cooker works without one
// (Options.Python nil): ${@...} stays literal, anonymous functions and event handlers do not
// run, def blocks are only stored as variables.
type Python interface {
	data.PythonExpander
	// Define compiles a def block, an anonymous function (text starts with "def NAME(d):")
	// or an event handler into the global namespace BitBake's methodpool keeps; line is the
	// line of the text's first line in file.
	Define(name, text, file string, line int) error
	// RunAnon calls the named global functions with d, in order (ast.runAnonFuncs). A
	// bb.parse.SkipRecipe raised by them is returned as *SkipRecipe.
	RunAnon(d *data.Store, names []string) error
	// Fire calls handler (a function defined with Define, taking (e, d)) with an event of
	// class ev.Class whose data is d. SkipRecipe is returned as *SkipRecipe.
	Fire(d *data.Store, handler string, ev Event) error
	// AddPyLib makes namespace importable from libdir (addpylib).
	AddPyLib(d *data.Store, libdir, namespace string) error
}

// Event is a parse-time event (bb.event). Class is the full class name, e.g.
// "bb.event.ConfigParsed"; File is set for recipe events and Tasks for RecipeTaskPreProcess.
type Event struct {
	Class string
	File  string
	Tasks []string
}

// Event classes the cooker fires while parsing.
const (
	ConfigParsed         = "bb.event.ConfigParsed"
	MultiConfigParsed    = "bb.event.MultiConfigParsed"
	RecipePreFinalise    = "bb.event.RecipePreFinalise"
	RecipePostKeyExp     = "bb.event.RecipePostKeyExpansion"
	RecipeTaskPreProcess = "bb.event.RecipeTaskPreProcess"
	RecipeParsed         = "bb.event.RecipeParsed"
)
