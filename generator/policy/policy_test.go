package policy

import (
	"fmt"
	"testing"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/source"
)

func day(s string) civil.Date {
	t, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestHandbookVersions(t *testing.T) {
	until := day("2011-02-28")
	v1 := FromSource(KindPayPlan, "p1.toml", &source.PayPlan{Header: source.Header{ID: "p", Version: 1, EffectiveFrom: day("2010-03-01"), EffectiveUntil: &until}})
	v2 := FromSource(KindPayPlan, "p2.toml", &source.PayPlan{Header: source.Header{ID: "p", Version: 2, EffectiveFrom: day("2011-03-01")}})
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
	p := &PayPlan{PayPlan: source.PayPlan{Period: "monthly"}, Component: []Component{
		{Component: source.Component{Name: "base"}, Exprs: expr("base_pay * score / 100")},
		{Component: source.Component{Name: "bonus", Period: "annual"}, Exprs: expr("if sales >= target then sales * rate else 0")},
		{Component: source.Component{Name: "ledger", Kind: "ledger", Period: "quarterly"}, Exprs: map[string]*formula.Expr{"actual": expr("collected")["formula"], "base": expr("target / 2")["formula"]}},
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

// TestFromSourceHoldsTheSource: a compiled policy's header and source are
// the decoded source's, its kind and file the doc's; a source of another
// kind gives nil.
func TestFromSourceHoldsTheSource(t *testing.T) {
	src := &source.Scorecard{Header: source.Header{ID: "sc", Version: 3},
		Part: []source.Part{{ID: "p", Item: []source.Item{{ID: "a"}, {ID: "b"}}}}}
	p := FromSource(KindScorecard, "sc.toml", src)
	sc, ok := p.(*Scorecard)
	if !ok {
		t.Fatalf("FromSource gave %T", p)
	}
	if hd := sc.Head(); hd.ID != "sc" || hd.Version != 3 || hd.Kind != KindScorecard || hd.File != "sc.toml" || hd.Header != &sc.Scorecard.Header {
		t.Errorf("header %+v", hd)
	}
	if sc.Item("b") == nil || sc.Item("b").ID != "b" || sc.Item("c") != nil {
		t.Error("Item does not find the compiled items")
	}
	if FromSource(KindRole, "sc.toml", src) != nil || FromSource("nope", "x", src) != nil {
		t.Error("a source of another kind compiles")
	}
	if FromSource(KindScorecard, "sc.toml", (*source.Scorecard)(nil)) != nil || FromSource(KindScorecard, "sc.toml", nil) != nil {
		t.Error("a nil source compiles")
	}
}

// TestCopyHasItsOwnHeader: a copy's source can change without changing the
// original's, and its header is its own.
func TestCopyHasItsOwnHeader(t *testing.T) {
	orig := FromSource(KindRole, "r.toml", &source.Role{Header: source.Header{ID: "r", Version: 1}}).(*Role)
	c := Copy(orig).(*Role)
	c.ID, c.Version = "copy", 9
	if hd := c.Head(); hd.ID != "copy" || hd.Version != 9 || hd.Kind != KindRole || hd.File != "r.toml" {
		t.Errorf("the copy's header: %+v", *hd.Header)
	}
	if hd := orig.Head(); hd.ID != "r" || hd.Version != 1 {
		t.Errorf("the original changed: %+v", *hd.Header)
	}
}
