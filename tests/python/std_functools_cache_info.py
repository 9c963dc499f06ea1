import functools
@functools.lru_cache(maxsize=2)
def sq(x):
    return x * x
for v in [1, 2, 1, 3, 1]:
    sq(v)
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
sq.cache_clear()
print(sq.cache_info().currsize)
