package coverage

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
)

// randomInput draws an input for an item from its whole domain (and a little
// beyond the thresholds), with a fixed seed so that failures reproduce.
func randomInput(r *rand.Rand, it *policy.Item) engine.ItemInput {
	dec := func(max int) *exact.Decimal {
		x := exact.FromInt(int64(r.IntN(max*100 + 1))).Shift(-2)
		if it.Input != nil && it.Input.Kind == "count" {
			x = exact.FromInt(int64(r.IntN(max + 1)))
		}
		if it.Input != nil && it.Input.Max != nil && x.Cmp(*it.Input.Max) > 0 {
			x = *it.Input.Max
		}
		return &x
	}
	switch it.Scoring {
	case policy.ScoreYesNo:
		b := r.IntN(2) == 0
		return engine.ItemInput{Yes: &b}
	case policy.ScoreLevels:
		return engine.ItemInput{Level: 1 + r.IntN(5)}
	case policy.ScoreChoice:
		return engine.ItemInput{Choice: it.Choices[r.IntN(len(it.Choices))].ID}
	case policy.ScoreChecklist:
		var ids []string
		for _, c := range it.Checks {
			if r.IntN(2) == 0 {
				ids = append(ids, c.ID)
			}
		}
		return engine.ItemInput{Checks: ids}
	case policy.ScoreDeduction:
		return engine.ItemInput{Value: dec(5)}
	case policy.ScoreFormula:
		named := map[string]formula.Value{}
		for _, in := range it.Inputs {
			named[in.Name] = formula.Value{Num: exact.FromInt(int64(r.IntN(12)))}
		}
		return engine.ItemInput{Named: named}
	}
	if it.Input != nil && it.Input.Kind == "money" {
		return engine.ItemInput{Value: dec(3000000)}
	}
	return engine.ItemInput{Value: dec(200)}
}

// TestPropertyItemPointsWithinBounds guards that no input, anywhere in its
// domain, gives an item fewer than 0 or more than its weight plus bonus, and
// that no scorecard total leaves [0, 100].
func TestPropertyItemPointsWithinBounds(t *testing.T) {
	h := fixture.Handbook(t)
	r := rand.New(rand.NewPCG(1, 2))
	day := engine.Period{Kind: "monthly", Year: 2026, Month: 10}.Start()
	for _, p := range h.All() {
		sc, ok := p.(*policy.Scorecard)
		if !ok {
			continue
		}
		for round := 0; round < 300; round++ {
			in := map[string]engine.ItemInput{}
			for _, part := range sc.Part {
				for i := range part.Item {
					it := &part.Item[i]
					x := randomInput(r, it)
					in[it.ID] = x
					pts, _, err := engine.ScoreItem(it, x)
					if err != nil {
						t.Fatalf("%s#%s: %v", sc.ID, it.ID, err)
					}
					if pts.Sign() < 0 || pts.Cmp(it.Cap()) > 0 {
						t.Errorf("%s#%s: %s points, outside [0, %s]", sc.ID, it.ID, pts, it.Cap())
					}
				}
			}
			res, err := engine.ScoreTotal(sc, in, engine.On(h, day))
			if err != nil {
				t.Fatal(err)
			}
			if res.Total.Sign() < 0 || res.Total.Cmp(exact.FromInt(100)) > 0 {
				t.Errorf("%s: total %s outside [0, 100]", sc.ID, res.Total)
			}
		}
	}
}

