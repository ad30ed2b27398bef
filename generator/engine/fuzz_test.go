package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// FuzzCompute guards that no input makes the engine panic: fuzzed numbers,
// levels, choices and ledger history go through Compute for the key-account
// quarter (scorecard, pay and ledger) and the director's month; the engine
// returns a result or an error. Two oracles hold for every input: every
// number of a result is finite (never NaN), and the traced and untraced
// computations agree (the same error, or the same numbers).
func FuzzCompute(f *testing.F) {
	h := handbook(f)
	f.Add("112", "250000", int64(4), "strong", "150000", "80000", int64(2), "-1")
	f.Add("0", "0", int64(9), "", "0", "0", int64(0), "1e5")
	f.Add("99999999999999999999999", "0.000001", int64(-3), "x", "-5", "300000", int64(700), "NaN")
	// Regression: an amount of 10^35 gave NaN in the payout.
	f.Add("100", "0", int64(5), "strong", "100000000000000000000000000000000000", "80000", int64(3), "0")
	f.Fuzz(func(t *testing.T, a, b string, n int64, choice, x, prev string, lvl int64, c string) {
		dec := func(s string) *exact.Decimal {
			d, err := exact.Parse(s)
			if err != nil {
				return nil
			}
			return &d
		}
		val := func(s string) formula.Value {
			if d := dec(s); d != nil {
				return formula.Value{Num: *d}
			}
			return formula.Value{}
		}
		named := map[string]formula.Value{"new_customers": val(a), "plan_customers": {Num: exact.FromInt(n)},
			"absent_days": val(b), "late_deduction": val(c)}
		pay := map[string]formula.Value{"achieved": val(x), "implementation_revenue": val(a), "maintenance_revenue": val(b),
			"training_revenue": val(c), "new_staff": {IsBool: true, Bool: n%2 == 0}}
		p, _ := ParsePeriod("2026-Q2")
		score := dec(prev)
		both(t, h, Case{Role: "dakehu-zhuanyuan", Period: p,
			Scorecards: map[string]map[string]ItemInput{"dakehu-staff": {
				"sales-completion": {Value: dec(a)}, "sales-growth": {Value: dec(b)}, "new-customers": {Named: named},
				"market-info": {Value: dec(c)}, "teamwork": {Value: dec(x)}, "knowledge": {Checks: []string{choice}},
				"analysis": {Choice: choice}, "communication": {Choice: "persuade"}, "attendance": {Named: named}}},
			Pay:     pay,
			History: []Quarter{{Label: "2026-Q1", Score: score, Values: pay}},
		})
		m, _ := ParsePeriod("2026-10")
		both(t, h, Case{Role: "kefu-zongjian", Period: m,
			Scorecards: map[string]map[string]ItemInput{"kefu-zongjian-monthly": {
				"crm": {Value: dec(a)}, "info-mastery": {Value: dec(b)}, "key-visits": {Value: dec(c)}, "satisfaction": {Value: dec(x)},
				"complaints": {Value: dec(prev)}, "orphan-loss": {Value: dec(a)}, "zhihui": {Level: int(lvl)}, "zhiyehua": {Level: int(n)},
				"kehu-zhongxin": {Level: 3}, "fuwu-xizhi": {Level: 3}, "chengdan-zeren": {Level: 3}}},
			Pay: map[string]formula.Value{"orphan_sales": val(x), "extra_award": val(b)}, RedLines: []string{choice}})
	})
}

// both computes c with and without a trace and checks the oracles; the
// untraced computation also with a Scratch, used twice (a batch's path,
// with compiled cards and numbered plans), which must give the same
// result or the same error, word for word.
func both(t *testing.T, h *policy.Handbook, c Case) {
	t.Helper()
	traced, errT := Compute(h, c)
	c.NoTrace = true
	fast, errF := Compute(h, c)
	if (errT == nil) != (errF == nil) {
		t.Fatalf("traced error %v, untraced error %v", errT, errF)
	}
	var sc Scratch
	for range 2 {
		r, err := sc.Compute(h, c)
		if fmt.Sprint(err) != fmt.Sprint(errF) {
			t.Fatalf("untraced error %v, with a Scratch %v", errF, err)
		}
		if err == nil && numbers(r) != numbers(fast) {
			t.Fatalf("untraced and Scratch results differ:\n%s\n%s", numbers(fast), numbers(r))
		}
	}
	if errT != nil {
		return
	}
	if a, b := numbers(traced), numbers(fast); a != b {
		t.Fatalf("traced and untraced results differ:\n%s\n%s", a, b)
	}
	if s := numbers(traced); strings.Contains(s, "NaN") || strings.Contains(s, "Infinity") {
		t.Fatalf("a number is not finite: %s", s)
	}
}

// numbers writes every number a result gives with or without a trace.
func numbers(r Result) string {
	var b strings.Builder
	for _, s := range r.Scores {
		fmt.Fprintf(&b, "%s %s %v %s;", s.Scorecard, s.Total, s.K, s.Grade)
	}
	if r.Points != nil {
		fmt.Fprintf(&b, "points %s;", r.Points.Total)
	}
	if r.Pay != nil {
		fmt.Fprintf(&b, "pay %s", r.Pay.Total)
		for _, c := range r.Pay.Components {
			fmt.Fprintf(&b, " %s=%s/%v", c.Name, c.Amount, c.Withheld)
		}
	}
	for _, e := range r.Ledger {
		fmt.Fprintf(&b, ";%s %s %s %s %s %s %s %s", e.Quarter, e.Branch, e.Actual, e.Bonus, e.Penalty, e.CarriedOut, e.Floating, e.Factor)
	}
	return b.String()
}
