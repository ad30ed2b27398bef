package policy

import (
	"strings"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// ScoreFormula is the scoring kind that computes points from named inputs
// with a formula.
const ScoreFormula = "formula"

// FormulaRule computes points from named inputs with a formula, clamped to
// 0 and the item's cap.
type FormulaRule struct {
	Expr   *formula.Expr
	Text   string
	Inputs []Input
}

func init() { register(formulaScoring, &formulaKind{}) }

// formulaScoring is the ScoreFormula kind as the loader meets it: a
// package-level value, so that its lists are data, not code run at start.
var formulaScoring = ScoringKind{
	Name: ScoreFormula,
	Keys: []string{"inputs", "formula"},
}

// formulaKind checks and builds formula items.
type formulaKind struct{}

func (*formulaKind) check(it *Item, c ItemChecker) {
	names := map[string]formula.Type{}
	ids := make([]string, len(it.Inputs))
	for i, in := range it.Inputs {
		if in.Name == "" {
			c.KeyErrorf(printf.Sprintf("/inputs/%d", i), "missing required key \"name\"")
		}
		names[in.Name] = formula.Num
		if in.Kind == "yesno" {
			names[in.Name] = formula.Bool
		}
		ids[i] = in.Name
	}
	c.Unique("input name", "/inputs", "name", ids)
	it.Expr = c.Formula("/formula", it.Formula, formula.Env{Names: names})
}

func (*formulaKind) build(it *Item) ScoringRule {
	if it.Expr == nil {
		return nil
	}
	return &FormulaRule{Expr: it.Expr, Text: it.Formula, Inputs: it.Inputs}
}

func (*FormulaRule) rule() {}

// Kind implements ScoringRule.
func (*FormulaRule) Kind() string { return ScoreFormula }

// Score computes the formula from the named inputs, rounded as scores are,
// then clamped to 0 and the item's cap.
func (r *FormulaRule) Score(it *Item, in ItemInput) (exact.Decimal, string, error) {
	vals := &named{values: map[string]formula.Value{}}
	for _, def := range r.Inputs {
		v, ok := in.Named[def.Name]
		if !ok {
			return zero, "", zh.Errorf("no input %q", def.Name)
		}
		vals.values[def.Name] = v
	}
	v, err := r.Expr.Eval(vals)
	if err != nil {
		return zero, "", err
	}
	p := RoundScore(v.Num)
	if p.Cmp(it.Cap()) > 0 {
		return it.Cap(), "max", nil
	}
	if p.Sign() < 0 {
		return zero, "min", nil
	}
	return p, "formula", nil
}

// Clauses is the one clause, formula.
func (*FormulaRule) Clauses() []string { return []string{"formula"} }

// Uses gives every named input.
func (r *FormulaRule) Uses(_ *Item, in ItemInput, dst []Used) []Used {
	for _, def := range r.Inputs {
		dst = append(dst, Used{Name: def.Name, Label: def.Label, Value: in.Named[def.Name].Text(), Unit: def.DisplayUnit()})
	}
	return dst
}

// Explain writes the formula with names and then with values, and the
// facts that chose its branches.
func (r *FormulaRule) Explain(_ *Item, in ItemInput) string {
	how := "按公式 " + r.Text + " 计算"
	vals := &named{values: map[string]formula.Value{}, labels: map[string]string{}}
	for _, def := range r.Inputs {
		vals.values[def.Name] = in.Named[def.Name]
		vals.labels[def.Name] = def.Label
	}
	if x, err := r.Expr.Explain(vals); err == nil {
		how = printf.Sprintf("按公式 %s = %s = %s", x.Formula, x.Values, x.Value.Text())
		if len(x.Reasons) > 0 {
			how = "因 " + strings.Join(x.Reasons, "；") + "，" + how
		}
	}
	return how
}

// Grading writes the formula and names its inputs.
func (r *FormulaRule) Grading(*Item, []string) []string {
	var names []string
	for _, in := range r.Inputs {
		names = append(names, in.Label)
	}
	return []string{"按公式计算：" + r.Text, "输入：" + strings.Join(names, "、")}
}

// Probes tries every input 0: formula items have no generic domain, the
// worked cases cover them.
func (r *FormulaRule) Probes(*Item) []Probe {
	vals := map[string]formula.Value{}
	for _, in := range r.Inputs {
		vals[in.Name] = formula.Value{Num: exact.FromInt(0), IsBool: in.Kind == "yesno"}
	}
	return []Probe{{In: ItemInput{Named: vals}, Label: "全为0"}}
}

// Field is one number per named input.
func (*FormulaRule) Field(*Item) Field { return Field{Shape: ShapeNamed} }

// Sample draws every named input: counts up to 11, other numbers up to
// 100000, within each input's maximum.
func (r *FormulaRule) Sample(_ *Item, s Sampler) ItemInput {
	vals := map[string]formula.Value{}
	for _, in := range r.Inputs {
		v := s.Value(in.Kind, exact.FromInt(100000), in.Max)
		if in.Kind == "count" {
			v = formula.Value{Num: exact.FromInt(int64(s.IntN(12)))}
			if in.Max != nil && v.Num.Cmp(*in.Max) > 0 {
				v.Num = *in.Max
			}
		}
		vals[in.Name] = v
	}
	return ItemInput{Named: vals}
}

// Fast: none; the card scores a formula with Score.
func (*FormulaRule) Fast(*Item) (FastRule, bool) { return nil, true }

// named gives a formula item's named inputs their values and labels; it
// has no tables.
type named struct {
	values map[string]formula.Value
	labels map[string]string
}

func (n *named) Value(name string) (formula.Value, bool) { v, ok := n.values[name]; return v, ok }
func (n *named) Label(name string) string                { return n.labels[name] }
func (n *named) Lookup(table string, _ exact.Decimal) (exact.Decimal, error) {
	return exact.Decimal{}, zh.Errorf("no table %q here", table)
}
