package policy

import (
	"math/bits"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// ScoreProportional is the scoring kind that gives the item's weight in
// proportion to a number.
const ScoreProportional = "proportional"

// ProportionalRule gives the item's weight × input ÷ Scale, the input
// capped at Scale.
type ProportionalRule struct {
	Scale, Weight exact.Decimal
}

func init() { register(proportionalScoring, &proportionalKind{}) }

// proportionalScoring is the ScoreProportional kind as the loader meets it:
// a package-level value, so that its lists are data, not code run at start.
var proportionalScoring = ScoringKind{
	Name:       ScoreProportional,
	Keys:       []string{"input", "scale"},
	InputKinds: []string{"score", "percent"},
}

// proportionalKind checks and builds proportional items.
type proportionalKind struct{}

func (*proportionalKind) check(it *Item, c ItemChecker) {
	if it.Scale.Sign() <= 0 {
		c.Errorf("/scale", "scale must be more than 0")
	}
}

func (*proportionalKind) build(it *Item) ScoringRule {
	if it.Scale == nil {
		return nil
	}
	return &ProportionalRule{Scale: *it.Scale, Weight: it.Weight}
}

func (*ProportionalRule) rule() {}

// Kind implements ScoringRule.
func (*ProportionalRule) Kind() string { return ScoreProportional }

// Score gives weight × input ÷ scale, rounded as scores are.
func (r *ProportionalRule) Score(it *Item, in ItemInput) (exact.Decimal, string, error) {
	x, err := number(it, in)
	if err != nil {
		return zero, "", err
	}
	x = exact.Min(x, r.Scale)
	q, _ := r.Weight.Mul(x).Quo(r.Scale)
	return RoundScore(q), "proportional", nil
}

// Clauses is the one clause, proportional.
func (*ProportionalRule) Clauses() []string { return []string{"proportional"} }

// Uses gives the number scored.
func (*ProportionalRule) Uses(it *Item, in ItemInput, dst []Used) []Used {
	return usedNumber(it, in, dst)
}

// Explain writes the proportion.
func (r *ProportionalRule) Explain(it *Item, in ItemInput) string {
	x := exact.Min(*in.Value, r.Scale)
	return printf.Sprintf("%s为 %s（满分 %s），按比例得 %s × %s ÷ %s", it.label(), in.Value, &r.Scale, &r.Weight, x, &r.Scale)
}

// Grading writes the proportion.
func (r *ProportionalRule) Grading(*Item, []string) []string {
	return []string{printf.Sprintf("按完成比例得分：%s × 实际 ÷ %s", r.Weight, r.Scale)}
}

// Probes tries 0 and the scale.
func (r *ProportionalRule) Probes(it *Item) []Probe {
	return append(numberProbes(it, []exact.Decimal{exact.FromInt(0)}), numberProbes(it, []exact.Decimal{r.Scale})...)
}

// Field is a number.
func (*ProportionalRule) Field(*Item) Field { return Field{Shape: ShapeNumber} }

// Sample draws the skill's share of the scale.
func (r *ProportionalRule) Sample(it *Item, s Sampler) ItemInput {
	x := r.Scale.Mul(exact.FromInt(int64(s.Skill()))).Shift(-3)
	return ItemInput{Value: clamp(it, s.Whole(x, it.inputKind()))}
}

// fastProportional is a proportional item at the fast scale.
type fastProportional struct {
	input         fastInput
	scale, weight int64
}

// Fast converts the scale and the weight.
func (r *ProportionalRule) Fast(it *Item) (FastRule, bool) {
	f := fastNums{ok: true}
	fp := &fastProportional{input: newFastInput(it, &f)}
	fp.scale, fp.weight = f.num(r.Scale), f.num(r.Weight)
	return fp, f.ok && fp.scale > 0 && fp.weight >= 0
}

// Points implements FastRule.
func (fp *fastProportional) Points(in *ItemInput) (int64, bool) {
	x, ok := fp.input.value(in)
	if !ok {
		return 0, false
	}
	x = min(x, fp.scale)
	hi, lo := bits.Mul64(uint64(fp.weight), uint64(x))
	if hi != 0 || lo >= 1<<62 {
		return 0, false
	}
	return QuoHalfUp(int64(lo), fp.scale*100) * 100, true
}
