package batch

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
)

// TestLeaveAndHistoryColumns pays, from CSV, two worked cases that need
// more than one period's inputs under the fixture handbook, and checks their
// totals, worked out by hand: a key-account quarter that makes up the
// previous quarter's shortfall (the fixture case dakehu-zhuanyuan-2026-Q2:
// 9844.00) and a director dismissed after 9 months (45000.00).
// Bad leave and history cells are errors at their column.
func TestLeaveAndHistoryColumns(t *testing.T) {
	h := fixture.Handbook(t)
	run := func(period, csv string) ([]Row, []RowError) {
		t.Helper()
		per, err := engine.ParsePeriod(period)
		if err != nil {
			t.Fatal(err)
		}
		rows, errs, err := Run(h, per, "people.csv", strings.NewReader(csv))
		if err != nil {
			t.Fatal(err)
		}
		return rows, errs
	}
	sc := "scorecard.dakehu-staff."
	head := []string{"person", "role", sc + "sales-completion", sc + "sales-growth", sc + "new-customers.new_customers", sc + "new-customers.plan_customers",
		sc + "market-info", sc + "teamwork", sc + "knowledge", sc + "analysis", sc + "communication", sc + "attendance.absent_days", sc + "attendance.late_deduction",
		"pay.achieved", "pay.implementation_revenue", "pay.maintenance_revenue", "pay.training_revenue", "pay.new_staff",
		"history.2026-Q1.score", "history.2026-Q1.pay.achieved", "history.2026-Q1.pay.implementation_revenue", "history.2026-Q1.pay.maintenance_revenue",
		"history.2026-Q1.pay.training_revenue", "history.2026-Q1.pay.new_staff"}
	row := "李强,dakehu-zhuanyuan,75,70000,4,5,8,9,product|industry|position,average,persuade,0,1,150000.00,20000.00,5000.00,0,false,82,80000.00,0,0,0,false"
	rows, errs := run("2026-Q2", strings.Join(head, ",")+"\n"+row+"\n")
	if len(errs) > 0 || rows[0].Result.Pay == nil || rows[0].Result.Pay.Total.String() != "9844.00" {
		t.Errorf("key-account Q2 with Q1 history: %+v, %v", rows[0].Result.Pay, errs)
	}

	dir := "person,role,pay.annual_profit,pay.annual_score,leave.case,leave.months\n"
	rows, errs = run("2026", dir+"韩雪,kefu-zongjian,5000000.00,92,被动,9\n冯刚,kefu-zongjian,5000000.00,92,voluntary,9\n")
	if len(errs) > 0 || rows[0].Result.Pay.Total.String() != "45000.00" || rows[1].Result.Pay.Total.String() != "0.00" {
		t.Errorf("departures: %v / %v, %v", rows[0].Result.Pay, rows[1].Result.Pay, errs)
	}

	for _, tt := range []struct{ period, csv, want string }{
		{"2026", dir + "a,kefu-zongjian,1,92,retired,9\n", "people.csv:2: column leave.case: \"retired\": write voluntary (主动) or dismissal (被动)"},
		{"2026", dir + "a,kefu-zongjian,1,92,voluntary,13\n", "people.csv:2: column leave.months: \"13\": write the months served, 0 to 12"},
		{"2026", dir + "a,kefu-zongjian,1,92,voluntary,\n", "people.csv:2: column leave.case: a departure needs both leave.case and leave.months"},
		{"2026-Q2", "person,role,history.2026-Q3.score\n", "not before the quarter paid"},
		{"2026-10", "person,role,history.2026-Q1.score\n", "only for a quarterly payout"},
		{"2026-Q2", "person,role,history.2026-Q1.achieved\n", "want history.2026-Q1.score, history.2026-Q1.pay.NAME or history.2026-Q1.own.NAME"},
	} {
		per, _ := engine.ParsePeriod(tt.period)
		rows, errs, err := Run(h, per, "people.csv", strings.NewReader(tt.csv))
		var got []string
		for _, e := range errs {
			got = append(got, e.String())
		}
		if err != nil {
			got = append(got, err.Error())
		}
		if all := strings.Join(got, "\n"); !strings.Contains(all, tt.want) {
			t.Errorf("%s:\n%s\ngot %q (%d rows)", tt.period, tt.csv, all, len(rows))
		}
	}
}
