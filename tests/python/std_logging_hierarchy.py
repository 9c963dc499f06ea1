import logging, sys
root = logging.getLogger('gbparent')
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('%(name)s|%(levelname)s|%(message)s'))
root.addHandler(h)
root.setLevel(logging.DEBUG)
child = logging.getLogger('gbparent.child')
child.debug('from child %s', 'x')
child.propagate = False
child.info('not shown')
print(child.parent is root, child.getEffectiveLevel())