// TestPropertyMonotone guards that a better input never lowers an item's
// points where the rule is monotone (tiers, linear, proportional, levels),
// and that more unmet requirements never raise a deduction item's points.
func TestPropertyMonotone(t *testing.T) {
	h := fixture.Handbook(t)
	for _, p := range h.All() {
		sc, ok := p.(*policy.Scorecard)
		if !ok {
			continue
		}
		for _, part := range sc.Part {
			for i := range part.Item {
				it := &part.Item[i]
				var xs []engine.ItemInput
				switch it.Scoring {
				case policy.ScoreTiers, policy.ScoreLinear, policy.ScoreProportional, policy.ScoreDeduction:
					for v := 0; v <= 400; v++ {
						x := exact.FromInt(int64(v))
						if it.Input != nil && it.Input.Kind == "money" {
							x = x.Mul(exact.FromInt(10000))
						}
						if it.Input != nil && it.Input.Max != nil && x.Cmp(*it.Input.Max) > 0 {
							break
						}
						xs = append(xs, engine.ItemInput{Value: &x})
					}
				case policy.ScoreLevels:
					for l := 1; l <= 5; l++ {
						xs = append(xs, engine.ItemInput{Level: l})
					}
				default:
					continue
				}
				var prev *exact.Decimal
				for _, x := range xs {
					pts, _, err := engine.ScoreItem(it, x)
					if err != nil {
						t.Fatalf("%s#%s: %v", sc.ID, it.ID, err)
					}
					if prev != nil {
						worse := pts.Cmp(*prev) < 0
						if it.Scoring == policy.ScoreDeduction {
							worse = pts.Cmp(*prev) > 0
						}
						if worse {
							t.Errorf("%s#%s is not monotone: %s gives %s after %s", sc.ID, it.ID, describe(x), pts, prev)
						}
					}
					p := pts
					prev = &p
				}
			}
		}
	}
}

func describe(x engine.ItemInput) string {
	if x.Value != nil {
		return x.Value.String()
	}
	return "level"
}

// TestPropertyLedgerConservesShortfall runs the key-account ledger over
// random years and checks that no shortfall is created or lost: every one is
// either made up in a later quarter or still outstanding at the end, and
// every excess carried out is carried in by the next quarter.
func TestPropertyLedgerConservesShortfall(t *testing.T) {
	h := fixture.Handbook(t)
	day := engine.Period{Kind: "quarterly", Year: 2026, Quarter: 1}.Start()
	p := h.At(policy.KindPayPlan, "dakehu-zhuanyuan-pay", day).(*policy.PayPlan)
	c := &p.Component[slices.IndexFunc(p.Component, func(c policy.Component) bool { return c.Kind == "ledger" })]
	r := rand.New(rand.NewPCG(3, 4))
	score := exact.FromInt(88)
	for round := 0; round < 200; round++ {
		var qs []engine.Quarter
		for i := range 8 {
			x := exact.FromInt(int64(r.IntN(35)) * 10000)
			qs = append(qs, engine.Quarter{Label: string(rune('A' + i)), Score: &score, Values: map[string]formula.Value{
				"achieved": {Num: x}, "implementation_revenue": {}, "maintenance_revenue": {}, "training_revenue": {},
				"new_staff": {IsBool: true, Bool: i == 0 && round%5 == 0}}})
		}
		es, err := engine.Ledger(p, c, qs, engine.On(h, day))
		if err != nil {
			t.Fatal(err)
		}
		created, filled, carriedOut := exact.FromInt(0), exact.FromInt(0), exact.FromInt(0)
		for i, e := range es {
			if e.Branch == "below-base" {
				created = created.Add(e.Base.Sub(e.Actual.Add(e.CarriedIn)))
			}
			filled = filled.Add(e.Filled)
			if i > 0 && e.Branch != "exempt" && e.CarriedIn.Cmp(carriedOut) != 0 {
				t.Fatalf("round %d %s: carried in %s, previous quarter carried out %s", round, e.Quarter, e.CarriedIn, carriedOut)
			}
			carriedOut = e.CarriedOut
			if e.Bonus.Sign() < 0 || e.Accrued.Sign() < 0 {
				t.Fatalf("round %d %s: negative bonus %s", round, e.Quarter, e.Bonus)
			}
		}
		outstanding := exact.FromInt(0)
		for _, o := range es[len(es)-1].Outstanding {
			outstanding = outstanding.Add(o.Amount)
		}
		if created.Cmp(filled.Add(outstanding)) != 0 {
			t.Fatalf("round %d: shortfalls created %s ≠ made up %s + outstanding %s", round, created, filled, outstanding)
		}
	}
}

