package runqueue

import (
	"context"
	"strings"
	"sync"
	"testing"
)

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgressLinesAndSummary(t *testing.T) {
	f := newFake(t)
	f.fail["tool.do_compile"] = true
	g, _ := newBuilder(t, demo("")...).Build(target("app", "do_build"))
	g.Sign(BaseHashSigner(signer{}.base))
	var out syncBuffer
	sum, err := Run(context.Background(), g, Options{Threads: 1, Runner: f, Observer: NewProgress(&out, false)})
	if err == nil {
		t.Fatal("no error")
	}
	WriteSummary(&out, sum)
	text := out.String()
	for _, want := range []string{
		"NOTE: executing 10 tasks\n",
		"NOTE: [0/10] tool do_fetch: started\n",
		"NOTE: [1/10] tool do_fetch: succeeded\n",
		"NOTE: [1/10] tool do_compile: started\n",
		"ERROR: tool do_compile failed: exit status 1 (log: /tmp/log.do_compile)\n",
		"Summary: 1 task failed:\n  tool do_compile (/layer/tool.bb:do_compile), exit code 1\n    log: /tmp/log.do_compile\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "app do_compile: started") {
		t.Errorf("a task after the failure started:\n%s", text)
	}
}

func TestProgressBar(t *testing.T) {
	g, _ := newBuilder(t, demo("")...).Build(target("app", "do_build"))
	g.Sign(BaseHashSigner(signer{}.base))
	var out syncBuffer
	if _, err := Run(context.Background(), g, Options{Threads: 2, Runner: newFake(t), Observer: NewProgress(&out, true)}); err != nil {
		t.Fatal(err)
	}
	if text := out.String(); !strings.Contains(text, "10/10") {
		t.Errorf("bar output lacks the final count:\n%q", text)
	}
}
