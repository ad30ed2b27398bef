package formula

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// Error is a problem in a formula at a byte offset of its text.
type Error struct {
	Off int
	Msg string
	// Zh is the message in Chinese.
	Zh string
}

// errAt returns the error at off, its message in English (format) and in
// Chinese (the catalog's, zh).
func errAt(off int, format string, args ...any) *Error {
	t := zh.Sprintf(format, args...)
	return &Error{off, t.En, t.Zh}
}

func (e *Error) Error() string { return printf.Sprintf("offset %d: %s", e.Off, e.Msg) }

// Type is the type of an expression.
type Type int

// The types of the language.
const (
	Num Type = iota + 1
	Bool
	Str
)

// Zh names the type in Chinese.
func (t Type) Zh() string {
	switch t {
	case Num:
		return "数字"
	case Bool:
		return "是/否"
	case Str:
		return "文本"
	}
	return "无效"
}

func (t Type) String() string {
	switch t {
	case Num:
		return "number"
	case Bool:
		return "yes/no"
	case Str:
		return "text"
	}
	return "invalid"
}

// Expr is a parsed formula. It is immutable and safe for concurrent use.
type Expr struct {
	src   string
	root  node
	names []string // computed once by Parse
}

// String returns the formula's source text.
func (e *Expr) String() string { return e.src }

// Names returns the names the formula uses, in order of first use. The
// slice is shared: callers must not modify it.
func (e *Expr) Names() []string { return e.names }

func names(root node) []string {
	var out []string
	seen := map[string]bool{}
	walk(root, func(n node) {
		if v, ok := n.(*nameNode); ok && !seen[v.name] {
			seen[v.name] = true
			out = append(out, v.name)
		}
	})
	return out
}

// Tables returns the table names passed to lookup, in order of first use.
func (e *Expr) Tables() []string {
	var out []string
	seen := map[string]bool{}
	walk(e.root, func(n node) {
		if c, ok := n.(*callNode); ok && c.fn == "lookup" && len(c.args) > 0 {
			if s, ok := c.args[0].(*strNode); ok && !seen[s.s] {
				seen[s.s] = true
				out = append(out, s.s)
			}
		}
	})
	return out
}

// Threshold is a comparison of a name with another expression: collections
// >= floor(annual_target / 12 * 100) / 100. Boundary probes try the name
// just below, at and just above the bound.
type Threshold struct {
	Name  string // the name compared
	Op    string // the comparison, with Name on its left (a < x is x > a)
	Bound *Expr  // the other side (its String is the whole formula's text)
}

// flip returns a comparison operator with its sides swapped, or "" for
// an operator that is not a comparison.
func flip(op string) string {
	for _, c := range comparisons {
		if c.op == op {
			return c.flipped
		}
	}
	return ""
}

// Thresholds lists the comparisons in the formula of a bare name with an
// expression that does not use that name, in order.
func (e *Expr) Thresholds() []Threshold {
	var out []Threshold
	walk(e.root, func(n node) {
		b, ok := n.(*binNode)
		if !ok || flip(b.op) == "" {
			return
		}
		for _, side := range []struct {
			name  node
			bound node
			op    string
		}{{b.x, b.y, b.op}, {b.y, b.x, flip(b.op)}} {
			v, ok := side.name.(*nameNode)
			if !ok {
				continue
			}
			bound := &Expr{src: e.src, root: side.bound, names: names(side.bound)}
			if !slices.Contains(bound.names, v.name) {
				out = append(out, Threshold{Name: v.name, Op: side.op, Bound: bound})
			}
			return
		}
	})
	return out
}

// node is one node of the syntax tree; the set is closed.
type node interface {
	pos() int
}

type numNode struct {
	off  int
	v    exact.Decimal
	text string // as written, e.g. 5%
}
type strNode struct {
	off int
	s   string
}
type nameNode struct {
	off  int
	name string
}
type unaryNode struct {
	off int
	op  string // "-" or "not"
	x   node
}
type binNode struct {
	off  int
	op   string
	x, y node
	code opCode // op, for Eval
}

