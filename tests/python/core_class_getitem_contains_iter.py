class Seq(object):
    def __init__(self):
        self.data = {"a": 1, "b": 2}
    def __getitem__(self, k):
        return self.data[k]
    def __contains__(self, k):
        return k in self.data
    def __iter__(self):
        return iter(sorted(self.data))
s = Seq()
print(s["a"], "b" in s, "z" in s, list(s))
