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
// finite.
func (r *Result) finite() error {
	if bad := r.notFinite(); bad != "" {
		return zh.Errorf("%s: %v", bad, ErrNotFinite)
	}
	return nil
}

// allFinite reports whether every number given is finite.
func allFinite(xs ...exact.Decimal) bool {
	for i := range xs {
		if !xs[i].IsFinite() {
			return false
		}
	}
	return true
}

// notFinite names the first number of the result that is not finite, or
// returns "" when every number is. A result almost always is: a name is
// made only for a number that is not.
func (r *Result) notFinite() string {
	for i := range r.Scores {
		s := &r.Scores[i]
		if !allFinite(s.Total) {
			return "scorecard " + s.Scorecard + " total"
		}
		if s.K != nil && !allFinite(*s.K) {
			return "scorecard " + s.Scorecard + " K"
		}
		for j := range s.Items {
			if it := &s.Items[j]; !allFinite(it.Points, it.Max) {
				return "scorecard " + s.Scorecard + " item " + it.ID
			}
		}
		for j := range s.Parts {
			if p := &s.Parts[j]; !allFinite(p.Raw, p.Points, p.Score, p.Share) {
				return "scorecard " + s.Scorecard + " part " + p.ID
			}
		}
	}
	if r.Points != nil && !allFinite(r.Points.Total) {
		return "points total"
	}
	if r.Pay != nil {
		if !allFinite(r.Pay.Total) {
			return "pay total"
		}
		for i := range r.Pay.Components {
			if c := &r.Pay.Components[i]; !allFinite(c.Amount) {
				return "pay component " + c.Name
			}
		}
	}
	for i := range r.Ledger {
		e := &r.Ledger[i]
		if !allFinite(e.Actual, e.CarriedIn, e.Base, e.Target, e.Cap, e.Filled, e.Gross, e.Elsewhere, e.Accrued, e.LateBase, e.Factor, e.Bonus, e.Penalty, e.CarriedOut, e.Floating) {
			return "ledger " + e.Quarter
		}
		for _, list := range [][]Shortfall{e.MadeUp, e.Outstanding} {
			for j := range list {
				if s := &list[j]; !allFinite(s.Base, s.Elsewhere, s.Late, s.Amount) {
					return "ledger " + e.Quarter + " shortfall"
				}
			}
		}
	}
	for i := range r.Standings {
		if st := &r.Standings[i]; !allFinite(st.Measure) {
			return "standing " + st.Name
		}
	}
	return ""
}
