package compile_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/compile"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

// TestRebuildBuildsWhatCompileBuilds: for the shipped policies and the
// fixture's, Rebuild builds the very handbook Compile builds.
func TestRebuildBuildsWhatCompileBuilds(t *testing.T) {
	shipped, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		h    *policy.Handbook
	}{{"shipped", shipped}, {"fixture", fixture.Handbook(t)}} {
		t.Run(c.name, func(t *testing.T) {
			data := bundle.Encode(c.h)
			docs := func() []source.Doc {
				ds, err := bundle.DecodePolicies(data)
				if err != nil {
					t.Fatal(err)
				}
				return ds
			}
			want, problems := compile.Compile(docs(), nil)
			if len(problems) > 0 {
				t.Fatalf("Compile: %v", problems)
			}
			got, problems := compile.Rebuild(docs())
			if len(problems) > 0 {
				t.Fatalf("Rebuild: %v", problems)
			}
			if len(got.All()) != len(want.All()) {
				t.Fatalf("Rebuild builds %d policies, Compile %d", len(got.All()), len(want.All()))
			}
			for i, p := range got.All() {
				if !reflect.DeepEqual(p, want.All()[i]) {
					t.Errorf("%s: Rebuild builds another policy than Compile", p.Head().File)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Error("Rebuild builds another handbook than Compile")
			}
		})
	}
}

// TestRebuildChecksWithinPolicies: Rebuild reports what is wrong within a
// policy, as Compile does, and not what is wrong across policies.
func TestRebuildChecksWithinPolicies(t *testing.T) {
	for _, c := range []struct {
		name    string
		change  func([]source.Doc) []source.Doc
		message string
		across  bool // a check across policies finds it: Rebuild does not
	}{
		{"period ends before it starts", func(ds []source.Doc) []source.Doc {
			h := ds[0].Policy.Head()
			before := h.EffectiveFrom.AddDate(0, 0, -1)
			h.EffectiveUntil = &before
			return ds
		}, "is before effective_from", false},
		{"duplicate", func(ds []source.Doc) []source.Doc {
			again := decoded(t)[0]
			again.File = "elsewhere.toml"
			return append(ds, again)
		}, "duplicate", true},
		{"unknown scorecard", func(ds []source.Doc) []source.Doc {
			for _, d := range ds {
				if r, ok := d.Policy.(*source.Role); ok && len(r.Scorecards) > 0 {
					r.Scorecards = append([]string{"no-such-card"}, r.Scorecards[1:]...)
					return ds
				}
			}
			t.Fatal("no role with a scorecard in the fixture")
			return nil
		}, "unknown scorecard", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			has := func(ps []compile.Problem) bool {
				return len(ps) > 0 && strings.Contains(ps[0].Message, c.message)
			}
			if _, ps := compile.Compile(c.change(decoded(t)), nil); !has(ps) {
				t.Fatalf("Compile: %v, want %q", ps, c.message)
			}
			h, ps := compile.Rebuild(c.change(decoded(t)))
			switch {
			case c.across && (len(ps) > 0 || h == nil):
				t.Errorf("Rebuild: %v, want no problem", ps)
			case !c.across && (!has(ps) || h != nil):
				t.Errorf("Rebuild: %v, want %q", ps, c.message)
			}
		})
	}
}

// BenchmarkRebuild compiles the shipped policies with Compile and with
// Rebuild (the sources are read, never modified, so one decoding serves
// every iteration).
func BenchmarkRebuild(b *testing.B) {
	h, err := load.ShippedHandbook()
	if err != nil {
		b.Fatal(err)
	}
	docs, err := bundle.DecodePolicies(bundle.Encode(h))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Compile", func(b *testing.B) {
		for range b.N {
			compile.Compile(docs, nil)
		}
	})
	b.Run("Rebuild", func(b *testing.B) {
		for range b.N {
			compile.Rebuild(docs)
		}
	})
}
