package policy

import (
	"fmt"
	"testing"
	"time"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
)

func dec(s string) *exact.Decimal { d := exact.MustParse(s); return &d }

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestIntervalContains(t *testing.T) {
	iv := Interval{Min: dec("90"), Below: dec("95")}
	for x, want := range map[string]bool{"89.99": false, "90": true, "94.6": true, "95": false} {
		if got := iv.Contains(exact.MustParse(x)); got != want {
			t.Errorf("[90,95) contains %s = %v, want %v", x, got, want)
		}
	}
	if open := (Interval{}); !open.Contains(exact.MustParse("-1")) {
		t.Error("an open interval contains everything")
	}
}

func TestBandsFind(t *testing.T) {
	b := &Bands{Rows: []BandRow{
		{Interval: Interval{Min: dec("95")}, Value: dec("1.2")},
		{Interval: Interval{Min: dec("90"), Below: dec("95")}, Value: dec("1.0")},
		{Interval: Interval{Below: dec("90")}, Value: dec("0")},
	}}
	for x, want := range map[string]string{"100": "1.2", "95": "1.2", "94.6": "1.0", "90": "1.0", "89.9": "0"} {
		if got := b.Find(exact.MustParse(x)).Value.String(); got != want {
			t.Errorf("K(%s) = %s, want %s", x, got, want)
		}
	}
}

func TestHandbookVersions(t *testing.T) {
	until := day("2011-02-28")
	v1 := &PayPlan{Header: Header{ID: "p", Version: 1, Kind: KindPayPlan, EffectiveFrom: day("2010-03-01"), EffectiveUntil: &until}}
	v2 := &PayPlan{Header: Header{ID: "p", Version: 2, Kind: KindPayPlan, EffectiveFrom: day("2011-03-01")}}
	h := New([]Policy{v2, v1})
	for d, want := range map[string]int{"2010-02-28": 0, "2010-03-01": 1, "2011-02-28": 1, "2011-03-01": 2, "2026-11-22": 2} {
		got := 0
		if p := h.At(KindPayPlan, "p", day(d)); p != nil {
			got = p.Head().Version
		}
		if got != want {
			t.Errorf("At(%s) = version %d, want %d", d, got, want)
		}
	}
	if vs := h.Versions(KindPayPlan, "p"); len(vs) != 2 || vs[0].Head().Version != 1 {
		t.Errorf("Versions not oldest first: %v", vs)
	}
	if h.Latest(KindPayPlan, "p").Head().Version != 2 || h.Latest(KindRole, "p") != nil {
		t.Error("Latest")
	}
}

// TestIndexAnswersAsTheFormulas checks that the answers Index keeps are the
// ones Uses and Lines give by walking the formulas.
func TestIndexAnswersAsTheFormulas(t *testing.T) {
	expr := func(src string) map[string]*formula.Expr {
		e, err := formula.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		return map[string]*formula.Expr{"formula": e}
	}
	p := &PayPlan{Period: "monthly", Component: []Component{
		{Name: "base", Exprs: expr("base_pay * score / 100")},
		{Name: "bonus", Period: "annual", Exprs: expr("if sales >= target then sales * rate else 0")},
		{Name: "ledger", Kind: "ledger", Period: "quarterly", Exprs: map[string]*formula.Expr{"actual": expr("collected")["formula"], "base": expr("target / 2")["formula"]}},
	}}
	periods := []PeriodKind{Monthly, Quarterly, Annual, "weekly"}
	names := []string{"base_pay", "score", "sales", "target", "rate", "collected", "nothing"}
	type answer struct {
		uses  []bool
		lines []int
	}
	ask := func() (a answer) {
		for _, per := range periods {
			a.lines = append(a.lines, p.Lines(per))
			for _, n := range names {
				a.uses = append(a.uses, p.Uses(per, n))
			}
		}
		return a
	}
	walked := ask()
	p.Index()
	indexed := ask()
	if fmt.Sprint(walked) != fmt.Sprint(indexed) {
		t.Errorf("indexed %v, walked %v", indexed, walked)
	}
	if want := "{[true true false false false false false false false false true false true false false false true true true false false false false false false false false false] [1 3 1 0]}"; fmt.Sprint(walked) != want {
		t.Errorf("walked %v, want %s", walked, want)
	}
}
