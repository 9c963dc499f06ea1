try:
    raise FileNotFoundError(2, "nope")
except OSError as e:
    print(isinstance(e, OSError), isinstance(e, FileNotFoundError), isinstance(e, Exception))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
