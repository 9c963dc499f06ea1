# A task [depends] on a native recipe's task.
do_compile[depends] = "zlib-native:do_populate_sysroot"
# The target build needs its own native variant; the SDK variant needs the SDK zlib.
BBCLASSEXTEND = "native nativesdk"
DEPENDS:class-target = "tool-native"
DEPENDS:class-nativesdk = "nativesdk-zlib"
