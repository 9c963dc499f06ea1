package cook

// Python returns the Python runtime the cooker parses with (nil when it has none), so that
// task execution runs python tasks in the same runtime, where the recipes' def functions
// were defined.
func (c *Cooker) Python() Python { return c.opts.Python }
