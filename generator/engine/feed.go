package engine

import (
	"maps"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// feedScope gives a fed item's formula the plan's parameters (the
// person's own values where given) and the case's pay inputs.
type feedScope struct {
	plan *policy.PayPlan
	pay  map[string]formula.Value
	own  map[string]exact.Decimal
}

func (s feedScope) Value(name string) (formula.Value, bool) {
	if v, ok := s.pay[name]; ok {
		return v, true
	}
	if x, ok := s.own[name]; ok && s.plan.PersonalParam(name) != nil {
		return formula.Value{Num: x}, true
	}
	v, ok := s.plan.ParamValues[name]
	return v, ok
}

func (feedScope) Lookup(table string, x exact.Decimal) (exact.Decimal, error) {
	return exact.Decimal{}, zh.Errorf("a fed item does not look up table %q", table)
}

// Fed is an item input a pay plan computed from the case's pay inputs.
type Fed struct {
	Feed   *policy.Feed
	Value  exact.Decimal
	Given  bool                // the case gave the item too, with the same number
	Worked formula.Explanation // how the formula was worked out
}

// ItemFed says that an item's input was computed by the pay plan from the
// pay inputs (销售完成率 = 本季回款额 ÷ 季度任务目标 × 100 = 125.00).
type ItemFed struct {
	Item   *policy.Item
	Fed    Fed
	Labels map[string]string // the labels of the formula's names
}

func (ItemFed) sentence() {}

// FedItem computes the input of an item the plan feeds from the pay inputs
// and the plan's parameters (the person's own values where given), rounded
// half up to 0.01. ok is false when the case does not give every pay input
// the formula needs: the item must then be given. An error says that the
// formula failed, or that the case gives the item as well with another
// number: one fact, entered twice with two values.
func FedItem(plan *policy.PayPlan, f *policy.Feed, given *exact.Decimal, pay map[string]formula.Value, own map[string]exact.Decimal) (x exact.Decimal, ok bool, err error) {
	if f.Expr == nil {
		return x, false, nil
	}
	scope := feedScope{plan, pay, own}
	for _, name := range f.Expr.Names() {
		if _, ok := scope.Value(name); !ok {
			return x, false, nil
		}
	}
	v, err := f.Expr.Eval(scope)
	if err != nil {
		return x, false, zh.Errorf("computed from %s: %v", f.Formula, err)
	}
	x = v.Num.Round(2, exact.HalfUp)
	if !x.IsFinite() {
		return x, false, zh.Errorf("computed from %s: not a number", f.Formula)
	}
	if given != nil && given.Cmp(x) != 0 {
		return x, false, zh.Errorf("given as %s, but the pay inputs make it %s (%s): they must agree (or give only the pay inputs)", given, x, f.Formula)
	}
	return x, true, nil
}

// FedItems fills in the inputs of the items the plan feeds (FedItem) into
// the items of the plan's scorecard, returning a copy when it fills
// something in, and what it computed.
func FedItems(plan *policy.PayPlan, items map[string]ItemInput, pay map[string]formula.Value, own map[string]exact.Decimal) (map[string]ItemInput, []Fed, error) {
	if len(plan.Feed) == 0 || items == nil {
		return items, nil, nil
	}
	out, copied := items, false
	var fed []Fed
	var problems []diag.Text
	for i := range plan.Feed {
		f := &plan.Feed[i]
		in, given := items[f.Item]
		x, ok, err := FedItem(plan, f, in.Value, pay, own)
		switch {
		case err != nil:
			addProblem(&problems, "%s: %v", f.Item, err)
			continue
		case !ok:
			continue
		case given && in.Value != nil:
			fed = append(fed, Fed{Feed: f, Value: x, Given: true})
			continue
		}
		if !copied {
			out, copied = make(map[string]ItemInput, len(items)+1), true
			maps.Copy(out, items)
		}
		out[f.Item] = ItemInput{Value: &x}
		fed = append(fed, Fed{Feed: f, Value: x})
	}
	if len(problems) > 0 {
		return nil, nil, &InputError{Problems: problems}
	}
	return out, fed, nil
}

// feedSteps are the steps that say how a card's fed items were computed,
// with the labels of their inputs and parameters.
func feedSteps(plan *policy.PayPlan, card *policy.Scorecard, fed []Fed, pay map[string]formula.Value, own map[string]exact.Decimal) []Step {
	scope := feedScope{plan, pay, own}
	var steps []Step
	for _, f := range fed {
		x, err := f.Feed.Expr.Explain(scope)
		if err != nil {
			continue // Eval succeeded on the same scope
		}
		f.Worked = x
		labels := map[string]string{}
		var ops []Operand
		for _, n := range f.Feed.Expr.Names() {
			v, _ := scope.Value(n)
			label := n
			for _, in := range plan.Input {
				if in.Name == n {
					label = in.Label
				}
			}
			for _, pa := range plan.Param {
				if pa.Name == n {
					label = pa.Label
				}
			}
			labels[n] = label
			ops = append(ops, Operand{Name: n, Label: label, Value: valueString(v)})
		}
		item := card.Item(f.Feed.Item)
		if item == nil {
			continue
		}
		steps = addStep(steps, plan.Head(), "feed."+f.Feed.Item, "feed", ops, f.Value.String(), ItemFed{Item: item, Fed: f, Labels: labels})
	}
	return steps
}
