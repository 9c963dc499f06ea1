package meta

import (
	"embed"
	"io/fs"
)

//go:embed conf classes recipes-demo
var files embed.FS

// Layer returns the embedded demo layer as a file system rooted at the layer directory
// (conf/layer.conf, classes/, recipes-demo/).
func Layer() fs.FS { return files }
