package site

import (
	"bytes"
	"strings"
	"testing"

	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestBuildIsDeterministic: two builds of one handbook are byte-identical,
// and the home page lists every policy version.
func TestBuildIsDeterministic(t *testing.T) {
	h := fixture.Handbook(t)
	a, err := Build(h, "fixture")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(h, "fixture")
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d pages, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two builds", a[i].Path)
		}
	}
	home := string(a[0].Data)
	for _, p := range h.All() {
		if !strings.Contains(home, "<td>"+p.Head().ID+"</td>") {
			t.Errorf("the home page does not list %s", p.Head().ID)
		}
	}
}

// TestPolicyTextCannotInjectMarkup: a title that tries to inject a script
// renders as text.
func TestPolicyTextCannotInjectMarkup(t *testing.T) {
	evil := &policy.Rules{Header: policy.Header{ID: "x", Version: 1, Kind: policy.KindRules, Title: `<script>alert(1)</script><img src=x onerror=alert(2)>`}}
	pages, err := Build(policy.New([]policy.Policy{evil}), `<b>origin</b>`)
	if err != nil {
		t.Fatal(err)
	}
	html := string(pages[0].Data)
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>origin"} {
		if strings.Contains(html, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	if !strings.Contains(html, "&lt;script&gt;") {
		t.Error("the title is not shown escaped")
	}
}
