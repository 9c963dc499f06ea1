class Box(object):
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
print(len(Box([1, 2])), bool(Box([])), bool(Box([0])))
class T(object):
    def __bool__(self):
        return False
print(bool(T()), not bool(T()))