// opCode is a binary operator as Eval switches on it.
type opCode uint8

const (
	opAnd opCode = iota
	opOr
	opAdd
	opSub
	opMul
	opDiv
	opEq
	opNe
	opLt
	opLe
	opGt
	opGe
)

// opTexts are the binary operators of the language, by code.
var opTexts = [...]string{opAnd: "and", opOr: "or", opAdd: "+", opSub: "-", opMul: "*", opDiv: "/",
	opEq: "==", opNe: "!=", opLt: "<", opLe: "<=", opGt: ">", opGe: ">="}

// opCodeOf returns the code of a binary operator of the language, and
// whether it has one.
func opCodeOf(op string) (opCode, bool) {
	i := slices.Index(opTexts[:], op)
	return opCode(i), i >= 0
}

type ifNode struct {
	off             int
	cond, then, els node
}
type callNode struct {
	off  int
	fn   string
	args []node
}

func (n *numNode) pos() int   { return n.off }
func (n *strNode) pos() int   { return n.off }
func (n *nameNode) pos() int  { return n.off }
func (n *unaryNode) pos() int { return n.off }
func (n *binNode) pos() int   { return n.off }
func (n *ifNode) pos() int    { return n.off }
func (n *callNode) pos() int  { return n.off }

func walk(n node, f func(node)) {
	f(n)
	switch n := n.(type) {
	case *unaryNode:
		walk(n.x, f)
	case *binNode:
		walk(n.x, f)
		walk(n.y, f)
	case *ifNode:
		walk(n.cond, f)
		walk(n.then, f)
		walk(n.els, f)
	case *callNode:
		for _, a := range n.args {
			walk(a, f)
		}
	}
}

// ---- lexer

type tokKind int

const (
	tEOF tokKind = iota
	tNum
	tStr
	tName
	tOp
)

type token struct {
	kind tokKind
	off  int
	text string
}

func lex(src string) ([]token, *Error) {
	var toks []token
	for i := 0; i < len(src); {
		c := src[i]
		t := token{kind: tOp, off: i}
		j := i + 1 // the end of the token
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c >= '0' && c <= '9':
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			if j < len(src) && src[j] == '%' {
				j++
			}
			t.kind = tNum
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			for j < len(src) && (src[j] == '_' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9') {
				j++
			}
			t.kind = tName
		case c == '"':
			k := strings.IndexByte(src[i+1:], '"')
			if k < 0 {
				return nil, errAt(i, "unterminated string")
			}
			t.kind, j = tStr, i+k+2
		default:
			if two := src[i:min(i+2, len(src))]; two == "<=" || two == ">=" || two == "==" || two == "!=" {
				j = i + 2
			} else if strings.IndexByte("+-*/()<>,", c) < 0 {
				r, _ := utf8.DecodeRuneInString(src[i:])
				return nil, errAt(i, "unexpected character %q", r)
			}
		}
		t.text = src[i:j]
		if t.kind == tStr {
			t.text = src[i+1 : j-1] // without its quotes
		}
		toks = append(toks, t)
		i = j
	}
	return append(toks, token{tEOF, len(src), ""}), nil
}

// ---- parser

type parser struct {
	toks []token
	i    int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}
func (p *parser) is(kind tokKind, text string) bool {
	t := p.peek()
	return t.kind == kind && t.text == text
}
func (p *parser) expect(kind tokKind, text string) (token, *Error) {
	t := p.peek()
	if t.kind != kind || t.text != text {
		return t, errAt(t.off, "expected %q, found %s", text, describe(t))
	}
	return p.next(), nil
}

func describe(t token) diag.Text {
	switch t.kind {
	case tEOF:
		return zh.Sprintf("end of formula")
	case tStr:
		return zh.Sprintf("string %q", t.text)
	}
	return zh.Sprintf("%q", t.text)
}

var keywords = [...]string{"if", "then", "else", "and", "or", "not"}

