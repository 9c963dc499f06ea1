package pyrt

import "github.com/go-python/gpython/py"

// gpython finds the protocol methods of an instance (iteration, containers, context
// managers) only in its class's own dict, not in base classes, so iterating an instance
// whose __iter__ a base class defines failed ("'C' object is not iterable"). inheritProtocol
// copies those methods from the MRO into a new class's dict; a class that defines one
// itself keeps its own.
var protocolMethods = []string{
	"__iter__", "__next__", "__len__", "__getitem__", "__setitem__", "__delitem__",
	"__contains__", "__bool__", "__enter__", "__exit__", "__reversed__",
}

func inheritProtocol(cls *py.Type) {
	if cls.IsSubtype(py.TypeType) || len(cls.Mro) < 2 {
		return
	}
	for _, name := range protocolMethods {
		if _, own := cls.Dict[name]; own {
			continue
		}
		for _, b := range cls.Mro[1:] {
			bt, ok := b.(*py.Type)
			if !ok || bt.Flags&py.TPFLAGS_HEAPTYPE == 0 {
				continue
			}
			if v, ok := bt.Dict[name]; ok {
				cls.Dict[name] = v
				break
			}
		}
	}
}
