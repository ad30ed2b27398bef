package engine

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestStandingBottomRank guards issue 9 §3.3: a quarterly result of the
// fixture's 客服代表 looks up 末位管理 — the mean of the three months'
// points, rounded to 0.01 like a score total, in the bottom-rank table —
// and lists the row's consequence; a monthly result has no standing.
func TestStandingBottomRank(t *testing.T) {
	h := handbook(t)
	q3 := Period{Kind: policy.Quarterly, Year: 2026, Quarter: 3}
	quarter := func(m1, m2, m3 string) map[string]formula.Value {
		return map[string]formula.Value{"full_quarter_met": {IsBool: true}, "star_quarter": {IsBool: true},
			"points_month_1": money(m1), "points_month_2": money(m2), "points_month_3": money(m3)}
	}
	tests := []struct {
		name       string
		months     [3]string
		want       string // measure label, and whether a consequence is listed
		consequent bool
	}{
		{"a good quarter is normal", [3]string{"98", "103", "96"}, "99.00 正常", false},
		{"a mean of exactly 65 is normal: the row is 65 and above", [3]string{"60", "65", "70"}, "65.00 正常", false},
		{"a mean below 65 is 末位, with its consequence", [3]string{"70", "58", "66"}, "64.67 末位", true},
		{"the rounded mean is looked up: 64.9966… prints and counts as 65.00", [3]string{"64.99", "64.99", "65.01"}, "65.00 正常", false},
		{"64.99 is 末位", [3]string{"64.99", "64.99", "64.99"}, "64.99 末位", true},
		{"a month above 100 counts in full", [3]string{"120", "40", "40"}, "66.67 正常", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, traced := range []bool{true, false} {
				r, err := Compute(h, Case{Role: "kefu-daibiao", Period: q3, Pay: quarter(tt.months[0], tt.months[1], tt.months[2]), NoTrace: !traced})
				if err != nil {
					t.Fatal(err)
				}
				if len(r.Standings) != 1 {
					t.Fatalf("%d standings, want 1 (bottom_rank)", len(r.Standings))
				}
				st := r.Standings[0]
				if got := st.Measure.String() + " " + st.Label; got != tt.want || (len(st.Consequences) > 0) != tt.consequent {
					t.Errorf("traced %v: %s, consequences %q; want %s, consequence %v", traced, got, st.Consequences, tt.want, tt.consequent)
				}
				if traced {
					if len(st.Trace) != 1 || st.Trace[0].Ref.ID != st.Bands || st.Trace[0].Value != st.Label {
						t.Errorf("trace %+v: want one step about the row of %s giving %s", st.Trace, st.Bands, st.Label)
					}
					if _, ok := st.Trace[0].Say.(StandingFound); !ok {
						t.Errorf("the step says a %T, want a StandingFound", st.Trace[0].Say)
					}
				} else if st.Trace != nil {
					t.Error("an untraced result has a trace")
				}
			}
		})
	}
}

// TestStandingNeedsItsInputs: the months are required in a quarterly
// result, and only there.
func TestStandingNeedsItsInputs(t *testing.T) {
	h := handbook(t)
	_, err := Compute(h, Case{Role: "kefu-daibiao", Period: Period{Kind: policy.Quarterly, Year: 2026, Quarter: 3},
		Pay: map[string]formula.Value{"full_quarter_met": {IsBool: true}, "star_quarter": {IsBool: true}}})
	for _, name := range []string{"points_month_1", "points_month_2", "points_month_3"} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("a quarter without %s: error %v", name, err)
		}
	}
	p := h.At(policy.KindPayPlan, "kefu-daibiao-pay", day).(*policy.PayPlan)
	for _, period := range policy.Periods {
		if got, want := p.Uses(period, "points_month_1"), period == policy.Quarterly; got != want {
			t.Errorf("%s uses points_month_1: %v, want %v", period, got, want)
		}
	}
}
