import bb
import bb.data
import bb.utils

for v in ("1", "yes", "Y", "true", "0", "no", "N", "False", "", None):
    print(repr(v), bb.utils.to_boolean(v))
print(bb.utils.to_boolean("", default=True))
try:
    bb.utils.to_boolean("maybe")
except ValueError as e:
    print("ValueError", e)
