package calculator

import (
	"maps"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestItemNextAgainstEveryProbe: for every item of every scorecard version
// and every probe of it taken as the input, the next tier is the least
// score above the input's among all the item's probes, each scored by the
// engine's traced path (engine.Score of the item alone), and of those the
// nearest input.
func TestItemNextAgainstEveryProbe(t *testing.T) {
	calc := shipped(t)
	checked := 0
	for _, p := range calc.Handbook().All() {
		sc, ok := p.(*policy.Scorecard)
		if !ok {
			continue
		}
		for pi := range sc.Part {
			for ii := range sc.Part[pi].Item {
				it := &sc.Part[pi].Item[ii]
				probes := candidates(it)
				points := make([]*exact.Decimal, len(probes))
				for i, pr := range probes {
					if x, _, err := engine.ScoreItem(it, pr.In); err == nil {
						points[i] = &x
					}
				}
				for i, cur := range probes {
					if points[i] == nil {
						continue
					}
					// Brute force: the least points above the input's, then the nearest.
					want := -1
					for j := range probes {
						if points[j] == nil || points[j].Cmp(*points[i]) <= 0 {
							continue
						}
						if want < 0 || points[j].Cmp(*points[want]) < 0 ||
							points[j].Cmp(*points[want]) == 0 && distance(cur.In, probes[j].In).Cmp(distance(cur.In, probes[want].In)) < 0 {
							want = j
						}
					}
					got, ok := itemNext(sc.ID, it, cur.In)
					switch {
					case want < 0 && ok:
						t.Errorf("%s#%s at %s: next %s, but no probe scores more", sc.ID, it.ID, cur.Label, got.Label)
					case want >= 0 && !ok:
						t.Errorf("%s#%s at %s: no next, but %s scores %s", sc.ID, it.ID, cur.Label, probes[want].Label, points[want])
					case want >= 0 && (got.Points != points[want].String() || got.Adds != points[want].Sub(*points[i]).String()):
						t.Errorf("%s#%s at %s: next %s (%s, +%s), brute force %s (%s)", sc.ID, it.ID, cur.Label, got.Label, got.Points, got.Adds, probes[want].Label, points[want])
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no probe checked")
	}
	t.Logf("%d probes checked", checked)
}

// TestBandNextAgainstEveryProbe: for every worked case, the smallest
// one-item change into the next band is, among every probe of every item
// (scored by the traced engine.Score of the whole card), the one that
// changes the card's K or grade with the least total above today's.
func TestBandNextAgainstEveryProbe(t *testing.T) {
	calc := shipped(t)
	h := calc.Handbook()
	seen := 0
	for _, wc := range workedCases(t, h) {
		a := calc.Compute(wc.req)
		if len(a.Problems) > 0 {
			t.Fatalf("%s: %v", wc.name, a.Problems)
		}
		day := wc.c.Period.Settled()
		tables := engine.On(h, day)
		role, _ := h.At(policy.KindRole, wc.c.Role, day).(*policy.Role)
		var plan *policy.PayPlan
		if role.PayPlan != "" {
			plan, _ = h.At(policy.KindPayPlan, role.PayPlan, day).(*policy.PayPlan)
		}
		for _, card := range a.Cards {
			sc, _ := h.At(policy.KindScorecard, card.ID, day).(*policy.Scorecard)
			in, fed := calc.cardInputs(plan, sc.ID, wc.c)
			now, err := engine.Score(sc, in, tables)
			if err != nil {
				t.Fatalf("%s: %v", wc.name, err)
			}
			var want *exact.Decimal
			for pi := range sc.Part {
				for ii := range sc.Part[pi].Item {
					it := &sc.Part[pi].Item[ii]
					if fed[it.ID] {
						continue
					}
					for _, pr := range candidates(it) {
						changed := maps.Clone(in)
						changed[it.ID] = pr.In
						s, err := engine.Score(sc, changed, tables)
						if err != nil || s.Total.Cmp(now.Total) <= 0 || sameBand(now, s) {
							continue
						}
						if want == nil || s.Total.Cmp(*want) < 0 {
							x := s.Total
							want = &x
						}
					}
				}
			}
			var got *BandNext
			for i := range a.Next.Bands {
				if a.Next.Bands[i].Card == card.ID {
					got = &a.Next.Bands[i]
				}
			}
			switch {
			case want == nil && got != nil:
				t.Errorf("%s %s: next band by %s, but no probe changes the band", wc.name, card.ID, got.Label)
			case want != nil && got == nil:
				t.Errorf("%s %s: no next band, but a probe reaches %s", wc.name, card.ID, want)
			case want != nil && got.Total != want.String():
				t.Errorf("%s %s: next band at total %s, brute force %s", wc.name, card.ID, got.Total, want)
			case got != nil:
				seen++
				if got.PayTotal == "" && a.Pay != nil && plan != nil && engine.UsesScore(plan, wc.c.Period.Kind) {
					t.Errorf("%s %s: no pay effect of the next band", wc.name, card.ID)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no worked case has a next band")
	}
}

// TestLedgerGoalsAreTheLeastCollections: for every worked case with a
// ledger, each goal holds at its collection and not a fen below it, and
// holds at every larger collection sampled (the monotonicity the bisection
// relies on), each computed by the engine.
func TestLedgerGoalsAreTheLeastCollections(t *testing.T) {
	calc := shipped(t)
	h := calc.Handbook()
	seen := 0
	for _, wc := range workedCases(t, h) {
		a := calc.Compute(wc.req)
		g := a.Next.Ledger
		if g == nil {
			continue
		}
		name := g.Path[len("pay."):]
		day := wc.c.Period.Settled()
		role, _ := h.At(policy.KindRole, wc.c.Role, day).(*policy.Role)
		plan, _ := h.At(policy.KindPayPlan, role.PayPlan, day).(*policy.PayPlan)
		last := func(x exact.Decimal) engine.LedgerEntry {
			cs := withoutFed(plan, wc.c)
			cs.Pay = maps.Clone(cs.Pay)
			cs.Pay[name] = formula.Value{Num: x}
			r, err := engine.Compute(h, cs)
			if err != nil {
				t.Fatalf("%s at %s: %v", wc.name, x, err)
			}
			return r.Ledger[len(r.Ledger)-1]
		}
		goals := []struct {
			name    string
			g       *Goal
			reached func(engine.LedgerEntry) bool
		}{
			{"base", g.Base, func(e engine.LedgerEntry) bool { return e.Branch != "below-base" }},
			{"target", g.Target, func(e engine.LedgerEntry) bool {
				return e.Branch == "target" || e.Branch == "above-cap" || e.Branch == "exempt"
			}},
			{"make-up", g.MakeUp, func(e engine.LedgerEntry) bool { return len(e.Outstanding) == 0 }},
		}
		for _, goal := range goals {
			if goal.g == nil {
				continue
			}
			seen++
			x := exact.MustParse(goal.g.Collection)
			if !goal.reached(last(x)) {
				t.Errorf("%s: %s not reached at %s", wc.name, goal.name, x)
			}
			if !goal.g.Reached && x.Sign() > 0 && goal.reached(last(x.Sub(exact.MustParse("0.01")))) {
				t.Errorf("%s: %s reached a fen below %s", wc.name, goal.name, x)
			}
			for k := int64(1); k <= 40; k++ {
				y := x.Add(x.Mul(exact.FromInt(k)).Shift(-1)).Add(exact.FromInt(k))
				if !goal.reached(last(y)) {
					t.Errorf("%s: %s reached at %s but not at %s", wc.name, goal.name, x, y)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no worked case has a ledger goal")
	}
}
