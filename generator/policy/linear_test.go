package policy

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/source"
)

// TestLinearStepsAreTheLeastInputs: for each score a linear rule gives over
// its input's range, the least input that scores it is one of Steps'
// (found by walking every input a unit of the input kind apart), and Steps
// lists no input outside the range. Rules above and below par, clamped at
// max or min or not, whole and hundredth steps.
func TestLinearStepsAreTheLeastInputs(t *testing.T) {
	d := exact.MustParse
	tests := []struct {
		name string
		kind string
		max  string // the input's most possible
		rule LinearRule
	}{
		{"count, up and down, clamped", "count", "60", LinearRule{Par: d("20"), Base: d("5"), Step: d("3"), Up: d("1"), Down: d("2"), Min: d("0"), Max: d("9")}},
		{"count, up only, not clamped in range", "count", "40", LinearRule{Par: d("10"), Base: d("2"), Step: d("4"), Up: d("0.5"), Down: d("0"), Min: d("0"), Max: d("100")}},
		{"count, down only", "count", "30", LinearRule{Par: d("25"), Base: d("10"), Step: d("2"), Up: d("0"), Down: d("1.5"), Min: d("1"), Max: d("10")}},
		{"percent, hundredths", "percent", "12", LinearRule{Par: d("6"), Base: d("3"), Step: d("0.75"), Up: d("0.4"), Down: d("0.6"), Min: d("0"), Max: d("5")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			most := d(tt.max)
			it := &Item{Item: source.Item{ID: "x", Input: &source.Input{Kind: tt.kind, Max: &most}}}
			steps := map[string]bool{}
			for _, p := range tt.rule.Steps(it) {
				if p.In.Value.Sign() < 0 || p.In.Value.Cmp(most) > 0 {
					t.Errorf("step %s is outside 0–%s", p.In.Value, most)
				}
				steps[plain(*p.In.Value)] = true
			}
			least := map[string]string{} // score → the least input scoring it
			eps := Epsilon(tt.kind)
			for x := d("0"); x.Cmp(most) <= 0; x = x.Add(eps) {
				v := x
				p, _, err := tt.rule.Score(it, ItemInput{Value: &v})
				if err != nil {
					t.Fatal(err)
				}
				if _, ok := least[plain(p)]; !ok {
					least[plain(p)] = plain(x)
				}
			}
			if len(least) < 3 {
				t.Fatalf("only %d scores over the range: not a test", len(least))
			}
			for score, x := range least {
				if !steps[x] {
					t.Errorf("score %s: least input %s, not among the steps %v", score, x, steps)
				}
			}
		})
	}
}

// plain writes x without trailing zeros, so that equal numbers written
// at different scales (5 and 5.0) are one key.
func plain(x exact.Decimal) string {
	s := x.String()
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
