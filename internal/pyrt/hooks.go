package pyrt

// Hooks connect the bb API to the cooker. A nil member makes the matching bb function raise
// NotImplementedError.
type Hooks struct {
}
