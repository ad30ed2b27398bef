package engine

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestOwnValues checks a person's own values of personal parameters on the
// fixture's 客服代表 plan (basic_pay and grade_allowance are personal,
// post_pay is not): an own value replaces the plan's in the formulas that
// use it, the trace says whose value each personal parameter took, and an
// own value outside its range, of a parameter that is not personal or of no
// parameter is an input error, every one at once.
func TestOwnValues(t *testing.T) {
	h := handbook(t)
	p := h.At(policy.KindPayPlan, "kefu-daibiao-pay", day).(*policy.PayPlan)
	score := exact.MustParse("100")
	values := map[string]formula.Value{
		"base_quota_rate": money("100"), "attendance_rate": money("80"), "member_rate": money("95"),
		"probation": {IsBool: true}, "adopted_suggestions": money("0"), "star_month": {IsBool: true}, "profit_received": money("0"),
	}
	amount := func(r PayResult, name string) string {
		for _, c := range r.Components {
			if c.Name == name {
				return c.Amount.String()
			}
		}
		return "none"
	}
	for _, tt := range []struct {
		name             string
		own              map[string]string
		basic, allowance string // the components, or
		err              string // the input error
		whose            string // the clauses of the param steps, basic_pay then grade_allowance
	}{
		{name: "none given: the plan's values", basic: param(p, "basic_pay").String(),
			allowance: param(p, "grade_allowance").Mul(exact.MustParse("0.8")).Round(2, exact.HalfUp).String(), whose: "default default"},
		{name: "own base: the plan's allowance", own: map[string]string{"basic_pay": "2345.67"}, basic: "2345.67",
			allowance: param(p, "grade_allowance").Mul(exact.MustParse("0.8")).Round(2, exact.HalfUp).String(), whose: "own default"},
		{name: "own base and allowance", own: map[string]string{"basic_pay": "3000.00", "grade_allowance": "1000.00"}, basic: "3000.00",
			allowance: "800.00", whose: "own own"}, // 1000.00 × 80% attendance
		{name: "the range is inclusive", own: map[string]string{"basic_pay": p.PersonalParam("basic_pay").Personal.Max.String(), "grade_allowance": p.PersonalParam("grade_allowance").Personal.Min.String()},
			basic: p.PersonalParam("basic_pay").Personal.Max.String(), allowance: "0.00", whose: "own own"},
		{name: "outside the range, not personal, unknown: all at once",
			own: map[string]string{"basic_pay": "99999.00", "post_pay": "900.00", "nosuch": "1"},
			err: "own.basic_pay: 99999.00 is outside the range of basic_pay（基本工资（无责任底薪，月））: " +
				p.PersonalParam("basic_pay").Personal.Min.String() + " to " + p.PersonalParam("basic_pay").Personal.Max.String() +
				"; own.nosuch: pay plan kefu-daibiao-pay has no personal parameter of that name" +
				"; own.post_pay: parameter post_pay of pay plan kefu-daibiao-pay is not personal: everyone has the plan's value"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			own := map[string]exact.Decimal{}
			for k, v := range tt.own {
				own[k] = exact.MustParse(v)
			}
			r, err := Pay(p, PayInput{Values: values, Score: &score, Own: own}, On(h, day))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := amount(r, "basic"); got != tt.basic {
				t.Errorf("basic %s, want %s", got, tt.basic)
			}
			if got := amount(r, "allowance"); got != tt.allowance {
				t.Errorf("allowance %s, want %s", got, tt.allowance)
			}
			var whose []string
			for _, s := range r.Trace {
				if pt, ok := s.Say.(ParamTaken); ok {
					whose = append(whose, s.Clause)
					if pt.Own != (s.Clause == "own") || s.Value != pt.Value.String() {
						t.Errorf("step %s [%s] = %s says %+v", s.Ref, s.Clause, s.Value, pt)
					}
				}
			}
			if strings.Join(whose, " ") != tt.whose {
				t.Errorf("personal steps %v, want %s\n%s", whose, tt.whose, trace(r.Trace))
			}
			// Untraced, the same numbers.
			quick, err := pay(p, PayInput{Values: values, Score: &score, Own: own}, On(h, day), false, nil)
			if err != nil || quick.Total.String() != r.Total.String() {
				t.Errorf("untraced: %v %v, traced %s", quick.Total, err, r.Total)
			}
		})
	}
}

