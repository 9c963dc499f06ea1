import types
ns = types.SimpleNamespace(a=1, b='x')
print(ns.a, ns.b)
ns.c = 3
print(ns)
def f():
    pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType))
print(isinstance(types, types.ModuleType))
