package compile

import (
	"errors"

	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

// ErrUnchecked is the error of Assemble for sources it cannot build: a
// formula that does not parse, an item with no scoring rule. Such sources
// were never accepted by Compile.
var ErrUnchecked = errors.New("compile: the policies were not checked by Compile (a formula does not parse or an item has no scoring rule)")

// Assemble builds the handbook of sources that Compile has accepted, as a
// bundle written by the build holds them, and checks nothing: it parses the
// formulas, builds the scoring rules, the plans' parameters, tables and
// indexes, exactly as Compile does (TestAssembleBuildsWhatCompileBuilds),
// without Compile's checks and their messages. The browser's calculator
// loads its bundle with it: the build that wrote the bundle compiled the
// same policies with every check, and a calculator that links no checks is
// smaller and starts sooner. Everything else compiles with Compile.
//
// Assemble refuses, with ErrUnchecked, what it cannot build, so that sources
// Compile never saw cannot make the engine meet a nil formula or rule.
func Assemble(docs []source.Doc) (*policy.Handbook, error) {
	ps := make([]policy.Policy, 0, len(docs))
	for _, d := range docs {
		p := policy.FromSource(d.Kind, d.File, d.Policy)
		if p == nil {
			return nil, ErrUnchecked
		}
		if !assemble(p) {
			return nil, ErrUnchecked
		}
		ps = append(ps, p)
	}
	return policy.New(ps), nil
}

// assemble builds what compiling adds to one policy, reporting whether it
// could.
func assemble(p policy.Policy) bool {
	switch p := p.(type) {
	case *policy.Scorecard:
		for i := range p.Part {
			for j := range p.Part[i].Item {
				it := &p.Part[i].Item[j]
				if it.Scoring == policy.ScoreFormula {
					if it.Expr = parsed(it.Formula); it.Expr == nil {
						return false
					}
				}
				if it.Rule = policy.NewRule(it); it.Rule == nil {
					return false
				}
			}
		}
	case *policy.PayPlan:
		planValues(p)
		for i := range p.Component {
			c := &p.Component[i]
			c.Exprs = map[string]*formula.Expr{}
			for _, k := range componentKeys(c) {
				e := parsed(c.Field(k))
				if e == nil {
					return false
				}
				c.Exprs[k] = e
			}
		}
		for i := range p.Standing {
			if p.Standing[i].Expr = parsed(p.Standing[i].Measure); p.Standing[i].Expr == nil {
				return false
			}
		}
		for i := range p.Feed {
			if p.Feed[i].Expr = parsed(p.Feed[i].Formula); p.Feed[i].Expr == nil {
				return false
			}
		}
		p.Index()
	}
	return true
}

// parsed is a formula Compile has checked, parsed; nil when it does not
// parse.
func parsed(src string) *formula.Expr {
	e, err := formula.Parse(src)
	if err != nil {
		return nil
	}
	return e
}

// planValues builds a plan's parameter values and its tables by name, for
// Compile and Assemble alike.
func planValues(p *policy.PayPlan) {
	p.ParamValues = make(map[string]formula.Value, len(p.Param))
	p.Tables = make(map[string]*policy.Table, len(p.Table))
	for i := range p.Table {
		p.Tables[p.Table[i].Name] = &p.Table[i]
	}
	for _, pa := range p.Param {
		p.ParamValues[pa.Name] = formula.Value{Num: pa.Value}
	}
}

// componentKeys lists the formula keys of a component: formula, or a
// ledger's keys with the optional ones it writes.
func componentKeys(c *policy.Component) []string {
	if c.Kind != policy.Ledger {
		return []string{"formula"}
	}
	keys := policy.LedgerKeys
	for _, k := range policy.LedgerOptional {
		if c.Field(k) != "" {
			keys = append(keys[:len(keys):len(keys)], k)
		}
	}
	return keys
}
