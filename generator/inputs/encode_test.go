package inputs

import (
	"slices"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
)

// TestItemValuesAsEncode: ItemValues writes an item's input as Encode
// writes it in a case, for every shape of input.
func TestItemValuesAsEncode(t *testing.T) {
	x, yes := exact.MustParse("92.5"), true
	for _, tc := range []struct {
		name string
		in   engine.ItemInput
		want []Value
	}{
		{"number", engine.ItemInput{Value: &x}, []Value{{"scorecard.c.i", "92.5"}}},
		{"yes/no", engine.ItemInput{Yes: &yes}, []Value{{"scorecard.c.i", "true"}}},
		{"level", engine.ItemInput{Level: 4}, []Value{{"scorecard.c.i", "4"}}},
		{"choice", engine.ItemInput{Choice: "b"}, []Value{{"scorecard.c.i", "b"}}},
		{"checks", engine.ItemInput{Checks: []string{"x", "y"}}, []Value{{"scorecard.c.i", "x|y"}}},
		{"no check", engine.ItemInput{Checks: []string{}}, []Value{{"scorecard.c.i", "none"}}},
		{"named", engine.ItemInput{Named: map[string]formula.Value{"b": {Num: x}, "a": {IsBool: true}}}, []Value{{"scorecard.c.i.a", "false"}, {"scorecard.c.i.b", "92.5"}}},
		{"nothing", engine.ItemInput{}, nil},
	} {
		got := ItemValues("c", "i", tc.in)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: ItemValues = %v, want %v", tc.name, got, tc.want)
		}
		var fromCase []Value
		for _, v := range Encode(engine.Case{Scorecards: map[string]map[string]engine.ItemInput{"c": {"i": tc.in}}}) {
			if strings.HasPrefix(v.Path, "scorecard.") {
				fromCase = append(fromCase, v)
			}
		}
		if !slices.Equal(got, fromCase) {
			t.Errorf("%s: ItemValues = %v, Encode writes %v", tc.name, got, fromCase)
		}
	}
}
