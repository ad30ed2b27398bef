package engine

import (
	"cmp"

	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// TableRef is the part of a trace step's Ref that names a pay plan's own
// table: table.NAME (plan@version#table.NAME).
func TableRef(name string) string { return "table." + name }

// tableSteps returns one trace step for each lookup a component's formula
// made into one of the plan's own [[table]]s, saying which row gave the
// value (Clause rows[i], as for a band table), so that the rows a case
// reaches can be told from its trace. Lookups into band tables are left
// out: the score's own steps name their rows. Only traced computations call
// it.
func (s *payScope) tableSteps(lookups []formula.Lookup) []Step {
	var out []Step
	for _, l := range lookups {
		tb := s.plan.Tables[l.Table]
		if tb == nil {
			continue
		}
		i, ok := tb.Find(l.Arg)
		if !ok {
			continue
		}
		measure := cmp.Or(tb.Measure, "查表值")
		out = addStep(out, s.plan.Head(), TableRef(tb.Name), printf.Sprintf("rows[%d]", i), []Operand{operand(measure, l.Arg.String(), "")}, l.Result.String(), TableRowFound{Table: tb, Row: i, Result: l.Result})
	}
	return out
}
