class Cfg(object):
    debug = False
a = Cfg()
b = Cfg()
a.debug = True
print(a.debug, b.debug, Cfg.debug)
