package calculator

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/report"
)

// workedCase is a worked case of testdata/cases as a calculator's request.
type workedCase struct {
	name   string
	req    Request
	golden string
	c      *engine.Case
}

// workedCases reads every worked case and computes its report natively
// (engine.Compute, report.Text): the text package cases checks against the
// case's golden file. The file itself is not read, since go test ./...
// -update may be rewriting it in another package's test meanwhile.
func workedCases(t testing.TB, h *policy.Handbook) []workedCase {
	t.Helper()
	paths, _ := filepath.Glob("../../testdata/cases/*.toml")
	if len(paths) == 0 {
		t.Fatal("no worked cases")
	}
	var out []workedCase
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c, diags := cases.Read(load.File{Path: "testdata/cases/" + filepath.Base(path), Data: src}, h)
		if len(diags) > 0 {
			t.Fatalf("%s: %v", path, diags)
		}
		r, err := engine.Compute(h, c.Case)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var golden bytes.Buffer
		report.Text(&golden, c.Title, r)
		out = append(out, workedCase{
			name:   filepath.Base(path),
			req:    Request{Role: c.Case.Role, Period: c.Case.Period, Values: inputs.Encode(c.Case), Title: c.Title, Report: true, Next: true},
			golden: golden.String(),
			c:      &c.Case,
		})
	}
	return out
}

// withValues returns req, without its report and what it takes, with each
// of set's paths given its text (in place of the text it had, if any).
func withValues(req Request, set ...inputs.Value) Request {
	r := req
	r.Next, r.Report = false, false
	r.Values = nil
	for _, v := range req.Values {
		if !slices.ContainsFunc(set, func(s inputs.Value) bool { return s.Path == v.Path }) {
			r.Values = append(r.Values, v)
		}
	}
	r.Values = append(r.Values, set...)
	return r
}

func shipped(t testing.TB) *Calculator {
	t.Helper()
	h, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	return New(h)
}

// TestWorkedCasesThroughTheForm: every worked case, entered as the text of
// the calculator's form, gives its golden report, trace included.
func TestWorkedCasesThroughTheForm(t *testing.T) {
	calc := shipped(t)
	for _, wc := range workedCases(t, calc.Handbook()) {
		t.Run(wc.name, func(t *testing.T) {
			a := calc.Compute(wc.req)
			if len(a.Problems) > 0 {
				t.Fatalf("problems: %v", a.Problems)
			}
			if a.Report != wc.golden {
				t.Errorf("the calculator's report differs from the golden:\n%s", a.Report)
			}
			if len(a.Cards) == 0 && a.Pay == nil {
				t.Error("nothing computed")
			}
		})
	}
}

// TestBadInputIsAProblemAtItsField: what cannot be computed is reported
// at its field and never panics.
func TestBadInputIsAProblemAtItsField(t *testing.T) {
	calc := shipped(t)
	wcs := workedCases(t, calc.Handbook())
	wc := wcs[0]
	garbage := func(path, text string) Request {
		r := wc.req
		r.Values = append([]inputs.Value(nil), r.Values...)
		for i := range r.Values {
			if r.Values[i].Path == path {
				r.Values[i].Text = text
			}
		}
		return r
	}
	var itemPath string
	for _, v := range wc.req.Values {
		if strings.HasPrefix(v.Path, "scorecard.") || strings.HasPrefix(v.Path, "pay.") {
			itemPath = v.Path
			break
		}
	}
	tests := []struct {
		name string
		req  Request
		path string
	}{
		{"no role", Request{Period: wc.req.Period}, "role"},
		{"an unknown role", Request{Role: "nobody", Period: wc.req.Period}, "role"},
		{"a number that is not one", garbage(itemPath, "12abc"), itemPath},
		{"a number beyond every bound", garbage(itemPath, "1"+strings.Repeat("0", 60)), itemPath},
		{"a field no form has", Request{Role: wc.req.Role, Period: wc.req.Period, Values: append(append([]inputs.Value(nil), wc.req.Values...), inputs.Value{Path: "scorecard.x.y", Text: "1"})}, "scorecard.x.y"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := calc.Compute(tt.req)
			if len(a.Problems) == 0 {
				t.Fatal("no problem reported")
			}
			found := false
			for _, p := range a.Problems {
				found = found || p.Path == tt.path
			}
			if !found {
				t.Errorf("no problem at %s: %v", tt.path, a.Problems)
			}
			if a.Cards != nil || a.Pay != nil || a.Report != "" {
				t.Error("computed from bad input")
			}
		})
	}
}

