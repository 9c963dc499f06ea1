class Err(Exception):
    code = 1
    def bump(self):
        self.code = self.code + 10
e = Err("m")
print(e.code)
e.bump()
print(e.code, Err.code)
