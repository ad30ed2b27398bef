package compile_test

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/compile"
	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
)

// decoded returns fresh, uncompiled copies of the fixture's policies.
func decoded(t *testing.T) []policy.Policy {
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
	var dup policy.Policy
	for _, p := range ps {
		if p.Head().Kind == policy.KindBands {
			dup = p
			break
		}
	}
	copyOf, err := bundle.DecodePolicies(bundle.Encode(fixture.Handbook(t)))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range copyOf {
		if p.Head().Kind == dup.Head().Kind && p.Head().ID == dup.Head().ID {
			p.Head().File = "elsewhere.toml"
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
		if got := p.Text(nil); !strings.Contains(got, "also in "+dup.Head().File+" version") && !strings.Contains(got, "also in elsewhere.toml version") {
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
