import errno
print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.ENOTDIR, errno.EISDIR, errno.EXDEV, errno.ELOOP)
print(errno.errorcode[2], errno.errorcode[errno.EINVAL])
