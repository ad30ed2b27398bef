package policy

import (
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/sorted"
)

// ScoringRule is how an item turns what the assessor enters into points: one
// type per scoring kind, with every value it needs present. Compile builds
// it from the item's source keys (Item.Rule) once they are checked.
//
// A scoring kind lives in one file, kind_*.go: its rule type, the keys, checks
// and constructor the loader uses (a ScoringKind, registered from the file),
// and the methods below, which are everything the engine, the explanations,
// the coverage probes, the paper forms, the input forms and the pay diff ask
// of a kind. None of them switches on the type. The set is closed: only this
// package can add a kind.
type ScoringRule interface {
	// Kind returns the scoring kind as written in a policy (scoring = …).
	Kind() string
	// Score returns the points an input earns on the item and the clause
	// that fired (tiers[1], yes, floor …), or why the input cannot be
	// scored (ErrNoInput when it is missing).
	Score(it *Item, in ItemInput) (points exact.Decimal, clause string, err error)
	// Clauses lists the clauses the item can fire, the names Score gives
	// them; coverage requires each to be reached.
	Clauses() []string
	// Uses appends to dst the values the points of an input came from, as
	// the trace shows them.
	Uses(it *Item, in ItemInput, dst []Used) []Used
	// Explain says in Chinese how an input earned its points, the middle of
	// “标题：…，得 x 分。”; Score has accepted the input.
	Explain(it *Item, in ItemInput) string
	// Grading says in Chinese how the item is scored, one line per tier,
	// level or rule, for the paper form. levels are the descriptions of
	// the item's competency levels 1–5 (nil for none).
	Grading(it *Item, levels []string) []string
	// Probes lists the inputs that try every boundary of the item: each
	// threshold just below, at and just above, each level, choice and
	// yes/no, each deduction count up to the floor.
	Probes(it *Item) []Probe
	// Field describes what an assessor enters for the item.
	Field(it *Item) Field
	// Sample draws the input of a synthetic person for the pay diff, better
	// inputs for abler people.
	Sample(it *Item, s Sampler) ItemInput
	// Fast compiles the item for the integer path of engine.Card: nil
	// when the kind has none (the card scores it with Score and converts
	// the points), false when a number of the item does not fit.
	Fast(it *Item) (FastRule, bool)
	rule()
}

// ItemInput is what an assessor enters for one scorecard item. Which field is
// read depends on the item's scoring kind (its Field's Shape).
type ItemInput struct {
	Value  *exact.Decimal           // ShapeNumber: tiers, deduction, linear, proportional
	Yes    *bool                    // ShapeYesNo
	Level  int                      // ShapeLevel: 1 to 5
	Choice string                   // ShapePick: the id of the chosen description
	Checks []string                 // ShapeChecks: the ids of the checks met
	Named  map[string]formula.Value // ShapeNamed: the item's named inputs
}

// ErrNoInput is the error of Score when the item's input is not given.
var ErrNoInput error = diag.Text{En: "no input given", Zh: "没有填"}

// Used is one value the points of an item came from: its name as the
// policy writes it, its Chinese label, its value as written (or Num, a
// number not yet written) and its unit.
type Used struct {
	Name, Label, Value, Unit string
	Num                      *exact.Decimal
}

// Probe is one input a boundary probe scores, with its label in the
// probe's line (92.99, 是, 3级 …).
type Probe struct {
	In    ItemInput
	Label string
}

// Shape is which field of an ItemInput a scoring kind reads, and so how an
// input form, a case file or a CSV column writes it.
type Shape int

// The shapes of an item's input.
const (
	ShapeNumber Shape = iota // a number within the bounds of the item's input kind: Value
	ShapeYesNo               // true or false: Yes
	ShapeLevel               // a behaviour level, 1 to 5: Level
	ShapePick                // the id of one of Options: Choice
	ShapeChecks              // the ids of any of Options, or none: Checks
	ShapeNamed               // one number per named input of the item: Named
)

// Field describes an item's input: its shape and, for ShapePick and
// ShapeChecks, the options.
type Field struct {
	Shape   Shape
	Options []Choice
}

// Sampler draws the random numbers of a synthetic person's item (package
// diff implements it). Skill is how well the person did on the item, in
// permille, and Good whether it went well (drawn with probability Skill);
// both are drawn once per item before Sample is called.
type Sampler interface {
	Skill() int
	Good() bool
	// IntN returns a number in [0, n).
	IntN(n int) int
	// Between draws lo ≤ x < hi in hundredths (whole numbers for counts).
	Between(lo, hi exact.Decimal, inputKind string) exact.Decimal
	// Whole rounds x as inputs of the kind are written.
	Whole(x exact.Decimal, inputKind string) exact.Decimal
	// Value draws a named input of a kind, up to scale and max.
	Value(inputKind string, scale exact.Decimal, max *exact.Decimal) formula.Value
}

