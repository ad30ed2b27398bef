package calculator

import (
	"strings"

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

// negativeBlamed returns, for a case the engine refused for a negative pay
// component (engine.IsNegativeAmount), the negative amounts of the case
// (pay inputs, own values, and those of the ledger's earlier quarters)
// that the refusal comes from, each as a problem at its field: those
// that, set to 0 alone, let the case compute; if none does alone, the
// fewest that set to 0 together do (from all of them at 0, each put back
// that the case computes without), each problem naming the others. It
// returns nil when no negative amount explains the refusal. label gives a
// field's label by its path. The case is the calculator's own, decoded
// for this request: it is changed while the engine tries, and put back.
func negativeBlamed(h *policy.Handbook, cs *engine.Case, label func(path string) string) []inputs.FieldProblem {
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
	// The maps' order is random: the amounts go in the order of their
	// paths, so that the same case gives the same problems.
	for i := 1; i < len(found); i++ {
		for j := i; j > 0 && found[j].path < found[j-1].path; j-- {
			found[j], found[j-1] = found[j-1], found[j]
		}
	}
	zero := exact.FromInt(0)
	computes := func(zeroed []bool) bool {
		for i, n := range found {
			if zeroed[i] {
				n.set(zero)
			}
		}
		c := *cs
		c.NoTrace = true
		_, err := engine.Compute(h, c)
		for _, n := range found {
			n.set(n.was)
		}
		return err == nil
	}
	// blame names the amounts zeroed at their fields: each alone, or
	// each with the others zeroed with it.
	var blamed []inputs.FieldProblem
	blame := func(zeroed []bool, alone bool) {
		for i, n := range found {
			if !zeroed[i] {
				continue
			}
			en, zh := "it makes a pay component negative, which none may be; 0 here computes", "本方案据此算出的一项薪酬为负数，而各项薪酬不能为负数；此项填 0 即可计算"
			if !alone {
				var others []string
				for j, m := range found {
					if zeroed[j] && j != i {
						others = append(others, "「"+label(m.path)+"」")
					}
				}
				with, these := strings.Join(others, "、"), "这几项"
				if len(others) == 1 {
					these = "这两项"
				}
				en, zh = "with "+with+" negative too, it makes a pay component negative, which none may be; 0 in all of them computes", "与"+with+"同为负数时，本方案算出的一项薪酬为负数，而各项薪酬不能为负数；"+these+"都填 0 即可计算"
			}
			blamed = append(blamed, inputs.FieldProblem{Path: n.path, Reason: "negative (" + n.was.String() + "): " + en, Zh: "填的是负数（" + n.was.String() + "）：" + zh})
		}
	}
	zeroed := make([]bool, len(found))
	for i := range found {
		zeroed[i] = true
		if computes(zeroed) {
			blame(zeroed, true)
		}
		zeroed[i] = false
	}
	if len(blamed) > 0 || len(found) == 1 {
		return blamed
	}
	for i := range zeroed {
		zeroed[i] = true
	}
	if !computes(zeroed) {
		return nil
	}
	for i := range zeroed {
		zeroed[i] = false
		if !computes(zeroed) {
			zeroed[i] = true // needed at 0
		}
	}
	blame(zeroed, false)
	return blamed
}
