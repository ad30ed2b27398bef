package cases

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
)

// director is a valid case for the director's month; the tests below
// replace or add lines.
const director = `title = "t"
role = "kefu-zongjian"
period = "2026-10"
[scorecard.kefu-zongjian-monthly]
crm = "92"
info-mastery = "88"
referral = true
key-visits = "95"
satisfaction = "86"
complaints = 1
orphan-loss = 0
zhihui = 4
zhiyehua = 3
kehu-zhongxin = 4
fuwu-xizhi = 3
chengdan-zeren = 5
[pay]
orphan_sales = "150000.00"
extra_award = "0"
`

// staff is a valid case for a key-account salesperson's quarter.
const staff = `title = "t"
role = "dakehu-zhuanyuan"
period = "2026-Q2"
[scorecard.dakehu-staff]
sales-completion = "75"
sales-growth = "70000"
new-customers = { new_customers = 4, plan_customers = 5 }
market-info = "8"
teamwork = "9"
knowledge = ["product", "industry", "position"]
analysis = "average"
communication = "persuade"
attendance = { absent_days = 0, late_deduction = 1 }
[pay]
achieved = "150000.00"
implementation_revenue = "20000.00"
maintenance_revenue = "5000.00"
training_revenue = "0"
new_staff = false
[[history]]
period = "2026-Q1"
score = "82"
pay = { achieved = "80000.00", implementation_revenue = "0", maintenance_revenue = "0", training_revenue = "0", new_staff = false }
`