// FastRule scores an item with integers scaled by 10^FastPlaces, for
// engine.Card.
type FastRule interface {
	// Points returns the points of in, scaled; false when the input or a
	// result does not fit, which sends the card to the Decimal path.
	Points(in *ItemInput) (int64, bool)
}

// FastPlaces is the scale of the integers of a FastRule: 10^4.
const FastPlaces = 4

const fastOne = 10000 // 1 at the fast scale

// QuoHalfUp returns n ÷ d rounded half up, for n ≥ 0 and d > 0.
func QuoHalfUp(n, d int64) int64 {
	q, r := n/d, n%d
	if r >= d-r {
		q++
	}
	return q
}

// RoundScore is the rounding rule for scores: two decimals, 四舍五入.
func RoundScore(x exact.Decimal) exact.Decimal { return x.Round(2, exact.HalfUp) }

// ScoringKind is a scoring kind as the loader meets it.
type ScoringKind struct {
	Name string
	// Keys are the item keys the kind uses beyond the common ones; a key
	// of another kind is an error.
	Keys []string
	// InputKinds are the kinds of input the kind accepts, nil for any.
	InputKinds []string
	// Check reports the problems of an item of the kind whose keys are
	// present as the schema requires.
	Check func(it *Item, c ItemChecker)
	// Build makes the rule of a checked item, or nil when a key the kind
	// needs is missing (which the schema and Check refuse first).
	Build func(it *Item) ScoringRule
}

// kind is a scoring kind's checks and constructor (its ScoringKind's Check
// and Build). They are methods, not the closures of a registered value, so
// that a program which builds rules but never checks an item (the browser
// calculator) does not link the checks: the linker keeps a method reached
// through an interface only where a call of that method is reachable, and
// only LookupScoring calls check.
type kind interface {
	check(it *Item, c ItemChecker)
	build(it *Item) ScoringRule
}

// registered is a scoring kind as register keeps it.
type registered struct {
	ScoringKind // Name, Keys and InputKinds
	kind
}

var scoringKinds = map[string]registered{}

// register adds a scoring kind, whose Check and Build are k's; each
// kind_*.go calls it once.
func register(sk ScoringKind, k kind) {
	if _, dup := scoringKinds[sk.Name]; dup {
		panic("policy: scoring kind " + sk.Name + " registered twice")
	}
	scoringKinds[sk.Name] = registered{sk, k}
}

// LookupScoring returns the scoring kind named name.
func LookupScoring(name string) (ScoringKind, bool) {
	r, ok := scoringKinds[name]
	if !ok {
		return ScoringKind{}, false
	}
	sk := r.ScoringKind
	sk.Check, sk.Build = r.check, r.build
	return sk, true
}

// ScoringKinds returns the names of every scoring kind, sorted.
func ScoringKinds() []string {
	names := make([]string, 0, len(scoringKinds))
	for n := range scoringKinds {
		names = append(names, n)
	}
	sorted.Strings(names)
	return names
}

// NewRule builds the rule of a checked item from its source keys, or nil
// when its kind is unknown or a key the kind needs is missing (which the
// schema and Compile refuse first).
func NewRule(it *Item) ScoringRule {
	k, ok := scoringKinds[it.Scoring]
	if !ok {
		return nil
	}
	return k.build(it)
}

// ItemChecker receives the problems a kind's Check finds in an item
// (package compile implements it). Pointers are JSON pointers relative to
// the item: /tiers/2/points.
type ItemChecker interface {
	// KeyErrorf reports a problem at a key.
	KeyErrorf(ptr, format string, args ...any)
	// Errorf reports a problem at a key's value.
	Errorf(ptr, format string, args ...any)
	// Intervals checks that rows go from best to worst and cover every
	// value exactly once; ptrs are the rows' pointers.
	Intervals(ptrs []string, rows []Interval)
	// Unique reports ids that repeat in the array at list, whose i-th
	// element has its id at list/i/key.
	Unique(what, list, key string, ids []string)
	// Formula parses and checks a formula at ptr whose result is a number,
	// or returns nil having reported its problems.
	Formula(ptr, src string, env formula.Env) *formula.Expr
}

// over reports a value of points more than the item can earn.
func over(c ItemChecker, it *Item, ptr string, best exact.Decimal, what string) {
	if best.Cmp(it.Cap()) > 0 && it.Weight.Sign() >= 0 {
		if it.BonusMax != nil {
			c.Errorf(ptr, "%s gives %s points, more than the weight %s plus bonus_max %s", what, best, it.Weight, it.BonusMax)
		} else {
			c.Errorf(ptr, "%s gives %s points, more than the item's weight %s", what, best, it.Weight)
		}
	}
}

