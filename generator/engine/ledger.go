package engine

import (
	"fmt"

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
	Quarter string
	Base    exact.Decimal // the base of that quarter, on which its late bonus is paid
	Amount  exact.Decimal // how much of its base is still missing
}

// LedgerEntry is the ledger's computation for one quarter.
type LedgerEntry struct {
	Quarter                string
	Actual, CarriedIn      exact.Decimal // X, and the excess carried in from the previous quarter
	Base, Target, Cap      exact.Decimal
	Branch                 string // below-base, base-to-target, target, above-cap
	MadeUp                 []Shortfall
	Filled                 exact.Decimal // shortfall of earlier quarters made up this quarter, in full or in part
	Outstanding            []Shortfall   // after this quarter
	Accrued, LateBase      exact.Decimal
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
//     carries no task: nothing accrues, nothing is deducted;
//   - X < base: no floating pay, no bonus, the penalty off fixed pay, and the
//     shortfall (base − X) carried until later quarters make it up;
//   - base ≤ X: the part of X above base first makes up earlier shortfalls,
//     oldest first; a quarter made up in full has its bonus paid late (its base
//     × rate). The remainder plus this quarter's base earns rate;
//   - X (after making up) ≥ target: floating pay, the bonus only on the target,
//     the excess carried into the next quarter's X; from the cap up the same
//     applies and the entry is marked for review.
//
// The bonus paid is the accrued bonus × factor (80% + 20% × K), rounded by the
// plan's rule. Amounts carried are exact; nothing is created or lost: every
// shortfall is either made up or still outstanding.
func Ledger(p *policy.PayPlan, c *policy.Component, quarters []Quarter, t Tables) ([]LedgerEntry, error) {
	if c.Kind != policy.Ledger {
		return nil, fmt.Errorf("%s is not a ledger component", c.Name)
	}
	rule := p.RoundingRule()
	var outstanding []Shortfall
	carry := zero
	var out []LedgerEntry
	for _, q := range quarters {
		pi := PayInput{Period: policy.Quarterly, Values: q.Values, Own: q.Own, Score: q.Score}
		s, err := planScope(p, pi, t, nil)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", q.Label, err)
		}
		get := func(key string) (exact.Decimal, error) {
			v, err := c.Exprs[key].Eval(s)
			if err != nil {
				return zero, fmt.Errorf("%s: %s: %w", q.Label, key, err)
			}
			return v.Num, nil
		}
		var vals [7]exact.Decimal
		for i, k := range policy.LedgerKeys {
			if vals[i], err = get(k); err != nil {
				return nil, err
			}
		}
		// Amounts are money: the plan's rounding applies (rate and factor stay exact).
		for _, i := range []int{0, 1, 2, 4, 5} {
			vals[i] = vals[i].Round(rule.Places, rule.Mode)
		}
		x, base, target, rate, penalty, capX, factor := vals[0], vals[1], vals[2], vals[3], vals[4], vals[5], vals[6]
		e := LedgerEntry{Quarter: q.Label, Actual: x, CarriedIn: carry, Base: base, Target: target, Cap: capX,
			Factor: factor, Accrued: zero, LateBase: zero, Penalty: zero, CarriedOut: zero, Bonus: zero, Floating: zero, Filled: zero}
		r := ref(&p.Header, c.Name)
		say := func(clause, value string, l LedgerSaid) {
			l.Quarter, l.Case = q.Label, clause
			e.Trace = append(e.Trace, Step{Ref: r, Clause: clause, Value: value, Say: l})
		}
		if ex := c.Exprs["exempt"]; ex != nil {
			v, err := ex.Eval(s)
			if err != nil {
				return nil, fmt.Errorf("%s: exempt: %w", q.Label, err)
			}
			if v.Bool {
				e.Branch = "exempt"
				e.Outstanding = append([]Shortfall(nil), outstanding...)
				say("exempt", "0", LedgerSaid{})
				out = append(out, e)
				continue
			}
		}
		eff := x.Add(carry)
		if carry.Sign() > 0 {
			say("carry-in", eff.String(), LedgerSaid{X: x, Carry: carry, Eff: eff})
		}
		carry = zero
		if eff.Cmp(base) < 0 {
			short := base.Sub(eff)
			outstanding = append(outstanding, Shortfall{Quarter: q.Label, Base: base, Amount: short})
			e.Branch, e.Penalty = "below-base", penalty.Round(rule.Places, rule.Mode)
			say("below-base", "0", LedgerSaid{Eff: eff, Base: base, Penalty: e.Penalty, Short: short})
		} else {
			surplus := eff.Sub(base)
			for len(outstanding) > 0 && surplus.Sign() > 0 {
				o := &outstanding[0]
				fill := exact.Min(surplus, o.Amount)
				surplus, o.Amount = surplus.Sub(fill), o.Amount.Sub(fill)
				e.Filled = e.Filled.Add(fill)
				if o.Amount.Sign() == 0 {
					e.MadeUp = append(e.MadeUp, Shortfall{Quarter: o.Quarter, Base: o.Base, Amount: fill})
					e.LateBase = e.LateBase.Add(o.Base)
					say("made-up", fill.String(), LedgerSaid{Fill: fill, Other: o.Quarter, Base: o.Base})
					outstanding = outstanding[1:]
				} else {
					say("partly-made-up", fill.String(), LedgerSaid{Fill: fill, Other: o.Quarter, Left: o.Amount})
				}
			}
			adjusted := base.Add(surplus) // X after making up earlier shortfalls
			switch {
			case adjusted.Cmp(target) >= 0 && len(outstanding) == 0:
				e.Branch, e.FloatingPay = "target", true
				if adjusted.Cmp(capX) >= 0 {
					e.Branch = "above-cap"
				}
				e.Accrued = target
				e.CarriedOut = adjusted.Sub(target)
				if fe := c.Exprs["floating"]; fe != nil {
					v, err := fe.Eval(s)
					if err != nil {
						return nil, fmt.Errorf("%s: floating: %w", q.Label, err)
					}
					e.Floating = v.Num.Round(rule.Places, rule.Mode)
				}
				carry = e.CarriedOut
				say(e.Branch, target.String(), LedgerSaid{Adjusted: adjusted, Target: target, Floating: e.Floating, CarriedOut: e.CarriedOut, Cap: capX})
			default:
				e.Branch = "base-to-target"
				e.Accrued = adjusted
				say("base-to-target", adjusted.String(), LedgerSaid{Base: base, Target: target, Adjusted: adjusted})
			}
		}
		e.Outstanding = append([]Shortfall(nil), outstanding...)
		accrued := e.Accrued.Add(e.LateBase).Mul(rate)
		e.Bonus = accrued.Mul(factor).Round(rule.Places, rule.Mode)
		if e.Branch != "below-base" {
			var derived []Derived
			var lookups []Lookup
			for _, k := range []struct{ key, label string }{{"rate", "计提比例"}, {"factor", "系数"}} {
				x, err := c.Exprs[k.key].Explain(s)
				if err != nil {
					return nil, fmt.Errorf("%s: %s: %w", q.Label, k.key, err)
				}
				derived = append(derived, Derived{Label: k.label, Worked: x})
				for _, l := range x.Lookups {
					lookups = append(lookups, s.lookup(l))
				}
			}
			say("bonus", e.Bonus.String(), LedgerSaid{Accrued: e.Accrued, LateBase: e.LateBase, Rate: rate, Factor: factor, Bonus: e.Bonus, Derived: derived, Lookups: lookups})
		}
		out = append(out, e)
	}
	return out, nil
}
