package engine

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

// TestCountedInputs: an input that counts a points event takes the count
// of the month's points; a number given as well must agree; without the
// points, the number given is used as it is.
func TestCountedInputs(t *testing.T) {
	plan := &policy.PayPlan{PayPlan: source.PayPlan{Input: []policy.PayInput{
		{Name: "adopted", Kind: "count", Event: "jianyi"},
		{Name: "other", Kind: "count"},
	}}}
	num := func(n int64) formula.Value { return formula.Value{Num: exact.FromInt(n)} }
	for _, tt := range []struct {
		name string
		vals map[string]formula.Value
		pts  *PointsInput
		want string // adopted's value, or the error
	}{
		{"counted", map[string]formula.Value{"other": num(5)}, &PointsInput{Events: map[string]int{"jianyi": 2}}, "2"},
		{"none this month", nil, &PointsInput{Events: map[string]int{"biaoyang": 1}}, "0"},
		{"given and agrees", map[string]formula.Value{"adopted": num(2)}, &PointsInput{Events: map[string]int{"jianyi": 2}}, "2"},
		{"given and disagrees", map[string]formula.Value{"adopted": num(0)}, &PointsInput{Events: map[string]int{"jianyi": 1}},
			"adopted: given as 0, but the month's points count event jianyi 1 times"},
		{"given as yes/no", map[string]formula.Value{"adopted": {IsBool: true, Bool: true}}, &PointsInput{Events: map[string]int{"jianyi": 1}}, "adopted: given as"},
		{"no points", map[string]formula.Value{"adopted": num(3)}, nil, "3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CountedInputs(plan, tt.vals, tt.pts)
			if err != nil {
				if !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error %v, want %q", err, tt.want)
				}
				return
			}
			if v := got["adopted"]; v.Num.String() != tt.want {
				t.Fatalf("adopted = %s, want %s", v.Num, tt.want)
			}
			if tt.vals != nil && tt.vals["other"].Num.String() != got["other"].Num.String() {
				t.Fatal("another input changed")
			}
		})
	}
}
