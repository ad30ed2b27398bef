package engine

import (
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
		{"exempt", "0", "0", "0", 0},               // a new salesperson's first quarter carries no task
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
