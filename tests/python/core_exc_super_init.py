class E(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise E(7)
except E as e:
    print(e, e.code, repr(e))
