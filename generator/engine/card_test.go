package engine

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

// TestCardMatchesScore checks the integer path of a Card against the
// Decimal path, on every version of every scorecard of the fixture and of
// the shipped policies: for random inputs (around every threshold, at and
// beyond each maximum, negative, with more decimals than a card keeps,
// missing, unknown levels, choices and checks), Card.Total and ScoreTotal
// give the same total, K, grade or error, and Card.Score gives Score's
// result, trace and all; so does one Tracer reused for every card, input
// and error in turn.
func TestCardMatchesScore(t *testing.T) {
	shipped, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var tr Tracer
	fast, all := 0, 0
	for name, h := range map[string]*policy.Handbook{"fixture": handbook(t), "shipped": shipped} {
		for _, p := range h.All() {
			sc, ok := p.(*policy.Scorecard)
			if !ok {
				continue
			}
			tables := On(h, sc.EffectiveFrom)
			card := NewCard(sc, tables)
			for n := range 300 {
				slots := make([]ItemInput, len(card.Slots()))
				byID := map[string]ItemInput{}
				for k, id := range card.Slots() {
					slots[k] = randomInput(rng, sc.Item(id), n%2 == 0)
					byID[id] = slots[k]
				}
				want, wantErr := ScoreTotal(sc, byID, tables)
				got, gotErr := card.Total(slots)
				all++
				if _, ok := card.total(slots); ok {
					fast++
				}
				where := fmt.Sprintf("%s %s@%d #%d", name, sc.ID, sc.Version, n)
				if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
					t.Fatalf("%s: Card.Total error %v, ScoreTotal %v", where, gotErr, wantErr)
				}
				if got.Total.String() != want.Total.String() || decText(got.K) != decText(want.K) || got.Grade != want.Grade ||
					got.Scorecard != want.Scorecard || got.Version != want.Version {
					t.Fatalf("%s: Card.Total %s K %s %q, ScoreTotal %s K %s %q\ninputs %v", where,
						got.Total, decText(got.K), got.Grade, want.Total, decText(want.K), want.Grade, byID)
				}
				if n%10 == 0 {
					traced, err1 := card.Score(slots)
					wantTraced, err2 := Score(sc, byID, tables)
					if fmt.Sprint(err1) != fmt.Sprint(err2) {
						t.Fatalf("%s: Card.Score error %v, Score %v", where, err1, err2)
					}
					if d := cmp.Diff(wantTraced, traced, sameTrace...); d != "" {
						t.Fatalf("%s: Card.Score differs from Score (-want +got):\n%s", where, d)
					}
					reused, err3 := tr.Score(card, slots)
					if fmt.Sprint(err3) != fmt.Sprint(err2) {
						t.Fatalf("%s: Tracer.Score error %v, Score %v", where, err3, err2)
					}
					if d := cmp.Diff(wantTraced, reused, sameTrace...); d != "" {
						t.Fatalf("%s: Tracer.Score differs from Score (-want +got):\n%s", where, d)
					}
				}
			}
		}
	}
	// The integer path must be the one taken most of the time, or the
	// comparison proves little.
	if fast == 0 {
		t.Fatal("no input took the integer path")
	}
	t.Logf("%d of %d inputs took the integer path", fast, all)
}

// sameTrace compares results: Decimals by their text, the policy parts a
// sentence points to by identity.
var sameTrace = []cmp.Option{
	cmp.Comparer(func(a, b exact.Decimal) bool { return a.String() == b.String() }),
	cmp.Comparer(func(a, b *policy.Item) bool { return a == b }),
	cmp.Comparer(func(a, b *policy.Part) bool { return a == b }),
	cmp.Comparer(func(a, b *policy.Bands) bool { return a == b }),
	cmp.Comparer(func(a, b *policy.BandRow) bool { return a == b }),
}

func decText(d *exact.Decimal) string {
	if d == nil {
		return "nil"
	}
	return d.String()
}

