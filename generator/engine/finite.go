package engine

import (
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/exact"
)

// ErrNotFinite is the error of a computation that produced a number exact
// arithmetic could not hold (more than 34 significant digits): an input far
// out of range reached the engine. No result carries such a number; the
// inputs layer refuses such inputs before they get here.
var ErrNotFinite error = diag.Text{En: "internal: a number of the result has more than 34 significant digits (an input is far out of range)", Zh: "内部错误：结果中有一个数超过 34 位有效数字（某个输入远远超出范围）"}

// finite checks every number of a result and names the first that is not
// finite. A result almost always is: the names are made only for one that
// is not.
func (r *Result) finite() error {
	if r.allFinite() {
		return nil
	}
	return r.notFinite()
}

// allFinite reports whether every number of the result is finite.
func (r *Result) allFinite() bool {
	ok := true
	check := func(xs ...exact.Decimal) {
		for i := range xs {
			ok = ok && xs[i].IsFinite()
		}
	}
	for i := range r.Scores {
		s := &r.Scores[i]
		check(s.Total)
		if s.K != nil {
			check(*s.K)
		}
		for _, it := range s.Items {
			check(it.Points, it.Max)
		}
		for _, p := range s.Parts {
			check(p.Raw, p.Points, p.Score, p.Share)
		}
	}
	if r.Points != nil {
		check(r.Points.Total)
	}
	if r.Pay != nil {
		check(r.Pay.Total)
		for i := range r.Pay.Components {
			check(r.Pay.Components[i].Amount)
		}
	}
	for _, e := range r.Ledger {
		check(e.Actual, e.CarriedIn, e.Base, e.Target, e.Cap, e.Filled, e.Gross, e.Elsewhere, e.Accrued, e.LateBase, e.Factor, e.Bonus, e.Penalty, e.CarriedOut, e.Floating)
		for _, s := range e.MadeUp {
			check(s.Base, s.Elsewhere, s.Late, s.Amount)
		}
		for _, s := range e.Outstanding {
			check(s.Base, s.Elsewhere, s.Late, s.Amount)
		}
	}
	for i := range r.Standings {
		check(r.Standings[i].Measure)
	}
	return ok
}

// notFinite names the first number of the result that is not finite.
func (r *Result) notFinite() error {
	var bad string
	check := func(what string, xs ...exact.Decimal) {
		for _, x := range xs {
			if bad == "" && !x.IsFinite() {
				bad = what
			}
		}
	}
	for _, s := range r.Scores {
		check("scorecard "+s.Scorecard+" total", s.Total)
		if s.K != nil {
			check("scorecard "+s.Scorecard+" K", *s.K)
		}
		for _, it := range s.Items {
			check("scorecard "+s.Scorecard+" item "+it.ID, it.Points, it.Max)
		}
		for _, p := range s.Parts {
			check("scorecard "+s.Scorecard+" part "+p.ID, p.Raw, p.Points, p.Score, p.Share)
		}
	}
	if r.Points != nil {
		check("points total", r.Points.Total)
	}
	if r.Pay != nil {
		check("pay total", r.Pay.Total)
		for _, c := range r.Pay.Components {
			check("pay component "+c.Name, c.Amount)
		}
	}
	for _, e := range r.Ledger {
		check("ledger "+e.Quarter, e.Actual, e.CarriedIn, e.Base, e.Target, e.Cap, e.Filled, e.Gross, e.Elsewhere, e.Accrued, e.LateBase, e.Factor, e.Bonus, e.Penalty, e.CarriedOut, e.Floating)
		for _, s := range append(append([]Shortfall(nil), e.MadeUp...), e.Outstanding...) {
			check("ledger "+e.Quarter+" shortfall", s.Base, s.Elsewhere, s.Late, s.Amount)
		}
	}
	for _, st := range r.Standings {
		check("standing "+st.Name, st.Measure)
	}
	if bad != "" {
		return zh.Errorf("%s: %v", bad, ErrNotFinite)
	}
	return nil
}