// TestPropertyOrderDoesNotMatter guards that the order in which a month's
// events and shortfalls are listed never changes the points.
func TestPropertyOrderDoesNotMatter(t *testing.T) {
	h := fixture.Handbook(t)
	ps := h.Latest(policy.KindPoints, "kefu-points").(*policy.Points)
	r := rand.New(rand.NewPCG(5, 6))
	for round := 0; round < 200; round++ {
		in := engine.PointsInput{Events: map[string]int{}}
		for _, e := range ps.Event {
			if !e.Discretionary {
				in.Events[e.ID] = r.IntN(3)
			}
		}
		for n := 1; n <= 4; n++ {
			in.Shortfalls = append(in.Shortfalls, engine.LadderShortfall{Ladder: "jiechuliang", Occurrence: n,
				Rate: exact.FromInt(int64(50 + r.IntN(30))), Met: randomMet(r, []int{3, 4})})
		}
		a, err := engine.Points(ps, in)
		if err != nil {
			t.Fatal(err)
		}
		r.Shuffle(len(in.Shortfalls), func(i, j int) { in.Shortfalls[i], in.Shortfalls[j] = in.Shortfalls[j], in.Shortfalls[i] })
		b, err := engine.Points(ps, in)
		if err != nil {
			t.Fatal(err)
		}
		if a.Total.Cmp(b.Total) != 0 {
			t.Fatalf("round %d: %s, then %s after reordering", round, a.Total, b.Total)
		}
	}
}

// randomMet draws which of the steps with an extra condition have it hold.
func randomMet(r *rand.Rand, conds []int) []int {
	var met []int
	for _, c := range conds {
		if r.IntN(2) == 0 {
			met = append(met, c)
		}
	}
	return met
}

// TestPropertyLadder guards the ladder's rule for any occurrence, rate and
// extra conditions: the nominal step's threshold alone decides whether a
// week counts (below it always deducts, at or above never); the step
// applied is the nominal one or, where its extra condition fails, the
// highest step below whose condition holds or that has none; and a
// condition more that holds never makes the deduction milder.
func TestPropertyLadder(t *testing.T) {
	h := fixture.Handbook(t)
	for _, p := range h.All() {
		ps, ok := p.(*policy.Points)
		if !ok {
			continue
		}
		for _, l := range ps.Ladder {
			var conds []int
			for _, st := range l.Steps {
				if st.Condition != "" {
					conds = append(conds, st.Occurrence)
				}
			}
			r := rand.New(rand.NewPCG(7, 8))
			for round := 0; round < 2000; round++ {
				occ := 1 + r.IntN(len(l.Steps)+2)
				nominal := l.Steps[min(occ, len(l.Steps))-1]
				rate := exact.FromInt(int64(r.IntN(10001))).Shift(-2) // 0.00–100.00
				met := randomMet(r, conds)
				got := ladderPoints(t, ps, l.ID, occ, rate, met)
				if below := rate.Cmp(nominal.Below) < 0; below != (got.Sign() < 0) {
					t.Fatalf("%s 第%d次 %s%% met %v: %s points, but the nominal threshold is %s%%", l.ID, occ, rate, met, got, nominal.Below)
				}
				if got.Sign() == 0 {
					continue
				}
				want := min(occ, len(l.Steps)) - 1
				for want > 0 && l.Steps[want].Condition != "" && !slices.Contains(met, l.Steps[want].Occurrence) {
					want--
				}
				if got.Cmp(l.Steps[want].Points) != 0 {
					t.Fatalf("%s 第%d次 %s%% met %v: %s points, want step %d's %s", l.ID, occ, rate, met, got, want+1, l.Steps[want].Points)
				}
				for _, c := range conds {
					if slices.Contains(met, c) {
						continue
					}
					if more := ladderPoints(t, ps, l.ID, occ, rate, append(slices.Clone(met), c)); more.Cmp(got) > 0 {
						t.Fatalf("%s 第%d次 %s%%: met %v gives %s, adding step %d's condition gives %s", l.ID, occ, rate, met, got, c, more)
					}
				}
			}
		}
	}
}

// ladderPoints computes one shortfall alone and returns the points it adds.
func ladderPoints(t *testing.T, ps *policy.Points, ladder string, occ int, rate exact.Decimal, met []int) exact.Decimal {
	t.Helper()
	res, err := engine.Points(ps, engine.PointsInput{Shortfalls: []engine.LadderShortfall{{Ladder: ladder, Occurrence: occ, Rate: rate, Met: met}}})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total.Sub(ps.Base)
}
