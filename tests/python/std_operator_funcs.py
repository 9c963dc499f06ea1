import operator
print(operator.add(1, 2), operator.mul(3, 4), operator.sub(5, 1), operator.neg(2))
print(operator.itemgetter(1)([5, 6, 7]), operator.itemgetter(0, 2)('abc'))
print(sorted([('b', 2), ('a', 3), ('c', 1)], key=operator.itemgetter(1)))
class O:
    x = 4
print(operator.attrgetter('x')(O()), operator.methodcaller('upper')('q'))
print(operator.contains([1, 2], 2), operator.eq(1, 1), operator.lt(2, 1))
