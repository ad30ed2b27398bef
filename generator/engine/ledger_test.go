package engine

import (
	"fmt"
	"maps"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

func TestLedgerAcrossFourQuarters(t *testing.T) {
	h := handbook(t)
	p := h.At(policy.KindPayPlan, "dakehu-zhuanyuan-pay", day).(*policy.PayPlan)
	var c *policy.Component
	for i := range p.Component {
		if p.Component[i].Kind == "ledger" {
			c = &p.Component[i]
		}
	}
	if param(p, "quarter_target").Cmp(exact.MustParse("200000")) != 0 {
		t.Skip("the expectations below assume the default quarter target of 200000")
	}
	score := exact.MustParse("96") // K 1.2 → factor 80% + 20% × 1.2 = 1.04
	q := func(label, x string) Quarter {
		return Quarter{Label: label, Score: &score, Values: map[string]formula.Value{
			"achieved": money(x), "implementation_revenue": money("0"), "maintenance_revenue": money("0"), "training_revenue": money("0"),
			"new_staff": {IsBool: true, Bool: label == "Q0"}}}
	}
	// Base is 50% of the 200000 target: 100000; rate 4%.
	got, err := Ledger(p, c, []Quarter{q("Q0", "10000"), q("Q1", "80000"), q("Q2", "150000"), q("Q3", "260000"), q("Q4", "50000")}, On(h, day))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		branch, bonus, penalty, carried string
		outstanding                     int
	}{
		{"exempt", "416.00", "0", "0", 0},          // a new salesperson's first quarter carries no task but earns on X: 10000 × 4% × 1.04 (issue 9 §3.2)
		{"below-base", "0.00", "600.00", "0", 1},   // shortfall 20000 carried
		{"base-to-target", "9568.00", "0", "0", 0}, // (30000 + 100000) × 4% + late 100000 × 4% = 9200 × 1.04
		{"target", "8320.00", "0", "60000.00", 0},  // 200000 × 4% × 1.04, excess 60000 carried
		{"base-to-target", "4576.00", "0", "0", 0}, // (50000 + 60000) × 4% × 1.04
	}
	for i, w := range want {
		e := got[i]
		if e.Branch != w.branch || e.Bonus.String() != w.bonus || e.Penalty.String() != w.penalty ||
			e.CarriedOut.String() != w.carried || len(e.Outstanding) != w.outstanding {
			t.Errorf("%s: %s bonus %s penalty %s carried %s outstanding %d; want %+v\n%s",
				e.Quarter, e.Branch, e.Bonus, e.Penalty, e.CarriedOut, len(e.Outstanding), w, trace(e.Trace))
		}
	}
	if len(got[2].MadeUp) != 1 || got[2].MadeUp[0].Quarter != "Q1" {
		t.Errorf("Q2 must make up Q1: %+v", got[2].MadeUp)
	}
	// Floating pay only in the quarter that reaches the target band.
	for i, e := range got {
		if e.FloatingPay != (i == 3) || e.FloatingPay && e.Floating.Cmp(param(p, "floating_pay")) != 0 {
			t.Errorf("%s: floating pay %v %s", e.Quarter, e.FloatingPay, e.Floating)
		}
	}
}

// TestLedgerPaidElsewhere guards issue 9 §3.1: the part of X that another
// component pays (paid_elsewhere) counts toward the task but never accrues
// at the ledger's rate, in its own quarter or in its base paid late.
func TestLedgerPaidElsewhere(t *testing.T) {
	h := handbook(t)
	p := h.At(policy.KindPayPlan, "dakehu-zhuanyuan-pay", day).(*policy.PayPlan)
	var c policy.Component
	for i := range p.Component {
		if p.Component[i].Kind == "ledger" {
			c = p.Component[i]
		}
	}
	if param(p, "quarter_target").Cmp(exact.MustParse("200000")) != 0 {
		t.Skip("the expectations below assume the default quarter target of 200000")
	}
	// The fixture's ledger has no paid_elsewhere: give this copy one.
	c.Exprs = maps.Clone(c.Exprs)
	e, err := formula.Parse("implementation_revenue")
	if err != nil {
		t.Fatal(err)
	}
	c.Exprs["paid_elsewhere"] = e
	score := exact.MustParse("96") // factor 1.04
	q := func(label, x, impl string, exempt bool) Quarter {
		return Quarter{Label: label, Score: &score, Values: map[string]formula.Value{
			"achieved": money(x), "implementation_revenue": money(impl), "maintenance_revenue": money("0"), "training_revenue": money("0"),
			"new_staff": {IsBool: true, Bool: exempt}}}
	}
	tests := []struct {
		name     string
		quarters []Quarter
		want     []string // branch gross−elsewhere=accrued+late → bonus, per quarter
	}{
		{"implementation counts toward the base but accrues nothing at 4%",
			[]Quarter{q("Q1", "150000", "30000", false)},
			[]string{"base-to-target 150000.00−30000.00=120000.00+0 → 4992.00"}}, // 120000 × 4% × 1.04
		{"a quarter made up later has its base paid late less its implementation",
			[]Quarter{q("Q1", "80000", "10000", false), q("Q2", "170000", "20000", false)},
			[]string{"below-base 0−0=0+0 → 0.00", "base-to-target 150000.00−20000.00=130000.00+90000.00 → 9152.00"}}, // (130000 + 90000) × 4% × 1.04
		{"in the target band implementation comes out of the amount within the target; the excess carried accrues next quarter",
			[]Quarter{q("Q1", "260000", "100000", false), q("Q2", "50000", "0", false)},
			[]string{"target 200000.00−100000.00=100000.00+0 → 4160.00", "base-to-target 110000.00−0=110000.00+0 → 4576.00"}},
		{"never more taken out than accrues",
			[]Quarter{q("Q1", "10000", "30000", true)},
			[]string{"exempt 10000.00−10000.00=0.00+0 → 0.00"}},
		{"a first quarter without a task accrues on X less implementation",
			[]Quarter{q("Q1", "30000", "5000", true)},
			[]string{"exempt 30000.00−5000.00=25000.00+0 → 1040.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Ledger(p, &c, tt.quarters, On(h, day))
			if err != nil {
				t.Fatal(err)
			}
			for i, w := range tt.want {
				e := got[i]
				if g := fmt.Sprintf("%s %s−%s=%s+%s → %s", e.Branch, e.Gross, e.Elsewhere, e.Accrued, e.LateBase, e.Bonus); g != w {
					t.Errorf("%s: %s, want %s\n%s", e.Quarter, g, w, trace(e.Trace))
				}
			}
		})
	}
}
