import functools
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20), len(calls))
@functools.lru_cache()
def sq(x):
    return x * x
print(sq(3), sq(3))
