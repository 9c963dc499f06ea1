# The environment fetch commands run with.
import bb


def get_fetcher_environment(d):
    """The FETCH_EXPORT_VARS set in d, or else in the original environment (BB_ORIGENV)."""
    newenv = {}
    origenv = d.getVar("BB_ORIGENV")
    for name in bb.fetch2.FETCH_EXPORT_VARS:
        value = d.getVar(name)
        if not value and origenv and hasattr(origenv, 'getVar'):
            value = origenv.getVar(name)
        if value:
            newenv[name] = value
    return newenv
