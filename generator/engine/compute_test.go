package engine

import (
	"errors"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
)

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{"2026-10": "2026-10-01", "2026-Q3": "2026-07-01", "2026": "2026-01-01"} {
		p, err := ParsePeriod(in)
		if err != nil || p.Start().String() != want || p.String() != in {
			t.Errorf("ParsePeriod(%q) = %v %v, want start %s", in, p, err, want)
		}
	}
	// Signs pass strconv.Atoi: +202-01 had been year 202, 2026-+1 January.
	for _, bad := range []string{"2026-13", "2026-Q5", "26-01", "2026-1", "2026-Q", "x", "+202-01", "-202", "2026-+1", "2026-Q+1", "２０２６-01"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted", bad)
		}
	}
}

// keyAccountQ2 is a key-account salesperson's second quarter that makes up
// the first quarter's shortfall, with full marks on the staff card.
func keyAccountQ2() Case {
	score := exact.MustParse("96")
	vals := func(x string) map[string]formula.Value {
		return map[string]formula.Value{"achieved": money(x), "implementation_revenue": money("10000"),
			"maintenance_revenue": money("0"), "training_revenue": money("0"), "new_staff": {IsBool: true}}
	}
	p, _ := ParsePeriod("2026-Q2")
	return Case{Person: "李四", Role: "dakehu-zhuanyuan", Period: p,
		Scorecards: map[string]map[string]ItemInput{"dakehu-staff": {
			"sales-completion": num("100"), "sales-growth": num("1000000"), "new-customers": named("new_customers", "5", "plan_customers", "5"),
			"market-info": num("10"), "teamwork": num("10"), "knowledge": {Checks: []string{"product", "industry", "position", "business"}},
			"analysis": {Choice: "strong"}, "communication": {Choice: "flexible"}, "attendance": named("absent_days", "0", "late_deduction", "0")}},
		Pay:     vals("150000"),
		History: []Quarter{{Label: "2026-Q1", Score: &score, Values: vals("80000")}},
	}
}

func TestComputeKeyAccountQuarterWithHistory(t *testing.T) {
	h := handbook(t)
	c := keyAccountQ2()
	r, err := Compute(h, c)
	if err != nil {
		t.Fatal(err)
	}
	// Full marks: 85 of 85 → 100 → K 1.2 → factor 1.04.
	// Q2 makes up Q1's 20000: (30000 + 100000) × 4% + late 100000 × 4% = 9200 × 1.04 = 9568,
	// plus 6% of 10000 service revenue × the same factor = 600 × 1.04 = 624.
	if got := r.Pay.Total.String(); got != "10192.00" {
		t.Errorf("total %s, want 10192.00\n%s", got, trace(r.Pay.Trace))
	}
	if len(r.Ledger) != 2 || r.Ledger[0].Branch != "below-base" {
		t.Errorf("ledger %+v", r.Ledger)
	}
}

func TestComputeRepresentativeMonthOnPoints(t *testing.T) {
	h := handbook(t)
	p, _ := ParsePeriod("2026-10")
	_, err := Compute(h, Case{Role: "kefu-daibiao", Period: p, Pay: map[string]formula.Value{}})
	if err == nil {
		t.Fatal("a plan on a points system needs the month's points")
	}
	_, err = Compute(h, Case{Role: "nobody", Period: p})
	if err == nil {
		t.Fatal("unknown role accepted")
	}
}

// TestLedgerTakesScorecardFedInputs checks that a ledger formula may use a
// pay input computed from a scorecard: the key-account plan with its KPI
// factor written on an input fed by the staff card gives the same quarter
// as the plan as written, which reads the card's total as score.
func TestLedgerTakesScorecardFedInputs(t *testing.T) {
	files := fixture.Files(t)
	for i := range files {
		if files[i].Path == "policies/pay/dakehu-zhuanyuan-pay.toml" {
			src := string(files[i].Data)
			src = strings.Replace(src, `factor = '80% + 20% * lookup("bonus-coefficient", score)'`, `factor = '80% + 20% * lookup("bonus-coefficient", card_score)'`, 1)
			src = strings.Replace(src, "[[input]]", "[[input]]\nname = \"card_score\"\nlabel = \"KPI总分\"\nkind = \"score\"\nperiod = \"quarterly\"\nscorecard = \"dakehu-staff\"\n\n[[input]]", 1)
			files[i].Data = []byte(src)
		}
	}
	changed, diags := load.Load(files)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	c := keyAccountQ2()
	want, err := Compute(handbook(t), c)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Compute(changed, c)
	if err != nil {
		t.Fatalf("the ledger does not see the scorecard-fed input: %v", err)
	}
	if got.Pay.Total.Cmp(want.Pay.Total) != 0 {
		t.Errorf("total %s, want %s", got.Pay.Total, want.Pay.Total)
	}
}

// TestNoNotFiniteAmount guards the backstop of the payout: an amount far out
// of range that reaches the engine directly (the inputs layer refuses it
// first) gives an error, never a result with NaN in it. Regression: 10^35
// collections were paid as "NaN" with exit code 0.
func TestNoNotFiniteAmount(t *testing.T) {
	h := handbook(t)
	c := keyAccountQ2()
	c.Pay["achieved"] = money("100000000000000000000000000000000000")
	for _, trace := range []bool{true, false} {
		c.NoTrace = !trace
		r, err := Compute(h, c)
		if err == nil {
			t.Fatalf("trace %v: computed %s, want an error", trace, r.Pay.Total)
		}
		if !errors.Is(err, ErrNotFinite) && !errors.Is(err, formula.ErrRange) {
			t.Errorf("trace %v: error %v, want ErrNotFinite or formula.ErrRange", trace, err)
		}
	}
}