// Parse parses a formula. It reports the first syntax error with its offset.
func Parse(src string) (*Expr, error) {
	toks, lerr := lex(src)
	if lerr != nil {
		return nil, lerr
	}
	p := &parser{toks: toks}
	root, err := p.expr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, errAt(t.off, "unexpected %s after the end of the expression", describe(t))
	}
	return &Expr{src: src, root: root, names: names(root)}, nil
}

func (p *parser) expr() (node, *Error) {
	if p.is(tName, "if") {
		t := p.next()
		cond, err := p.expr()
		if err != nil {
			return nil, err
		}
		if _, err := p.expect(tName, "then"); err != nil {
			return nil, err
		}
		then, err := p.expr()
		if err != nil {
			return nil, err
		}
		if _, err := p.expect(tName, "else"); err != nil {
			return nil, err
		}
		els, err := p.expr()
		if err != nil {
			return nil, err
		}
		return &ifNode{t.off, cond, then, els}, nil
	}
	return p.binary(0)
}

// levels of binary operators, loosest first.
var levels = [][]string{
	{"or"},
	{"and"},
	{"<", "<=", ">", ">=", "==", "!="},
	{"+", "-"},
	{"*", "/"},
}

func (p *parser) binary(level int) (node, *Error) {
	if level == len(levels) {
		return p.unary()
	}
	if level == 2 && p.is(tName, "not") { // not binds looser than comparisons
		t := p.next()
		x, err := p.binary(level)
		if err != nil {
			return nil, err
		}
		return &unaryNode{t.off, "not", x}, nil
	}
	x, err := p.binary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		if !(t.kind == tOp || t.kind == tName) || !slices.Contains(levels[level], t.text) {
			return x, nil
		}
		p.next()
		y, err := p.binary(level + 1)
		if err != nil {
			return nil, err
		}
		code, _ := opCodeOf(t.text)
		x = &binNode{t.off, t.text, x, y, code}
		if level == 2 { // comparisons do not chain
			if t2 := p.peek(); t2.kind == tOp && slices.Contains(levels[2], t2.text) {
				return nil, errAt(t2.off, "comparisons cannot be chained; use and")
			}
			return x, nil
		}
	}
}

func (p *parser) unary() (node, *Error) {
	if p.is(tOp, "-") {
		t := p.next()
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &unaryNode{t.off, "-", x}, nil
	}
	return p.primary()
}

// Functions lists the functions of the language with their argument counts
// (-1 for one or more).
var Functions = map[string]int{"min": -1, "max": -1, "floor": 1, "lookup": 2}

func (p *parser) primary() (node, *Error) {
	t := p.next()
	switch t.kind {
	case tNum:
		v, err := exact.Parse(t.text)
		if err != nil {
			return nil, errAt(t.off, "malformed number %q", t.text)
		}
		return &numNode{t.off, v, t.text}, nil
	case tStr:
		return &strNode{t.off, t.text}, nil
	case tName:
		if slices.Contains(keywords[:], t.text) {
			return nil, errAt(t.off, "unexpected %q", t.text)
		}
		if !p.is(tOp, "(") {
			return &nameNode{t.off, t.text}, nil
		}
		p.next()
		if _, ok := Functions[t.text]; !ok {
			return nil, errAt(t.off, "unknown function %q (functions: floor, lookup, max, min)", t.text)
		}
		var args []node
		if !p.is(tOp, ")") {
			for {
				a, err := p.expr()
				if err != nil {
					return nil, err
				}
				args = append(args, a)
				if !p.is(tOp, ",") {
					break
				}
				p.next()
			}
		}
		if _, err := p.expect(tOp, ")"); err != nil {
			return nil, err
		}
		return &callNode{t.off, t.text, args}, nil
	case tOp:
		if t.text == "(" {
			x, err := p.expr()
			if err != nil {
				return nil, err
			}
			if _, err := p.expect(tOp, ")"); err != nil {
				return nil, err
			}
			return x, nil
		}
	}
	return nil, errAt(t.off, "expected a number, name or (, found %s", describe(t))
}
