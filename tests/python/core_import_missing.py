try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from os import no_such_name_xyz
except ImportError as e:
    print("ImportError")
