RPROVIDES:${PN} = "other-rt"
PROVIDES = "virtual/rq"
