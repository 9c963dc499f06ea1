# bb.persist_data: persistent key/value tables shared by every BitBake process of a build
# directory, kept in ${PERSISTENT_DIR}/bb_persist_data.sqlite3 (or ${CACHE}) with BitBake's
# schema (gobake reads and writes the same file through _pyrt_persist).
import bb


class SQLTable(object):
    """A dict-like view of one table; values are strings."""

    def __init__(self, cachefile, table):
        import _pyrt_persist
        self._db = _pyrt_persist
        self.cachefile = cachefile
        self.table = table
        self._db.keys(cachefile, table)

    def __getitem__(self, key):
        v = self._db.get(self.cachefile, self.table, key)
        if v is None:
            raise KeyError(key)
        return v

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('Only string keys are supported')
        if not isinstance(value, str):
            raise TypeError('Only string values are supported')
        self._db.set(self.cachefile, self.table, key, value)

    def __delitem__(self, key):
        if key not in self:
            raise KeyError(key)
        self._db.delete(self.cachefile, self.table, key)

    def __contains__(self, key):
        return self._db.get(self.cachefile, self.table, key) is not None or \
            key in self._db.keys(self.cachefile, self.table)

    def __len__(self):
        return len(self._db.keys(self.cachefile, self.table))

    def __iter__(self):
        return iter(self._db.keys(self.cachefile, self.table))

    def __lt__(self, other):
        return len(self) < len(other)

    def get(self, key, default=None):
        v = self._db.get(self.cachefile, self.table, key)
        return default if v is None else v

    def keys(self):
        return self._db.keys(self.cachefile, self.table)

    def values(self):
        return [self[k] for k in self.keys()]

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def itervalues(self):
        return iter(self.values())

    def iteritems(self):
        return iter(self.items())

    def has_key(self, key):
        return key in self

    def clear(self):
        for k in self.keys():
            self._db.delete(self.cachefile, self.table, k)


def persist(domain, d):
    """Returns the persistent table for domain."""
    import os
    cachedir = d.getVar("PERSISTENT_DIR") or d.getVar("CACHE")
    if not cachedir:
        bb.fatal("Please set the 'PERSISTENT_DIR' or 'CACHE' variable")
    bb.utils.mkdirhier(cachedir)
    cachefile = os.path.join(cachedir, "bb_persist_data.sqlite3")
    return SQLTable(cachefile, domain)
