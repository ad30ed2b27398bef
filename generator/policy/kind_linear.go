package policy

import (
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// ScoreLinear is the scoring kind that adds or takes points for each step
// of a number above or below a par.
const ScoreLinear = "linear"

// LinearRule gives Base points at Par, Up for each full Step above it and
// Down below it, clamped to [Min, Max].
type LinearRule struct {
	Par, Base, Step, Up, Down, Min, Max exact.Decimal
}

func init() { register(linearScoring, &linearKind{}) }

// linearScoring is the ScoreLinear kind as the loader meets it: a
// package-level value, so that its lists are data, not code run at start.
var linearScoring = ScoringKind{
	Name:       ScoreLinear,
	Keys:       []string{"input", "par", "base", "step", "up", "down", "min", "max"},
	InputKinds: []string{"percent", "count", "money", "hours", "score"},
}

// linearKind checks and builds linear items.
type linearKind struct{}

func (*linearKind) check(it *Item, c ItemChecker) {
	if it.Step.Sign() <= 0 {
		c.Errorf("/step", "step must be more than 0")
	}
	negative(c, "/up", it.Up, "up")
	negative(c, "/down", it.Down, "down")
	negative(c, "/min", it.Min, "min")
	over(c, it, "/base", *it.Base, "par")
	if it.Max != nil {
		over(c, it, "/max", *it.Max, "max")
	}
	if it.Min != nil && it.Min.Cmp(*it.Base) > 0 {
		c.Errorf("/min", "min %s is above base %s", it.Min, it.Base)
	}
}

func (*linearKind) build(it *Item) ScoringRule {
	if it.Par == nil || it.Base == nil || it.Step == nil {
		return nil
	}
	return &LinearRule{Par: *it.Par, Base: *it.Base, Step: *it.Step, Up: orDefault(it.Up, zero), Down: orDefault(it.Down, zero),
		Min: orDefault(it.Min, zero), Max: orDefault(it.Max, it.Cap())}
}

func (*LinearRule) rule() {}

// Kind implements ScoringRule.
func (*LinearRule) Kind() string { return ScoreLinear }

// Score counts the full steps from par, then clamps to max and min.
func (r *LinearRule) Score(it *Item, in ItemInput) (exact.Decimal, string, error) {
	x, err := number(it, in)
	if err != nil {
		return zero, "", err
	}
	diff := x.Sub(r.Par)
	p, clause := r.Base, "par"
	if diff.Sign() > 0 {
		steps, _ := diff.Quo(r.Step)
		p, clause = p.Add(r.Up.Mul(steps.Floor())), "above"
	} else if diff.Sign() < 0 {
		steps, _ := diff.Neg().Quo(r.Step)
		p, clause = p.Sub(r.Down.Mul(steps.Floor())), "below"
	}
	if p.Cmp(r.Max) > 0 {
		p, clause = r.Max, "max"
	}
	if p.Cmp(r.Min) < 0 {
		p, clause = r.Min, "min"
	}
	return p, clause, nil
}

// Clauses are par, above (when up is more than 0) and below (when down is).
func (r *LinearRule) Clauses() []string {
	cs := []string{"par"}
	if r.Up.Sign() > 0 {
		cs = append(cs, "above")
	}
	if r.Down.Sign() > 0 {
		cs = append(cs, "below")
	}
	return cs
}

// Uses gives the number scored.
func (*LinearRule) Uses(it *Item, in ItemInput, dst []Used) []Used { return usedNumber(it, in, dst) }

// Explain says the number, the par and the steps.
func (r *LinearRule) Explain(it *Item, in ItemInput) string {
	unit := it.Input.DisplayUnit()
	down := printf.Sprintf("每低满 %s扣 %s 分", spaced(stepPhrase(r.Step, unit)), &r.Down)
	if r.Down.Sign() == 0 {
		down = "低于基准不扣分"
	}
	return printf.Sprintf("%s为 %s，以 %s为基准得 %s 分，每高出满 %s加 %s 分、%s（%s～%s 分）", it.label(), WithUnit(*in.Value, unit), spaced(WithUnit(r.Par, unit)), &r.Base, spaced(stepPhrase(r.Step, unit)), &r.Up, down, &r.Min, &r.Max)
}

// spaced puts a space after text that ends in a digit or %, so that the
// Chinese word after it does not touch it (100% 为基准, 0 元为基准).
func spaced(text string) string {
	if r := text[len(text)-1]; r >= '0' && r <= '9' || r == '%' {
		return text + " "
	}
	return text
}

// stepPhrase says "every step" of a linear item: 5 个百分点 for a percentage.
func stepPhrase(x exact.Decimal, unit string) string {
	if unit == "%" {
		return x.String() + " 个百分点"
	}
	return WithUnit(x, unit)
}

// Grading says the par, the steps and the range.
func (r *LinearRule) Grading(it *Item, _ []string) []string {
	unit := it.Input.DisplayUnit()
	return []string{printf.Sprintf("以 %s 为基准得 %s 分，每高 %s 加 %s 分、每低 %s 扣 %s 分（%s～%s 分）",
		WithUnit(r.Par, unit), r.Base, WithUnit(r.Step, unit), r.Up, WithUnit(r.Step, unit), r.Down, r.Min, r.Max)}
}

// Probes tries par, one step either side and just inside it, and forty
// steps up.
func (r *LinearRule) Probes(it *Item) []Probe {
	eps := Epsilon(it.inputKind())
	return numberProbes(it, []exact.Decimal{r.Par.Sub(r.Step), r.Par.Sub(r.Step).Add(eps), r.Par,
		r.Par.Add(r.Step).Sub(eps), r.Par.Add(r.Step), r.Par.Add(r.Step.Mul(exact.FromInt(40)))})
}

// maxSteps is the most steps either side of par that Steps lists.
const maxSteps = 200

// Steps lists, for each score the rule gives over its input's range, the
// least input that scores it: 0; par plus each full step above it until
// the points reach max; and, below par, just above each full step down
// (the least input that loses k steps' points) until they reach min (at
// most maxSteps either way; none beyond the input's range). Between two
// of them the points do not change, so the smallest change of the input
// that reaches a score is among them; Probes, which tries one step either
// side of par and forty up, is what coverage needs, not that.
func (r *LinearRule) Steps(it *Item) []Probe {
	xs := []exact.Decimal{exact.FromInt(0), r.Par}
	if r.Up.Sign() > 0 {
		for k := int64(1); k <= maxSteps; k++ {
			xs = append(xs, r.Par.Add(r.Step.Mul(exact.FromInt(k))))
			if r.Base.Add(r.Up.Mul(exact.FromInt(k))).Cmp(r.Max) >= 0 {
				break
			}
		}
	}
	if r.Down.Sign() > 0 {
		eps := Epsilon(it.inputKind())
		for k := int64(0); k <= maxSteps; k++ {
			// The least input that scores base − k × down.
			x := r.Par.Sub(r.Step.Mul(exact.FromInt(k + 1))).Add(eps)
			if x.Sign() <= 0 {
				break // 0 is listed
			}
			xs = append(xs, x)
			if r.Base.Sub(r.Down.Mul(exact.FromInt(k))).Cmp(r.Min) <= 0 {
				break
			}
		}
	}
	return numberProbes(it, xs)
}

// Field is a number.
func (*LinearRule) Field(*Item) Field { return Field{Shape: ShapeNumber} }

// Sample draws par ± up to six steps, above par for the able when a step up
// earns points.
func (r *LinearRule) Sample(it *Item, s Sampler) ItemInput {
	steps := exact.FromInt(int64((s.Skill() - 500) * 6 / 5)).Shift(-2)
	if r.Up.Sign() == 0 {
		steps = steps.Neg()
	}
	return ItemInput{Value: clamp(it, s.Whole(r.Par.Add(r.Step.Mul(steps)), it.inputKind()))}
}

// fastLinear is a linear item at the fast scale.
type fastLinear struct {
	input                               fastInput
	par, base, step, up, down, min, max int64
}

// Fast converts the par, the steps and the range.
func (r *LinearRule) Fast(it *Item) (FastRule, bool) {
	f := fastNums{ok: true}
	fl := &fastLinear{input: newFastInput(it, &f)}
	fl.par, fl.base, fl.step, fl.up, fl.down, fl.min, fl.max = f.num(r.Par), f.num(r.Base), f.num(r.Step), f.num(r.Up), f.num(r.Down), f.num(r.Min), f.num(r.Max)
	return fl, f.ok && fl.step > 0
}

// Points implements FastRule.
func (fl *fastLinear) Points(in *ItemInput) (int64, bool) {
	x, ok := fl.input.value(in)
	if !ok {
		return 0, false
	}
	p, diff := fl.base, x-fl.par
	if diff > 0 {
		p += fl.up * min(diff/fl.step, 1<<20)
	} else if diff < 0 {
		p -= fl.down * min(-diff/fl.step, 1<<20)
	}
	if diff/fl.step >= 1<<20 || -diff/fl.step >= 1<<20 {
		return 0, false // beyond what the integers are sized for
	}
	// In the order of Score: the maximum first, then the minimum.
	return max(min(p, fl.max), fl.min), true
}
