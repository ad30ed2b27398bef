package policy

import (
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// ScoreDeduction is the scoring kind that takes points off for each unit
// counted.
const ScoreDeduction = "deduction"

// DeductionRule starts from Full and takes Per off for each unit counted,
// never below Floor. Most is the most units that can occur, when known (the
// item's requirements, or its input's maximum).
type DeductionRule struct {
	Full, Per, Floor exact.Decimal
	Most             *exact.Decimal
}

func init() { register(deductionScoring, &deductionKind{}) }

// deductionScoring is the ScoreDeduction kind as the loader meets it: a
// package-level value, so that its lists are data, not code run at start.
var deductionScoring = ScoringKind{
	Name:       ScoreDeduction,
	Keys:       []string{"input", "full", "per", "floor", "requirements"},
	InputKinds: []string{"count"},
}

// deductionKind checks and builds deduction items.
type deductionKind struct{}

func (*deductionKind) check(it *Item, c ItemChecker) {
	over(c, it, "/full", *it.Full, "full")
	if it.Per.Sign() <= 0 {
		c.Errorf("/per", "per must be more than 0: it is the points deducted per unit")
	}
	if it.Floor != nil && it.Floor.Cmp(*it.Full) > 0 {
		c.Errorf("/floor", "floor %s is above full %s", it.Floor, it.Full)
	}
	negative(c, "/floor", it.Floor, "floor")
}

func (*deductionKind) build(it *Item) ScoringRule {
	if it.Full == nil || it.Per == nil {
		return nil
	}
	r := &DeductionRule{Full: *it.Full, Per: *it.Per, Floor: orDefault(it.Floor, zero)}
	if n := len(it.Requirements); n > 0 {
		m := exact.FromInt(int64(n))
		r.Most = &m
	} else if it.Input != nil {
		r.Most = it.Input.Max
	}
	return r
}

func (*DeductionRule) rule() {}

// Kind implements ScoringRule.
func (*DeductionRule) Kind() string { return ScoreDeduction }

// Score takes Per off Full for each unit, down to Floor.
func (r *DeductionRule) Score(it *Item, in ItemInput) (exact.Decimal, string, error) {
	x, err := number(it, in)
	if err != nil {
		return zero, "", err
	}
	if !x.IsInteger() {
		return zero, "", zh.Errorf("%s is not a whole number", x)
	}
	if x.Sign() == 0 {
		return r.Full, "full", nil
	}
	p := r.Full.Sub(r.Per.Mul(x))
	if p.Cmp(r.Floor) <= 0 {
		return r.Floor, "floor", nil
	}
	return p, "deducted", nil
}

// Clauses are full, deducted (when one unit leaves more than the floor) and
// floor (when enough units can occur to reach it).
func (r *DeductionRule) Clauses() []string {
	cs := []string{"full"}
	if r.Full.Sub(r.Per).Cmp(r.Floor) > 0 {
		cs = append(cs, "deducted")
	}
	if r.Most == nil || r.Full.Sub(r.Per.Mul(*r.Most)).Cmp(r.Floor) <= 0 {
		cs = append(cs, "floor")
	}
	return cs
}

// Uses gives the number counted.
func (*DeductionRule) Uses(it *Item, in ItemInput, dst []Used) []Used {
	return usedNumber(it, in, dst)
}

// Explain says the full points, the count and the deduction.
func (r *DeductionRule) Explain(it *Item, in ItemInput) string {
	return printf.Sprintf("满分 %s 分，%s %s，每个扣 %s 分（最低 %s 分）", &r.Full, it.label(), in.Value, &r.Per, &r.Floor)
}

// Grading says the full points, the deduction and the floor.
func (r *DeductionRule) Grading(*Item, []string) []string {
	return []string{printf.Sprintf("满分 %s 分，每 1 个扣 %s 分，最低 %s 分", r.Full, r.Per, r.Floor)}
}

// Probes tries each count from 0 to the number of requirements (or 3).
func (*DeductionRule) Probes(it *Item) []Probe {
	n := 3
	if len(it.Requirements) > 0 {
		n = len(it.Requirements)
	}
	var xs []exact.Decimal
	for i := 0; i <= n; i++ {
		xs = append(xs, exact.FromInt(int64(i)))
	}
	return numberProbes(it, xs)
}

// Field is a number.
func (*DeductionRule) Field(*Item) Field { return Field{Shape: ShapeNumber} }

// Sample counts nothing when the item went well, 1 to 3 otherwise.
func (*DeductionRule) Sample(it *Item, s Sampler) ItemInput {
	n := 0
	if !s.Good() {
		n = 1 + s.IntN(3)
	}
	return ItemInput{Value: clamp(it, exact.FromInt(int64(n)))}
}

// fastDeduction is a deduction item at the fast scale.
type fastDeduction struct {
	input            fastInput
	full, per, floor int64
}

// Fast converts the full points, the deduction and the floor.
func (r *DeductionRule) Fast(it *Item) (FastRule, bool) {
	f := fastNums{ok: true}
	fd := &fastDeduction{input: newFastInput(it, &f)}
	fd.full, fd.per, fd.floor = f.num(r.Full), f.num(r.Per), f.num(r.Floor)
	return fd, f.ok
}

// Points implements FastRule.
func (fd *fastDeduction) Points(in *ItemInput) (int64, bool) {
	x, ok := fd.input.value(in)
	if !ok || x%fastOne != 0 || x > 1<<20*fastOne {
		return 0, false
	}
	if x == 0 {
		return fd.full, true
	}
	p := fd.full - fd.per*(x/fastOne)
	if p <= fd.floor {
		return fd.floor, true
	}
	return p, true
}