// TestCountOutOfBoundsSaysSo: a pay input that the month's points count
// too, given out of its bounds (negative, a fraction of a count), is
// refused for its bounds, at its field, not for disagreeing with the count.
func TestCountOutOfBoundsSaysSo(t *testing.T) {
	calc := shipped(t)
	checked := 0
	for _, wc := range workedCases(t, calc.Handbook()) {
		if wc.c.Points == nil {
			continue // no month's points: nothing counts the input
		}
		role, _ := calc.Handbook().At(policy.KindRole, wc.req.Role, wc.req.Period.Settled()).(*policy.Role)
		pp, _ := calc.Handbook().At(policy.KindPayPlan, role.PayPlan, wc.req.Period.Settled()).(*policy.PayPlan)
		if pp == nil {
			continue
		}
		for _, def := range pp.Input {
			if def.Event == "" || def.Kind == "yesno" {
				continue
			}
			path := "pay." + def.Name
			for _, text := range []string{"-1", "1.5"} {
				a := calc.Compute(withValues(wc.req, inputs.Value{Path: path, Text: text}))
				found := false
				for _, p := range a.Problems {
					if p.Path != path {
						continue
					}
					found = true
					if strings.Contains(p.Reason, "must agree") {
						t.Errorf("%s: %s = %s: %q, want its bounds", wc.name, path, text, p.Reason)
					}
				}
				if !found {
					t.Errorf("%s: %s = %s: no problem at the field: %v", wc.name, path, text, a.Problems)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no worked case has a pay input the points count")
	}
}

// TestFieldsOmitThePerson: the calculator asks for no name.
func TestFieldsOmitThePerson(t *testing.T) {
	calc := shipped(t)
	for _, wc := range workedCases(t, calc.Handbook()) {
		fs, err := calc.Fields(wc.req.Role, wc.req.Period)
		if err != nil {
			t.Fatalf("%s: %v", wc.name, err)
		}
		for _, f := range fs {
			if f.Path == "person" {
				t.Fatalf("%s: the form asks for the person", wc.name)
			}
		}
	}
}

// TestFieldsRefusedInChinese: a form asked for a role or a scorecard not in
// effect in the period is refused with a message in both languages (the
// page shows the Chinese at its period field), naming the id and the day.
func TestFieldsRefusedInChinese(t *testing.T) {
	calc := shipped(t)
	wc := workedCases(t, calc.Handbook())[0]
	long := engine.Period{Kind: policy.Monthly, Year: 1900, Month: 1}
	for _, tt := range []struct {
		name string
		get  func() error
		id   string
		zh   string
	}{
		{"role", func() error { _, err := calc.Fields(wc.req.Role, long); return err }, wc.req.Role, "没有生效的岗位"},
		{"unknown role", func() error { _, err := calc.Fields("no-such-role", wc.req.Period); return err }, "no-such-role", "没有生效的岗位"},
		{"scorecard", func() error { _, err := calc.CardFields("no-such-card", wc.req.Period); return err }, "no-such-card", "没有生效的考核表"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.get()
			if err == nil {
				t.Fatal("no error")
			}
			zh := diag.ErrorIn(err, diag.Chinese)
			if !strings.Contains(zh, tt.zh) || !strings.Contains(zh, tt.id) || zh == err.Error() {
				t.Errorf("Chinese %q, English %q: want %q and %q in the Chinese", zh, err.Error(), tt.zh, tt.id)
			}
		})
	}
}

// TestScoreACardAlone: every worked case's scorecards, scored alone from
// their fields, give the totals the whole case gives; a card with a field
// left empty is a problem at that field.
func TestScoreACardAlone(t *testing.T) {
	calc := shipped(t)
	for _, wc := range workedCases(t, calc.Handbook()) {
		whole := calc.Compute(wc.req)
		for _, card := range whole.Cards {
			var fed bool
			var values []inputs.Value
			for _, v := range wc.req.Values {
				if strings.HasPrefix(v.Path, "scorecard."+card.ID+".") {
					values = append(values, v)
				}
			}
			fs, err := calc.CardFields(card.ID, wc.req.Period)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				if !slices.ContainsFunc(values, func(v inputs.Value) bool { return v.Path == f.Path }) {
					fed = true // an item the pay plan computes: not on the card's own form
				}
			}
			a := calc.Score(card.ID, Request{Period: wc.req.Period, Values: values})
			if fed {
				if len(a.Problems) == 0 {
					t.Errorf("%s %s: scored with an item left empty", wc.name, card.ID)
				}
				continue
			}
			if len(a.Problems) > 0 || len(a.Cards) != 1 {
				t.Fatalf("%s %s: %v", wc.name, card.ID, a.Problems)
			}
			if got := a.Cards[0]; got.Total != card.Total || got.K != card.K || got.Grade != card.Grade {
				t.Errorf("%s %s: alone %s/%s/%s, in the case %s/%s/%s", wc.name, card.ID, got.Total, got.K, got.Grade, card.Total, card.K, card.Grade)
			}
		}
	}
}

// TestEveryWorkedValueIsAField: the form of a worked case's role and
// period has a field for every value the case gives (but the person's
// name), so that a calculator opened with the case's values loses none.
func TestEveryWorkedValueIsAField(t *testing.T) {
	calc := shipped(t)
	for _, wc := range workedCases(t, calc.Handbook()) {
		fs, err := calc.Fields(wc.req.Role, wc.req.Period)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range wc.req.Values {
			if v.Path != "person" && !slices.ContainsFunc(fs, func(f inputs.Field) bool { return f.Path == v.Path }) {
				t.Errorf("%s: %s is not a field of the calculator's form", wc.name, v.Path)
			}
		}
	}
}

// TestScoreACardAloneWithWhatItTakes: a card scored alone says what it
// takes as the whole case does: the same next band, at the same total (by
// the same item, or by another that reaches that total too: a case's pay
// plan may feed an item from its pay inputs, which the card alone leaves
// to the person, and of two items that tie the first is named).
func TestScoreACardAloneWithWhatItTakes(t *testing.T) {
	calc := shipped(t)
	seen := 0
	for _, wc := range workedCases(t, calc.Handbook()) {
		whole := calc.Compute(wc.req)
		for _, card := range whole.Cards {
			var values []inputs.Value
			for _, v := range wc.req.Values {
				if strings.HasPrefix(v.Path, "scorecard."+card.ID+".") {
					values = append(values, v)
				}
			}
			a := calc.Score(card.ID, Request{Period: wc.req.Period, Values: values, Next: true})
			if len(a.Problems) > 0 {
				continue // a card with a fed item is not scored alone
			}
			for _, b := range whole.Next.Bands {
				if b.Card != card.ID {
					continue
				}
				if len(a.Next.Bands) != 1 || a.Next.Bands[0].Total != b.Total || a.Next.Bands[0].K != b.K || a.Next.Bands[0].Grade != b.Grade {
					t.Errorf("%s %s: alone %+v, in the case %+v", wc.name, card.ID, a.Next.Bands, b)
				}
				seen++
			}
		}
	}
	if seen == 0 {
		t.Fatal("no card alone has a next band")
	}
}
