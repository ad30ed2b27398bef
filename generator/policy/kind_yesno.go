package policy

import (
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// ScoreYesNo is the scoring kind that gives points for yes and for no.
const ScoreYesNo = "yesno"

// YesNoRule gives points for yes and for no.
type YesNoRule struct {
	Yes, No exact.Decimal
}

func init() { register(yesNoScoring, &yesNoKind{}) }

// yesNoScoring is the ScoreYesNo kind as the loader meets it: a
// package-level value, so that its lists are data, not code run at start.
var yesNoScoring = ScoringKind{
	Name:       ScoreYesNo,
	Keys:       []string{"input", "yes", "no"},
	InputKinds: []string{"yesno"},
}

// yesNoKind checks and builds yes/no items.
type yesNoKind struct{}

func (*yesNoKind) check(it *Item, c ItemChecker) {
	over(c, it, "/yes", *it.Yes, "yes")
	over(c, it, "/no", *it.No, "no")
	negative(c, "/yes", it.Yes, "points")
	negative(c, "/no", it.No, "points")
}

func (*yesNoKind) build(it *Item) ScoringRule {
	if it.Yes == nil || it.No == nil {
		return nil
	}
	return &YesNoRule{*it.Yes, *it.No}
}

func (*YesNoRule) rule() {}

// Kind implements ScoringRule.
func (*YesNoRule) Kind() string { return ScoreYesNo }

// Score gives the points of yes or of no.
func (r *YesNoRule) Score(_ *Item, in ItemInput) (exact.Decimal, string, error) {
	if in.Yes == nil {
		return zero, "", ErrNoInput
	}
	if *in.Yes {
		return r.Yes, "yes", nil
	}
	return r.No, "no", nil
}

// Clauses are yes and no.
func (*YesNoRule) Clauses() []string { return []string{"yes", "no"} }

// Uses gives 是 or 否.
func (*YesNoRule) Uses(it *Item, in ItemInput, dst []Used) []Used {
	return append(dst, used(it.label(), yesNoWord(*in.Yes), ""))
}

// Explain says the answer.
func (*YesNoRule) Explain(it *Item, in ItemInput) string {
	return it.label() + "：" + yesNoWord(*in.Yes)
}

// yesNoWord is 是 or 否.
func yesNoWord(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// Grading gives the points of yes and of no.
func (r *YesNoRule) Grading(*Item, []string) []string {
	return []string{printf.Sprintf("是 %s 分", r.Yes), printf.Sprintf("否 %s 分", r.No)}
}

// Probes tries yes and no.
func (*YesNoRule) Probes(*Item) []Probe {
	var out []Probe
	for _, b := range []bool{true, false} {
		v := b
		out = append(out, Probe{In: ItemInput{Yes: &v}, Label: yesNoWord(b)})
	}
	return out
}

// Field is yes or no.
func (*YesNoRule) Field(*Item) Field { return Field{Shape: ShapeYesNo} }

// Sample answers the better of yes and no when the item went well.
func (r *YesNoRule) Sample(_ *Item, s Sampler) ItemInput {
	b := s.Good() == (r.Yes.Cmp(r.No) >= 0)
	return ItemInput{Yes: &b}
}

// fastYesNo is a yes/no item at the fast scale.
type fastYesNo struct{ yes, no int64 }

// Fast converts the points of yes and no.
func (r *YesNoRule) Fast(*Item) (FastRule, bool) {
	f := fastNums{ok: true}
	return &fastYesNo{f.num(r.Yes), f.num(r.No)}, f.ok
}

// Points implements FastRule.
func (f *fastYesNo) Points(in *ItemInput) (int64, bool) {
	switch {
	case in.Yes == nil:
		return 0, false
	case *in.Yes:
		return f.yes, true
	}
	return f.no, true
}
