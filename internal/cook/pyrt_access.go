package cook

import (
	"github.com/gobake/gobake/internal/data"
	"github.com/gobake/gobake/internal/pyrt"
)

// StoreOf returns the datastore behind a Python `d` the cooker made (for hooks such as
// bb.build.exec_func that act on it in Go).
func StoreOf(d pyrt.DataStore) (*data.Store, bool) {
	a, ok := d.(storeAdapter)
	if !ok {
		return nil, false
	}
	return a.d, true
}
