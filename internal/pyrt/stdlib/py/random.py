"""random: pseudo-random numbers (gobake). The generator is Go's: sequences
differ from CPython's Mersenne Twister, also after seed()."""
import _resource


def random():
    return _resource.random()


def seed(a=None, version=2):
    pass


def uniform(a, b):
    return a + (b - a) * random()


def randrange(start, stop=None, step=1):
    if stop is None:
        start, stop = 0, start
    n = (stop - start + step - 1) // step
    if n <= 0:
        raise ValueError('empty range for randrange()')
    return start + step * int(random() * n)


def randint(a, b):
    return randrange(a, b + 1)


def choice(seq):
    if not seq:
        raise IndexError('Cannot choose from an empty sequence')
    return seq[int(random() * len(seq))]


def shuffle(x):
    for i in reversed(range(1, len(x))):
        j = int(random() * (i + 1))
        x[i], x[j] = x[j], x[i]


def sample(population, k):
    pool = list(population)
    shuffle(pool)
    return pool[:k]


def getrandbits(k):
    n = 0
    for i in range(k):
        n = (n << 1) | (1 if random() < 0.5 else 0)
    return n
