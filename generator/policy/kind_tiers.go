package policy

import (
	"strings"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// ScoreTiers is the scoring kind that maps intervals of a number to points.
const ScoreTiers = "tiers"

// TiersRule maps intervals of a number to points, best tier first.
type TiersRule struct {
	Tiers []Tier
}

func init() { register(tiersScoring, &tiersKind{}) }

// tiersScoring is the ScoreTiers kind as the loader meets it: a
// package-level value, so that its lists are data, not code run at start.
var tiersScoring = ScoringKind{
	Name:       ScoreTiers,
	Keys:       []string{"input", "tiers"},
	InputKinds: []string{"percent", "count", "money", "hours", "score"},
}

// tiersKind checks and builds tiered items.
type tiersKind struct{}

func (*tiersKind) check(it *Item, c ItemChecker) {
	ptrs := make([]string, len(it.Tiers))
	rows := make([]Interval, len(it.Tiers))
	for i, t := range it.Tiers {
		tp := printf.Sprintf("/tiers/%d", i)
		ptrs[i], rows[i] = tp, t.Interval
		negative(c, tp+"/points", &it.Tiers[i].Points, "points")
		over(c, it, tp+"/points", t.Points, tierName(i))
		// (Rows out of order have their own message.)
		if prev := it.Tiers[max(i-1, 0)]; i > 0 && t.Points.Cmp(prev.Points) > 0 && (prev.Min == nil || t.Min == nil || t.Min.Cmp(*prev.Min) < 0) {
			c.Errorf(tp+"/points", "%s gives more points (%s) than the better tier above it (%s): a worse result must never score more", tierName(i), t.Points, prev.Points)
		}
	}
	c.Intervals(ptrs, rows)
}

func (*tiersKind) build(it *Item) ScoringRule {
	return &TiersRule{it.Tiers}
}

// tierName names the i-th tier of a table for messages.
func tierName(i int) string {
	if i == 0 {
		return "the best tier"
	}
	return printf.Sprintf("tier %d", i+1)
}

// Clause names of the first tiers, kept as constants so that scoring
// allocates nothing for them.
var tierClauses = []string{"tiers[0]", "tiers[1]", "tiers[2]", "tiers[3]", "tiers[4]", "tiers[5]", "tiers[6]", "tiers[7]", "tiers[8]", "tiers[9]"}

func (*TiersRule) rule() {}

// Kind implements ScoringRule.
func (*TiersRule) Kind() string { return ScoreTiers }

// Score gives the points of the tier the number lands in.
func (r *TiersRule) Score(it *Item, in ItemInput) (exact.Decimal, string, error) {
	x, err := number(it, in)
	if err != nil {
		return zero, "", err
	}
	for i := range r.Tiers {
		if t := &r.Tiers[i]; t.Contains(x) {
			return t.Points, tierClauses[min(i, len(tierClauses)-1)], nil
		}
	}
	return zero, "", zh.Errorf("%s lands in no tier", x)
}

// Clauses lists every tier.
func (r *TiersRule) Clauses() []string {
	var cs []string
	for i := range r.Tiers {
		cs = append(cs, printf.Sprintf("tiers[%d]", i))
	}
	return cs
}

// Uses gives the number scored.
func (*TiersRule) Uses(it *Item, in ItemInput, dst []Used) []Used { return usedNumber(it, in, dst) }

// Explain names the tier the number lands in.
func (r *TiersRule) Explain(it *Item, in ItemInput) string {
	unit := it.Input.DisplayUnit()
	x := *in.Value
	how := ""
	for _, t := range r.Tiers {
		if t.Contains(x) {
			how = printf.Sprintf("%s为 %s，落在%s", it.label(), WithUnit(x, unit), t.Words(unit))
		}
	}
	return how
}

// Grading gives one line per tier.
func (r *TiersRule) Grading(it *Item, _ []string) []string {
	unit := it.Input.DisplayUnit()
	var out []string
	for _, t := range r.Tiers {
		out = append(out, printf.Sprintf("%s %s 分", strings.Trim(strings.TrimSuffix(t.Words(unit), "一档"), "“”"), t.Points))
	}
	return out
}

// Probes tries each end of each tier just below, at and just above.
func (r *TiersRule) Probes(it *Item) []Probe {
	eps := Epsilon(it.inputKind())
	var xs []exact.Decimal
	for _, t := range r.Tiers {
		for _, b := range []*exact.Decimal{t.Min, t.Below} {
			if b != nil {
				xs = append(xs, b.Sub(eps), *b, b.Add(eps))
			}
		}
	}
	return numberProbes(it, xs)
}

// Field is a number.
func (*TiersRule) Field(*Item) Field { return Field{Shape: ShapeNumber} }

// Sample draws a number inside a tier picked by skill.
func (r *TiersRule) Sample(it *Item, s Sampler) ItemInput {
	pts := make([]exact.Decimal, len(r.Tiers))
	for i, t := range r.Tiers {
		pts[i] = t.Points
	}
	t := r.Tiers[ranked(pts, s.Skill())]
	lo := exact.FromInt(0)
	if t.Min != nil {
		lo = *t.Min
	}
	var hi exact.Decimal
	if t.Below != nil {
		hi = *t.Below
	} else {
		// the open top tier: up to a quarter above its threshold
		hi = lo.Add(lo.Shift(-2).Mul(exact.FromInt(25))).Add(exact.FromInt(1))
	}
	return ItemInput{Value: clamp(it, s.Between(lo, hi, it.inputKind()))}
}

// fastTiers is a tiers item at the fast scale.
type fastTiers struct {
	input fastInput
	tiers []fastTier
}

type fastTier struct {
	min, below       int64
	hasMin, hasBelow bool
	points           int64
}

// Fast converts the tiers.
func (r *TiersRule) Fast(it *Item) (FastRule, bool) {
	f := fastNums{ok: true}
	ft := &fastTiers{input: newFastInput(it, &f)}
	for i := range r.Tiers {
		t := &r.Tiers[i]
		row := fastTier{points: f.num(t.Points)}
		if t.Min != nil {
			row.min, row.hasMin = f.num(*t.Min), true
		}
		if t.Below != nil {
			row.below, row.hasBelow = f.num(*t.Below), true
		}
		ft.tiers = append(ft.tiers, row)
	}
	return ft, f.ok
}

// Points implements FastRule.
func (ft *fastTiers) Points(in *ItemInput) (int64, bool) {
	x, ok := ft.input.value(in)
	if !ok {
		return 0, false
	}
	for i := range ft.tiers {
		t := &ft.tiers[i]
		if (!t.hasMin || x >= t.min) && (!t.hasBelow || x < t.below) {
			return t.points, true
		}
	}
	return 0, false
}
