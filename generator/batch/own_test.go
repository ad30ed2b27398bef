package batch

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
)

// TestOwnAmounts pays a department of 客服代表 on the fixture handbook in
// which every row has its own base pay (own.basic_pay) and some their own
// 职级津贴 (own.grade_allowance): each row is paid its own amounts, an
// empty cell the plan's, and a row whose own value is outside the
// parameter's range is refused at its row and column, with every other
// problem of the row at once, and kept in the output.
//
// Every row has a perfect month without other pay: base quota 100%, no
// incentive (member rate 95%), nothing received, 100 points (no deduction),
// so its pay is basic_pay + post_pay (800.00, the fixture's, not personal)
// + grade_allowance × attendance (the fixture's grade_allowance default is
// 500.00, its ranges 400.00–6000.00 and 0.00–2000.00).
//
// Regression: before personal parameters, own.* was an unknown column and
// the whole file was refused.
func TestOwnAmounts(t *testing.T) {
	h := fixture.Handbook(t)
	per, _ := engine.ParsePeriod("2026-10")
	in := "person,role,own.basic_pay,own.grade_allowance,pay.base_quota_rate,pay.attendance_rate,pay.member_rate,pay.probation,pay.adopted_suggestions,pay.star_month,pay.profit_received,points\n" +
		"a,kefu-daibiao,1800.00,,100,100,95,false,0,false,0,0\n" + // 1800.00 + 800.00 + 500.00 (default)
		"b,kefu-daibiao,2400.00,650.00,100,100,95,false,0,false,0,0\n" + // 2400.00 + 800.00 + 650.00
		"c,kefu-daibiao,3000.50,0.00,100,100,95,false,0,false,0,0\n" + // 3000.50 + 800.00 + 0.00
		"d,kefu-daibiao,1650.00,500.00,100,100,95,false,0,false,0,0\n" + // 1650.00 + 800.00 + 500.00 (given, the default's value)
		"e,kefu-daibiao,,900.00,100,100,95,false,0,false,0,0\n" + // 1500.00 (default) + 800.00 + 900.00
		"f,kefu-daibiao,5999.99,2000.00,100,90,95,false,0,false,0,0\n" + // 5999.99 + 800.00 + 2000.00 × 90%
		"g,kefu-daibiao,60000.00,300.555,100,100,95,false,0,false,0,0\n" + // a zero too many; a third decimal
		"h,kefu-daibiao,399.99,2000.01,100,100,95,false,0,false,0,0\n" // just outside both ranges
	rows, errs, err := Run(h, per, "people.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"a": "3100.00",
		"b": "3850.00",
		"c": "3800.50",
		"d": "2950.00",
		"e": "3200.00",
		"f": "8599.99",
	}
	total := "25500.49" // 3100.00 + 3850.00 + 3800.50 + 2950.00 + 3200.00 + 8599.99
	sum := exact.FromInt(0)
	for _, r := range rows {
		w, ok := want[r.Person]
		switch {
		case !ok && r.Err == "":
			t.Errorf("row %s was paid %v; want it refused", r.Person, r.Result.Pay)
		case !ok:
		case r.Err != "":
			t.Errorf("row %s: %s", r.Person, r.Err)
		case r.Result.Pay.Total.String() != w:
			t.Errorf("row %s: paid %s, want %s", r.Person, r.Result.Pay.Total, w)
		default:
			sum = sum.Add(r.Result.Pay.Total)
		}
	}
	if sum.String() != total {
		t.Errorf("department total %s, want %s", sum, total)
	}
	wantErrs := []string{
		"people.csv:8: column own.basic_pay: 60000.00 is outside the range of own basic_pay: 400.00 to 6000.00 元",
		"people.csv:8: column own.grade_allowance: 300.555 has more than 2 decimals: own grade_allowance is exact to 0.01 元",
		"people.csv:9: column own.basic_pay: 399.99 is outside the range of own basic_pay: 400.00 to 6000.00 元",
		"people.csv:9: column own.grade_allowance: 2000.01 is outside the range of own grade_allowance: 0.00 to 2000.00 元",
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.String())
	}
	if strings.Join(got, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantErrs, "\n"))
	}
	if len(rows) != 8 {
		t.Errorf("%d rows out for 8 in", len(rows))
	}
}