// TestLedgerOwnTarget checks that a person's own quarterly target moves the
// ledger's base and target in every quarter: 80000 is below the base of
// the fixture's default target (half of 200000) but above that of an own
// target of 120000 (base 60000), and 150000 then reaches the own target.
func TestLedgerOwnTarget(t *testing.T) {
	h := handbook(t)
	p := h.At(policy.KindPayPlan, "dakehu-zhuanyuan-pay", day).(*policy.PayPlan)
	var c *policy.Component
	for i := range p.Component {
		if p.Component[i].Kind == "ledger" {
			c = &p.Component[i]
		}
	}
	score := exact.MustParse("96") // K 1.2 → factor 1.04
	q := func(label, x string, own map[string]exact.Decimal) Quarter {
		return Quarter{Label: label, Score: &score, Own: own, Values: map[string]formula.Value{
			"achieved": money(x), "implementation_revenue": money("0"), "maintenance_revenue": money("0"), "training_revenue": money("0"),
			"new_staff": {IsBool: true}}}
	}
	own := map[string]exact.Decimal{"quarter_target": exact.MustParse("120000.00")}
	for _, tt := range []struct {
		name            string
		own             map[string]exact.Decimal
		branches, bonus string
		base1, target2  string
	}{
		{"the plan's target", nil, "below-base base-to-target", "0.00 9568.00", "100000.00", "200000.00"}, // Q2: (150000 − 20000 made up + late base 100000) × 4% × 1.04 = 230000 × 0.0416
		{"own target 120000", own, "base-to-target target", "3328.00 4992.00", "60000.00", "120000.00"},   // 80000 × 0.0416; 120000 × 0.0416, 30000 carried
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Ledger(p, c, []Quarter{q("Q1", "80000", tt.own), q("Q2", "150000", tt.own)}, On(h, day))
			if err != nil {
				t.Fatal(err)
			}
			branches := got[0].Branch + " " + got[1].Branch
			bonus := got[0].Bonus.String() + " " + got[1].Bonus.String()
			if branches != tt.branches || bonus != tt.bonus || got[0].Base.String() != tt.base1 || got[1].Target.String() != tt.target2 {
				t.Errorf("%s, bonus %s, Q1 base %s, Q2 target %s; want %s, %s, %s, %s\n%s%s", branches, bonus, got[0].Base, got[1].Target,
					tt.branches, tt.bonus, tt.base1, tt.target2, trace(got[0].Trace), trace(got[1].Trace))
			}
		})
	}
}

// TestHistoryOwnValues: an earlier quarter of a ledger takes the case's own
// values, except those it gives of its own, and the case's map is not
// changed by the merge.
func TestHistoryOwnValues(t *testing.T) {
	p := &policy.PayPlan{}
	d := exact.MustParse
	own := map[string]exact.Decimal{"quarter_target": d("120000.00"), "floating_pay": d("2000.00")}
	hist := []Quarter{
		{Label: "Q1"},
		{Label: "Q2", Own: map[string]exact.Decimal{"quarter_target": d("180000.00")}},
	}
	got := historyInputs(p, hist, own)
	for _, tt := range []struct {
		q           int
		target, pay string
	}{{0, "120000.00", "2000.00"}, {1, "180000.00", "2000.00"}} {
		if o := got[tt.q].Own; o["quarter_target"].String() != tt.target || o["floating_pay"].String() != tt.pay {
			t.Errorf("%s: own %v, want quarter_target %s, floating_pay %s", got[tt.q].Label, o, tt.target, tt.pay)
		}
	}
	if own["quarter_target"].String() != "120000.00" || len(hist[0].Own) != 0 || len(hist[1].Own) != 1 {
		t.Errorf("the merge changed its inputs: case %v, history %v", own, hist)
	}
}