// randomInput returns an input for an item, usually valid and near one of
// its thresholds, sometimes not; always of the kind the item takes and
// mostly valid when clean.
func randomInput(rng *rand.Rand, it *policy.Item, clean bool) ItemInput {
	// pick returns a random choice in [0, n); clean inputs take n-1, the
	// valid one.
	pick := func(n int) int {
		if clean {
			return n - 1
		}
		return rng.IntN(n)
	}
	var near []exact.Decimal
	add := func(ds ...*exact.Decimal) {
		for _, d := range ds {
			if d != nil {
				near = append(near, *d)
			}
		}
	}
	if it.Input != nil {
		add(it.Input.Max)
	}
	switch r := it.Rule.(type) {
	case *policy.TiersRule:
		for i := range r.Tiers {
			add(r.Tiers[i].Min, r.Tiers[i].Below)
		}
	case *policy.DeductionRule:
		add(&r.Full, &r.Per, r.Most)
	case *policy.LinearRule:
		add(&r.Par, &r.Step)
	case *policy.ProportionalRule:
		add(&r.Scale)
	default:
		// Any other kind: the numbers its boundary probes try.
		if it.Rule != nil {
			for _, p := range it.Rule.Probes(it) {
				add(p.In.Value)
			}
		}
	}
	num := func() *exact.Decimal {
		var x exact.Decimal
		switch pick(12) {
		case 0:
			return nil
		case 1:
			x = exact.FromInt(-int64(rng.IntN(3) + 1))
		case 2:
			x = exact.MustParse(fmt.Sprintf("%d.%05d", rng.IntN(120), rng.IntN(100000))) // five decimals
		case 3:
			x = exact.FromInt(int64(rng.IntN(1000)))
		case 4:
			x = exact.MustParse("123456789012345678901234567890")
		default:
			// (pick(12) is 11 when clean: a number near a threshold.)
			base := exact.FromInt(int64(rng.IntN(101)))
			if len(near) > 0 {
				base = near[rng.IntN(len(near))]
			}
			eps := []string{"0", "0.01", "-0.01", "0.0001", "-0.0001", "1", "-1", "0.5", "2.5"}[rng.IntN(9)]
			if clean && base.Sign() == 0 {
				eps = "0"
			}
			x = base.Add(exact.MustParse(eps))
		}
		if clean {
			_, whole := it.Rule.(*policy.DeductionRule)
			switch {
			case x.Sign() < 0:
				x = exact.FromInt(0)
			case it.Input != nil && it.Input.Max != nil && x.Cmp(*it.Input.Max) > 0:
				x = *it.Input.Max
			case whole:
				x = x.Floor()
			}
		}
		return &x
	}
	in := ItemInput{Value: num()}
	field := policy.Field{Shape: policy.ShapeNumber}
	if it.Rule != nil {
		field = it.Rule.Field(it)
	}
	switch field.Shape {
	case policy.ShapeYesNo:
		if pick(8) > 0 {
			y := rng.IntN(2) == 0
			in.Yes = &y
		}
	case policy.ShapeLevel:
		in.Level = rng.IntN(8) - 1
		if clean {
			in.Level = rng.IntN(5) + 1
		}
	case policy.ShapePick:
		if clean {
			in.Choice = field.Options[rng.IntN(len(field.Options))].ID
		} else if i := rng.IntN(len(field.Options) + 2); i < len(field.Options) {
			in.Choice = field.Options[i].ID
		} else if i == len(field.Options) {
			in.Choice = "nowhere"
		}
	case policy.ShapeChecks:
		for _, c := range field.Options {
			if rng.IntN(2) == 0 {
				in.Checks = append(in.Checks, c.ID)
			}
		}
		switch pick(10) {
		case 0:
			in.Checks = append(in.Checks, "nowhere")
		case 1:
			if len(in.Checks) > 0 {
				in.Checks = append(in.Checks, in.Checks[0])
			}
		}
	case policy.ShapeNamed:
		in.Named = map[string]formula.Value{}
		for _, def := range it.Inputs {
			if pick(15) == 0 {
				continue
			}
			if v := num(); v != nil {
				in.Named[def.Name] = formula.Value{Num: *v}
			} else {
				in.Named[def.Name] = formula.Value{Num: exact.FromInt(0)}
			}
		}
	case policy.ShapeNumber:
	}
	return in
}

