# Metaclasses as OE's oe.classutils.ClassRegistry uses them (oe.terminal), and
# collections.abc checks as oe.maketype uses them.
from collections.abc import Callable


class ClassRegistryMeta(type):
    def __init__(cls, name, bases, attrs):
        cls.registry = {}
        type.__init__(cls, name, bases, attrs)


class ClassRegistry(type, metaclass=ClassRegistryMeta):
    priority = 0

    def __init__(cls, name, bases, attrs):
        super(ClassRegistry, cls).__init__(name, bases, attrs)
        try:
            if not cls.implemented:
                return
        except AttributeError:
            pass
        try:
            cls.name
        except AttributeError:
            cls.name = name
        cls.registry[cls.name] = cls

    @classmethod
    def prioritized(tcls):
        return sorted(list(tcls.registry.values()),
                      key=lambda v: (v.priority, v.name), reverse=True)


class Terminal(object, metaclass=ClassRegistry):
    implemented = False
    priority = 1


class Xterm(Terminal):
    priority = 3


class Screen(Terminal):
    name = 'screen'
    priority = 2


class Hidden(Terminal):
    implemented = False


print(sorted(ClassRegistry.registry), [c.name for c in ClassRegistry.prioritized()])
print(type(Xterm).__name__, type(ClassRegistry).__name__, isinstance(Xterm, ClassRegistry))
print(Xterm.priority, Screen.name, issubclass(Screen, Terminal))


class Plain(object):
    pass


print(type(Plain).__name__, isinstance(Plain, ClassRegistry))


def f():
    pass


print(isinstance(f, Callable), isinstance(len, Callable), isinstance(Plain, Callable), isinstance(3, Callable))
