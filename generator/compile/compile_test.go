package compile_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/compile"
	"github.com/kefu-hr/handbook/generator/exact"
	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

// decoded returns fresh, uncompiled copies of the fixture's policies.
func decoded(t *testing.T) []source.Doc {
	t.Helper()
	ps, err := bundle.DecodePolicies(bundle.Encode(fixture.Handbook(t)))
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestCompileFixture(t *testing.T) {
	h, problems := compile.Compile(decoded(t), nil)
	if len(problems) > 0 || h == nil {
		t.Fatalf("the fixture does not compile: %v", problems)
	}
}

// TestProblemsReferToOtherPlaces: a message that names another place (the
// first version of a duplicate) renders it through Places, or as file and
// key path without positions.
func TestProblemsReferToOtherPlaces(t *testing.T) {
	ps := decoded(t)
	var dup source.Doc
	for _, p := range ps {
		if p.Kind == policy.KindBands {
			dup = p
			break
		}
	}
	copyOf, err := bundle.DecodePolicies(bundle.Encode(fixture.Handbook(t)))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range copyOf {
		if p.Kind == dup.Kind && p.Policy.Head().ID == dup.Policy.Head().ID {
			p.File = "elsewhere.toml"
			ps = append(ps, p)
		}
	}
	_, problems := compile.Compile(ps, nil)
	var found bool
	for _, p := range problems {
		if !strings.Contains(p.Message, "duplicate") {
			continue
		}
		found = true
		if got := p.Text(nil); !strings.Contains(got, "also in "+dup.File+" version") && !strings.Contains(got, "also in elsewhere.toml version") {
			t.Errorf("without positions: %q", got)
		}
		if got := p.Text(fakePlaces{}); !strings.Contains(got, "@/version") {
			t.Errorf("with positions: %q", got)
		}
		if strings.ContainsRune(p.Text(nil), 0) {
			t.Errorf("a reference is left in %q", p.Text(nil))
		}
	}
	if !found {
		t.Fatalf("no duplicate reported: %v", problems)
	}
}

type fakePlaces struct{}

func (fakePlaces) Pos(file, ptr string) string  { return file + "@" + ptr }
func (fakePlaces) Line(file, ptr string) string { return "L" + ptr }

// TestCompileLeavesSourcesAlone: compiling reads the decoded sources and
// never writes them (the compiled handbook holds what it adds), so one
// decoding can be compiled again, as serve does after an edit elsewhere.
func TestCompileLeavesSourcesAlone(t *testing.T) {
	data := bundle.Encode(fixture.Handbook(t))
	docs, err := bundle.DecodePolicies(data)
	if err != nil {
		t.Fatal(err)
	}
	want, err := bundle.DecodePolicies(data)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if h, problems := compile.Compile(docs, nil); h == nil || len(problems) > 0 {
			t.Fatalf("the fixture does not compile: %v", problems)
		}
	}
	if diff := cmp.Diff(want, docs, cmp.Comparer(func(a, b exact.Decimal) bool { return a.String() == b.String() })); diff != "" {
		t.Errorf("compiling changed its sources (-before +after):\n%s", diff)
	}
}
