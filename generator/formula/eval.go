package formula

import (
	"errors"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// Value is the value of an expression: a number or a yes/no.
type Value struct {
	Num    exact.Decimal
	Bool   bool
	IsBool bool
}

// Scope supplies the values of names and tables during evaluation.
type Scope interface {
	// Value returns the value of a name.
	Value(name string) (Value, bool)
	// Lookup finds x in the named table.
	Lookup(table string, x exact.Decimal) (exact.Decimal, error)
}

// Eval evaluates a checked expression. It fails on an unknown name, a
// division by zero or a failed lookup; it never panics on a checked formula.
func (e *Expr) Eval(s Scope) (Value, error) {
	return eval(e.root, s)
}

func num(x exact.Decimal) Value { return Value{Num: x} }
func boolean(b bool) Value      { return Value{Bool: b, IsBool: true} }

var errType = errors.New("type mismatch (the formula was not checked)")

// ErrRange is the error of a formula whose arithmetic would need more than
// the 34 significant digits of an exact decimal: an input far out of range.
// A formula never gives a rounded or not-finite number instead.
var ErrRange = errors.New("a number in the formula has more than 34 significant digits: an input is far out of range")

// finite returns x as a value, or ErrRange when an operation could not be
// carried out exactly.
func finite(x exact.Decimal) (Value, error) {
	if !x.IsFinite() {
		return Value{}, ErrRange
	}
	return num(x), nil
}

func eval(n node, s Scope) (Value, error) {
	switch n := n.(type) {
	case *numNode:
		return num(n.v), nil
	case *nameNode:
		v, ok := s.Value(n.name)
		if !ok {
			return Value{}, noValue(n.name)
		}
		return v, nil
	case *slotNode:
		var v Value
		var ok bool
		if ss, isSlots := s.(SlotScope); isSlots {
			v, ok = ss.Slot(n.slot)
		} else {
			v, ok = s.Value(n.name)
		}
		if !ok {
			return Value{}, noValue(n.name)
		}
		return v, nil
	case *unaryNode:
		x, err := eval(n.x, s)
		if err != nil {
			return Value{}, err
		}
		if n.op == "not" {
			return boolean(!x.Bool), nil
		}
		return finite(x.Num.Neg())
	case *binNode:
		x, err := eval(n.x, s)
		if err != nil {
			return Value{}, err
		}
		// and/or short-circuit.
		if n.code == opAnd && !x.Bool || n.code == opOr && x.Bool {
			return boolean(x.Bool), nil
		}
		y, err := eval(n.y, s)
		if err != nil {
			return Value{}, err
		}
		return apply(n.code, x, y)
	case *ifNode:
		c, err := eval(n.cond, s)
		if err != nil {
			return Value{}, err
		}
		if c.Bool {
			return eval(n.then, s)
		}
		return eval(n.els, s)
	case *callNode:
		if n.fn == "lookup" {
			name := n.args[0].(*strNode).s
			x, err := eval(n.args[1], s)
			if err != nil {
				return Value{}, err
			}
			v, err := s.Lookup(name, x.Num)
			return num(v), err
		}
		var acc exact.Decimal
		for i, a := range n.args {
			v, err := eval(a, s)
			if err != nil {
				return Value{}, err
			}
			switch {
			case n.fn == "floor":
				return finite(v.Num.Floor())
			case i == 0:
				acc = v.Num
			case n.fn == "min":
				acc = exact.Min(acc, v.Num)
			case n.fn == "max":
				acc = exact.Max(acc, v.Num)
			}
		}
		return num(acc), nil
	}
	return Value{}, errType
}

// noValue is the error of a name the scope has no value for.
func noValue(name string) error { return errors.New(printf.Sprintf("no value for %q", name)) }

// apply computes a binary operator from the values of its operands; and
// and or, which short-circuit, are given the right operand when the left
// did not decide.
func apply(code opCode, x, y Value) (Value, error) {
	switch code {
	case opAnd, opOr:
		return boolean(y.Bool), nil
	case opAdd:
		return finite(x.Num.Add(y.Num))
	case opSub:
		return finite(x.Num.Sub(y.Num))
	case opMul:
		return finite(x.Num.Mul(y.Num))
	case opDiv:
		q, err := x.Num.Quo(y.Num)
		if err != nil {
			return Value{}, err
		}
		return finite(q)
	case opEq, opNe:
		eq := x.IsBool == y.IsBool && (x.IsBool && x.Bool == y.Bool || !x.IsBool && x.Num.Cmp(y.Num) == 0)
		return boolean(eq == (code == opEq)), nil
	}
	c := x.Num.Cmp(y.Num)
	switch code {
	case opLt:
		return boolean(c < 0), nil
	case opLe:
		return boolean(c <= 0), nil
	case opGt:
		return boolean(c > 0), nil
	case opGe:
		return boolean(c >= 0), nil
	}
	return Value{}, errType
}

// Text writes the value as explanations show it: the number as written,
// or 是/否.
func (v Value) Text() string {
	if v.IsBool {
		if v.Bool {
			return "是"
		}
		return "否"
	}
	return v.Num.String()
}
