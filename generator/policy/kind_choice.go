package policy

import (
	"strconv"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// ScoreChoice is the scoring kind that gives the points of the one
// description the assessor picks.
const ScoreChoice = "choice"

// ChoiceRule gives the points of the one description picked.
type ChoiceRule struct {
	Choices []Choice
}

func init() { register(choiceScoring, &choiceKind{}) }

// choiceScoring is the ScoreChoice kind as the loader meets it: a
// package-level value, so that its lists are data, not code run at start.
var choiceScoring = ScoringKind{
	Name: ScoreChoice,
	Keys: []string{"choices"},
}

// choiceKind checks and builds choice items.
type choiceKind struct{}

func (*choiceKind) check(it *Item, c ItemChecker) {
	ids := make([]string, len(it.Choices))
	for i, ch := range it.Choices {
		cp := printf.Sprintf("/choices/%d/points", i)
		negative(c, cp, &it.Choices[i].Points, "points")
		over(c, it, cp, ch.Points, "choice "+strconv.Quote(ch.ID))
		ids[i] = ch.ID
	}
	c.Unique("choice id", "/choices", "id", ids)
}

func (*choiceKind) build(it *Item) ScoringRule {
	return &ChoiceRule{it.Choices}
}

func (*ChoiceRule) rule() {}

// Kind implements ScoringRule.
func (*ChoiceRule) Kind() string { return ScoreChoice }

// Score gives the points of the description picked.
func (r *ChoiceRule) Score(_ *Item, in ItemInput) (exact.Decimal, string, error) {
	for i, c := range r.Choices {
		if c.ID == in.Choice {
			return c.Points, printf.Sprintf("choices[%d]", i), nil
		}
	}
	if in.Choice == "" {
		return zero, "", ErrNoInput
	}
	return zero, "", zh.Errorf("unknown choice %q", in.Choice)
}

// Clauses lists every description.
func (r *ChoiceRule) Clauses() []string {
	var cs []string
	for i := range r.Choices {
		cs = append(cs, printf.Sprintf("choices[%d]", i))
	}
	return cs
}

// Uses gives the id picked.
func (*ChoiceRule) Uses(_ *Item, in ItemInput, dst []Used) []Used {
	return append(dst, used("选择", in.Choice, ""))
}

// Explain quotes the description picked.
func (r *ChoiceRule) Explain(_ *Item, in ItemInput) string {
	how := ""
	for _, c := range r.Choices {
		if c.ID == in.Choice {
			how = "评定为“" + c.Text + "”"
		}
	}
	return how
}

// Grading gives one line per description.
func (r *ChoiceRule) Grading(*Item, []string) []string {
	var out []string
	for _, c := range r.Choices {
		out = append(out, printf.Sprintf("%s %s 分", c.Text, c.Points))
	}
	return out
}

// Probes tries every description.
func (r *ChoiceRule) Probes(*Item) []Probe {
	var out []Probe
	for _, c := range r.Choices {
		out = append(out, Probe{In: ItemInput{Choice: c.ID}, Label: c.ID})
	}
	return out
}

// Field picks one of the descriptions.
func (r *ChoiceRule) Field(*Item) Field { return Field{Shape: ShapePick, Options: r.Choices} }

// Sample picks a description by skill.
func (r *ChoiceRule) Sample(_ *Item, s Sampler) ItemInput {
	pts := make([]exact.Decimal, len(r.Choices))
	for i, c := range r.Choices {
		pts[i] = c.Points
	}
	return ItemInput{Choice: r.Choices[ranked(pts, s.Skill())].ID}
}

// Fast: none; the card scores a choice with Score.
func (*ChoiceRule) Fast(*Item) (FastRule, bool) { return nil, true }
