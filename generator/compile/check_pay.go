package compile

import (
	"slices"
	"strings"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/printf"
	"github.com/kefu-hr/handbook/generator/policy"
)

// ---- bands

func (l *compiler) checkBands(u *unit, b *policy.Bands) {
	rows := make([]row, len(b.Rows))
	var prev *exact.Decimal
	for i, r := range b.Rows {
		ptr := printf.Sprintf("/rows/%d", i)
		rows[i] = row{ptr, r.Interval}
		switch b.Output {
		case "coefficient":
			if r.Value == nil {
				l.errf(u, ptr, "missing required key \"value\" when output = \"coefficient\"")
				continue
			}
			if r.Value.Sign() < 0 {
				l.verrf(u, ptr+"/value", "coefficient must not be negative: %s", r.Value)
			}
			if prev != nil && r.Value.Cmp(*prev) > 0 {
				l.verrf(u, ptr+"/value", "coefficient %s is higher than %s in the better row above: a better score must never lower the coefficient", r.Value, prev)
			}
			prev = r.Value
		case "grade", "action":
			if r.Label == "" {
				l.errf(u, ptr, "missing required key \"label\" when output = %q", b.Output)
			}
		}
	}
	l.checkIntervals(u, rows)
}

// ---- pay plans

// reserved names cannot be declared by a pay plan.
var reserved = map[string]bool{"score": true, "if": true, "then": true, "else": true, "and": true, "or": true, "not": true}

func (l *compiler) checkPayPlan(u *unit, p *policy.PayPlan) {
	if p.Scorecard != "" && p.PointsSystem != "" {
		l.errf(u, "/points_system", "a pay plan takes its score from a scorecard or a points system, not both")
	}
	names := map[string]formula.Type{}
	where := map[string]string{}
	declare := func(ptr, name string, t formula.Type) {
		if _, ok := formula.Functions[name]; ok || reserved[name] {
			l.verrf(u, ptr, "%q is reserved in formulas: choose another name", name)
			return
		}
		if w, ok := where[name]; ok {
			l.verrf(u, ptr, "name %q is already declared at line %s", name, u.line(w))
			return
		}
		names[name], where[name] = t, ptr
	}
	if p.Scorecard != "" || p.PointsSystem != "" {
		names["score"] = formula.Num
	}
	planValues(p)
	for i, pa := range p.Param {
		ptr := printf.Sprintf("/param/%d", i)
		declare(ptr+"/name", pa.Name, formula.Num)
		if pa.Value.Sign() < 0 {
			what := map[string]string{"money": "amount", "rate": "rate", "percent": "percentage", "count": "count"}[pa.Kind]
			l.verrf(u, ptr+"/value", "%s must not be negative: %s", word(what), pa.Value)
		}
		if pa.Kind == "money" && pa.Value.Round(2, exact.Down).Cmp(pa.Value) != 0 {
			l.verrf(u, ptr+"/value", "amount %s has more than two decimals: money is exact to the fen (0.01 元)", pa.Value)
		}
		if pa.Kind == "count" && !pa.Value.IsInteger() {
			l.verrf(u, ptr+"/value", "a count must be a whole number, not %s", pa.Value)
		}
		l.checkPersonal(u, ptr, &pa)
	}
	for i, in := range p.Input {
		t := formula.Num
		if in.Kind == "yesno" {
			t = formula.Bool
		}
		declare(printf.Sprintf("/input/%d/name", i), in.Name, t)
		if in.Event != "" && in.Kind != "count" {
			l.verrf(u, printf.Sprintf("/input/%d/event", i), "only an input of kind \"count\" can count a points event, not one of kind %q", in.Kind)
		}
		if in.Event != "" && p.PointsSystem == "" {
			l.verrf(u, printf.Sprintf("/input/%d/event", i), "event %q: the pay plan has no points_system to count it in", in.Event)
		}
		if in.Scorecard != "" && in.Kind != "score" {
			l.verrf(u, printf.Sprintf("/input/%d/scorecard", i), "only an input of kind \"score\" can take its value from a scorecard, not one of kind %q", in.Kind)
		}
	}
	tables := map[string]bool{}
	for i, t := range p.Table {
		ptr := printf.Sprintf("/table/%d", i)
		if tables[t.Name] {
			l.verrf(u, ptr+"/name", "table %q is already declared", t.Name)
		}
		tables[t.Name] = true
		rows := make([]row, len(t.Rows))
		for j, r := range t.Rows {
			rows[j] = row{printf.Sprintf("%s/rows/%d", ptr, j), r.Interval}
			if r.Value.Sign() < 0 {
				l.verrf(u, rows[j].ptr+"/value", "table value must not be negative: %s", r.Value)
			}
		}
		l.checkIntervals(u, rows)
	}
	env := formula.Env{Names: names, Tables: func(name string) bool {
		return tables[name] || l.coeffBands[name] || l.broken[policy.KindBands][name]
	}}
	for i := range p.Component {
		c := &p.Component[i]
		ptr := printf.Sprintf("/component/%d", i)
		c.Exprs = map[string]*formula.Expr{}
		keys := componentKeys(c)
		ledgerOnly := append(append([]string(nil), policy.LedgerKeys...), policy.LedgerOptional...)
		if c.Kind == policy.Ledger {
			if c.Formula != "" {
				l.errf(u, ptr+"/formula", "a ledger component has actual, base, target, rate, penalty, cap and factor instead of formula")
			}
			for _, t := range []struct{ key, title, example string }{{"floating_title", c.FloatingTitle, "浮动工资"}, {"penalty_title", c.PenaltyTitle, "扣发固定工资"}} {
				if t.title == "" {
					l.errf(u, ptr, "a ledger component needs %s: the title of its payslip line (e.g. %s)", t.key, t.example)
				}
			}
		} else {
			for _, k := range ledgerOnly {
				if c.Field(k) != "" {
					l.errf(u, ptr+"/"+k, "key %q applies only to kind = \"ledger\"", k)
				}
			}
			for _, t := range []struct{ key, title string }{{"floating_title", c.FloatingTitle}, {"penalty_title", c.PenaltyTitle}} {
				if t.title != "" {
					l.errf(u, ptr+"/"+t.key, "key %q applies only to kind = \"ledger\"", t.key)
				}
			}
		}
		for _, k := range keys {
			want := formula.Num
			if k == "exempt" {
				want = formula.Bool
			}
			if e := l.typedFormula(u, ptr+"/"+k, c.Field(k), env, want); e != nil {
				c.Exprs[k] = e
			}
		}
		declare(ptr+"/name", c.Name, formula.Num)
	}
	// A standing's measure is computed from inputs, parameters and the
	// score, not from pay components.
	standingNames := map[string]formula.Type{}
	for name, t := range names {
		if !slices.ContainsFunc(p.Component, func(c policy.Component) bool { return c.Name == name }) {
			standingNames[name] = t
		}
	}
	standingEnv := formula.Env{Names: standingNames, Tables: env.Tables}
	for i := range p.Standing {
		st := &p.Standing[i]
		ptr := printf.Sprintf("/standing/%d", i)
		st.Expr = l.typedFormula(u, ptr+"/measure", st.Measure, standingEnv, formula.Num)
	}
	unique(l, u, "standing name", p.Standing, each("/standing", "name"), func(s policy.Standing) string { return s.Name })
	// A fed item's input is computed from inputs and parameters only: not
	// from the score it goes into, nor from pay components.
	feedNames := map[string]formula.Type{}
	for name, t := range standingNames {
		if name != "score" {
			feedNames[name] = t
		}
	}
	feedEnv := formula.Env{Names: feedNames} // no lookups: the engine gives a feed none
	for i := range p.Feed {
		f := &p.Feed[i]
		ptr := printf.Sprintf("/feed/%d", i)
		if p.Scorecard == "" {
			l.verrf(u, ptr+"/item", "item %q: the pay plan has no scorecard to feed", f.Item)
		}
		f.Expr = l.typedFormula(u, ptr+"/formula", f.Formula, feedEnv, formula.Num)
	}
	unique(l, u, "fed item", p.Feed, each("/feed", "item"), func(f policy.Feed) string { return f.Item })
	p.Index()
	comps := map[string]bool{}
	for _, c := range p.Component {
		comps[c.Name] = true
	}
	for i, lr := range p.LeaveRule {
		for j, name := range lr.Components {
			if !comps[name] {
				var all []string
				for _, c := range p.Component {
					all = append(all, c.Name)
				}
				l.verrf(u, printf.Sprintf("/leave_rule/%d/components/%d", i, j), "unknown component %q%s", name, didYouMean(name, all))
			}
			for _, c := range p.Component {
				if c.Name == name && c.Kind == policy.Ledger {
					l.verrf(u, printf.Sprintf("/leave_rule/%d/components/%d", i, j), "a leave rule cannot change %q: a ledger settles quarter by quarter, and leaving is not one of its branches", name)
				}
			}
		}
	}
	unique(l, u, "provision id", p.Provision, each("/provision", "id"), func(pr policy.Provision) string { return pr.ID })
}

