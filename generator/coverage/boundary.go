package coverage

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Probe is one generated boundary case: an input just below, at or just
// above a threshold, and what the engine gives for it.
type Probe struct {
	Ref, Clause string
	Input       string
	Result      string
	// Alone marks a probe of a rule taken on its own, outside the formula
	// that applies it in a payslip: the row of a pay plan's table a value
	// lands in. The golden shows the rows, but only a worked case, which
	// reaches the lookup through the formula's conditions, exercises them.
	Alone bool
}

// epsilon is the step used around thresholds: 0.01 for amounts, rates and
// scores (the precision people enter), 1 for counts.
func epsilon(kind string) exact.Decimal { return policy.Epsilon(kind) }

// Boundaries generates and computes the boundary probes of every scorecard
// item, band table, ladder step, pay plan's own table and quarterly ledger
// of h: each threshold just below, at and just above, each level, choice
// and yes/no, each deduction count up to the floor, each ladder step with
// its extra conditions holding and not, and each ledger's base, target and
// cap.
func Boundaries(h *policy.Handbook) []Probe {
	var out []Probe
	for _, p := range h.All() {
		switch p := p.(type) {
		case *policy.Scorecard:
			for _, part := range p.Part {
				for i := range part.Item {
					out = append(out, itemProbes(p.Head(), &part.Item[i])...)
				}
			}
		case *policy.Bands:
			var xs []exact.Decimal
			for _, r := range p.Rows {
				xs = append(xs, around(r.Interval, exact.MustParse("0.01"))...)
			}
			for _, x := range dedupe(xs) {
				if x.Sign() < 0 {
					continue
				}
				for i, r := range p.Rows {
					if r.Contains(x) {
						res := r.Label
						if r.Value != nil {
							res = "K " + r.Value.String()
						}
						out = append(out, Probe{Ref: ref(p.Head(), ""), Clause: fmt.Sprintf("rows[%d]", i), Input: "总分=" + x.String(), Result: res})
					}
				}
			}
		case *policy.Points:
			for i := range p.Ladder {
				out = append(out, ladderProbes(p, &p.Ladder[i])...)
			}
		case *policy.PayPlan:
			for i := range p.Table {
				out = append(out, tableProbes(p.Head(), &p.Table[i])...)
			}
			for i := range p.Component {
				if p.Component[i].Kind == policy.Ledger {
					out = append(out, ledgerProbes(h, p, &p.Component[i])...)
				}
			}
			out = append(out, componentProbes(h, p)...)
		}
	}
	return out
}

// ladderProbes generates the probes of a ladder: each occurrence (and one
// past the last step) just below and at its nominal threshold, with every
// combination of the extra conditions of the steps up to it holding or not.
func ladderProbes(p *policy.Points, l *policy.Ladder) []Probe {
	var out []Probe
	r := ref(p.Head(), l.ID)
	for n := 1; n <= len(l.Steps)+1; n++ {
		st := l.Steps[min(n, len(l.Steps))-1]
		var conds []int
		for _, s := range l.Steps[:min(n, len(l.Steps))] {
			if s.Condition != "" {
				conds = append(conds, s.Occurrence)
			}
		}
		for mask := 1<<len(conds) - 1; mask >= 0; mask-- {
			var met, said []string
			var metN []int
			for i, c := range conds {
				if mask>>i&1 == 1 {
					metN = append(metN, c)
					met = append(met, fmt.Sprintf("第%d档", c))
				}
			}
			if len(conds) > 0 {
				said = append(said, "附加条件成立="+cmp.Or(strings.Join(met, "、"), "无"))
			}
			for _, rate := range []exact.Decimal{st.Below.Sub(exact.MustParse("0.01")), st.Below} {
				in := engine.PointsInput{Shortfalls: []engine.LadderShortfall{{Ladder: l.ID, Occurrence: n, Rate: rate, Met: metN}}}
				res, clause := "", ""
				if pr, err := engine.Points(p, in); err != nil {
					res = "error: " + err.Error()
				} else {
					res = "得分 " + pr.Total.String()
					for _, s := range pr.Trace {
						if s.Ref.String() == r {
							clause = s.Clause
						}
					}
				}
				label := strings.Join(append([]string{fmt.Sprintf("第%d次", n), "比率=" + rate.String()}, said...), " ")
				out = append(out, Probe{Ref: r, Clause: clause, Input: label, Result: res})
			}
		}
	}
	return out
}

