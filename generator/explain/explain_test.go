package explain_test

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/explain"
	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
)

// TestEveryStepSaysSomething computes the fixture's worked cases and
// requires every step of every trace to read as one Chinese sentence: not
// empty, ending in 。 (the wording itself is pinned by the worked cases'
// goldens, which print these sentences).
func TestEveryStepSaysSomething(t *testing.T) {
	h := fixture.Handbook(t)
	kinds := map[string]bool{}
	for _, f := range fixture.Cases(t) {
		c, diags := cases.Read(f, h)
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		r, err := engine.Compute(h, c.Case)
		if err != nil {
			t.Fatal(err)
		}
		var steps []engine.Step
		for _, s := range r.Scores {
			steps = append(steps, s.Trace...)
		}
		if r.Pay != nil {
			steps = append(steps, r.Pay.Trace...)
		}
		if r.Points != nil {
			steps = append(steps, r.Points.Trace...)
		}
		for _, s := range steps {
			text := explain.Step(s)
			kinds[strings.TrimPrefix(typeName(s.Say), "engine.")] = true
			if text == "" || !strings.HasSuffix(strings.TrimSpace(text), "。") && !strings.HasSuffix(text, "）") {
				t.Errorf("%s %s: %q", f.Path, s.Ref, text)
			}
		}
	}
	for _, k := range []string{"ItemScored", "PartScored", "TotalScored", "BandFound", "Text"} {
		if !kinds[k] {
			t.Errorf("no step of the fixture's cases says a %s", k)
		}
	}
}

func typeName(v any) string {
	switch v.(type) {
	case engine.ItemScored:
		return "ItemScored"
	case engine.PartScored:
		return "PartScored"
	case engine.TotalScored:
		return "TotalScored"
	case engine.BandFound:
		return "BandFound"
	case engine.Text:
		return "Text"
	}
	return "?"
}