// checkPersonal checks a parameter a person may have their own value of:
// an amount or a percentage, with a range {min, max} of the parameter's own
// precision that holds the plan's value (the default).
func (l *compiler) checkPersonal(u *unit, ptr string, pa *policy.Param) {
	r := pa.Personal
	if r == nil {
		return
	}
	ptr += "/personal"
	if !slices.Contains(policy.PersonalKinds, pa.Kind) {
		l.errf(u, ptr, "a parameter of kind %q cannot be personal: only %s are a person's own amounts", pa.Kind, strings.Join(policy.PersonalKinds, ", "))
	}
	ok := true
	for _, b := range []struct {
		key string
		x   exact.Decimal
	}{{"min", r.Min}, {"max", r.Max}} {
		bad := true
		switch {
		case b.x.Sign() < 0:
			l.verrf(u, ptr+"/"+b.key, "%s must not be negative: %s", b.key, b.x)
		case pa.Kind == "money" && b.x.Round(2, exact.Down).Cmp(b.x) != 0:
			l.verrf(u, ptr+"/"+b.key, "amount %s has more than two decimals: money is exact to the fen (0.01 元)", b.x)
		case pa.Kind != "money" && b.x.Round(4, exact.Down).Cmp(b.x) != 0:
			l.verrf(u, ptr+"/"+b.key, "%s has more than four decimals: a percentage is exact to 0.0001", b.x)
		default:
			bad = false
		}
		ok = ok && !bad
	}
	if !ok {
		return
	}
	switch {
	case r.Min.Cmp(r.Max) > 0:
		l.verrf(u, ptr+"/max", "max %s is below min %s: the range is empty", r.Max, r.Min)
	case pa.Value.Cmp(r.Min) < 0:
		l.verrf(u, ptr+"/min", "min %s is above the value %s: the range must hold the plan's value, the default of whoever is given none", r.Min, pa.Value)
	case pa.Value.Cmp(r.Max) > 0:
		l.verrf(u, ptr+"/max", "max %s is below the value %s: the range must hold the plan's value, the default of whoever is given none", r.Max, pa.Value)
	}
}
