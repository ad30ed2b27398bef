package engine

import (
	"slices"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

func money(s string) formula.Value { return formula.Value{Num: exact.MustParse(s)} }

func param(p *policy.PayPlan, name string) exact.Decimal {
	for _, pa := range p.Param {
		if pa.Name == name {
			return pa.Value
		}
	}
	panic("no param " + name)
}

func TestPayDirectorMonthly(t *testing.T) {
	h := handbook(t)
	p := h.At(policy.KindPayPlan, "kefu-zongjian-pay", day).(*policy.PayPlan)
	score := exact.MustParse("78")
	in := PayInput{Score: &score, Values: map[string]formula.Value{"orphan_sales": money("200000"), "extra_award": money("0")}}
	r, err := Pay(p, in, On(h, day))
	if err != nil {
		t.Fatal(err)
	}
	// fixed + base × K(78 → 0.7) + 200000 × rate% × 30% + 0.
	want := param(p, "fixed_pay").
		Add(param(p, "performance_base").Mul(exact.MustParse("0.7"))).
		Add(exact.MustParse("200000").Mul(param(p, "orphan_commission_rate")).Mul(exact.MustParse("0.003"))).
		Round(2, exact.HalfUp)
	if r.Total.Cmp(want) != 0 {
		t.Errorf("total %s, want %s\n%s", r.Total, want, trace(r.Trace))
	}
	if len(r.Components) != 4 {
		t.Errorf("%d monthly components, want 4 (fixed, performance, orphan commission, extra)", len(r.Components))
	}

	// A red line holds back the performance pay, and shows in the result.
	in.RedLines = []string{"huilou"}
	if _, err := Pay(p, in, On(h, day)); err == nil || !strings.Contains(err.Error(), `unknown red line "huilou"`) {
		t.Errorf("unknown red line: err = %v", err)
	}
	rl := h.At(policy.KindRedLines, "dianwang", day).(*policy.RedLines)
	in.RedLines = []string{rl.Line[2].ID}
	r2, err := Pay(p, in, On(h, day))
	if err != nil {
		t.Fatal(err)
	}
	if len(r2.RedLines) != 1 || r2.Total.Cmp(r.Total) >= 0 {
		t.Errorf("red line: %d hits, total %s (was %s)\n%s", len(r2.RedLines), r2.Total, r.Total, trace(r2.Trace))
	}
}

func TestPayReportsEveryMissingInput(t *testing.T) {
	h := handbook(t)
	p := h.At(policy.KindPayPlan, "kefu-zongjian-pay", day).(*policy.PayPlan)
	_, err := Pay(p, PayInput{Values: map[string]formula.Value{"bogus": money("1")}}, On(h, day))
	for _, want := range []string{"orphan_sales: no input given", "score: no score given", "bogus: the plan has no such input"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}

func trace(steps []Step) string {
	var b strings.Builder
	for _, s := range steps {
		b.WriteString(s.Ref.String() + " " + s.Clause + " " + s.Value + " " + said(s) + "\n")
	}
	return b.String()
}

// TestLeave checks the leave rules of the director's plan: a voluntary
// departure forfeits the annual items, a dismissal prorates them by months
// served, and a bad departure is an input error naming the plan's cases.
func TestLeave(t *testing.T) {
	h := handbook(t)
	p := h.At(policy.KindPayPlan, "kefu-zongjian-pay", day).(*policy.PayPlan)
	in := func(l *Leave) PayInput {
		return PayInput{Period: "annual", Leave: l, Values: map[string]formula.Value{"annual_profit": money("5000000.00"), "annual_score": money("92")}}
	}
	full, err := Pay(p, in(nil), On(h, day))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		leave *Leave
		want  string // the total, or the error
	}{
		{&Leave{Case: "voluntary", Months: 9}, "0.00"},
		{&Leave{Case: "dismissal", Months: 9}, full.Total.Mul(exact.FromInt(9)).Shift(0).String()}, // checked below ÷ 12
		{&Leave{Case: "dismissal", Months: 12}, full.Total.String()},
		{&Leave{Case: "dismissal", Months: 0}, "0.00"},
		{&Leave{Case: "retired", Months: 3}, `leave: unknown case "retired" (the plan's cases: voluntary, dismissal)`},
		{&Leave{Case: "dismissal", Months: 13}, "leave: 13 months served, want 0 to 12"},
	} {
		r, err := Pay(p, in(tt.leave), On(h, day))
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = r.Total.String()
		}
		want := tt.want
		if tt.leave.Case == "dismissal" && tt.leave.Months == 9 {
			q, _ := full.Total.Mul(exact.FromInt(9)).Quo(exact.FromInt(12))
			want = q.Round(2, exact.HalfUp).String()
		}
		if got != want {
			t.Errorf("%+v: got %s, want %s", *tt.leave, got, want)
		}
	}
	other := h.At(policy.KindPayPlan, "kefu-daibiao-pay", day).(*policy.PayPlan)
	if _, err := Pay(other, PayInput{Leave: &Leave{Case: "voluntary", Months: 3}}, On(h, day)); err == nil || !strings.Contains(err.Error(), "has no leave rules") {
		t.Errorf("a plan without leave rules: err = %v", err)
	}
}

// TestUsesInput checks that the index's answer for a plan's input by its
// place, which the payout asks for every row, is Uses' for its name, for
// every input of every plan of the fixture in every period.
func TestUsesInput(t *testing.T) {
	h := handbook(t)
	n := 0
	for _, pol := range h.All() {
		p, ok := pol.(*policy.PayPlan)
		if !ok {
			continue
		}
		for _, period := range append(slices.Clip(policy.Periods), "") {
			for i, def := range p.Input {
				if got, want := p.UsesInput(period, i), p.Uses(period, def.Name); got != want {
					t.Errorf("%s %q: UsesInput(%d) = %v, Uses(%s) = %v", p.ID, period, i, got, def.Name, want)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no pay plan input in the fixture")
	}
}
