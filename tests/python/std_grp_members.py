import grp
g = grp.getgrgid(0)
print(g.gr_name, g.gr_gid, type(g.gr_mem).__name__, g[0])
try:
    grp.getgrnam('gobake-no-such-group')
except KeyError:
    print('KeyError')
