package diff

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Person is one synthetic employee: a role and the cases of the three
// settlements that contain a month (the month, its quarter and its year).
type Person struct {
	ID    string
	Role  string
	Cases [3]engine.Case // month, quarter, year
}

// Settlements returns the month, the quarter and the year that contain the
// month m, in that order.
func Settlements(m engine.Period) [3]engine.Period {
	return [3]engine.Period{
		m,
		{Kind: policy.Quarterly, Year: m.Year, Quarter: (m.Month-1)/3 + 1},
		{Kind: policy.Annual, Year: m.Year},
	}
}

// PaidRoles returns the ids of the roles of h that have a pay plan in effect
// on the last day of month m, sorted.
func PaidRoles(h *policy.Handbook, m engine.Period) []string {
	d := m.Settled()
	var ids []string
	for _, p := range h.All() {
		r, ok := p.(*policy.Role)
		if !ok || r.PayPlan == "" || !r.InEffect(d) || h.At(policy.KindPayPlan, r.PayPlan, d) == nil {
			continue
		}
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	return slices.Compact(ids)
}

// Population generates n people, spread in turn over every role of h that has
// a pay plan in effect in month m, with random inputs for everything the
// role's policies declare: every item of its scorecards, every pay input,
// the month under the plan's points system, earlier quarters of a quarterly
// ledger, and a red line touched now and then. The same handbook, month, n
// and seed always give the same people. Random numbers choose inputs only;
// every input is an exact decimal.
func Population(h *policy.Handbook, m engine.Period, n int, seed uint64) []Person {
	roles := PaidRoles(h, m)
	if len(roles) == 0 {
		return nil
	}
	g := &gen{h: h, r: rand.New(rand.NewPCG(seed, 0x6b6566752d6872))} // "kefu-hr"
	people := make([]Person, n)
	per := Settlements(m)
	for i := range people {
		p := &people[i]
		p.ID = fmt.Sprintf("P%04d", i+1)
		p.Role = roles[i%len(roles)]
		// Most people do well enough to earn a bonus; some do not.
		if g.r.IntN(5) == 0 {
			g.ability = 200 + g.r.IntN(400)
		} else {
			g.ability = 600 + g.r.IntN(401)
		}
		for j, period := range per {
			p.Cases[j] = g.person(p.ID, p.Role, period)
		}
	}
	return people
}

// gen draws inputs from one random stream, in a fixed order.
type gen struct {
	h       *policy.Handbook
	r       *rand.Rand
	ability int // the current person's, in permille
}

// person draws one case of a person for one settlement, from the policies
// in effect on the day it is settled.
func (g *gen) person(id, roleID string, per engine.Period) engine.Case {
	c := engine.Case{Person: id, Role: roleID, Period: per, NoTrace: true}
	d := per.Settled()
	role, _ := g.h.At(policy.KindRole, roleID, d).(*policy.Role)
	if role == nil {
		return c // computing reports the missing role
	}
	plan, _ := g.h.At(policy.KindPayPlan, role.PayPlan, d).(*policy.PayPlan)
	if plan == nil {
		return c
	}
	needScore := engine.UsesScore(plan, per.Kind)
	for _, scID := range role.Scorecards {
		sc, _ := g.h.At(policy.KindScorecard, scID, d).(*policy.Scorecard)
		if sc == nil || (sc.Period != per.Kind && !(scID == plan.Scorecard && needScore)) {
			continue
		}
		if c.Scorecards == nil {
			c.Scorecards = map[string]map[string]engine.ItemInput{}
		}
		items := map[string]engine.ItemInput{}
		for pi := range sc.Part {
			for ii := range sc.Part[pi].Item {
				it := &sc.Part[pi].Item[ii]
				items[it.ID] = g.item(it)
			}
		}
		c.Scorecards[scID] = items
	}
	c.Pay = g.payInputs(plan, per.Kind)
	if items := c.Scorecards[plan.Scorecard]; items != nil {
		for i := range plan.Feed {
			f := &plan.Feed[i]
			if _, ok, err := engine.FedItem(plan, f, nil, c.Pay, nil); ok && err == nil {
				delete(items, f.Item) // the engine computes it from the pay inputs
			}
		}
	}
	for _, def := range plan.Input {
		if _, computed := c.Scorecards[def.Scorecard]; computed && def.Scorecard != "" {
			delete(c.Pay, def.Name) // the engine takes it from the scorecard
		}
	}
	if plan.PointsSystem != "" {
		if ps, _ := g.h.At(policy.KindPoints, plan.PointsSystem, d).(*policy.Points); ps != nil && (ps.Period == per.Kind || needScore) {
			c.Points = g.points(ps)
		}
	}
	if c.Points != nil {
		for _, def := range plan.Input {
			if def.Event != "" {
				delete(c.Pay, def.Name) // the engine counts it in the points
			}
		}
	}
	if plan.RedLines != "" && g.r.IntN(40) == 0 {
		if rl, _ := g.h.At(policy.KindRedLines, plan.RedLines, d).(*policy.RedLines); rl != nil && len(rl.Line) > 0 {
			c.RedLines = []string{rl.Line[g.r.IntN(len(rl.Line))].ID}
		}
	}
	if per.Kind == policy.Quarterly && plan.HasLedger() {
		// Up to three earlier quarters, oldest first, so that shortfalls and
		// excesses are carried into the settled quarter.
		n := g.r.IntN(4)
		for k := n; k >= 1; k-- {
			q := per.Quarter - k
			y := per.Year
			for q < 1 {
				q += 4
				y--
			}
			label := engine.Period{Kind: policy.Quarterly, Year: y, Quarter: q}.String()
			score := g.score()
			c.History = append(c.History, engine.Quarter{Label: label, Values: g.payInputs(plan, policy.Quarterly), Score: &score})
		}
	}
	return c
}

// payInputs draws the plan's inputs for a settlement of kind period: those
// declared for that period or for every period, and any other a component of
// that period uses.
func (g *gen) payInputs(plan *policy.PayPlan, period policy.PeriodKind) map[string]formula.Value {
	scale := moneyScale(plan)
	out := map[string]formula.Value{}
	for _, def := range plan.Input {
		if def.Period != "" && def.Period != period && !plan.Uses(period, def.Name) {
			continue
		}
		switch {
		case def.Kind == "score":
			out[def.Name] = formula.Value{Num: g.score()}
		case def.Kind != "yesno" && onlyDeducted(plan, def.Name):
			// what a penalty is computed from: mostly nothing, else a little
			x := exact.FromInt(0)
			if g.r.IntN(4) == 0 {
				switch def.Kind {
				case "money":
					x = g.decimal(1000, 99999, -2) // 10.00–999.99 元
				case "count":
					x = g.decimal(1, 2, 0)
				default:
					x = g.decimal(1, 500, -2) // 0.01–5.00
				}
			}
			out[def.Name] = formula.Value{Num: x}
		default:
			out[def.Name] = g.value(def.Kind, scale, nil)
		}
	}
	return out
}

// score draws a score out of 100 that follows the person's ability.
func (g *gen) score() exact.Decimal {
	return exact.FromInt(int64(g.skill())).Shift(-1).Add(g.decimal(0, 9, -2)).Round(2, exact.HalfUp)
}

// onlyDeducted reports whether every component that uses an input is a
// deduction: the input is a penalty.
func onlyDeducted(plan *policy.PayPlan, name string) bool {
	used := false
	for i := range plan.Component {
		c := &plan.Component[i]
		for _, e := range c.Exprs {
			if slices.Contains(e.Names(), name) {
				if c.Kind != policy.Deduction {
					return false
				}
				used = true
			}
		}
	}
	return used
}

// moneyScale is the largest money parameter of a plan (at least 10 000 元):
// money inputs are drawn up to about twice its order of magnitude.
func moneyScale(plan *policy.PayPlan) exact.Decimal {
	s := exact.FromInt(10000)
	for _, p := range plan.Param {
		if p.Kind == "money" && p.Value.Cmp(s) > 0 {
			s = p.Value
		}
	}
	return s
}

// digits returns the number of digits of the integer part of x ≥ 1.
func digits(x exact.Decimal) int {
	n := 0
	ten := exact.FromInt(10)
	for one := exact.FromInt(1); x.Cmp(one) >= 0; n++ {
		x, _ = x.Quo(ten)
	}
	return n
}

// decimal draws lo…hi (inclusive) shifted by places: decimal(0, 12000, -2)
// is 0.00 to 120.00.
func (g *gen) decimal(lo, hi int64, places int32) exact.Decimal {
	return exact.FromInt(lo + g.r.Int64N(hi-lo+1)).Shift(places)
}

// money draws an amount spread evenly over the orders of magnitude from
// 100 元 to scale's, with cents; one in ten is 0.
func (g *gen) money(scale exact.Decimal) exact.Decimal {
	if g.r.IntN(10) == 0 {
		return exact.FromInt(0)
	}
	top := digits(scale)
	e := 2 + g.r.IntN(max(top-2, 1)) // [10^2, 10^top)
	x := exact.FromInt(int64(100 + g.r.IntN(900))).Shift(int32(e - 2))
	return x.Add(g.decimal(0, 99, -2))
}

// value draws a value of an input kind, at most max when given.
func (g *gen) value(kind string, scale exact.Decimal, max *exact.Decimal) formula.Value {
	var x exact.Decimal
	switch kind {
	case "yesno":
		return formula.Value{IsBool: true, Bool: g.r.IntN(2) == 0}
	case "money":
		x = g.money(scale)
	case "count":
		x = exact.FromInt(int64(g.r.IntN(6)))
	case "percent":
		if g.r.IntN(2) == 0 {
			x = g.decimal(8000, 13000, -2) // around 100%: quotas and completion rates
		} else {
			x = g.decimal(0, 15000, -2)
		}
	case "rate":
		x = g.decimal(0, 2000, -2)
	case "hours":
		x = g.decimal(0, 400, -1)
	default: // score, level and anything new: 0–100, mostly in the upper half
		if g.r.IntN(4) == 0 {
			x = g.decimal(0, 10000, -2)
		} else {
			x = g.decimal(5000, 10000, -2)
		}
	}
	if max != nil && x.Cmp(*max) > 0 {
		x = *max
	}
	return formula.Value{Num: x}
}

// skill draws how well the person did on one item, in permille: the
// person's ability give or take 15%.
func (g *gen) skill() int {
	return min(max(g.ability+g.r.IntN(301)-150, 0), 1000)
}

// item draws the input of one scorecard item with its kind
// (policy.ScoringRule.Sample), better inputs for abler people.
func (g *gen) item(it *policy.Item) engine.ItemInput {
	f := g.skill()
	good := g.r.IntN(1000) < f
	if it.Rule == nil {
		kind := ""
		if it.Input != nil {
			kind = it.Input.Kind
		}
		x := g.between(exact.FromInt(0), exact.FromInt(100), kind)
		return engine.ItemInput{Value: &x}
	}
	return it.Rule.Sample(it, &sampler{g, f, good})
}

// sampler is a gen drawing one item, with the person's skill on it.
type sampler struct {
	g    *gen
	f    int
	good bool
}

func (s *sampler) Skill() int     { return s.f }
func (s *sampler) Good() bool     { return s.good }
func (s *sampler) IntN(n int) int { return s.g.r.IntN(n) }
func (s *sampler) Between(lo, hi exact.Decimal, kind string) exact.Decimal {
	return s.g.between(lo, hi, kind)
}
func (s *sampler) Whole(x exact.Decimal, kind string) exact.Decimal { return s.g.whole(x, kind) }
func (s *sampler) Value(kind string, scale exact.Decimal, max *exact.Decimal) formula.Value {
	return s.g.value(kind, scale, max)
}

// between draws lo ≤ x < hi in hundredths (whole numbers for counts).
func (g *gen) between(lo, hi exact.Decimal, kind string) exact.Decimal {
	if kind == "count" {
		lo, hi = ceil(lo), ceil(hi)
		n, ok := toInt(hi.Sub(lo))
		if !ok || n <= 0 {
			return lo
		}
		return lo.Add(exact.FromInt(g.r.Int64N(n)))
	}
	n, ok := toInt(hi.Sub(lo).Shift(2))
	if !ok || n <= 0 {
		return lo
	}
	return lo.Add(exact.FromInt(g.r.Int64N(n)).Shift(-2))
}

// ceil returns the least integer not below x.
func ceil(x exact.Decimal) exact.Decimal { return x.Neg().Floor().Neg() }

// toInt returns the integer part of x ≥ 0.
func toInt(x exact.Decimal) (int64, bool) {
	whole, _, _ := strings.Cut(x.Floor().String(), ".")
	n, err := strconv.ParseInt(whole, 10, 64)
	return n, err == nil
}

// whole rounds counts down to whole numbers.
func (g *gen) whole(x exact.Decimal, kind string) exact.Decimal {
	if kind == "count" {
		return x.Floor()
	}
	return x.Round(2, exact.HalfUp)
}

// points draws a month under a points system: a few occurrences of the fixed
// events, now and then an award, and shortfalls on the ladders.
func (g *gen) points(ps *policy.Points) *engine.PointsInput {
	in := &engine.PointsInput{Events: map[string]int{}, Awards: map[string][]exact.Decimal{}}
	for _, e := range ps.Event {
		switch {
		case e.Discretionary:
			if g.r.IntN(5) == 0 && e.Max != nil {
				in.Awards[e.ID] = append(in.Awards[e.ID], e.Max.Mul(exact.FromInt(int64(g.r.IntN(5)))).Shift(-2).Mul(exact.FromInt(25)))
			}
		case g.r.IntN(4) == 0:
			in.Events[e.ID] = 1 + g.r.IntN(2)
		}
	}
	for _, l := range ps.Ladder {
		if g.r.IntN(3) != 0 || len(l.Steps) == 0 {
			continue
		}
		occ := 1 + g.r.IntN(len(l.Steps)+1)
		hi := l.Steps[0].Below
		for _, s := range l.Steps {
			if s.Below.Cmp(hi) > 0 {
				hi = s.Below
			}
		}
		rate := g.between(exact.FromInt(0), hi.Add(exact.FromInt(10)), "")
		// Each step's extra condition holds or not, drawn at once.
		var conds []int
		for _, s := range l.Steps {
			if s.Condition != "" {
				conds = append(conds, s.Occurrence)
			}
		}
		var met []int
		for i, bits := 0, g.r.IntN(1<<len(conds)); i < len(conds); i++ {
			if bits>>i&1 == 1 {
				met = append(met, conds[i])
			}
		}
		in.Shortfalls = append(in.Shortfalls, engine.LadderShortfall{Ladder: l.ID, Occurrence: occ, Rate: rate, Met: met})
	}
	return in
}