// ledgerProbes generates the probes of a quarterly ledger, one quarter with
// nothing carried: its actual input just below, at and just above the base,
// the target and the cap (as the plan's formulas give them with every other
// input 0 and a full score), and a quarter without a task when the plan
// marks one. A ledger whose actual or exempt formula is not a single input
// has no probes of that kind.
func ledgerProbes(h *policy.Handbook, p *policy.PayPlan, c *policy.Component) []Probe {
	t := engine.On(h, p.EffectiveFrom)
	score := exact.FromInt(100)
	quarter := func(set string, v formula.Value) engine.Quarter {
		vals := map[string]formula.Value{}
		for _, in := range p.Input {
			if p.Uses(policy.Quarterly, in.Name) {
				vals[in.Name] = formula.Value{IsBool: in.Kind == "yesno"}
			}
		}
		if set != "" {
			vals[set] = v
		}
		return engine.Quarter{Label: "季度", Values: vals, Score: &score}
	}
	r := ref(p.Head(), c.Name)
	run := func(label, set string, v formula.Value) Probe {
		pr := Probe{Ref: r, Input: label}
		es, err := engine.Ledger(p, c, []engine.Quarter{quarter(set, v)}, t)
		if err != nil {
			pr.Result = "error: " + err.Error()
			return pr
		}
		e := es[0]
		pr.Clause = e.Branch
		pr.Result = fmt.Sprintf("奖金 %s，扣发 %s，浮动工资 %s，转入下季 %s", e.Bonus, e.Penalty, e.Floating, e.CarriedOut)
		return pr
	}
	actual := bareName(c.Exprs["actual"])
	if actual == "" {
		return nil
	}
	es, err := engine.Ledger(p, c, []engine.Quarter{quarter("", formula.Value{})}, t)
	if err != nil {
		return []Probe{{Ref: r, Input: "全为0", Result: "error: " + err.Error()}}
	}
	cent := exact.MustParse("0.01")
	var xs []exact.Decimal
	for _, th := range []exact.Decimal{es[0].Base, es[0].Target, es[0].Cap} {
		xs = append(xs, th.Sub(cent), th, th.Add(cent))
	}
	var out []Probe
	for _, x := range dedupe(xs) {
		if x.Sign() >= 0 {
			out = append(out, run(fmt.Sprintf("%s=%s（基数 %s，目标 %s，上限 %s）", actual, x, es[0].Base, es[0].Target, es[0].Cap), actual, formula.Value{Num: x}))
		}
	}
	if ex := bareName(c.Exprs["exempt"]); ex != "" {
		out = append(out, run(ex+"=是", ex, formula.Value{IsBool: true, Bool: true}))
	}
	return out
}

// componentProbes generates the probes of a plan's formula components: a
// whole payslip of the component's period with every input 0 (no) and a
// full score, and then, one at a time, each input or the score a formula
// compares with a bound of parameters set just below, at and just above
// that bound, and each yes/no input the formula uses set to yes and to no;
// each probe gives the component's amount. Like a table row, a component is
// exercised only by a worked case: these probes pin its thresholds and
// branches in the golden, they do not count for coverage.
func componentProbes(h *policy.Handbook, p *policy.PayPlan) []Probe {
	t := engine.On(h, p.EffectiveFrom)
	kinds := map[string]string{}
	for _, in := range p.Input {
		kinds[in.Name] = in.Kind
	}
	var out []Probe
	for _, period := range policy.Periods {
		if p.Lines(period) == 0 {
			continue
		}
		base := map[string]formula.Value{}
		for _, in := range p.Input {
			if p.Uses(period, in.Name) {
				base[in.Name] = formula.Value{IsBool: in.Kind == "yesno"}
			}
		}
		full := exact.FromInt(100)
		pay := func(name string, v formula.Value) (engine.PayResult, error) {
			vals, score := maps.Clone(base), &full
			if name == "score" {
				score = &v.Num
			} else if name != "" {
				vals[name] = v
			}
			return engine.Pay(p, engine.PayInput{Period: period, Values: vals, Score: score}, t)
		}
		for i := range p.Component {
			c := &p.Component[i]
			if c.Kind == policy.Ledger || p.PeriodOf(c) != period {
				continue
			}
			r := ref(p.Head(), c.Name)
			probe := func(label, name string, v formula.Value) {
				pr := Probe{Ref: r, Input: label, Alone: true, Clause: "formula"}
				res, err := pay(name, v)
				if err != nil {
					pr.Clause, pr.Result = "refused", "cannot compute: "+err.Error()
				} else {
					for _, cr := range res.Components {
						if cr.Name == c.Name {
							pr.Result = cr.Amount.String() + " 元"
						}
					}
				}
				out = append(out, pr)
			}
			probe(string(period)+"：输入全为0或否", "", formula.Value{})
			e := c.Exprs["formula"]
			for _, th := range e.Thresholds() {
				kind, isInput := kinds[th.Name]
				if th.Name != "score" && (!isInput || kind == "yesno" || !p.Uses(period, th.Name)) {
					continue
				}
				bound, ok := constant(p, th.Bound)
				if !ok {
					continue
				}
				eps := epsilon(kind)
				for _, x := range dedupe([]exact.Decimal{bound.Sub(eps), bound, bound.Add(eps)}) {
					if x.Sign() >= 0 {
						probe(fmt.Sprintf("%s=%s（%s %s %s）", th.Name, x, th.Name, th.Op, bound), th.Name, formula.Value{Num: x})
					}
				}
			}
			for _, n := range e.Names() {
				if kinds[n] == "yesno" && p.Uses(period, n) {
					probe(n+"=是", n, formula.Value{IsBool: true, Bool: true})
				}
			}
		}
	}
	return out
}

