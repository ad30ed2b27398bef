package engine

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

// TestFedItem: a fed item's input is computed from the pay inputs and the
// parameters (the person's own value first), rounded half up to 0.01; a
// number given as well must agree; without every pay input it is not
// computed; a failing formula is an error.
func TestFedItem(t *testing.T) {
	expr, err := formula.Parse("achieved / target * 100")
	if err != nil {
		t.Fatal(err)
	}
	d := func(s string) exact.Decimal { return exact.MustParse(s) }
	plan := &policy.PayPlan{
		PayPlan:     source.PayPlan{Param: []policy.Param{{Name: "target", Kind: "money", Value: d("200000.00"), Personal: &policy.Range{Min: d("0"), Max: d("900000.00")}}}},
		ParamValues: map[string]formula.Value{"target": {Num: d("200000.00")}},
		Feed:        []policy.Feed{{Feed: source.Feed{Item: "completion", Formula: "achieved / target * 100"}, Expr: expr}},
	}
	f := &plan.Feed[0]
	pay := func(x string) map[string]formula.Value { return map[string]formula.Value{"achieved": {Num: d(x)}} }
	for _, tt := range []struct {
		name  string
		given string
		pay   map[string]formula.Value
		own   map[string]exact.Decimal
		want  string // the value, "-" for not computed, or the error
	}{
		{"computed", "", pay("250000.00"), nil, "125.00"},
		{"rounded half up", "", pay("100001.00"), nil, "50.00"},
		{"rounded up at the half", "", pay("100010.00"), nil, "50.01"},
		{"own target", "", pay("150000.00"), map[string]exact.Decimal{"target": d("120000.00")}, "125.00"},
		{"given and agrees", "125", pay("250000.00"), nil, "125.00"},
		{"given and disagrees", "100", pay("250000.00"), nil, "given as 100, but the pay inputs make it 125.00"},
		{"no pay input", "", nil, nil, "-"},
		{"division by zero", "", pay("1.00"), map[string]exact.Decimal{"target": d("0")}, "computed from achieved / target * 100"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var given *exact.Decimal
			if tt.given != "" {
				x := d(tt.given)
				given = &x
			}
			x, ok, err := FedItem(plan, f, given, tt.pay, tt.own)
			switch {
			case err != nil:
				if !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error %v, want %q", err, tt.want)
				}
			case !ok:
				if tt.want != "-" {
					t.Fatalf("not computed, want %s", tt.want)
				}
			case x.String() != tt.want:
				t.Fatalf("= %s, want %s", x, tt.want)
			}
		})
	}
}
