# Two providers of virtual/multi and no preference: the first PN in name order.
PROVIDES = "virtual/multi"
