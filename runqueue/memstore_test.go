package runqueue_test

import (
	"testing"

	"github.com/gobake/gobake/runqueue"
	"github.com/gobake/gobake/runqueue/storetest"
)

func TestMemStore(t *testing.T) {
	storetest.Run(t, func(*testing.T) runqueue.Store { return runqueue.NewMemStore() })
}
