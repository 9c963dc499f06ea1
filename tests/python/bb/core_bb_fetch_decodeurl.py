import bb
import bb.data
import bb.utils

import bb.fetch2
for url in ("https://example.com/path/file.tar.gz;name=main;sha256sum=abc", "git://git.host/repo.git;protocol=https;branch=main", "file://local/file.txt", "apt://hello"):
    dec = bb.fetch2.decodeurl(url)
    print(dec[0], dec[1], dec[2], dec[3], dec[4], sorted(dec[5].items()))
    print(bb.fetch2.encodeurl(dec) == url)
