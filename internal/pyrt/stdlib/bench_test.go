package stdlib

import "testing"

// BenchmarkRegister measures what init spends registering the modules.
func BenchmarkRegister(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for _, mk := range goModules {
			mk()
		}
		sourceModules()
	}
}

// BenchmarkCompileAll measures compiling every embedded module once, the
// cost paid lazily by the first import of each.
func BenchmarkCompileAll(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for _, impl := range sourceModules() {
			_ = impl
		}
		ents, _ := pySources.ReadDir("py")
		for _, e := range ents {
			src, _ := pySources.ReadFile("py/" + e.Name())
			l := &lazySource{file: e.Name(), src: string(src)}
			if _, err := l.compiled(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReSearch measures a compiled-pattern search through the cache.
func BenchmarkReSearch(b *testing.B) {
	s := "FOO_bar = some value with ${VAR} inside\n"
	for i := 0; i < b.N; i++ {
		p, err := compilePattern(pyStr(`^(\S+)\s*=\s*(.*)$`), 0)
		if err != nil {
			b.Fatal(err)
		}
		if p.exec(modeSearch, pyStr(s), s, newRuneIndex(s), 0, len(s), 0, len(s)) == nil {
			b.Fatal("no match")
		}
	}
}
