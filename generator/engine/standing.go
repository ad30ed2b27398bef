package engine

import (
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// StandingResult is a standing of the plan looked up for the period (末位管理):
// the measure its formula gives, rounded to 0.01 like a score total, the row
// of the bands it lands in (Label) and that row's consequences, as the
// policy words them. It pays nothing.
type StandingResult struct {
	Name, Title  string
	Bands        string // the bands policy's id
	BandsVersion int
	Measure      exact.Decimal
	MeasureTitle string // what the bands call the measure, e.g. 季度综合考核分
	Label        string
	Consequences []string
	Trace        []Step
}

// StandingFound says which row of an action table a standing's measure
// lands in and what follows: the measure worked out by its formula (Worked,
// before rounding) and rounded (Measure).
type StandingFound struct {
	Standing *policy.Standing
	Bands    *policy.Bands
	Row      *policy.BandRow
	Worked   formula.Explanation
	Measure  exact.Decimal
}

func (StandingFound) sentence() {}

// Standings looks up every standing of plan p that belongs to the period of
// in, in the plan's order.
func Standings(p *policy.PayPlan, in PayInput, t Tables) ([]StandingResult, error) {
	return standings(p, in, t, true)
}

func standings(p *policy.PayPlan, in PayInput, t Tables, trace bool) ([]StandingResult, error) {
	var out []StandingResult
	period := in.Period
	if period == "" {
		period = p.Period
	}
	for i := range p.Standing {
		st := &p.Standing[i]
		if p.StandingPeriod(st) != period {
			continue
		}
		r, err := standing(p, st, in, t, trace)
		if err != nil {
			return nil, zh.Errorf("%s: %v", st.Name, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func standing(p *policy.PayPlan, st *policy.Standing, in PayInput, t Tables, trace bool) (StandingResult, error) {
	if st.Expr == nil {
		return StandingResult{}, zh.Errorf("measure not compiled")
	}
	b := t.Bands(st.Bands)
	if b == nil {
		return StandingResult{}, zh.Errorf("no band table %q in effect", st.Bands)
	}
	s, err := planScope(p, in, t, nil, false)
	if err != nil {
		return StandingResult{}, err
	}
	v, err := st.Expr.Eval(s)
	if err != nil {
		return StandingResult{}, err
	}
	m := Round(v.Num)
	row := b.Find(m)
	if row == nil {
		return StandingResult{}, zh.Errorf("%s lands in no row of %q", m, st.Bands)
	}
	r := StandingResult{Name: st.Name, Title: st.Title, Bands: b.ID, BandsVersion: b.Version, Measure: m, MeasureTitle: b.Measure, Label: row.Label}
	if row.Consequence != "" {
		r.Consequences = []string{row.Consequence}
	}
	if trace {
		x, err := st.Expr.Explain(s)
		if err != nil {
			return StandingResult{}, err
		}
		// Like a scorecard's K, the step is about the band table's row: that
		// is the clause a worked case exercises.
		r.Trace = addStep(r.Trace, b.Head(), "", bandClause(b, row), s.operands(st.Expr.Names()), row.Label, StandingFound{Standing: st, Bands: b, Row: row, Worked: x, Measure: m})
	}
	return r, nil
}
