package calculator

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/inputs"
)

// FuzzCompute: no text typed into a calculator's form, for any period,
// makes it panic; what is computed has no problems, and what has problems
// is not computed. Seeds: every worked case, each value replaced in turn.
func FuzzCompute(f *testing.F) {
	calc := shipped(f)
	wcs := workedCases(f, calc.Handbook())
	for i, wc := range wcs {
		for j := range wc.req.Values {
			f.Add(i, wc.req.Period.String(), j, wc.req.Values[j].Text, true)
		}
	}
	f.Add(0, "2026-13", 0, "", false)
	f.Fuzz(func(t *testing.T, which int, period string, field int, text string, next bool) {
		if which < 0 || field < 0 {
			return
		}
		wc := wcs[which%len(wcs)]
		p, err := engine.ParsePeriod(period)
		if err != nil {
			return
		}
		values := append([]inputs.Value(nil), wc.req.Values...)
		values[field%len(values)].Text = text
		req := Request{Role: wc.req.Role, Period: p, Values: values, Next: next, Report: next}
		a := calc.Compute(req)
		if len(a.Problems) > 0 && (a.Cards != nil || a.Pay != nil) {
			t.Fatal("computed with problems")
		}
		if len(a.Problems) == 0 && a.Cards == nil && a.Pay == nil {
			t.Fatal("neither computed nor a problem")
		}
		for _, card := range a.Cards {
			calc.Score(card.ID, req)
		}
	})
}
