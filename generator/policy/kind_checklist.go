package policy

import (
	"slices"
	"strings"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// ScoreChecklist is the scoring kind that adds the points of every check
// met.
const ScoreChecklist = "checklist"

// ChecklistRule adds the points of every check met.
type ChecklistRule struct {
	Checks []Choice
}

func init() { register(checklistScoring, &checklistKind{}) }

// checklistScoring is the ScoreChecklist kind as the loader meets it: a
// package-level value, so that its lists are data, not code run at start.
var checklistScoring = ScoringKind{
	Name: ScoreChecklist,
	Keys: []string{"checks"},
}

// checklistKind checks and builds checklist items.
type checklistKind struct{}

func (*checklistKind) check(it *Item, c ItemChecker) {
	all := zero
	ids := make([]string, len(it.Checks))
	for i, ch := range it.Checks {
		all = all.Add(ch.Points)
		negative(c, printf.Sprintf("/checks/%d/points", i), &it.Checks[i].Points, "points")
		ids[i] = ch.ID
	}
	over(c, it, "/checks", all, "the whole checklist")
	c.Unique("check id", "/checks", "id", ids)
}

func (*checklistKind) build(it *Item) ScoringRule {
	return &ChecklistRule{it.Checks}
}

func (*ChecklistRule) rule() {}

// Kind implements ScoringRule.
func (*ChecklistRule) Kind() string { return ScoreChecklist }

// Score adds the points of the checks met; an unknown check or one given
// twice is refused.
func (r *ChecklistRule) Score(_ *Item, in ItemInput) (exact.Decimal, string, error) {
	p := zero
	found := 0
	for _, c := range r.Checks {
		if slices.Contains(in.Checks, c.ID) {
			p = p.Add(c.Points)
			found++
		}
	}
	if found != len(in.Checks) {
		var unknown []string
		for _, id := range in.Checks {
			if !slices.ContainsFunc(r.Checks, func(c Choice) bool { return c.ID == id }) {
				unknown = append(unknown, id)
			}
		}
		if len(unknown) > 0 {
			return zero, "", zh.Errorf("unknown checks %q", unknown)
		}
		return zero, "", zh.Errorf("a check is given twice: %q", in.Checks)
	}
	return p, "checks", nil
}

// Clauses is the one clause, checks.
func (*ChecklistRule) Clauses() []string { return []string{"checks"} }

// Uses gives the ids of the checks met.
func (*ChecklistRule) Uses(_ *Item, in ItemInput, dst []Used) []Used {
	return append(dst, used("达到", strings.Join(in.Checks, ","), ""))
}

// Explain counts the checks met.
func (*ChecklistRule) Explain(_ *Item, in ItemInput) string {
	return printf.Sprintf("达到 %d 条要求", len(in.Checks))
}

// Grading gives one line per check, with a box to tick.
func (r *ChecklistRule) Grading(*Item, []string) []string {
	var out []string
	for _, c := range r.Checks {
		out = append(out, printf.Sprintf("□ %s %s 分", c.Text, c.Points))
	}
	return out
}

// Probes tries no check and every check.
func (r *ChecklistRule) Probes(*Item) []Probe {
	var all []string
	for _, c := range r.Checks {
		all = append(all, c.ID)
	}
	return []Probe{{In: ItemInput{Checks: nil}, Label: "无"}, {In: ItemInput{Checks: all}, Label: "全部"}}
}

// Field ticks any of the checks.
func (r *ChecklistRule) Field(*Item) Field { return Field{Shape: ShapeChecks, Options: r.Checks} }

// Sample meets each check with the person's skill as its chance.
func (r *ChecklistRule) Sample(_ *Item, s Sampler) ItemInput {
	ids := []string{}
	for _, c := range r.Checks {
		if s.IntN(1000) < s.Skill() {
			ids = append(ids, c.ID)
		}
	}
	return ItemInput{Checks: ids}
}

// Fast: none; the card scores a checklist with Score.
func (*ChecklistRule) Fast(*Item) (FastRule, bool) { return nil, true }
