# Local and Wget resolve URLs to local paths as BitBake's fetchers do (Isar's bootstrap.bbclass).
import bb.data, bb.fetch2
d = bb.data.init()
d.setVar('DL_DIR', '/dl')
d.setVar('FILESPATH', '/nonexistent:/etc')
for u in ['http://archive.raspberrypi.org/debian/raspberrypi.gpg.key;sha256sum=76',
          'https://x.org/a/b.tar.gz;downloadfilename=c.tgz', 'file://hostname', 'file:///abs/x.key',
          'ftp://h/p%20q.txt']:
    f = bb.fetch2.Fetch([u], d)
    print(u, f.localpath(u))