// negative reports a negative number where there must be none.
func negative(c ItemChecker, ptr string, x *exact.Decimal, what string) {
	if x != nil && x.Sign() < 0 {
		c.Errorf(ptr, "%s must not be negative: %s", what, x)
	}
}

// orDefault is *p, or d when p is nil.
func orDefault(p *exact.Decimal, d exact.Decimal) exact.Decimal {
	if p == nil {
		return d
	}
	return *p
}

var zero = exact.FromInt(0)

// label is what the item's input is called: its input's label, or its
// title.
func (it *Item) label() string {
	if it.Input != nil {
		return it.Input.Label
	}
	return it.Title
}

// inputKind is the kind of the item's input, "" for none.
func (it *Item) inputKind() string {
	if it.Input != nil {
		return it.Input.Kind
	}
	return ""
}

// number is the numeric input of an item: given, not negative, and not
// above the input's maximum.
func number(it *Item, in ItemInput) (exact.Decimal, error) {
	if in.Value == nil {
		return zero, ErrNoInput
	}
	if in.Value.Sign() < 0 {
		return zero, zh.Errorf("%s must not be negative", in.Value)
	}
	if it.Input != nil && it.Input.Max != nil && in.Value.Cmp(*it.Input.Max) > 0 {
		return zero, zh.Errorf("%s is above the most possible, %s", in.Value, it.Input.Max)
	}
	return *in.Value, nil
}

// usedNumber is the one value of an item scored from a number.
func usedNumber(it *Item, in ItemInput, dst []Used) []Used {
	l := it.label()
	return append(dst, Used{Name: l, Label: l, Num: in.Value, Unit: it.Input.DisplayUnit()})
}

// used is a value whose name is its label.
func used(label, value, unit string) Used {
	return Used{Name: label, Label: label, Value: value, Unit: unit}
}

// Epsilon is the step between two values of an input kind that probes
// try: 1 for counts, 0.01 otherwise.
func Epsilon(inputKind string) exact.Decimal {
	if inputKind == "count" {
		return exact.FromInt(1)
	}
	return exact.MustParse("0.01")
}

// numberProbes are probes of the numbers xs, sorted, once each, leaving
// out those below 0 or above the item's maximum.
func numberProbes(it *Item, xs []exact.Decimal) []Probe {
	sorted.Func(xs, func(a, b exact.Decimal) int { return a.Cmp(b) })
	var out []Probe
	for i, x := range xs {
		if i > 0 && x.Cmp(xs[i-1]) == 0 { // once each, the first kept, as by slices.CompactFunc
			continue
		}
		if x.Sign() < 0 || it.Input != nil && it.Input.Max != nil && x.Cmp(*it.Input.Max) > 0 {
			continue
		}
		v := x
		out = append(out, Probe{In: ItemInput{Value: &v}, Label: x.String()})
	}
	return out
}

// clamp keeps a drawn number within 0 and the item's maximum.
func clamp(it *Item, x exact.Decimal) *exact.Decimal {
	if x.Sign() < 0 {
		x = exact.FromInt(0)
	}
	if it.Input != nil && it.Input.Max != nil && x.Cmp(*it.Input.Max) > 0 {
		x = *it.Input.Max
	}
	return &x
}

// ranked picks one of points, ordered from most to fewest: the better the
// skill (in permille), the more points.
func ranked(points []exact.Decimal, skill int) int {
	idx := make([]int, len(points))
	for i := range idx {
		idx[i] = i
	}
	sorted.SliceStable(idx, func(a, b int) bool { return points[idx[a]].Cmp(points[idx[b]]) > 0 })
	return idx[(1000-skill)*len(points)/1001]
}

// fastNums converts an item's numbers to the fast scale, remembering
// whether each fit with room to spare.
type fastNums struct{ ok bool }

func (f *fastNums) num(x exact.Decimal) int64 {
	v, fits := x.Scaled(FastPlaces)
	f.ok = f.ok && fits && v < 1<<40 && v > -1<<40
	return v
}

// fastInput is the maximum of a numeric input at the fast scale.
type fastInput struct {
	max    int64
	hasMax bool
}

func newFastInput(it *Item, f *fastNums) fastInput {
	if it.Input != nil && it.Input.Max != nil {
		return fastInput{f.num(*it.Input.Max), true}
	}
	return fastInput{}
}

// value is a numeric input, scaled, when it is given, not negative, within
// the input's maximum and of at most four decimals; the Decimal path
// reports anything else.
func (fi *fastInput) value(in *ItemInput) (int64, bool) {
	if in.Value == nil {
		return 0, false
	}
	x, ok := in.Value.Scaled(FastPlaces)
	if !ok || x < 0 || x >= 1<<50 || fi.hasMax && x > fi.max {
		return 0, false
	}
	return x, true
}
