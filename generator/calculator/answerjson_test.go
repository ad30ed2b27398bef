package calculator

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestAppendAnswer: AppendAnswer and AppendFields write the bytes
// AppendJSON writes of Object and FieldsObject, for every worked case's
// answer (with its report and what it takes), its result alone, its form,
// each scorecard's form and answer, and answers with problems.
func TestAppendAnswer(t *testing.T) {
	calc := shipped(t)
	h := calc.Handbook()
	check := func(t *testing.T, what string, a Answer) {
		t.Helper()
		got, want := AppendAnswer(nil, a), AppendJSON(nil, Object(a))
		if string(got) != string(want) {
			t.Errorf("%s: AppendAnswer writes\n%s\nAppendJSON of Object\n%s", what, got, want)
		}
	}
	checkFields := func(t *testing.T, what string, fs []inputs.Field) {
		t.Helper()
		got, want := AppendFields(nil, fs), AppendJSON(nil, FieldsObject(fs))
		if string(got) != string(want) {
			t.Errorf("%s: AppendFields writes\n%s\nAppendJSON of FieldsObject\n%s", what, got, want)
		}
	}
	for _, wc := range workedCases(t, h) {
		t.Run(wc.name, func(t *testing.T) {
			check(t, "with report and next", calc.Compute(wc.req))
			r := wc.req
			r.Report, r.Next = false, false
			check(t, "result alone", calc.Compute(r))
			r.Values = r.Values[:len(r.Values)/2]
			check(t, "half the values", calc.Compute(r))
			fs, err := calc.Fields(wc.req.Role, wc.req.Period)
			if err != nil {
				t.Fatal(err)
			}
			checkFields(t, "fields", fs)
			day := wc.req.Period.Settled()
			role, _ := h.At(policy.KindRole, wc.req.Role, day).(*policy.Role)
			for _, card := range role.Scorecards {
				fs, err := calc.CardFields(card, wc.req.Period)
				if err != nil {
					continue // not in effect in the period
				}
				checkFields(t, "card "+card, fs)
				check(t, "score "+card, calc.Score(card, Request{Period: wc.req.Period, Values: wc.req.Values, Next: true}))
			}
		})
	}
	p, _ := engine.ParsePeriod("2026-10")
	for _, c := range []struct {
		name string
		a    Answer
	}{
		{"no role", calc.Compute(Request{Period: p})},
		{"unknown role", calc.Compute(Request{Role: "nobody", Period: p})},
		{"bad values", calc.Compute(Request{Role: "kefu-zongjian", Period: p, Values: []inputs.Value{{Path: "pay.orphan_sales", Text: "x</script>\u2028\""}, {Path: "nowhere", Text: "1"}}})},
		{"English reason", Answer{Problems: []inputs.FieldProblem{{Path: "p", Reason: "why"}}}},
		{"empty", Answer{}},
		{"ledger goals", Answer{Next: Next{Ledger: &LedgerGoal{Path: "pay.x", Actual: "1.00", Base: &Goal{Collection: "2.00", Reached: true}}}}},
	} {
		check(t, c.name, c.a)
	}
	checkFields(t, "no fields", nil)
}

// BenchmarkAppendAnswer writes the worked cases' answers (the result
// alone, as per keystroke) as AppendAnswer does and as Object and
// AppendJSON do.
func BenchmarkAppendAnswer(b *testing.B) {
	calc := shipped(b)
	var as []Answer
	for _, wc := range workedCases(b, calc.Handbook()) {
		r := wc.req
		r.Report, r.Next, r.Title = false, false, ""
		as = append(as, calc.Compute(r))
	}
	b.Run("AppendAnswer", func(b *testing.B) {
		for i := range b.N {
			AppendAnswer(nil, as[i%len(as)])
		}
	})
	b.Run("Object+AppendJSON", func(b *testing.B) {
		for i := range b.N {
			AppendJSON(nil, Object(as[i%len(as)]))
		}
	})
}
