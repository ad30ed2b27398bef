package calculator

import (
	"maps"
	"slices"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/internal/sorted"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Next is what it takes to do better, from the inputs as they are: found
// by the engine over each item's boundary probes (policy.ScoringRule.Probes,
// the inputs just below, at and just above every threshold, every level and
// choice), and for the ledger by bisection over the quarter's collection.
type Next struct {
	// Items gives, for each item that can earn more, the nearest input
	// that does: the next tier or level and the points it adds.
	Items []ItemNext
	// Bands gives, for each scorecard with a K or grade table, the
	// smallest change of one item that lifts the total into the next band,
	// and what that does to pay; none when no single item can.
	Bands []BandNext
	// Ledger is what collection this quarter reaches the base, the target
	// and makes up an earlier shortfall; nil without a ledger.
	Ledger *LedgerGoal
}

// ItemNext is the next tier or level of an item.
type ItemNext struct {
	Card, Item, Title string
	// Values are the text to enter, at the item's paths; Label is how the
	// probe names the input (92.99, 是, 3级).
	Values []inputs.Value
	Label  string
	// Points are the item's points with it, Adds the points added.
	Points, Adds string
}

// BandNext is the smallest change of one item that lifts a card's total
// into its next band.
type BandNext struct {
	Card        string
	Item, Title string
	Values      []inputs.Value
	Label       string
	// Total, K and Grade are the card's after the change.
	Total, K, Grade string
	// PayTotal is the period's pay after the change and PayChange the
	// difference; both "" when the role's plan does not pay in the period.
	PayTotal, PayChange string
}

// LedgerGoal is what this quarter's collection must be for the ledger to
// reach its base, its target, and to make up the shortfall of earlier
// quarters. A goal is nil when no collection the inputs allow reaches it,
// or (MakeUp) when there is nothing to make up.
type LedgerGoal struct {
	Path                 string // the field of the collection: pay.NAME
	Actual               string // the collection as entered
	Base, Target, MakeUp *Goal
	// Exempt: the quarter bears no target (a new hire's first quarter, say),
	// so no collection changes its bonus, and there are no goals.
	Exempt bool
}

// Goal is the least collection that reaches a goal, and the pay it gives.
type Goal struct {
	Collection, PayTotal, PayChange string
	Reached                         bool // the collection entered reaches it already
}

func zero() exact.Decimal { return exact.FromInt(0) }

// next finds what it takes, from a computed case and its result.
func (c *Calculator) next(cs *engine.Case, r engine.Result) Next {
	var n Next
	day := cs.Period.Settled()
	t := engine.On(c.h, day)
	role, _ := c.h.At(policy.KindRole, cs.Role, day).(*policy.Role)
	var plan *policy.PayPlan
	if role != nil && role.PayPlan != "" {
		plan, _ = c.h.At(policy.KindPayPlan, role.PayPlan, day).(*policy.PayPlan)
	}
	payNow := payTotal(r)
	for _, s := range r.Scores {
		sc, _ := c.h.At(policy.KindScorecard, s.Scorecard, day).(*policy.Scorecard)
		if sc == nil {
			continue
		}
		in, fed := c.cardInputs(plan, sc.ID, cs)
		if in == nil {
			continue
		}
		items, best, bestIn := cardNext(sc, in, fed, s, t)
		n.Items = append(n.Items, items...)
		if best != nil {
			if payNow != nil {
				cs2 := *cs
				cs2.Scorecards = maps.Clone(cs.Scorecards)
				items := maps.Clone(cs.Scorecards[sc.ID])
				items[best.Item] = bestIn
				cs2.Scorecards[sc.ID] = items
				if total, ok := computePay(c.h, cs2); ok {
					best.PayTotal, best.PayChange = total.String(), total.Sub(*payNow).String()
				}
			}
			n.Bands = append(n.Bands, *best)
		}
	}
	if plan != nil && len(r.Ledger) > 0 {
		n.Ledger = c.ledgerGoal(plan, cs, r, payNow)
	}
	return n
}

// cardNext finds the next tier of each item of a card scored s from in
// (but the fed items), and the smallest one-item change into the next band
// with the input it takes (nil when no single item's probe reaches it).
func cardNext(sc *policy.Scorecard, in map[string]engine.ItemInput, fed map[string]bool, s engine.ScoreResult, t engine.Tables) ([]ItemNext, *BandNext, engine.ItemInput) {
	var items []ItemNext
	var best *BandNext
	var bestTotal exact.Decimal
	var bestIn engine.ItemInput
	for pi := range sc.Part {
		for ii := range sc.Part[pi].Item {
			it := &sc.Part[pi].Item[ii]
			if fed[it.ID] || it.Rule == nil {
				continue
			}
			if next, ok := itemNext(sc.ID, it, in[it.ID]); ok {
				items = append(items, next)
			}
			for _, pr := range probesByDistance(it, in[it.ID]) {
				changed := maps.Clone(in)
				changed[it.ID] = pr.In
				s2, err := engine.ScoreTotal(sc, changed, t)
				if err != nil || s2.Total.Cmp(s.Total) <= 0 || sameBand(s, s2) {
					continue
				}
				if best == nil || s2.Total.Cmp(bestTotal) < 0 {
					b := BandNext{Card: sc.ID, Item: it.ID, Title: it.Title, Values: itemValues(sc.ID, it.ID, pr.In), Label: pr.Label, Total: s2.Total.String(), Grade: s2.Grade}
					if s2.K != nil {
						b.K = s2.K.String()
					}
					best, bestTotal, bestIn = &b, s2.Total, pr.In
				}
				break // the nearest probe of this item that changes the band
			}
		}
	}
	return items, best, bestIn
}

// cardInputs returns a card's item inputs as the engine scores them (the
// items a pay plan feeds computed from the pay inputs), and which items
// are fed: their inputs are not the person's to change.
func (c *Calculator) cardInputs(plan *policy.PayPlan, card string, cs *engine.Case) (map[string]engine.ItemInput, map[string]bool) {
	in := cs.Scorecards[card]
	fed := map[string]bool{}
	if plan != nil && plan.Scorecard == card && len(plan.Feed) > 0 && in != nil {
		items, _, err := engine.FedItems(plan, in, cs.Pay, cs.Own)
		if err != nil {
			return nil, nil
		}
		for _, f := range plan.Feed {
			fed[f.Item] = true
		}
		in = items
	}
	return in, fed
}

// itemNext finds the next tier or level of an item: of the probes that
// score more than the input does, those that score least, and of them the
// nearest to the input.
func itemNext(card string, it *policy.Item, in engine.ItemInput) (ItemNext, bool) {
	now, _, err := engine.ScoreItem(it, in)
	if err != nil {
		return ItemNext{}, false
	}
	var best *policy.Probe
	var bestPoints, bestDist exact.Decimal
	for _, pr := range candidates(it) {
		p, _, err := engine.ScoreItem(it, pr.In)
		if err != nil || p.Cmp(now) <= 0 {
			continue
		}
		d := distance(in, pr.In)
		if best == nil || p.Cmp(bestPoints) < 0 || p.Cmp(bestPoints) == 0 && d.Cmp(bestDist) < 0 {
			pr := pr
			best, bestPoints, bestDist = &pr, p, d
		}
	}
	if best == nil {
		return ItemNext{}, false
	}
	return ItemNext{Card: card, Item: it.ID, Title: it.Title, Values: itemValues(card, it.ID, best.In), Label: best.Label,
		Points: bestPoints.String(), Adds: bestPoints.Sub(now).String()}, true
}

// candidates are the inputs tried for an item: its rule's probes; for a
// linear rule instead the least input of each score it gives
// (LinearRule.Steps), and none for a formula, whose one probe, every input
// 0, is coverage's, not a change a person would make (a review saw the
// page advise planning and winning no new customers). A linear rule's
// probes try one step either side of par and forty up, so that the
// smallest change into the next band could be missed: the same review saw
// a band skipped and ten times the number it took asked for.
func candidates(it *policy.Item) []policy.Probe {
	switch r := it.Rule.(type) {
	case *policy.FormulaRule:
		return nil
	case *policy.LinearRule:
		return r.Steps(it)
	default:
		return it.Rule.Probes(it)
	}
}

// probesByDistance returns an item's probes that score more than in does,
// nearest first (ties in the probes' order).
func probesByDistance(it *policy.Item, in engine.ItemInput) []policy.Probe {
	if it == nil || it.Rule == nil {
		return nil
	}
	now, _, err := engine.ScoreItem(it, in)
	if err != nil {
		return nil
	}
	var out []policy.Probe
	for _, pr := range candidates(it) {
		if p, _, err := engine.ScoreItem(it, pr.In); err == nil && p.Cmp(now) > 0 {
			out = append(out, pr)
		}
	}
	sorted.StableFunc(out, func(a, b policy.Probe) int { return distance(in, a.In).Cmp(distance(in, b.In)) })
	return out
}

// distance is how far an input is from another: the difference of the
// numbers or levels, 0 for a yes/no, a choice or checks (which the
// probes' points order).
func distance(a, b engine.ItemInput) exact.Decimal {
	switch {
	case a.Value != nil && b.Value != nil:
		d := a.Value.Sub(*b.Value)
		if d.Sign() < 0 {
			d = d.Neg()
		}
		return d
	case a.Level != 0 || b.Level != 0:
		d := a.Level - b.Level
		if d < 0 {
			d = -d
		}
		return exact.FromInt(int64(d))
	case a.Named != nil && b.Named != nil:
		sum := zero()
		for k, v := range b.Named {
			d := v.Num.Sub(a.Named[k].Num)
			if d.Sign() < 0 {
				d = d.Neg()
			}
			sum = sum.Add(d)
		}
		return sum
	}
	return zero()
}

// sameBand reports whether two results of a card are in the same K band
// and grade.
func sameBand(a, b engine.ScoreResult) bool {
	if (a.K == nil) != (b.K == nil) || a.K != nil && a.K.Cmp(*b.K) != 0 {
		return false
	}
	return a.Grade == b.Grade
}

// itemValues writes an item's input as the text of its fields.
func itemValues(card, id string, in engine.ItemInput) []inputs.Value {
	return inputs.ItemValues(card, id, in)
}

// payTotal is a result's pay total, nil without pay.
func payTotal(r engine.Result) *exact.Decimal {
	if r.Pay == nil {
		return nil
	}
	t := r.Pay.Total
	return &t
}

// computePay computes a case untraced and returns its pay total.
func computePay(h *policy.Handbook, cs engine.Case) (exact.Decimal, bool) {
	cs.NoTrace = true
	r, err := engine.Compute(h, cs)
	if err != nil || r.Pay == nil {
		return exact.Decimal{}, false
	}
	return r.Pay.Total, true
}

// maxCollection is the largest collection tried: the bound of money inputs.
var maxCollection = inputs.Bounds["money"].Max

// ledgerGoal finds the collections that reach the ledger's base and target
// and make up earlier shortfalls, by bisection to the fen over the one pay
// input the ledger's actual amount is computed from. Each goal is monotone
// in the collection (more never falls back below the base, the target or
// into a shortfall), which the tests check against every fen near it.
func (c *Calculator) ledgerGoal(plan *policy.PayPlan, cs *engine.Case, r engine.Result, payNow *exact.Decimal) *LedgerGoal {
	name, direct := collectionInput(plan)
	if name == "" || cs.Pay == nil {
		return nil
	}
	cur, ok := cs.Pay[name]
	if !ok {
		return nil
	}
	g := &LedgerGoal{Path: "pay." + name, Actual: cur.Num.String()}
	base := withoutFed(plan, cs)
	last := func(x exact.Decimal) (engine.LedgerEntry, *exact.Decimal, bool) {
		cs2 := base
		cs2.NoTrace = true
		cs2.Pay = maps.Clone(cs.Pay)
		cs2.Pay[name] = formula.Value{Num: x}
		r2, err := engine.Compute(c.h, cs2)
		if err != nil || len(r2.Ledger) == 0 {
			return engine.LedgerEntry{}, nil, false
		}
		return r2.Ledger[len(r2.Ledger)-1], payTotal(r2), true
	}
	// The goals are thresholds on the quarter's X plus the excess carried
	// in: the base; the base plus the shortfall outstanding before the
	// quarter; the target plus that shortfall. When X is the collection
	// itself, each goal is tried there first and confirmed by the engine
	// (it holds there and not a fen below); otherwise, or when the engine
	// does not confirm it, it is found by bisection.
	e := r.Ledger[len(r.Ledger)-1]
	if e.Branch == "exempt" {
		// Every goal would be "reached" by any collection: say why instead
		// (a review found the page telling a new hire below the base that
		// the base was reached).
		g.Exempt = true
		return g
	}
	owed := zero()
	if n := len(r.Ledger); n >= 2 {
		for _, s := range r.Ledger[n-2].Outstanding {
			owed = owed.Add(s.Amount)
		}
	}
	fen := exact.MustParse("0.01")
	goal := func(threshold exact.Decimal, reached func(engine.LedgerEntry) bool) *Goal {
		if e, _, ok := last(cur.Num); ok && reached(e) {
			out := &Goal{Collection: cur.Num.String(), Reached: true}
			if payNow != nil {
				out.PayTotal, out.PayChange = payNow.String(), "0.00"
			}
			return out
		}
		holds := func(x exact.Decimal) bool {
			e, _, ok := last(x)
			return ok && reached(e)
		}
		x, ok := exact.Max(zero(), threshold.Sub(e.CarriedIn)), false
		if direct && holds(x) && (x.Sign() == 0 || !holds(x.Sub(fen))) {
			ok = true
		} else {
			x, ok = Least(holds, maxCollection)
		}
		if !ok {
			return nil
		}
		out := &Goal{Collection: x.String()}
		if _, pay, ok := last(x); ok && pay != nil && payNow != nil {
			out.PayTotal, out.PayChange = pay.String(), pay.Sub(*payNow).String()
		}
		return out
	}
	g.Base = goal(e.Base, func(e engine.LedgerEntry) bool { return e.Branch != "below-base" })
	g.Target = goal(e.Target.Add(owed), func(e engine.LedgerEntry) bool {
		return e.Branch == "target" || e.Branch == "above-cap" || e.Branch == "exempt"
	})
	if owed.Sign() > 0 {
		g.MakeUp = goal(e.Base.Add(owed), func(e engine.LedgerEntry) bool { return len(e.Outstanding) == 0 })
	}
	return g
}

// withoutFed returns the case without the inputs of the items its plan
// computes from the pay inputs (given, they must agree with the pay
// inputs, which a changed collection changes).
func withoutFed(plan *policy.PayPlan, cs *engine.Case) engine.Case {
	out := *cs
	if len(plan.Feed) == 0 || cs.Scorecards[plan.Scorecard] == nil {
		return out
	}
	out.Scorecards = maps.Clone(cs.Scorecards)
	items := maps.Clone(cs.Scorecards[plan.Scorecard])
	for _, f := range plan.Feed {
		delete(items, f.Item)
	}
	out.Scorecards[plan.Scorecard] = items
	return out
}

// collectionInput is the one money input of a plan its ledger's actual
// amount is computed from ("" when there is none or more than one), and
// whether the actual amount is that input itself.
func collectionInput(plan *policy.PayPlan) (string, bool) {
	for i := range plan.Component {
		comp := &plan.Component[i]
		actual := comp.Exprs["actual"]
		if comp.Kind != policy.Ledger || actual == nil {
			continue
		}
		var found []string
		for _, n := range actual.Names() {
			for j := range plan.Input {
				if in := &plan.Input[j]; in.Name == n && in.Kind == "money" && !slices.Contains(found, n) {
					found = append(found, n)
				}
			}
		}
		if len(found) == 1 {
			return found[0], actual.String() == found[0]
		}
	}
	return "", false
}

// Least returns the least amount x, to the fen, in [0, max] for which
// reached(x) holds, given that reached is monotone (once true, true for
// every larger amount); false when reached(max) does not hold.
func Least(reached func(exact.Decimal) bool, max exact.Decimal) (exact.Decimal, bool) {
	hi, ok := max.Scaled(2)
	if !ok || !reached(max) {
		return exact.Decimal{}, false
	}
	lo := int64(-1) // reached(lo) is false or lo is below the range
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if reached(exact.FromScaled(mid, 2)) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return exact.FromScaled(hi, 2), true
}
