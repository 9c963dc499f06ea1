import contextlib
class R:
    def close(self):
        print('closed')
with contextlib.closing(R()) as r:
    print('using')
