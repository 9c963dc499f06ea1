print((), (1,), (1, 2), ("a",), ((1,),))
print(tuple("ab"), tuple([1]), tuple())
