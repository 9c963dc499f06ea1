# Two runtime providers; PREFERRED_PROVIDER of something rq-b PROVIDES picks it.
RPROVIDES:${PN} = "other-rt"
PROVIDES = "virtual/rq"
