// Package graph checks gobake's task graph against upstream BitBake's on fixture layers.
//
// Each directory under testdata holds a small layer (layer/: conf/bitbake.conf,
// classes/base.bbclass, recipes) written for one purpose: exercising addtask/deltask,
// [depends], [deptask], [rdeptask], [recrdeptask], [recideptask], [mcdepends], [noexec],
// [nostamp], PROVIDES/RPROVIDES/PACKAGES with preferences, BBCLASSEXTEND variants and
// multiconfig. Its `cases` file lists `bitbake -g` invocations, one per line
// (`name: arguments`), and golden/NAME.txt is what upstream BitBake 2.8 produced for each,
// normalised by Normalize: the node set (with labels), the edge set and the pn-buildlist
// as a set (BitBake's order varies between runs: it iterates Python sets), with the layer
// path replaced by @LAYER@.
//
// TestGraphs runs `gobake -g` on the same build directories and compares. With -update and
// GOBAKE_ISAR pointing at an Isar checkout it first regenerates the goldens by running
// bitbake (as user builder when the test runs as root): `make golden-graph ISAR=...`.
//
// TestOracleBuild compares `gobake -g mc:...:isar-image-base` with BitBake's outputs in a
// real Isar build directory (GOBAKE_ORACLE_BUILD, GOBAKE_ORACLE_GRAPHS).
package graph
