package report

import (
	"testing"

	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestEveryClauseHasWords: the score table names the clause of every item
// of the fixture's scorecards in Chinese, not by its id (a tier, a level, a
// yes, a deduction …), so that a new scoring kind's clauses need their words.
func TestEveryClauseHasWords(t *testing.T) {
	h := fixture.Handbook(t)
	seen := 0
	for _, p := range h.All() {
		sc, ok := p.(*policy.Scorecard)
		if !ok {
			continue
		}
		for _, part := range sc.Part {
			for _, it := range part.Item {
				for _, c := range it.Rule.Clauses() {
					seen++
					if w := clauseLabel(c); w == c {
						t.Errorf("%s@%d item %s: clause %q has no words for the score table", sc.ID, sc.Version, it.ID, c)
					}
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no clauses in the fixture's scorecards")
	}
}
