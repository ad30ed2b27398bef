package compile_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/compile"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

// TestAssembleBuildsWhatCompileBuilds: for the shipped policies and the
// fixture's, Assemble builds the very handbook Compile builds.
func TestAssembleBuildsWhatCompileBuilds(t *testing.T) {
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
			got, err := compile.Assemble(docs())
			if err != nil {
				t.Fatalf("Assemble: %v", err)
			}
			if len(got.All()) != len(want.All()) {
				t.Fatalf("Assemble builds %d policies, Compile %d", len(got.All()), len(want.All()))
			}
			for i, p := range got.All() {
				if !reflect.DeepEqual(p, want.All()[i]) {
					t.Errorf("%s: Assemble builds another policy than Compile", p.Head().File)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Error("Assemble builds another handbook than Compile")
			}
		})
	}
}

// TestAssembleRefusesWhatItCannotBuild: sources Compile would refuse for
// a formula that does not parse, or an item of no known scoring kind, are
// refused by Assemble with ErrUnchecked rather than built with a nil
// formula or rule for the engine to meet.
func TestAssembleRefusesWhatItCannotBuild(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(t *testing.T, ds []source.Doc)
	}{
		{"a component's formula does not parse", func(t *testing.T, ds []source.Doc) {
			for _, d := range ds {
				if p, ok := d.Policy.(*source.PayPlan); ok {
					for i := range p.Component {
						if p.Component[i].Formula != "" {
							p.Component[i].Formula = "base_pay × (("
							return
						}
					}
				}
			}
			t.Fatal("no component with a formula in the fixture")
		}},
		{"an item of no scoring kind", func(t *testing.T, ds []source.Doc) {
			for _, d := range ds {
				if s, ok := d.Policy.(*source.Scorecard); ok && len(s.Part) > 0 && len(s.Part[0].Item) > 0 {
					s.Part[0].Item[0].Scoring = "no-such-kind"
					return
				}
			}
			t.Fatal("no scorecard item in the fixture")
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ds := decoded(t)
			c.change(t, ds)
			if _, ps := compile.Compile(ds, nil); len(ps) == 0 {
				t.Fatal("Compile accepts the change: the test changes nothing")
			}
			ds = decoded(t)
			c.change(t, ds)
			if h, err := compile.Assemble(ds); !errors.Is(err, compile.ErrUnchecked) || h != nil {
				t.Errorf("Assemble: %v, %v; want ErrUnchecked", h != nil, err)
			}
		})
	}
}

// BenchmarkAssemble builds the shipped policies with Compile and with
// Assemble (the sources are read, never modified, so one decoding serves
// every iteration).
func BenchmarkAssemble(b *testing.B) {
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
	b.Run("Assemble", func(b *testing.B) {
		for range b.N {
			if _, err := compile.Assemble(docs); err != nil {
				b.Fatal(err)
			}
		}
	})
}