// constant evaluates an expression of the plan's parameters and numbers
// alone; false when it uses anything else (an input, a component, the score,
// a lookup).
func constant(p *policy.PayPlan, e *formula.Expr) (exact.Decimal, bool) {
	if len(e.Tables()) > 0 {
		return exact.Decimal{}, false
	}
	for _, n := range e.Names() {
		if _, ok := p.ParamValues[n]; !ok {
			return exact.Decimal{}, false
		}
	}
	v, err := e.Eval(params(p.ParamValues))
	if err != nil || v.IsBool {
		return exact.Decimal{}, false
	}
	return v.Num, true
}

// params is a formula scope of a plan's parameters.
type params map[string]formula.Value

func (s params) Value(name string) (formula.Value, bool) { v, ok := s[name]; return v, ok }
func (s params) Lookup(string, exact.Decimal) (exact.Decimal, error) {
	return exact.Decimal{}, fmt.Errorf("no tables here")
}

// bareName returns the name an expression consists of, or "".
func bareName(e *formula.Expr) string {
	if e == nil {
		return ""
	}
	if ns := e.Names(); len(ns) == 1 && strings.TrimSpace(e.String()) == ns[0] {
		return ns[0]
	}
	return ""
}

// tableProbes generates the probes of a pay plan's own table: each
// threshold just below, at and just above, with the row the engine's lookup
// finds.
func tableProbes(h *policy.Header, tb *policy.Table) []Probe {
	var xs []exact.Decimal
	for _, r := range tb.Rows {
		xs = append(xs, around(r.Interval, exact.MustParse("0.01"))...)
	}
	var out []Probe
	for _, x := range dedupe(xs) {
		if x.Sign() < 0 {
			continue
		}
		p := Probe{Ref: ref(h, engine.TableRef(tb.Name)), Input: cmp.Or(tb.Measure, "查表值") + "=" + x.String(), Result: "lands in no row", Alone: true}
		if i, ok := tb.Find(x); ok {
			p.Clause, p.Result = fmt.Sprintf("rows[%d]", i), "取 "+tb.Rows[i].Value.String()
		}
		out = append(out, p)
	}
	return out
}

// around returns the values just below, at and just above the ends of an
// interval.
func around(iv policy.Interval, eps exact.Decimal) []exact.Decimal {
	var xs []exact.Decimal
	for _, b := range []*exact.Decimal{iv.Min, iv.Below} {
		if b != nil {
			xs = append(xs, b.Sub(eps), *b, b.Add(eps))
		}
	}
	return xs
}

func dedupe(xs []exact.Decimal) []exact.Decimal {
	slices.SortFunc(xs, func(a, b exact.Decimal) int { return a.Cmp(b) })
	return slices.CompactFunc(xs, func(a, b exact.Decimal) bool { return a.Cmp(b) == 0 })
}

// itemProbes generates the probes of one scorecard item: the inputs its
// kind tries (policy.ScoringRule.Probes), then the most its input can be
// and just above it.
func itemProbes(h *policy.Header, it *policy.Item) []Probe {
	kind := ""
	if it.Input != nil {
		kind = it.Input.Kind
	}
	var ins []policy.Probe
	if it.Rule != nil {
		ins = it.Rule.Probes(it)
	}
	out := make([]Probe, 0, len(ins)+2)
	for _, in := range ins {
		pts, clause, err := engine.ScoreItem(it, in.In)
		res := pts.String() + " 分"
		if err != nil {
			res = "error: " + err.Error()
		}
		out = append(out, Probe{Ref: ref(h, it.ID), Clause: clause, Input: in.Label, Result: res})
	}
	// The most an input can be, and just above it: refused.
	if it.Input != nil && it.Input.Max != nil {
		for _, x := range []exact.Decimal{*it.Input.Max, it.Input.Max.Add(epsilon(kind))} {
			v := x
			pr := Probe{Ref: ref(h, it.ID), Input: x.String() + "（最大 " + it.Input.Max.String() + "）"}
			pts, clause, err := engine.ScoreItem(it, engine.ItemInput{Value: &v})
			if err != nil {
				pr.Clause, pr.Result = "refused", "refused: "+err.Error()
			} else {
				pr.Clause, pr.Result = clause, pts.String()+" 分"
			}
			out = append(out, pr)
		}
	}
	return out
}

// WriteProbes writes probes one per line, for the golden file.
func WriteProbes(w io.Writer, ps []Probe) {
	for _, p := range ps {
		fmt.Fprintf(w, "%s\t%s\t→ %s\t[%s]\n", p.Ref, p.Input, p.Result, p.Clause)
	}
}

// ProbeHits returns the clause keys the probes exercise.
func ProbeHits(ps []Probe) map[string]bool {
	hit := map[string]bool{}
	for _, p := range ps {
		if !p.Alone {
			hit[p.Ref+" "+p.Clause] = true
		}
	}
	return hit
}
