package engine

import (
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
	t := On(h, day)
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
}
