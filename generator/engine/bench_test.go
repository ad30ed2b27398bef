package engine

import (
	"slices"
	"testing"

	"github.com/kefu-hr/handbook/generator/policy"
)

// BenchmarkScoreMonthly scores the director's monthly card (7 performance
// items in two groups, 5 behaviour items) with its K lookup.
func BenchmarkScoreMonthly(b *testing.B) {
	h := handbook(b)
	sc := h.At(policy.KindScorecard, "kefu-zongjian-monthly", day).(*policy.Scorecard)
	in := map[string]ItemInput{"crm": num("92"), "info-mastery": num("88"), "referral": yes(true), "key-visits": num("95"),
		"satisfaction": num("86"), "complaints": num("1"), "orphan-loss": num("0"),
		"zhihui": {Level: 4}, "zhiyehua": {Level: 3}, "kehu-zhongxin": {Level: 4}, "fuwu-xizhi": {Level: 3}, "chengdan-zeren": {Level: 5}}
	benchScore(b, sc, in, On(h, day))
}

// BenchmarkScore15 scores a 15-item card: the department manager's monthly
// card (6 tier items, 2 deductions, 4 levels) with three of the director's
// items added to its parts (a tier item, a yes/no item, a level), and the K
// lookup. The throughput target is stated for 15 items.
func BenchmarkScore15(b *testing.B) {
	h := handbook(b)
	jl := h.At(policy.KindScorecard, "kefu-jingli-monthly", day).(*policy.Scorecard)
	zj := h.At(policy.KindScorecard, "kefu-zongjian-monthly", day).(*policy.Scorecard)
	sc := policy.Copy(jl).(*policy.Scorecard)
	sc.Bands = zj.Bands
	sc.Part = slices.Clone(jl.Part)
	for i := range sc.Part {
		sc.Part[i].Item = slices.Clone(sc.Part[i].Item)
	}
	pick := func(card *policy.Scorecard, id string) policy.Item {
		for _, p := range card.Part {
			for _, it := range p.Item {
				if it.ID == id {
					return it
				}
			}
		}
		b.Fatalf("no item %s", id)
		return policy.Item{}
	}
	sc.Part[0].Item = append(sc.Part[0].Item, pick(zj, "key-visits"), pick(zj, "referral"))
	sc.Part[1].Item = append(sc.Part[1].Item, pick(zj, "zhihui"))
	in := map[string]ItemInput{
		"visits": num("95"), "complaints": num("1"), "satisfaction": num("91"), "training": num("4"), "crm": num("92"),
		"info-management": num("88"), "orphan-sales": num("3"), "orphan-loss": num("0"), "key-visits": num("97"), "referral": yes(true),
		"zhudongxing": {Level: 4}, "kehu-zhongxin": {Level: 3}, "fuwu-xizhi": {Level: 5}, "chengdan-zeren": {Level: 4}, "zhihui": {Level: 2},
	}
	n := 0
	for _, p := range sc.Part {
		n += len(p.Item)
	}
	if n != 15 || len(in) != 15 {
		b.Fatalf("card has %d items, inputs %d; want 15", n, len(in))
	}
	benchScore(b, sc, in, On(h, day))
}

func benchScore(b *testing.B, sc *policy.Scorecard, in map[string]ItemInput, t Tables) {
	if r, err := Score(sc, in, t); err != nil || r.K == nil {
		b.Fatalf("Score: %v (K %v)", err, r.K)
	}
	b.Run("trace", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Score(sc, in, t); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("total", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ScoreTotal(sc, in, t); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The same card compiled to slots: what a batch of people scores with.
	card := NewCard(sc, t)
	slots := make([]ItemInput, len(card.Slots()))
	for k, id := range card.Slots() {
		slots[k] = in[id]
	}
	if r, ok := card.total(slots); !ok || r.K == nil {
		b.Fatal("the card's integer path was not taken")
	}
	b.Run("card", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := card.Total(slots); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("card-trace", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := card.Score(slots); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The same, in the memory of one Tracer: what the calculator does on
	// every keystroke.
	b.Run("tracer", func(b *testing.B) {
		var tr Tracer
		b.ReportAllocs()
		for b.Loop() {
			if _, err := tr.Score(card, slots); err != nil {
				b.Fatal(err)
			}
		}
	})
}
