package cook

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/gobake/gobake/internal/pystr"
)

// ErrNoProvider is what every NoProviderError is (errors.Is).
var ErrNoProvider = errors.New("Nothing PROVIDES")

// NoProviderError is BitBake's NoProvider event: nothing (R)PROVIDES Item. Its message is
// the one bitbake prints.
type NoProviderError struct {
	Item    string
	Runtime bool
	// Dependees are the virtual file names of the recipes that (R)DEPEND on Item.
	Dependees []string
	// Reasons are the skipped recipes that would have provided Item; Close the close
	// matches among the names that are provided, shown when there are no reasons.
	Reasons []string
	Close   []string
	// Where names the recipe and task flag that need Item when BitBake's message does not
	// (a task's [depends]); it is printed on a line of its own after BitBake's.
	Where string
}

func (e *NoProviderError) Error() string {
	r := ""
	if e.Runtime {
		r = "R"
	}
	extra := ""
	if len(e.Reasons) == 0 && len(e.Close) > 0 {
		close := slices.Compact(slices.Sorted(slices.Values(e.Close)))
		extra = ". Close matches:\n  " + strings.Join(close, "\n  ")
	}
	msg := fmt.Sprintf("Nothing %sPROVIDES '%s'%s", r, e.Item, extra)
	if len(e.Dependees) > 0 {
		msg = fmt.Sprintf("Nothing %sPROVIDES '%s' (but %s %sDEPENDS on or otherwise requires it)%s",
			r, e.Item, strings.Join(e.Dependees, ", "), r, extra)
	}
	for _, reason := range e.Reasons {
		msg += "\n" + reason
	}
	if e.Where != "" {
		msg += "\nin " + e.Where
	}
	return msg
}

// Is makes errors.Is(err, ErrNoProvider) hold.
func (e *NoProviderError) Is(target error) bool { return target == ErrNoProvider }

// Skipped is an entry of BitBake's skip list: a recipe variant that raised SkipRecipe.
type Skipped struct {
	PN, Reason string
	Provides   []string // PROVIDES, without PN
	RProvides  []string // PACKAGES (or PN), RPROVIDES and RPROVIDES of each package
}

// SkipList is BitBake's skip list: the skipped recipe variants of every multiconfig. It is
// keyed by file and variant without the multiconfig, so a recipe skipped in several
// multiconfigs is listed once, as skipped in the last one parsed (the last of
// BBMULTICONFIG when they are parsed in order). index returns a multiconfig's recipes.
func (c *Cooker) SkipList(index func(mc string) (*Index, error)) ([]Skipped, error) {
	var keys []string
	skips := map[string]Skipped{}
	for _, mc := range c.MCNames {
		idx, err := index(mc)
		if err != nil {
			return nil, err
		}
		for _, r := range idx.Recipes {
			if r.Err != nil {
				return nil, r.Err
			}
			if r.Skipped == "" {
				continue
			}
			key := VirtualFn(r.File, r.Variant, "")
			if _, ok := skips[key]; !ok {
				keys = append(keys, key)
			}
			skips[key] = Skipped{PN: r.PN, Reason: r.Skipped, Provides: r.Provides[1:], RProvides: r.RProvides}
		}
	}
	out := make([]Skipped, len(keys))
	for i, k := range keys {
		out[i] = skips[k]
	}
	return out, nil
}

// NoProvider is taskdata's NoProvider event for item. providers are the build-time names
// of the multiconfig's recipes (dataCache.providers) and rproviders "PN RPROVIDES item"
// for the recipes that package item; both serve the close matches of a build-time name.
func NoProvider(item string, runtime bool, dependees []string, skips []Skipped, providers, rproviders []string) *NoProviderError {
	e := &NoProviderError{Item: item, Runtime: runtime, Dependees: dependees}
	for _, s := range skips {
		switch {
		case s.PN == item:
			e.Reasons = append(e.Reasons, fmt.Sprintf("%s was skipped: %s", s.PN, s.Reason))
		case runtime && slices.Contains(s.RProvides, item):
			e.Reasons = append(e.Reasons, fmt.Sprintf("%s RPROVIDES %s but was skipped: %s", s.PN, item, s.Reason))
		case !runtime && slices.Contains(s.Provides, item):
			e.Reasons = append(e.Reasons, fmt.Sprintf("%s PROVIDES %s but was skipped: %s", s.PN, item, s.Reason))
		}
	}
	if !runtime {
		names := slices.Clone(providers)
		for _, s := range skips {
			names = append(names, s.PN)
		}
		e.Close = pystr.CloseMatches(item, names, 3, 0.7)
		for _, rp := range rproviders {
			if !slices.Contains(e.Close, rp) {
				e.Close = append(e.Close, rp)
			}
		}
	}
	return e
}

// ProviderNames are the build-time names idx's recipes provide (dataCache.providers), in
// the order they first appear.
func ProviderNames(idx *Index) []string {
	var names []string
	seen := map[string]bool{}
	for _, r := range idx.Recipes {
		if r.Skipped != "" || r.Err != nil {
			continue
		}
		for _, p := range r.Provides {
			if !seen[p] {
				seen[p] = true
				names = append(names, p)
			}
		}
	}
	return names
}

// MCDependsError is cooker.buildTaskData's error for an [mcdepends] entry
// (mc:FROM:TO:PN:TASK) whose multiconfig TO is not configured, in BitBake's words (doubled
// "configuration" included).
func MCDependsError(dep, mc string) error {
	return fmt.Errorf("Multiconfig dependency %s depends on nonexistent multiconfig configuration named configuration %s", dep, mc)
}

var versionConstraint = regexp.MustCompile(`\([^)]*\)`)

// ExplodeDeps is bb.utils.explode_deps: names without their "(>= 1.0)" constraints.
func ExplodeDeps(s string) []string {
	return strings.Fields(versionConstraint.ReplaceAllString(s, " "))
}
