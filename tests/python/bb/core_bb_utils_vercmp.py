import bb
import bb.data
import bb.utils

pairs = [("1.0", "1.0"), ("1.2", "1.10"), ("1.0~rc1", "1.0"), ("2:1.0", "1:9.9"), ("1.0-r1", "1.0-r2"), ("1.0a", "1.0"), ("1.0", "1.0.1")]
for a, b in pairs:
    print(a, b, bb.utils.vercmp_string(a, b) < 0, bb.utils.vercmp_string(a, b) == 0,
          bb.utils.vercmp_string_op(a, b, ">="), bb.utils.vercmp_string_op(a, b, "<<"))
