# bb.data.inherits_class as sstate.bbclass uses it, with BitBake 2.8's classes-recipe/ and
# classes-global/ directories: a class matches by its file name, wherever it lives.
import bb.data
d = bb.data.init()
d.setVar('__inherit_cache', ['/l/meta/classes-global/base.bbclass',
                             '/l/meta/classes-recipe/native.bbclass',
                             '/l/meta/classes/cross-canadian.bbclass',
                             '/l/meta/classes-recipe/mynative.bbclass'])
for k in ['native', 'base', 'cross', 'cross-canadian', 'canadian', 'mynative', 'ative', 'classes-recipe/native', 'nativesdk']:
    print(k, bb.data.inherits_class(k, d))
e = bb.data.init()
print('empty', bb.data.inherits_class('native', e))