// TestCardMatchesScoreOnRandomCards does the same on made-up cards whose
// numbers have two to four decimals and whose parts have uneven shares and
// maxima, so that every rounding of a part score and of the total meets
// its ties (x.xx5), which the shipped cards, with whole points, rarely do.
func TestCardMatchesScoreOnRandomCards(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	dec := func(max, places int) exact.Decimal {
		return exact.FromInt(int64(rng.IntN(max*pow(places) + 1))).Shift(-int32(places))
	}
	ties := 0
	for n := range 2000 {
		sc := policy.FromSource(policy.KindScorecard, "random.toml", &source.Scorecard{Header: source.Header{ID: "random", Version: 1}}).(*policy.Scorecard)
		shares := rng.IntN(99) + 1
		for pi, share := range []int{shares, 100 - shares} {
			part := policy.Part{Part: source.Part{ID: fmt.Sprint("p", pi), Share: exact.FromInt(int64(share))}}
			if rng.IntN(2) == 0 {
				m := dec(90, 2).Add(exact.FromInt(10))
				part.Points = &m
			}
			for i := range rng.IntN(4) + 1 {
				it := policy.Item{Item: source.Item{ID: fmt.Sprint("p", pi, "i", i), Weight: exact.FromInt(int64(rng.IntN(40) + 1))}}
				switch rng.IntN(3) {
				case 0:
					it.Rule = &policy.ProportionalRule{Scale: dec(200, 2).Add(exact.FromInt(1)), Weight: it.Weight}
				case 1:
					it.Rule = &policy.LinearRule{Par: dec(100, 1), Base: dec(20, 2), Step: dec(5, 1).Add(exact.MustParse("0.5")),
						Up: dec(3, 2), Down: dec(3, 2), Min: exact.FromInt(0), Max: it.Weight}
				default:
					lo := dec(100, 2)
					it.Rule = &policy.TiersRule{Tiers: []policy.Tier{
						{Interval: policy.Interval{Min: &lo}, Points: dec(40, 2)},
						{Interval: policy.Interval{Below: &lo}, Points: dec(10, 4)},
					}}
				}
				part.Item = append(part.Item, it)
			}
			sc.Part = append(sc.Part, part)
		}
		card := NewCard(sc, noTables{})
		slots := make([]ItemInput, len(card.Slots()))
		byID := map[string]ItemInput{}
		for k, id := range card.Slots() {
			x := dec(150, rng.IntN(5))
			slots[k] = ItemInput{Value: &x}
			byID[id] = slots[k]
		}
		want, wantErr := ScoreTotal(sc, byID, noTables{})
		got, gotErr := card.Total(slots)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || got.Total.String() != want.Total.String() {
			t.Fatalf("#%d: Card.Total %s (%v), ScoreTotal %s (%v)\ncard %+v\ninputs %v", n, got.Total, gotErr, want.Total, wantErr, sc, byID)
		}
		if traced, _ := Score(sc, byID, noTables{}); len(traced.Parts) > 0 {
			sum := zero
			for _, p := range traced.Parts {
				q, _ := p.Raw.Mul(hundred).Quo(p.Points)
				ties += tie(q)
				sum = sum.Add(p.Score.Mul(p.Share))
			}
			ties += tie(sum.Shift(-2))
		}
	}
	if ties == 0 {
		t.Fatal("no part score met a tie")
	}
	t.Logf("%d part scores at a tie or just beyond", ties)
}

// tie is 1 when x has three decimals, the last a 5: where half up and
// half even part.
func tie(x exact.Decimal) int {
	r := x.Round(3, exact.Down)
	if r.Cmp(x) == 0 && strings.HasSuffix(r.String(), "5") {
		return 1
	}
	return 0
}

type noTables struct{}

func (noTables) Bands(string) *policy.Bands       { return nil }
func (noTables) RedLines(string) *policy.RedLines { return nil }

func pow(places int) int {
	p := 1
	for range places {
		p *= 10
	}
	return p
}

// TestTracerKeepsTheLastGoodResult: a Score that fails leaves the result
// of the last one that succeeded as it was; the next good one is right.
func TestTracerKeepsTheLastGoodResult(t *testing.T) {
	h := handbook(t)
	for _, p := range h.All() {
		sc, ok := p.(*policy.Scorecard)
		if !ok {
			continue
		}
		card := NewCard(sc, On(h, sc.EffectiveFrom))
		rng := rand.New(rand.NewPCG(5, 6))
		good := make([]ItemInput, len(card.Slots()))
		for k, id := range card.Slots() {
			good[k] = randomInput(rng, sc.Item(id), true)
		}
		want, err := card.Score(good)
		if err != nil {
			continue // random inputs that do not score: try the next card
		}
		var tr Tracer
		kept, err := tr.Score(card, good)
		if err != nil {
			t.Fatal(err)
		}
		bad := append([]ItemInput(nil), good...)
		bad[len(bad)-1] = ItemInput{} // missing
		if _, err := tr.Score(card, bad); err == nil {
			t.Fatalf("%s: a missing input scores", sc.ID)
		}
		if d := cmp.Diff(want, kept, sameTrace...); d != "" {
			t.Fatalf("%s: a failing Score changed the last good result (-want +got):\n%s", sc.ID, d)
		}
		again, err := tr.Score(card, good)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, again, sameTrace...); d != "" {
			t.Fatalf("%s: the next good result (-want +got):\n%s", sc.ID, d)
		}
		return
	}
	t.Fatal("no card of the fixture scored")
}
