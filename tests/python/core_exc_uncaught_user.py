class BuildFailed(Exception):
    pass
print("about to fail")
raise BuildFailed("recipe foo failed")
