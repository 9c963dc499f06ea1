import shutil
print(shutil.which('sh') is not None)
print(shutil.which('gobake-no-such-cmd'))
