package formula

import "strings"

// Words writes the formula for people: each name by its label (label
// returns "" to keep a name as written), operators as × ÷ ≥ ≤ ≠ 且 或 非, a
// conditional as 若 … 则 … 否则 …, and a lookup as 查「table」(x) with the
// table named by title (which may return "" to keep the name). It needs no
// values: the handbook's pages show formulas this way.
func (e *Expr) Words(label, title func(string) string) string {
	return words(e.root, label, title, precIf)
}

func words(n node, label, title func(string) string, need int) string {
	paren := func(s string, prec int) string {
		if prec < need {
			return "（" + s + "）"
		}
		return s
	}
	switch n := n.(type) {
	case *numNode:
		return n.text
	case *strNode:
		return "「" + n.s + "」"
	case *nameNode:
		if l := label(n.name); l != "" {
			return l
		}
		return n.name
	case *unaryNode:
		if n.op == "not" {
			return paren("非 "+words(n.x, label, title, precCmp), precCmp)
		}
		return paren("−"+words(n.x, label, title, precNeg), precNeg)
	case *binNode:
		p := precOf(n.op)
		right := p + 1 // left-associative: a tighter right side
		return paren(words(n.x, label, title, p)+" "+display.op(n.op)+" "+words(n.y, label, title, right), p)
	case *ifNode:
		return paren("若 "+words(n.cond, label, title, precOr)+"，则 "+words(n.then, label, title, precOr)+"；否则 "+words(n.els, label, title, precIf), precIf)
	case *callNode:
		if n.fn == "lookup" && len(n.args) == 2 {
			if s, ok := n.args[0].(*strNode); ok {
				t := title(s.s)
				if t == "" {
					t = s.s
				}
				return "查「" + t + "」（" + words(n.args[1], label, title, precIf) + "）"
			}
		}
		args := make([]string, len(n.args))
		for i, a := range n.args {
			args[i] = words(a, label, title, precIf)
		}
		return fnWords(n.fn) + "（" + strings.Join(args, "，") + "）"
	}
	return ""
}

// fnWords names a function for people.
func fnWords(fn string) string {
	switch fn {
	case "min":
		return "取较小者"
	case "max":
		return "取较大者"
	case "floor":
		return "取整数部分"
	case "lookup":
		return "查表"
	}
	return ""
}
