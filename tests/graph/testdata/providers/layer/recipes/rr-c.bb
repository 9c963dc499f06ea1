# Runtime name equal to a PN: that recipe wins over another RPROVIDES.
