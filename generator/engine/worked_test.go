package engine

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

func TestEqualities(t *testing.T) {
	for _, tt := range []struct {
		terms []string
		want  string
	}{
		{[]string{"base_pay × reduced_ratio ÷ 100", "4000.00 × 80 ÷ 100", "3200.00"}, "base_pay × reduced_ratio ÷ 100 = 4000.00 × 80 ÷ 100 = 3200.00"},
		{[]string{"phone_allowance", "200.00", "200.00"}, "phone_allowance = 200.00"},
		{[]string{"0", "0", "0.00"}, "0.00"},
		{[]string{"lookup(\"k\", score)", "120", "120.00"}, "lookup(\"k\", score) = 120.00"},
		{[]string{"5%", "5%", "0.05"}, "0.05"},
	} {
		if got := equalities(tt.terms...); got != tt.want {
			t.Errorf("equalities(%q) = %q, want %q", tt.terms, got, tt.want)
		}
	}
}

func TestWorkedText(t *testing.T) {
	one, two := exact.FromInt(1), exact.FromInt(2)
	s := &payScope{
		vals: map[string]formula.Value{"x": money("100.00"), "met": {IsBool: true}},
		plan: &policy.PayPlan{Tables: map[string]*policy.Table{"k": {Title: "系数表", Rows: []policy.TableRow{
			{Interval: policy.Interval{Below: &one}, Value: exact.MustParse("0.5")},
			{Interval: policy.Interval{Min: &one, Below: &two}, Value: exact.MustParse("0.8")},
		}}}},
	}
	rule := policy.Rounding{Mode: exact.HalfUp, Places: 2}
	for _, tt := range []struct{ src, want string }{
		{`x / 3`, "奖金 = x ÷ 3 = 100.00 ÷ 3 = 33.33333333333333333333333333333333，按四舍五入保留到 0.01 元，为 33.33 元。"},
		{`if met then x else x * lookup("k", 1.5)`,
			"因 met 为否，奖金 = x × lookup(\"k\", 1.5) = 100.00 × 0.8 = 80.00 元。查「系数表」：1.5 落在“1 及以上、不满 2”一档，对应 0.8。"},
	} {
		e, err := formula.Parse(tt.src)
		if err != nil {
			t.Fatal(err)
		}
		x, err := e.Explain(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.workedText("奖金", x, x.Value.Num.Round(rule.Places, rule.Mode), rule); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}
