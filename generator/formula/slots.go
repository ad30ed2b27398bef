package formula

// A Compiled is an expression whose names are numbered slots, for
// evaluating it many times in a scope that keeps its values by number
// (a SlotScope): no name is looked up by its text.
type Compiled struct {
	root node
}

// SlotScope is a Scope that also gives values by slot number.
type SlotScope interface {
	Scope
	// Slot returns the value of the name numbered i.
	Slot(i int) (Value, bool)
}

// slotNode is a name numbered by Compile.
type slotNode struct {
	off  int
	name string
	slot int
}

func (n *slotNode) pos() int { return n.off }

// Compile numbers the names of e by slot, which gives a name's number, or
// false for a name to look up by its text.
func (e *Expr) Compile(slot func(name string) (int, bool)) *Compiled {
	return &Compiled{root: compile(e.root, slot)}
}

// compile copies a tree with its names numbered; the nodes that hold no
// name are shared.
func compile(n node, slot func(string) (int, bool)) node {
	switch n := n.(type) {
	case *nameNode:
		if i, ok := slot(n.name); ok {
			return &slotNode{off: n.off, name: n.name, slot: i}
		}
	case *unaryNode:
		c := *n
		c.x = compile(n.x, slot)
		return &c
	case *binNode:
		c := *n
		c.x, c.y = compile(n.x, slot), compile(n.y, slot)
		return &c
	case *ifNode:
		c := *n
		c.cond, c.then, c.els = compile(n.cond, slot), compile(n.then, slot), compile(n.els, slot)
		return &c
	case *callNode:
		c := *n
		c.args = make([]node, len(n.args))
		for i, a := range n.args {
			c.args[i] = compile(a, slot)
		}
		return &c
	}
	return n
}

// Eval evaluates the expression as Expr.Eval does: a name numbered by
// Compile takes its value from s's Slot when s is a SlotScope, from its
// Value otherwise.
func (c *Compiled) Eval(s Scope) (Value, error) {
	return eval(c.root, s)
}
