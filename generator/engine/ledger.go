package engine

import (
	"fmt"
	"strings"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Quarter is one quarter of input to the key-account ledger.
type Quarter struct {
	Label  string                   // e.g. 2026-Q1
	Values map[string]formula.Value // the plan's inputs for the quarter
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
		pi := PayInput{Period: policy.Quarterly, Values: q.Values, Score: q.Score}
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
		say := func(clause, value, format string, args ...any) {
			e.Trace = append(e.Trace, Step{Ref: r, Clause: clause, Value: value, Say: Text(q.Label + "：" + fmt.Sprintf(format, args...))})
		}
		if ex := c.Exprs["exempt"]; ex != nil {
			v, err := ex.Eval(s)
			if err != nil {
				return nil, fmt.Errorf("%s: exempt: %w", q.Label, err)
			}
			if v.Bool {
				e.Branch = "exempt"
				e.Outstanding = append([]Shortfall(nil), outstanding...)
				say("exempt", "0", "本季不承担任务：不设基数和目标，不扣发固定工资，不计入台账差额，不计提台账奖金。")
				out = append(out, e)
				continue
			}
		}
		eff := x.Add(carry)
		if carry.Sign() > 0 {
			say("carry-in", eff.String(), "本季完成额 %s 元加上季转入的超额 %s 元，按 %s 元核算。", x, carry, eff)
		}
		carry = zero
		if eff.Cmp(base) < 0 {
			short := base.Sub(eff)
			outstanding = append(outstanding, Shortfall{Quarter: q.Label, Base: base, Amount: short})
			e.Branch, e.Penalty = "below-base", penalty.Round(rule.Places, rule.Mode)
			say("below-base", "0", "完成额 %s 元低于基数 %s 元：不发浮动工资、不计提奖金，扣发当季固定工资 %s 元；差额 %s 元须由以后季度补足。", eff, base, e.Penalty, short)
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
					say("made-up", fill.String(), "用超出基数的 %s 元补足 %s 的基数差额，补发该季奖金（按其基数 %s 元计提）。", fill, o.Quarter, o.Base)
					outstanding = outstanding[1:]
				} else {
					say("partly-made-up", fill.String(), "用超出基数的 %s 元补 %s 的基数差额，尚差 %s 元。", fill, o.Quarter, o.Amount)
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
				say(e.Branch, target.String(), "完成额 %s 元达到目标 %s 元：发放浮动工资 %s 元，只按目标额计提奖金，超出的 %s 元转入下季核算。%s", adjusted, target, e.Floating, e.CarriedOut, map[bool]string{true: "完成额达到 " + capX.String() + " 元以上，原文未作规定，按达到目标处理并提交公司复核。", false: ""}[e.Branch == "above-cap"])
			default:
				e.Branch = "base-to-target"
				e.Accrued = adjusted
				say("base-to-target", adjusted.String(), "完成额在基数 %s 元与目标 %s 元之间：不发浮动工资，按（补足后的余额 + 当季基数）%s 元计提奖金。", base, target, adjusted)
			}
		}
		e.Outstanding = append([]Shortfall(nil), outstanding...)
		accrued := e.Accrued.Add(e.LateBase).Mul(rate)
		e.Bonus = accrued.Mul(factor).Round(rule.Places, rule.Mode)
		if e.Branch != "below-base" {
			var parts, lookups []string
			parts = append(parts, fmt.Sprintf("%s × %s", e.Accrued, rate))
			if e.LateBase.Sign() > 0 {
				parts = append(parts, fmt.Sprintf("补发 %s × %s", e.LateBase, rate))
			}
			var where []string
			for _, k := range []struct{ key, label string }{{"rate", "计提比例"}, {"factor", "系数"}} {
				x, err := c.Exprs[k.key].Explain(s)
				if err != nil {
					return nil, fmt.Errorf("%s: %s: %w", q.Label, k.key, err)
				}
				if d := derivation(k.label, x); d != "" {
					where = append(where, d)
				}
				for _, l := range x.Lookups {
					lookups = append(lookups, s.lookupText(l))
				}
			}
			how := "。"
			if len(where) > 0 {
				how = "；其中" + strings.Join(where, "，") + "。"
			}
			say("bonus", e.Bonus.String(), "季度奖金 = (%s) × 系数 %s = %s 元%s%s", strings.Join(parts, " + "), factor, e.Bonus, how, strings.Join(lookups, ""))
		}
		out = append(out, e)
	}
	return out, nil
}

// derivation writes "label value = formula = values (因 reasons)" for a
// ledger quantity computed by a formula, or "" when the formula is only a
// number.
func derivation(label string, x formula.Explanation) string {
	chain := equalities(x.Formula, x.Values, x.Value.Num.String())
	if !strings.Contains(chain, " = ") {
		return ""
	}
	d := label + " " + x.Value.Num.String() + " = " + strings.TrimSuffix(chain, " = "+x.Value.Num.String())
	if len(x.Reasons) > 0 {
		d += "（因 " + strings.Join(x.Reasons, "；") + "）"
	}
	return d
}
