PROVIDES = "virtual/compiler"
BBCLASSEXTEND = "native"
PROVIDES:class-native = "virtual/compiler-native"
