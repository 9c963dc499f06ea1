import bb
import bb.data
import bb.utils

import bb.fetch2
from bb.fetch2 import FetchMethod, FetchError
class AptSrc(FetchMethod):
    def supports(self, ud, d):
        return ud.type in ["apt"]
    def urldata_init(self, ud, d):
        ud.src_package = ud.url[len("apt://"):]
m = AptSrc()
print(isinstance(m, FetchMethod), m.supports_srcrev(), m.recommends_checksum(None))
try:
    raise FetchError("download failed", "apt://hello")
except bb.fetch2.BBFetchException as e:
    print(type(e).__name__, e)
