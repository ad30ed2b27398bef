package explain

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
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

// scope is a formula scope with one table, k.
type scope map[string]formula.Value

func (s scope) Value(name string) (formula.Value, bool) { v, ok := s[name]; return v, ok }
func (s scope) Lookup(table string, x exact.Decimal) (exact.Decimal, error) {
	if x.Cmp(exact.FromInt(1)) < 0 {
		return exact.MustParse("0.5"), nil
	}
	return exact.MustParse("0.8"), nil
}

// TestComponentWorked: a component's sentence works the formula through,
// says the rounding when it changed the value and the table rows looked up.
func TestComponentWorked(t *testing.T) {
	one, two := exact.FromInt(1), exact.FromInt(2)
	row := policy.Interval{Min: &one, Below: &two}
	s := scope{"x": {Num: exact.MustParse("100.00")}, "met": {IsBool: true}}
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
		var lookups []engine.Lookup
		for _, l := range x.Lookups {
			lookups = append(lookups, engine.Lookup{Title: "系数表", Arg: l.Arg, Result: l.Result, Row: &row})
		}
		got := Sentence(engine.ComponentWorked{Component: &policy.Component{Component: source.Component{Title: "奖金"}}, Worked: x,
			Rounded: x.Value.Num.Round(rule.Places, rule.Mode), Rule: rule, Lookups: lookups})
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}
