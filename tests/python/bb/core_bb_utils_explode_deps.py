import bb
import bb.data
import bb.utils

print(bb.utils.explode_deps("a b (>= 1.0) c (<< 2) d"))
print(bb.utils.explode_deps(""))