// TestReadProblems reads cases whose inputs the engine would refuse or
// silently leave unused: every problem is reported at once, at the line
// and column of the input (or of the table that lacks it).
func TestReadProblems(t *testing.T) {
	h := handbook(t)
	tests := []struct {
		name, base, old, new string
		want                 []string
	}{
		{name: "valid director", base: director,
			old:  "crm = \"92\"",
			new:  "crm = \"92\"",
			want: nil},
		{name: "valid staff", base: staff,
			old:  "teamwork = \"9\"",
			new:  "teamwork = \"9\"",
			want: nil},
		{name: "a percent sign", base: director,
			old: "crm = \"92\"",
			new: "crm = \"92%\"",
			want: []string{
				"case.toml:5:7: \"92%\": write the number without %, in the unit of the input (92 for 92%) (scorecard.kefu-zongjian-monthly.crm)",
			}},
		{name: "level 0 and 6", base: director,
			old: "zhihui = 4\nzhiyehua = 3",
			new: "zhihui = 0\nzhiyehua = 6",
			want: []string{
				"case.toml:12:10: item zhihui is scored by level: write 1 to 5 (scorecard.kefu-zongjian-monthly.zhihui)",
				"case.toml:13:12: item zhiyehua is scored by level: write 1 to 5 (scorecard.kefu-zongjian-monthly.zhiyehua)",
			}},
		{name: "unknown, unused and missing pay inputs", base: director,
			old: "orphan_sales = \"150000.00\"",
			new: "bogus = \"1\"\nannual_profit = \"1\"",
			want: []string{
				"case.toml:17:2: no input given: pay plan kefu-zongjian-pay needs orphan_sales（当月孤儿客户销售额）in a monthly settlement (pay.orphan_sales)",
				"case.toml:18:9: pay plan kefu-zongjian-pay has no input \"bogus\" (pay.bogus)",
				"case.toml:19:17: pay plan kefu-zongjian-pay does not use annual_profit in a monthly settlement (pay.annual_profit)",
			}},
		{name: "a pay input of the wrong kind", base: director,
			old: "extra_award = \"0\"",
			new: "extra_award = true",
			want: []string{
				"case.toml:19:15: extra_award is a number, not yes/no (pay.extra_award)",
			}},
		{name: "history for a plan without a ledger", base: director,
			old: "[pay]",
			new: "[[history]]\nperiod = \"2026-Q1\"\nscore = \"80\"\npay = {}\n[pay]",
			want: []string{
				"case.toml:17:3: pay plan kefu-zongjian-pay keeps no quarterly ledger: history is not used (history)",
			}},
		{name: "points for a plan without points", base: director,
			old: "[pay]",
			new: "[points]\nevents = { jinyongyu = 1 }\n[pay]",
			want: []string{
				"case.toml:17:2: pay plan kefu-zongjian-pay has no points system: points are not used (points)",
			}},
		{name: "red lines unknown and empty", base: director,
			old: "period = \"2026-10\"",
			new: "period = \"2026-10\"\nred_lines = [\"nosuch\", \"\", \"huikou\"]",
			want: []string{
				"case.toml:4:14: red-line policy dianwang has no red line \"nosuch\" (red_lines[0])",
				"case.toml:4:24: an empty red line id (red_lines[1])",
			}},
		{name: "a scorecard not the role's", base: director,
			old: "[scorecard.kefu-zongjian-monthly]",
			new: "[scorecard.dakehu-staff]",
			want: []string{
				"case.toml:4:2: scorecard dakehu-staff is not one of role kefu-zongjian's (kefu-zongjian-monthly, kefu-zongjian-annual) (scorecard.dakehu-staff)",
			}},
		{name: "a period the plan pays nothing in", base: director,
			old: "period = \"2026-10\"",
			new: "period = \"2026-Q4\"",
			want: []string{
				"case.toml:3:10: pay plan kefu-zongjian-pay pays nothing in a quarterly settlement: its components are settled monthly, annual (period)",
			}},
		{name: "a checklist left out", base: staff,
			old: "knowledge = [\"product\", \"industry\", \"position\"]\n",
			new: "",
			want: []string{
				"case.toml:4:2: no input given: list the checks met, of product, industry, position, business (when none is met: an empty list, or none in a payout CSV) (scorecard.dakehu-staff.knowledge)",
			}},
		{name: "checks unknown and twice", base: staff,
			old: "knowledge = [\"product\", \"industry\", \"position\"]",
			new: "knowledge = [\"product\", \"product\", \"bogus\"]",
			want: []string{
				"case.toml:10:25: check product is given twice (scorecard.dakehu-staff.knowledge[1])",
				"case.toml:10:36: item knowledge has no check \"bogus\" (its checks: product, industry, position, business) (scorecard.dakehu-staff.knowledge[2])",
			}},
		{name: "no checks met", base: staff,
			old:  "knowledge = [\"product\", \"industry\", \"position\"]",
			new:  "knowledge = []",
			want: nil},
		{name: "named inputs unknown and missing", base: staff,
			old: "new-customers = { new_customers = 4, plan_customers = 5 }",
			new: "new-customers = { new_customers = 4, x = 1 }",
			want: []string{
				"case.toml:7:1: no input given: item new-customers needs plan_customers（本季计划开发新客户数） (scorecard.dakehu-staff.new-customers.plan_customers)",
				"case.toml:7:42: item new-customers has no input \"x\" (its inputs: new_customers, plan_customers) (scorecard.dakehu-staff.new-customers.x)",
			}},
		{name: "history not just before", base: staff,
			old: "period = \"2026-Q1\"",
			new: "period = \"2025-Q4\"",
			want: []string{
				"case.toml:21:10: want 2026-Q1: history lists the quarters just before 2026-Q2, oldest first (history[0].period)",
			}},
		{name: "history with an unknown input", base: staff,
			old: "pay = { achieved = \"80000.00\",",
			new: "pay = { achieved = \"80000.00\", bogus = 1,",
			want: []string{
				"case.toml:23:40: pay plan dakehu-zhuanyuan-pay has no input \"bogus\" (history[0].pay.bogus)",
			}},
		{name: "an own value within its range", base: staff,
			old:  "[pay]",
			new:  "[own]\nquarter_target = \"120000.00\"\n[pay]",
			want: nil},
		{name: "own values outside the range, not personal, unknown", base: staff,
			old: "[pay]",
			new: "[own]\nquarter_target = \"400000.00\"\nfloating_pay = \"1\"\nbogus = 1\n[pay]",
			want: []string{
				"case.toml:15:18: 400000.00 is outside the range of own quarter_target: 50000.00 to 300000.00 元 (own.quarter_target)",
				"case.toml:16:16: parameter floating_pay of pay plan dakehu-zhuanyuan-pay is not personal: everyone has the plan's value (own.floating_pay)",
				"case.toml:17:9: pay plan dakehu-zhuanyuan-pay has no personal parameter \"bogus\" (its personal parameters: quarter_target) (own.bogus)",
			}},
		{name: "an earlier quarter's own target outside the range", base: staff,
			old: "training_revenue = \"0\", new_staff = false }",
			new: "training_revenue = \"0\", new_staff = false }\nown = { quarter_target = \"10000.00\", nosuch = 1 }",
			want: []string{
				"case.toml:24:26: 10000.00 is outside the range of own quarter_target: 50000.00 to 300000.00 元 (history[0].own.quarter_target)",
				"case.toml:24:47: pay plan dakehu-zhuanyuan-pay has no personal parameter \"nosuch\" (its personal parameters: quarter_target) (history[0].own.nosuch)",
			}},
		{name: "an own value that is not a number", base: staff,
			old: "[pay]",
			new: "[own]\nquarter_target = \"120000.00元\"\n[pay]",
			want: []string{
				"case.toml:15:18: \"120000.00元\" is not an exact number: write an integer or a decimal string such as \"3.5\" (own.quarter_target)",
			}},
		{name: "history in an annual settlement", base: staff,
			old: "period = \"2026-Q2\"",
			new: "period = \"2026\"",
			want: []string{
				"case.toml:3:10: pay plan dakehu-zhuanyuan-pay pays nothing in an annual settlement: its components are settled quarterly (period)",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(tt.base, tt.old) {
				t.Fatalf("no %q in the case", tt.old)
			}
			src := strings.Replace(tt.base, tt.old, tt.new, 1)
			_, diags := Read(load.File{Path: "case.toml", Data: []byte(src)}, h)
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("got:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

// TestCheckComputedAgreesWithCheck checks the fast path of batches: on every
// case the engine computes, CheckComputed finds exactly what Check finds —
// nothing for a worked case, and the silently unused inputs of a case that
// computes but carries an input the plan does not use or an unknown item.
func TestCheckComputedAgreesWithCheck(t *testing.T) {
	h := handbook(t)
	paths, _ := filepath.Glob(filepath.Join(fixture.CasesDir(), "*.toml"))
	if len(paths) == 0 {
		t.Fatal("no cases")
	}
	var cs []*engine.Case
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c, diags := Read(load.File{Path: p, Data: b, Disk: p}, h)
		if len(diags) > 0 {
			t.Fatalf("%s: %v", p, diags)
		}
		cs = append(cs, &c.Case)
		// The same case with an input no plan uses in the period and an
		// item no scorecard has: computing ignores both, Check must not.
		v := c.Case
		v.Pay = maps.Clone(v.Pay)
		if v.Pay == nil {
			v.Pay = map[string]formula.Value{}
		}
		v.Pay["annual_profit"] = formula.Value{Num: exact.FromInt(1)}
		v.Scorecards = maps.Clone(v.Scorecards)
		for id, items := range v.Scorecards {
			items = maps.Clone(items)
			items["no-such-item"] = engine.ItemInput{Level: 3}
			v.Scorecards[id] = items
		}
		cs = append(cs, &v)
	}
	computed := 0
	for i, c := range cs {
		if _, err := engine.Compute(h, *c); err != nil {
			continue
		}
		computed++
		full, fast := fmt.Sprint(inputs.Check(h, c)), fmt.Sprint(inputs.CheckComputed(h, c))
		if full != fast {
			t.Errorf("%s (variant %d): Check %s, CheckComputed %s", c.Role, i%2, full, fast)
		}
		if i%2 == 0 && full != "[]" {
			t.Errorf("worked case %s %s: %s", c.Role, c.Period, full)
		}
	}
	if computed < len(paths) {
		t.Errorf("%d of %d cases computed", computed, len(cs))
	}
}
