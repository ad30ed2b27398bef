package formula

import (
	"errors"
	"slices"
	"strings"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// Explanation is a formula worked through in a scope, for a reader who wants
// to redo the arithmetic: the formula reduced to the branches taken, the
// same with the values in place of the names, and the facts that chose each
// branch.
type Explanation struct {
	// Value is the formula's value, as Eval gives it.
	Value Value
	// Formula is the formula with every if … then … else … replaced by the
	// branch taken (and every and/or by the operand that decided it, when
	// the other was not evaluated), written for reading: × ÷ ≥ ≤ = ≠ for
	// * / >= <= == != and 且 或 非 for and or not. For example
	//
	//	base_pay × reduced_ratio ÷ 100
	Formula string
	// Values is Formula with each name replaced by its value and each lookup
	// by its result; evaluating it gives Value. For example
	//
	//	4000.00 × 80 ÷ 100
	Values string
	// Reasons states, for each if evaluated, in order, a true fact with
	// values that chose its branch; a comparison that did not hold is
	// stated the other way round. For example
	//
	//	collections 120000.00 < 133333.33（floor(8000000.00 ÷ 12 ÷ 5 × 100) ÷ 100）
	Reasons []string
	// Lookups lists the table lookups made, in order, each once.
	Lookups []Lookup
}

// Lookup is one table lookup made while explaining a formula.
type Lookup struct {
	Table       string
	Arg, Result exact.Decimal
}

// Labeler is a Scope that names its values for people: where Label gives a
// non-empty label, the facts and the Formula of an Explanation say it
// instead of the name (因 基本量达成率 90 < 100, not 因 base_quota_rate 90 <
// 100; 职级津贴 × 100 ÷ 100, not grade_allowance × 100 ÷ 100).
type Labeler interface {
	Label(name string) string
}

// Explain evaluates e in s exactly as Eval does and works it through (see
// Explanation). It fails where Eval fails, and on a malformed lookup of an
// unchecked formula; it never panics on a parsed formula.
func (e *Expr) Explain(s Scope) (Explanation, error) {
	return explain(e.root, s, display)
}

func explain(root node, s Scope, st *style) (Explanation, error) {
	x := &explainer{s: s, st: st}
	p, err := x.explain(root)
	if err != nil {
		return Explanation{}, err
	}
	return Explanation{Value: p.v, Formula: p.sym, Values: p.val, Reasons: x.reasons, Lookups: x.lookups}, nil
}

// style is how an explanation writes operators and yes/no values.
type style struct {
	ops     []opText // operators written differently from the source
	yes, no string
}

// opText is an operator as a style writes it.
type opText struct{ op, text string }

// display is the style of Explain, for people.
var display = &style{
	ops: []opText{{"*", "×"}, {"/", "÷"}, {">=", "≥"}, {"<=", "≤"}, {"==", "="}, {"!=", "≠"}, {"and", "且"}, {"or", "或"}, {"not", "非"}},
	yes: "是", no: "否",
}

// source writes the formula language itself, so that an explanation can be
// parsed again (the tests do). Yes and no become the names true and false.
var source = &style{yes: "true", no: "false"}

func (st *style) op(op string) string {
	for _, o := range st.ops {
		if o.op == op {
			return o.text
		}
	}
	return op
}

func (st *style) value(v Value) string {
	switch {
	case !v.IsBool:
		return v.Num.String()
	case v.Bool:
		return st.yes
	}
	return st.no
}

// Precedences of rendered text, loosest first: a node is wrapped in
// parentheses where the grammar needs a tighter one.
const (
	precIf = iota
	precOr
	precAnd
	precCmp // comparisons and not
	precAdd
	precMul
	precNeg // unary minus, negative numbers
	precAtom
)

// precOf is the precedence of a binary operator.
func precOf(op string) int {
	for i, ops := range levels {
		if slices.Contains(ops, op) {
			return precOr + i
		}
	}
	return precIf
}

// part is an explained node.
type part struct {
	v                Value
	sym, val         string // with names; with values
	symPrec, valPrec int
	name             string // the name as shown in facts (its label, if any), when the node (after reduction) is a bare name
	lit              bool   // a number as written
	fact             string // for yes/no: a true statement, with values, of why v is what it is
}

type explainer struct {
	s       Scope
	st      *style
	reasons []string
	lookups []Lookup
}

var errLookup = errors.New("lookup takes a table name in quotes and a number (the formula was not checked)")

// numPrec is the precedence of a number written out: negative ones read
// like a unary minus.
func numPrec(s string) int {
	if strings.HasPrefix(s, "-") {
		return precNeg
	}
	return precAtom
}

// wrap parenthesises text of precedence prec where need is wanted; with
// neg, also text that starts with a minus sign (5 - (-3), not 5 - -3).
func wrap(text string, prec, need int, neg bool) string {
	if prec < need || neg && strings.HasPrefix(text, "-") {
		return "(" + text + ")"
	}
	return text
}

func (x *explainer) explain(n node) (part, error) {
	switch n := n.(type) {
	case *numNode:
		return part{v: num(n.v), sym: n.text, val: n.text, symPrec: precAtom, valPrec: precAtom, lit: true}, nil
	case *nameNode:
		v, ok := x.s.Value(n.name)
		if !ok {
			return part{}, noValue(n.name)
		}
		val := x.st.value(v)
		shown := n.name
		if l, ok := x.s.(Labeler); ok {
			if label := l.Label(n.name); label != "" {
				shown = label
			}
		}
		p := part{v: v, sym: shown, val: val, symPrec: precAtom, valPrec: numPrec(val), name: shown}
		if v.IsBool {
			p.fact = shown + " 为" + display.value(v)
		}
		return p, nil
	case *unaryNode:
		return x.unary(n)
	case *binNode:
		return x.binary(n)
	case *ifNode:
		c, err := x.explain(n.cond)
		if err != nil {
			return part{}, err
		}
		x.reason(fact(c))
		if c.v.Bool {
			return x.explain(n.then)
		}
		return x.explain(n.els)
	case *callNode:
		return x.call(n)
	}
	return part{}, errType
}

// fact is a true statement of p's yes/no value.
func fact(p part) string {
	if p.fact != "" {
		return p.fact
	}
	return p.val + " 为" + display.value(boolean(p.v.Bool))
}

func (x *explainer) reason(r string) {
	if !slices.Contains(x.reasons, r) {
		x.reasons = append(x.reasons, r)
	}
}

func (x *explainer) unary(n *unaryNode) (part, error) {
	a, err := x.explain(n.x)
	if err != nil {
		return part{}, err
	}
	if n.op == "not" {
		op := x.st.op("not") + " "
		return part{v: boolean(!a.v.Bool),
			sym: op + wrap(a.sym, a.symPrec, precCmp, false), symPrec: precCmp,
			val: op + wrap(a.val, a.valPrec, precCmp, false), valPrec: precCmp,
			fact: fact(a)}, nil
	}
	v, err := finite(a.v.Num.Neg())
	if err != nil {
		return part{}, err
	}
	return part{v: v,
		sym: "-" + wrap(a.sym, a.symPrec, precNeg, true), symPrec: precNeg,
		val: "-" + wrap(a.val, a.valPrec, precNeg, true), valPrec: precNeg}, nil
}

func (x *explainer) binary(n *binNode) (part, error) {
	a, err := x.explain(n.x)
	if err != nil {
		return part{}, err
	}
	// and/or short-circuit: the operand that decided is the branch taken.
	if n.op == "and" && !a.v.Bool || n.op == "or" && a.v.Bool {
		a.v = boolean(a.v.Bool)
		a.fact = fact(a)
		return a, nil
	}
	b, err := x.explain(n.y)
	if err != nil {
		return part{}, err
	}
	prec := precOf(n.op)
	needL, needR := prec, prec+1
	if prec == precCmp { // comparisons do not chain
		needL = prec + 1
	}
	arith := prec >= precAdd
	op := " " + x.st.op(n.op) + " "
	p := part{
		sym: wrap(a.sym, a.symPrec, needL, false) + op + wrap(b.sym, b.symPrec, needR, arith), symPrec: prec,
		val: wrap(a.val, a.valPrec, needL, false) + op + wrap(b.val, b.valPrec, needR, arith), valPrec: prec,
	}
	v, err := apply(n.code, a.v, b.v)
	if err != nil {
		return part{}, err
	}
	p.v = v
	switch n.code {
	case opAnd:
		if v.Bool {
			p.fact = fact(a) + " 且 " + fact(b)
		} else {
			p.fact = fact(b)
		}
		return p, nil
	case opOr:
		if v.Bool {
			p.fact = fact(b)
		} else {
			p.fact = fact(a) + " 且 " + fact(b)
		}
		return p, nil
	case opAdd, opSub, opMul, opDiv:
		return p, nil
	}
	// A comparison is stated the way it holds: 120000.00 < 133333.33 for
	// collections >= … that failed.
	op = n.op
	if !p.v.Bool {
		op = negate(op)
	}
	p.fact = side(a) + " " + display.op(op) + " " + side(b)
	return p, nil
}

// comparisons lists the comparison operators with their negations (a
// comparison that failed is stated the other way round) and with their
// sides swapped (a < x is x > a).
var comparisons = [...]struct{ op, negated, flipped string }{
	{"<", ">=", ">"}, {"<=", ">", ">="}, {">", "<=", "<"}, {">=", "<", "<="}, {"==", "!=", "=="}, {"!=", "==", "!="},
}

// negate returns the negation of a comparison operator.
func negate(op string) string {
	for _, c := range comparisons {
		if c.op == op {
			return c.negated
		}
	}
	return ""
}

// side writes an operand of a comparison in a fact: a number as written, a
// name with its value, anything else as its value with the arithmetic that
// gave it.
func side(p part) string {
	v := display.value(p.v)
	switch {
	case p.lit:
		return p.val
	case p.name != "":
		return p.name + " " + v
	case p.val == v:
		return v
	}
	return v + "（" + p.val + "）"
}

// lookedUp adds a lookup to those made, unless it was made before.
func (x *explainer) lookedUp(l Lookup) {
	for _, m := range x.lookups {
		if m.Table == l.Table && m.Arg.Cmp(l.Arg) == 0 && m.Result.Cmp(l.Result) == 0 {
			return
		}
	}
	x.lookups = append(x.lookups, l)
}

func (x *explainer) call(n *callNode) (part, error) {
	if n.fn == "lookup" {
		if len(n.args) != 2 {
			return part{}, errLookup
		}
		t, ok := n.args[0].(*strNode)
		if !ok {
			return part{}, errLookup
		}
		a, err := x.explain(n.args[1])
		if err != nil {
			return part{}, err
		}
		r, err := x.s.Lookup(t.s, a.v.Num)
		if err != nil {
			return part{}, err
		}
		l := Lookup{Table: t.s, Arg: a.v.Num, Result: r}
		x.lookedUp(l)
		val := r.String()
		return part{v: num(r), sym: printf.Sprintf("lookup(%q, %s)", t.s, a.sym), symPrec: precAtom, val: val, valPrec: numPrec(val)}, nil
	}
	args := n.args
	if n.fn == "floor" && len(args) > 1 {
		args = args[:1] // as Eval: floor of the first argument
	}
	var acc exact.Decimal
	syms := make([]string, len(args))
	vals := make([]string, len(args))
	for i, a := range args {
		p, err := x.explain(a)
		if err != nil {
			return part{}, err
		}
		syms[i], vals[i] = p.sym, p.val
		switch {
		case n.fn == "floor":
			acc = p.v.Num.Floor()
			if !acc.IsFinite() {
				return part{}, ErrRange
			}
		case i == 0:
			acc = p.v.Num
		case n.fn == "min":
			acc = exact.Min(acc, p.v.Num)
		case n.fn == "max":
			acc = exact.Max(acc, p.v.Num)
		}
	}
	return part{v: num(acc),
		sym: n.fn + "(" + strings.Join(syms, ", ") + ")", symPrec: precAtom,
		val: n.fn + "(" + strings.Join(vals, ", ") + ")", valPrec: precAtom}, nil
}
