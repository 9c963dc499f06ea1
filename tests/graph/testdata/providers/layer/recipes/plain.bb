# Versioned build-time dependency, a task [depends] on a PREFERRED_VERSION recipe.
RDEPENDS = "foo (>= 1.0)"
