import os
print(os.path.join('a', 'b/', 'c'))
print(os.path.normpath('a//b/./c/..'), os.path.normpath('/..'), os.path.normpath('../x/..'))
print(os.path.dirname('a'), os.path.dirname('/'), os.path.basename('a/'))
print(os.path.splitext('/a.b/c'), os.path.splitext('a..b'))
print(os.path.relpath('a/b', 'a'), os.path.relpath('.', '.'))
print(os.path.isabs('//x'), os.path.split('//x'))
