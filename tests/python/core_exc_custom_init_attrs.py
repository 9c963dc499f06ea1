class FetchError(Exception):
    def __init__(self, msg, url=None):
        self.msg = msg
        self.url = url
        Exception.__init__(self, msg)
    def __str__(self):
        return "Fetch %s: %s" % (self.url, self.msg)
try:
    raise FetchError("404", url="http://x")
except Exception as e:
    print(e, e.url, e.msg, e.args)
