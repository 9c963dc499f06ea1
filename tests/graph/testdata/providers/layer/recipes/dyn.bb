# Packages made up at build time.
PACKAGES_DYNAMIC = "^dyn-plugin-.*"
