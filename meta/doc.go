// Package meta embeds gobake's default: a configuration (conf/bitbake.conf, layer.conf and
// build-directory samples) and a small demo layer (classes/base.bbclass, recipes-demo/) with
// local sources, shell and python tasks, DEPENDS between recipes and an image-like recipe
// (demo-image) that assembles the outputs of the others into a tar archive.
//
// The layer is plain BitBake metadata: upstream BitBake 2.8 builds it too, which is how its
// expected results (bitbake -e, bitbake -g, the image contents) are obtained. gobake builds it
// without network or root when no build directory configuration is given.
package meta
