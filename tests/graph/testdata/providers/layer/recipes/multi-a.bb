PROVIDES = "virtual/multi"
