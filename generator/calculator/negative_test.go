package calculator

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/inputs"
)

// TestNegativeAmountIsBlamedAtItsField: a worked case with one of its
// number inputs made negative either computes (a negative growth is a
// number like another) or is refused at a field (the input's own, or an
// item computed from it, whose problem names it), never in a line of the
// whole form: the engine's refusal of a negative pay component is worded
// for a policy's author.
func TestNegativeAmountIsBlamedAtItsField(t *testing.T) {
	calc := shipped(t)
	refused := 0
	for _, wc := range workedCases(t, calc.Handbook()) {
		fields, err := calc.Fields(wc.req.Role, wc.req.Period)
		if err != nil {
			t.Fatalf("%s: %v", wc.name, err)
		}
		for _, f := range fields {
			if f.Kind != inputs.KindNumber {
				continue
			}
			for _, text := range []string{"-1", "-99999999.99"} {
				r := wc.req
				r.Next, r.Report = false, false
				r.Values = nil
				for _, v := range wc.req.Values {
					if v.Path != f.Path {
						r.Values = append(r.Values, v)
					}
				}
				r.Values = append(r.Values, inputs.Value{Path: f.Path, Text: text})
				a := calc.Compute(r)
				if len(a.Problems) == 0 {
					continue
				}
				for _, p := range a.Problems {
					if p.Path == "" {
						t.Errorf("%s: %s = %s: a problem at no field: %s", wc.name, f.Path, text, p.Zh)
					}
					if p.Path == f.Path && strings.HasPrefix(p.Reason, "a negative amount") {
						refused++
					}
				}
			}
		}
	}
	if refused == 0 {
		t.Fatal("no negative amount of a worked case makes a pay component negative: the test checks nothing")
	}
	t.Logf("%d negative amounts refused at their field", refused)
}
