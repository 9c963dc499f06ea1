import pwd, grp
r = pwd.getpwuid(0)
print(r.pw_name, r.pw_uid, r.pw_dir, r[0])
print(pwd.getpwnam('root').pw_uid)
print(grp.getgrgid(0).gr_name, grp.getgrnam('root').gr_gid)
try:
    pwd.getpwnam('gobake-no-such-user')
except KeyError:
    print('KeyError')
