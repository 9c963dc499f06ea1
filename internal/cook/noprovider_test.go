package cook

import (
	"errors"
	"testing"
)

// NoProviderError prints what BitBake's NoProvider event prints (bb/event.py).
func TestNoProviderError(t *testing.T) {
	skips := []Skipped{
		{PN: "libx", Reason: "no", RProvides: []string{"libx"}},
		{PN: "liby", Reason: "not here", Provides: []string{"virtual/y"}, RProvides: []string{"liby", "y-data"}},
	}
	providers := []string{"app", "libz", "libxy"}
	for _, c := range []struct {
		e    *NoProviderError
		want string
	}{
		{NoProvider("libx", true, []string{"mc:second:/l/app.bb"}, skips, providers, nil),
			"Nothing RPROVIDES 'libx' (but mc:second:/l/app.bb RDEPENDS on or otherwise requires it)\nlibx was skipped: no"},
		{NoProvider("y-data", true, nil, skips, providers, nil),
			"Nothing RPROVIDES 'y-data'\nliby RPROVIDES y-data but was skipped: not here"},
		{NoProvider("virtual/y", false, nil, skips, providers, nil),
			"Nothing PROVIDES 'virtual/y'\nliby PROVIDES virtual/y but was skipped: not here"},
		{NoProvider("libq", false, []string{"/l/a.bb", "/l/b.bb"}, skips, providers, []string{"libz RPROVIDES libq"}),
			"Nothing PROVIDES 'libq' (but /l/a.bb, /l/b.bb DEPENDS on or otherwise requires it). Close matches:\n  libx\n  liby\n  libz\n  libz RPROVIDES libq"},
		{NoProvider("nothing-like-it", false, nil, skips, providers, nil), "Nothing PROVIDES 'nothing-like-it'"},
		{NoProvider("libqq", true, nil, skips, providers, nil), "Nothing RPROVIDES 'libqq'"},
		{&NoProviderError{Item: "tool", Reasons: []string{"tool was skipped: no"}, Where: "/l/app.bb:do_x[depends]"},
			"Nothing PROVIDES 'tool'\ntool was skipped: no\nin /l/app.bb:do_x[depends]"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
		if !errors.Is(c.e, ErrNoProvider) {
			t.Errorf("%q is not ErrNoProvider", c.e)
		}
	}
}
