package engine

import (
	"errors"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
)

// TestFiniteNamesTheNumber: a result with a number that is not finite is
// refused with the name of the first such number, in the order scores,
// points, pay, ledger, standings; a result of finite numbers passes.
func TestFiniteNamesTheNumber(t *testing.T) {
	big := exact.MustParse("9999999999999999999999999999999999")
	bad := big.Mul(big)
	if bad.IsFinite() {
		t.Fatal("the test's product is finite")
	}
	one := exact.FromInt(1)
	for _, tc := range []struct {
		name string
		r    Result
		want string // "" for finite
	}{
		{"finite", Result{Scores: []ScoreResult{{Scorecard: "c", Total: one, K: &one, Items: []ItemResult{{ID: "i"}}, Parts: []PartResult{{ID: "p"}}}},
			Points: &PointsResult{}, Pay: &PayResult{Components: []ComponentResult{{Name: "x"}}},
			Ledger: []LedgerEntry{{Quarter: "q", MadeUp: []Shortfall{{}}, Outstanding: []Shortfall{{}}}}, Standings: []StandingResult{{Name: "s"}}}, ""},
		{"total", Result{Scores: []ScoreResult{{Scorecard: "c", Total: bad}}}, "scorecard c total"},
		{"K", Result{Scores: []ScoreResult{{Scorecard: "c", K: &bad}}}, "scorecard c K"},
		{"item", Result{Scores: []ScoreResult{{Scorecard: "c", Items: []ItemResult{{ID: "i"}, {ID: "j", Max: bad}}}}}, "scorecard c item j"},
		{"part", Result{Scores: []ScoreResult{{Scorecard: "c", Parts: []PartResult{{ID: "p", Share: bad}}}}}, "scorecard c part p"},
		{"first card first", Result{Scores: []ScoreResult{{Scorecard: "c", Parts: []PartResult{{ID: "p", Share: bad}}}, {Scorecard: "d", Total: bad}}}, "scorecard c part p"},
		{"points", Result{Points: &PointsResult{Total: bad}}, "points total"},
		{"pay total", Result{Pay: &PayResult{Total: bad, Components: []ComponentResult{{Name: "x", Amount: bad}}}}, "pay total"},
		{"component", Result{Pay: &PayResult{Components: []ComponentResult{{Name: "x"}, {Name: "y", Amount: bad}}}}, "pay component y"},
		{"ledger", Result{Ledger: []LedgerEntry{{Quarter: "q", Floating: bad}}}, "ledger q"},
		{"made up", Result{Ledger: []LedgerEntry{{Quarter: "q", MadeUp: []Shortfall{{Late: bad}}}}}, "ledger q shortfall"},
		{"outstanding", Result{Ledger: []LedgerEntry{{Quarter: "q", Outstanding: []Shortfall{{}, {Amount: bad}}}}}, "ledger q shortfall"},
		{"standing", Result{Standings: []StandingResult{{Name: "s", Measure: bad}}}, "standing s"},
	} {
		err := tc.r.finite()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v, want no error", tc.name, err)
		case tc.want == "":
		case err == nil || !errors.Is(err, ErrNotFinite) || err.Error() != tc.want+": "+ErrNotFinite.Error():
			t.Errorf("%s: %v, want %q and ErrNotFinite", tc.name, err, tc.want)
		}
	}
}
