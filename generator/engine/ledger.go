package engine

import (
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Quarter is one quarter of input to the key-account ledger.
type Quarter struct {
	Label  string                   // e.g. 2026-Q1
	Values map[string]formula.Value // the plan's inputs for the quarter
	Own    map[string]exact.Decimal // the person's own values of personal parameters
	Score  *exact.Decimal           // the quarter's scorecard total
}

// Shortfall is a quarter's unmet base, still to be made up.
type Shortfall struct {
	Quarter   string
	Base      exact.Decimal // the base of that quarter
	Elsewhere exact.Decimal // the part of that quarter's X another component paid (see LedgerEntry.Elsewhere)
	Late      exact.Decimal // its late bonus is paid on this: Base − Elsewhere
	Amount    exact.Decimal // how much of its base is still missing
}

// LedgerEntry is the ledger's computation for one quarter.
type LedgerEntry struct {
	Quarter           string
	Actual, CarriedIn exact.Decimal // X, and the excess carried in from the previous quarter
	Base, Target, Cap exact.Decimal
	Branch            string // below-base, base-to-target, target, above-cap
	MadeUp            []Shortfall
	Filled            exact.Decimal // shortfall of earlier quarters made up this quarter, in full or in part
	Outstanding       []Shortfall   // after this quarter
	Accrued, LateBase exact.Decimal // what the rate applies to: this quarter's accrual, and the late bases
	// Elsewhere is the part of X that counts toward the task but that
	// another component pays (the plan's optional paid_elsewhere formula,
	// e.g. implementation revenue paid at its own rate): it is taken out of
	// this quarter's accrual, as far as the accrual goes (Gross − Accrued),
	// and out of the quarter's base should its late bonus be paid later.
	Elsewhere              exact.Decimal
	Gross                  exact.Decimal // the accrual before Elsewhere is taken out
	Factor, Bonus, Penalty exact.Decimal
	CarriedOut             exact.Decimal
	FloatingPay            bool          // whether the quarter earns its floating pay
	Floating               exact.Decimal // the floating pay, when earned and the plan states it
	Trace                  []Step
}

// Ledger runs the key-account quarterly ledger (季度奖金台账) of component c
// over consecutive quarters:
//
//   - a quarter the exempt formula marks (a new salesperson's first quarter)
//     carries no task: no base, no target, no penalty, no shortfall and no
//     floating pay, and the bonus still accrues on all of X;
//   - X < base: no floating pay, no bonus, the penalty off fixed pay, and the
//     shortfall (base − X) carried until later quarters make it up;
//   - base ≤ X: the part of X above base first makes up earlier shortfalls,
//     oldest first; a quarter made up in full has its bonus paid late (its base
//     × rate). The remainder plus this quarter's base earns rate;
//   - X (after making up) ≥ target: floating pay, the bonus only on the target,
//     the excess carried into the next quarter's X; from the cap up the same
//     applies and the entry is marked for review.
//
// The part of X the optional paid_elsewhere formula names counts toward the
// task but never accrues at rate: neither in its quarter nor in that
// quarter's base paid late.
//
// The bonus paid is the accrued bonus × factor (80% + 20% × K), rounded by the
// plan's rule. Amounts carried are exact; nothing is created or lost: every
// shortfall is either made up or still outstanding.
func Ledger(p *policy.PayPlan, c *policy.Component, quarters []Quarter, t Tables) ([]LedgerEntry, error) {
	if c.Kind != policy.Ledger {
		return nil, zh.Errorf("%s is not a ledger component", c.Name)
	}
	l := ledger{p: p, c: c, t: t, rule: p.RoundingRule(), carry: zero}
	var out []LedgerEntry
	for i := range quarters {
		e, err := l.quarter(&quarters[i])
		if err != nil {
			return nil, zh.Errorf("%s: %v", quarters[i].Label, err)
		}
		out = append(out, e)
	}
	return out, nil
}

// ledger is a ledger run quarter after quarter: what it carries from one
// quarter into the next.
type ledger struct {
	p           *policy.PayPlan
	c           *policy.Component
	t           Tables
	rule        policy.Rounding
	outstanding []Shortfall   // the shortfalls still to be made up, oldest first
	carry       exact.Decimal // the excess carried into the next quarter's X
}

// ledgerDerived are the quantities a bonus line explains by their
// formulas, with their labels; paid_elsewhere only when some of X was paid
// elsewhere.
var ledgerDerived = [...]struct{ key, label string }{{"paid_elsewhere", "另行计提的部分"}, {"rate", "计提比例"}, {"factor", "系数"}}

// quarter computes the ledger's next quarter.
func (l *ledger) quarter(q *Quarter) (LedgerEntry, error) {
	p, c, rule := l.p, l.c, l.rule
	pi := PayInput{Period: policy.Quarterly, Values: q.Values, Own: q.Own, Score: q.Score}
	s, err := planScope(p, pi, l.t, nil, false)
	if err != nil {
		return LedgerEntry{}, err
	}
	get := func(key string) (exact.Decimal, error) {
		v, err := c.Exprs[key].Eval(s)
		if err != nil {
			return zero, zh.Errorf("%s: %v", key, err)
		}
		return v.Num, nil
	}
	var vals [7]exact.Decimal
	for i, k := range policy.LedgerKeys {
		if vals[i], err = get(k); err != nil {
			return LedgerEntry{}, err
		}
	}
	// Amounts are money: the plan's rounding applies (rate and factor stay exact).
	for _, i := range []int{0, 1, 2, 4, 5} {
		vals[i] = vals[i].Round(rule.Places, rule.Mode)
	}
	x, base, target, rate, penalty, capX, factor := vals[0], vals[1], vals[2], vals[3], vals[4], vals[5], vals[6]
	elsewhere := zero
	if pe := c.Exprs["paid_elsewhere"]; pe != nil {
		if elsewhere, err = get("paid_elsewhere"); err != nil {
			return LedgerEntry{}, err
		}
		elsewhere = exact.Max(zero, elsewhere.Round(rule.Places, rule.Mode))
	}
	e := LedgerEntry{Quarter: q.Label, Actual: x, CarriedIn: l.carry, Base: base, Target: target, Cap: capX,
		Factor: factor, Accrued: zero, LateBase: zero, Penalty: zero, CarriedOut: zero, Bonus: zero, Floating: zero, Filled: zero,
		Elsewhere: zero, Gross: zero}
	say := func(clause, value string, ls LedgerSaid) {
		ls.Quarter, ls.Case = q.Label, clause
		e.Trace = addStep(e.Trace, p.Head(), c.Name, clause, nil, value, ls)
	}
	exempt := false
	if ex := c.Exprs["exempt"]; ex != nil {
		v, err := ex.Eval(s)
		if err != nil {
			return LedgerEntry{}, zh.Errorf("exempt: %v", err)
		}
		exempt = v.Bool
	}
	eff := x.Add(l.carry)
	if l.carry.Sign() > 0 {
		say("carry-in", eff.String(), LedgerSaid{X: x, Carry: l.carry, Eff: eff})
	}
	l.carry = zero
	switch {
	case exempt:
		e.Branch, e.Gross = "exempt", eff
		say("exempt", eff.String(), LedgerSaid{Eff: eff})
	case eff.Cmp(base) < 0:
		short := base.Sub(eff)
		held := exact.Min(elsewhere, base)
		l.outstanding = append(l.outstanding, Shortfall{Quarter: q.Label, Base: base, Elsewhere: held, Late: base.Sub(held), Amount: short})
		e.Branch, e.Penalty = "below-base", penalty.Round(rule.Places, rule.Mode)
		say("below-base", "0", LedgerSaid{Eff: eff, Base: base, Penalty: e.Penalty, Short: short})
	default:
		surplus := eff.Sub(base)
		for len(l.outstanding) > 0 && surplus.Sign() > 0 {
			o := &l.outstanding[0]
			fill := exact.Min(surplus, o.Amount)
			surplus, o.Amount = surplus.Sub(fill), o.Amount.Sub(fill)
			e.Filled = e.Filled.Add(fill)
			if o.Amount.Sign() == 0 {
				made := *o
				made.Amount = fill
				e.MadeUp = append(e.MadeUp, made)
				e.LateBase = e.LateBase.Add(o.Late)
				say("made-up", fill.String(), LedgerSaid{Fill: fill, Other: o.Quarter, Base: o.Base, Elsewhere: o.Elsewhere, Accrued: o.Late})
				l.outstanding = l.outstanding[1:]
			} else {
				say("partly-made-up", fill.String(), LedgerSaid{Fill: fill, Other: o.Quarter, Left: o.Amount})
			}
		}
		adjusted := base.Add(surplus) // X after making up earlier shortfalls
		switch {
		case adjusted.Cmp(target) >= 0 && len(l.outstanding) == 0:
			e.Branch, e.FloatingPay = "target", true
			if adjusted.Cmp(capX) >= 0 {
				e.Branch = "above-cap"
			}
			e.Gross = target
			e.CarriedOut = adjusted.Sub(target)
			if fe := c.Exprs["floating"]; fe != nil {
				v, err := fe.Eval(s)
				if err != nil {
					return LedgerEntry{}, zh.Errorf("floating: %v", err)
				}
				e.Floating = v.Num.Round(rule.Places, rule.Mode)
			}
			l.carry = e.CarriedOut
			say(e.Branch, target.String(), LedgerSaid{Adjusted: adjusted, Target: target, Floating: e.Floating, CarriedOut: e.CarriedOut, Cap: capX})
		default:
			e.Branch = "base-to-target"
			e.Gross = adjusted
			say("base-to-target", adjusted.String(), LedgerSaid{Base: base, Target: target, Adjusted: adjusted})
		}
	}
	e.Outstanding = append([]Shortfall(nil), l.outstanding...)
	e.Elsewhere = exact.Min(elsewhere, e.Gross)
	e.Accrued = e.Gross.Sub(e.Elsewhere)
	accrued := e.Accrued.Add(e.LateBase).Mul(rate)
	e.Bonus = accrued.Mul(factor).Round(rule.Places, rule.Mode)
	if e.Branch != "below-base" {
		var derived []Derived
		var lookups []Lookup
		for _, k := range ledgerDerived {
			if k.key == "paid_elsewhere" && e.Elsewhere.Sign() <= 0 {
				continue
			}
			x, err := c.Exprs[k.key].Explain(s)
			if err != nil {
				return LedgerEntry{}, zh.Errorf("%s: %v", k.key, err)
			}
			derived = append(derived, Derived{Label: k.label, Worked: x})
			lookups = append(lookups, s.lookups(x.Lookups)...)
		}
		say("bonus", e.Bonus.String(), LedgerSaid{Gross: e.Gross, Elsewhere: e.Elsewhere, Accrued: e.Accrued, LateBase: e.LateBase, Rate: rate, Factor: factor, Bonus: e.Bonus, Derived: derived, Lookups: lookups})
	}
	return e, nil
}
