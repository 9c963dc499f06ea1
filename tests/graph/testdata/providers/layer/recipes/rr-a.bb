RPROVIDES = "rr-c"
