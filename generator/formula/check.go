package formula

import (
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/internal/sorted"
)

// Env describes what a formula may refer to.
type Env struct {
	// Names maps each name the formula may use to its type.
	Names map[string]Type
	// Tables reports whether lookup may use the named table; nil allows none.
	Tables func(name string) bool
}

// Check type-checks e against env and returns every problem found, in order
// of position, and the type of the whole formula.
func Check(e *Expr, env Env) (Type, []*Error) {
	c := &checker{env: env}
	t := c.check(e.root)
	sorted.SliceStable(c.errs, func(i, j int) bool { return c.errs[i].Off < c.errs[j].Off })
	return t, c.errs
}

type checker struct {
	env  Env
	errs []*Error
}

func (c *checker) errorf(off int, format string, args ...any) {
	c.errs = append(c.errs, errAt(off, format, args...))
}

// want checks that n has type t; an invalid (0) type was already reported.
func (c *checker) want(n node, t Type, what diag.Text) {
	if got := c.check(n); got != 0 && got != t {
		c.errorf(n.pos(), "%s must be a %s, not a %s", what, t, got)
	}
}

func (c *checker) check(n node) Type {
	switch n := n.(type) {
	case *numNode:
		return Num
	case *strNode:
		c.errorf(n.off, "a string may only name the table of lookup")
		return 0
	case *nameNode:
		t, ok := c.env.Names[n.name]
		if !ok {
			c.errorf(n.off, "undefined name %q%s", n.name, suggest(n.name, c.env.Names))
			return 0
		}
		return t
	case *unaryNode:
		if n.op == "not" {
			c.want(n.x, Bool, zh.Sprintf("the operand of not"))
			return Bool
		}
		c.want(n.x, Num, zh.Sprintf("the operand of -"))
		return Num
	case *binNode:
		switch n.op {
		case "and", "or":
			c.want(n.x, Bool, zh.Sprintf("the operands of %s", n.op))
			c.want(n.y, Bool, zh.Sprintf("the operands of %s", n.op))
			return Bool
		case "==", "!=":
			tx, ty := c.check(n.x), c.check(n.y)
			if tx != 0 && ty != 0 && tx != ty {
				c.errorf(n.off, "cannot compare a %s with a %s", tx, ty)
			}
			return Bool
		case "<", "<=", ">", ">=":
			c.want(n.x, Num, zh.Sprintf("the operands of %s", n.op))
			c.want(n.y, Num, zh.Sprintf("the operands of %s", n.op))
			return Bool
		}
		c.want(n.x, Num, zh.Sprintf("the operands of %s", n.op))
		c.want(n.y, Num, zh.Sprintf("the operands of %s", n.op))
		return Num
	case *ifNode:
		c.want(n.cond, Bool, zh.Sprintf("the condition of if"))
		tt, te := c.check(n.then), c.check(n.els)
		if tt != 0 && te != 0 && tt != te {
			c.errorf(n.els.pos(), "the branches of if have different types: %s and %s", tt, te)
		}
		if tt == 0 {
			return te
		}
		return tt
	case *callNode:
		want := Functions[n.fn]
		if want >= 0 && len(n.args) != want || want < 0 && len(n.args) == 0 {
			c.errorf(n.off, "%s takes %s", n.fn, map[int]diag.Text{-1: zh.Sprintf("one or more arguments"), 1: zh.Sprintf("one argument"), 2: zh.Sprintf("two arguments")}[want])
			return Num
		}
		if n.fn == "lookup" {
			s, ok := n.args[0].(*strNode)
			switch {
			case !ok:
				c.errorf(n.args[0].pos(), "the first argument of lookup must be a table name in quotes")
			case c.env.Tables == nil || !c.env.Tables(s.s):
				c.errorf(s.off, "unknown table %q", s.s)
			}
			c.want(n.args[1], Num, zh.Sprintf("the second argument of lookup"))
			return Num
		}
		for _, a := range n.args {
			c.want(a, Num, zh.Sprintf("the arguments of %s", n.fn))
		}
		return Num
	}
	return 0
}

// suggest returns ` (did you mean "x"?)` for the closest known name.
func suggest(name string, names map[string]Type) diag.Text {
	known := make([]string, 0, len(names))
	for k := range names {
		known = append(known, k)
	}
	sorted.Strings(known)
	if best := Nearest(name, known); best != "" {
		return zh.Sprintf(" (did you mean %q?)", best)
	}
	return diag.Text{}
}

// Nearest returns the candidate closest to a misspelt name, or "" when none
// is close: at most max(2, len/4) edits away. Ties go to the first candidate.
func Nearest(name string, candidates []string) string {
	best, bestD := "", max(2, len([]rune(name))/4)+1
	for _, c := range candidates {
		if d := Distance(name, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in characters:
// what Nearest and the payout's did-you-mean for a role go by.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
