import fnmatch
print(fnmatch.translate('*.py'))
print(fnmatch.translate('a?[bc]'))
print(fnmatch.translate('[!x]*'))
