import bb
import bb.data
import bb.utils

d = bb.data.init()
d.setVar("DISTRO_FEATURES", "systemd x11 wayland")
for check in ("x11", "x11 wayland", "x11 opengl", ["systemd"], ("nope",)):
    print(check, bb.utils.contains("DISTRO_FEATURES", check, "yes", "no", d),
          bb.utils.contains_any("DISTRO_FEATURES", check, "any", "none", d))
print(bb.utils.contains("UNSET", "x", "yes", "no", d))
print(bb.utils.filter("DISTRO_FEATURES", "x11 systemd foo", d))
