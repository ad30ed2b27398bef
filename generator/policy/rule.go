package policy

import (
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
)

// ScoringRule is how an item turns what the assessor enters into points: one type
// per scoring kind, with every value it needs present. Compile builds it
// from the item's source keys (Item.Rule) once they are checked, so that
// the engine, the coverage probes and the input forms switch on the type
// and never dereference an optional key. The set is closed: a switch over
// it must have a case for each (go-check-sumtype checks it in CI).
//
//sumtype:decl
type ScoringRule interface {
	// Kind returns the scoring kind as written in a policy (scoring = …).
	Kind() string
	rule()
}

// TiersRule maps intervals of a number to points, best tier first.
type TiersRule struct {
	Tiers []Tier
}

// YesNoRule gives points for yes and for no.
type YesNoRule struct {
	Yes, No exact.Decimal
}

// DeductionRule starts from Full and takes Per off for each unit counted,
// never below Floor. Most is the most units that can occur, when known (the
// item's requirements, or its input's maximum).
type DeductionRule struct {
	Full, Per, Floor exact.Decimal
	Most             *exact.Decimal
}

// LinearRule gives Base points at Par, Up for each full Step above it and
// Down below it, clamped to [Min, Max].
type LinearRule struct {
	Par, Base, Step, Up, Down, Min, Max exact.Decimal
}

// LevelsRule maps the behaviour levels 1–5 to points, in order.
type LevelsRule struct {
	Levels []Level
}

// ChoiceRule gives the points of the one description picked.
type ChoiceRule struct {
	Choices []Choice
}

// ChecklistRule adds the points of every check met.
type ChecklistRule struct {
	Checks []Choice
}

// ProportionalRule gives the item's weight × input ÷ Scale, the input
// capped at Scale.
type ProportionalRule struct {
	Scale, Weight exact.Decimal
}

// FormulaRule computes points from named inputs with a formula, clamped to
// 0 and the item's cap.
type FormulaRule struct {
	Expr   *formula.Expr
	Text   string
	Inputs []Input
}

func (TiersRule) rule()        {}
func (YesNoRule) rule()        {}
func (DeductionRule) rule()    {}
func (LinearRule) rule()       {}
func (LevelsRule) rule()       {}
func (ChoiceRule) rule()       {}
func (ChecklistRule) rule()    {}
func (ProportionalRule) rule() {}
func (FormulaRule) rule()      {}

// Kind implements ScoringRule.
func (TiersRule) Kind() string        { return ScoreTiers }
func (YesNoRule) Kind() string        { return ScoreYesNo }
func (DeductionRule) Kind() string    { return ScoreDeduction }
func (LinearRule) Kind() string       { return ScoreLinear }
func (LevelsRule) Kind() string       { return ScoreLevels }
func (ChoiceRule) Kind() string       { return ScoreChoice }
func (ChecklistRule) Kind() string    { return ScoreChecklist }
func (ProportionalRule) Kind() string { return ScoreProportional }
func (FormulaRule) Kind() string      { return ScoreFormula }

// NewRule builds the rule of a checked item from its source keys, or nil
// when a key the kind needs is missing (which the schema and Compile
// refuse first).
func NewRule(it *Item) ScoringRule {
	val := func(p *exact.Decimal) (exact.Decimal, bool) {
		if p == nil {
			return exact.Decimal{}, false
		}
		return *p, true
	}
	or := func(p *exact.Decimal, d exact.Decimal) exact.Decimal {
		if p == nil {
			return d
		}
		return *p
	}
	zero := exact.FromInt(0)
	switch it.Scoring {
	case ScoreTiers:
		return TiersRule{it.Tiers}
	case ScoreYesNo:
		y, ok1 := val(it.Yes)
		n, ok2 := val(it.No)
		if !ok1 || !ok2 {
			return nil
		}
		return YesNoRule{y, n}
	case ScoreDeduction:
		full, ok1 := val(it.Full)
		per, ok2 := val(it.Per)
		if !ok1 || !ok2 {
			return nil
		}
		r := DeductionRule{Full: full, Per: per, Floor: or(it.Floor, zero)}
		if n := len(it.Requirements); n > 0 {
			m := exact.FromInt(int64(n))
			r.Most = &m
		} else if it.Input != nil {
			r.Most = it.Input.Max
		}
		return r
	case ScoreLinear:
		par, ok1 := val(it.Par)
		base, ok2 := val(it.Base)
		step, ok3 := val(it.Step)
		if !ok1 || !ok2 || !ok3 {
			return nil
		}
		return LinearRule{Par: par, Base: base, Step: step, Up: or(it.Up, zero), Down: or(it.Down, zero), Min: or(it.Min, zero), Max: or(it.Max, it.Cap())}
	case ScoreLevels:
		return LevelsRule{it.Levels}
	case ScoreChoice:
		return ChoiceRule{it.Choices}
	case ScoreChecklist:
		return ChecklistRule{it.Checks}
	case ScoreProportional:
		s, ok := val(it.Scale)
		if !ok {
			return nil
		}
		return ProportionalRule{Scale: s, Weight: it.Weight}
	case ScoreFormula:
		if it.Expr == nil {
			return nil
		}
		return FormulaRule{Expr: it.Expr, Text: it.Formula, Inputs: it.Inputs}
	}
	return nil
}
