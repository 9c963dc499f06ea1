import resource
r = resource.getrusage(resource.RUSAGE_SELF)
print(r.ru_utime >= 0, r.ru_stime >= 0, r.ru_maxrss > 0)
c = resource.getrusage(resource.RUSAGE_CHILDREN)
print(c.ru_utime >= 0, len(r))
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(soft > 0)
