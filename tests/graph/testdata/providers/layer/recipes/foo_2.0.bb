# Two versions: PREFERRED_VERSION_foo picks the older.
