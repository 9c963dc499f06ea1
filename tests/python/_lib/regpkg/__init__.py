# A regular package.
from .inner import greet

PKG = "regpkg"
