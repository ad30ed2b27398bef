package calculator

import (
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/policy"
)

// A negative amount is a valid input (a growth can be negative), and the
// engine computes from it; but a plan's formula may then give a pay
// component a negative amount, which the engine refuses as a fault of the
// policy's author ("write deductions as positive amounts"), at no field.
// A reader who typed the negative number needs it named at its field.

// negative is a negative amount of a case: a value of a map of the case
// (pay inputs, or own values, of the case or of an earlier quarter).
type negative struct {
	path   string
	inputs map[string]formula.Value // the pay inputs it is in, or nil
	own    map[string]exact.Decimal // the own values it is in, or nil
	name   string
	was    exact.Decimal
}

// set puts x in the amount's place.
func (n negative) set(x exact.Decimal) {
	if n.inputs != nil {
		n.inputs[n.name] = formula.Value{Num: x}
	} else {
		n.own[n.name] = x
	}
}

// negativeBlamed returns, when the engine refused a case, the negative
// amounts of the case (pay inputs, own values, and those of the ledger's
// earlier quarters) that its refusal comes from, each as a problem at its
// field: those that, set to 0 one at a time, let the case compute; if none
// does alone, all of them when together set to 0 they do. It returns nil
// when no negative amount explains the refusal. The case is the
// calculator's own, decoded for this request: it is changed while the
// engine tries, and put back.
func negativeBlamed(h *policy.Handbook, cs *engine.Case) []inputs.FieldProblem {
	var found []negative
	addInputs := func(prefix string, m map[string]formula.Value) {
		for name, v := range m {
			if !v.IsBool && v.Num.Sign() < 0 {
				found = append(found, negative{path: prefix + name, inputs: m, name: name, was: v.Num})
			}
		}
	}
	addOwn := func(prefix string, m map[string]exact.Decimal) {
		for name, v := range m {
			if v.Sign() < 0 {
				found = append(found, negative{path: prefix + name, own: m, name: name, was: v})
			}
		}
	}
	addInputs("pay.", cs.Pay)
	addOwn("own.", cs.Own)
	for _, q := range cs.History {
		addInputs("history."+q.Label+".pay.", q.Values)
		addOwn("history."+q.Label+".own.", q.Own)
	}
	if len(found) == 0 {
		return nil
	}
	zero := exact.FromInt(0)
	computes := func(ns []negative) bool {
		for _, n := range ns {
			n.set(zero)
		}
		c := *cs
		c.NoTrace = true
		_, err := engine.Compute(h, c)
		for _, n := range ns {
			n.set(n.was)
		}
		return err == nil
	}
	var blamed []inputs.FieldProblem
	blame := func(n negative) {
		blamed = append(blamed, inputs.FieldProblem{
			Path:   n.path,
			Reason: "a negative amount (" + n.was.String() + "): from it the plan computes a negative pay component, and no component of pay can be negative; 0 or more computes",
			Zh:     "填的是负数（" + n.was.String() + "）：本方案据此算出的一项薪酬为负数，而各项薪酬不能为负数；填 0 或正数即可计算",
		})
	}
	for i := range found {
		if computes(found[i : i+1]) {
			blame(found[i])
		}
	}
	if len(blamed) == 0 && len(found) > 1 && computes(found) {
		for _, n := range found {
			blame(n)
		}
	}
	// The maps' order is random: the problems go in the order of their
	// paths.
	for i := 1; i < len(blamed); i++ {
		for j := i; j > 0 && blamed[j].Path < blamed[j-1].Path; j-- {
			blamed[j], blamed[j-1] = blamed[j-1], blamed[j]
		}
	}
	return blamed
}
