package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
)

// handbook returns the fixture handbook: the tests of the engine pin the
// numbers of its frozen policies, not of the shipped ones.
func handbook(t testing.TB) *policy.Handbook { return fixture.Handbook(t) }

func num(s string) ItemInput { d := exact.MustParse(s); return ItemInput{Value: &d} }
func yes(b bool) ItemInput   { return ItemInput{Yes: &b} }
func named(kv ...string) ItemInput {
	m := map[string]formula.Value{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = formula.Value{Num: exact.MustParse(kv[i+1])}
	}
	return ItemInput{Named: m}
}

var day = civil.Of(2026, 10, 1)

func TestScoreScorecards(t *testing.T) {
	h := handbook(t)
	tests := []struct {
		name, scorecard string
		in              map[string]ItemInput
		total, k, grade string
	}{
		{
			// 业绩 30+5+10+10+10+5+10 = 80, 行为 20+15+25+10 = 70: 80×80% + 70×20% = 78 → K 0.7 (75–79).
			name: "director annual", scorecard: "kefu-zongjian-annual",
			in: map[string]ItemInput{"crm": num("96"), "team": num("90"), "referral": yes(true), "key-visits": num("100"),
				"satisfaction": num("86"), "complaints": num("1"), "orphan-sales": num("1000000"),
				"zhihui": {Level: 4}, "kehu-zhongxin": {Level: 3}, "fuwu-xizhi": {Level: 5}, "chengdan-zeren": {Level: 2}},
			total: "78.00", k: "0.7",
		},
		{
			// 27+2+7+8+9+7+3.5+5+3 = 71.5 of 85 → 84.12 → K 0.8, 良好.
			name: "key-account staff, scaled from 85", scorecard: "dakehu-staff",
			in: map[string]ItemInput{"sales-completion": num("112"), "sales-growth": num("250000"),
				"new-customers": named("new_customers", "7", "plan_customers", "5"), "market-info": num("8"), "teamwork": num("9"),
				"knowledge": {Checks: []string{"product", "industry"}}, "analysis": {Choice: "fairly-strong"},
				"communication": {Choice: "persuade"}, "attendance": named("absent_days", "1", "late_deduction", "1")},
			total: "84.12", k: "0.8", grade: "良好",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := h.At(policy.KindScorecard, tt.scorecard, day).(*policy.Scorecard)
			r, err := Score(sc, tt.in, On(h, day))
			if err != nil {
				t.Fatal(err)
			}
			k := ""
			if r.K != nil {
				k = r.K.String()
			}
			if r.Total.String() != tt.total || k != tt.k || r.Grade != tt.grade {
				var b strings.Builder
				for _, s := range r.Trace {
					b.WriteString(s.Ref.String() + " " + s.Clause + " " + s.Value + " " + said(s) + "\n")
				}
				t.Errorf("total %s K %s grade %q, want %s %s %q\n%s", r.Total, k, r.Grade, tt.total, tt.k, tt.grade, b.String())
			}
		})
	}
}

func TestScoreReportsEveryBadInput(t *testing.T) {
	h := handbook(t)
	sc := h.At(policy.KindScorecard, "kefu-zongjian-annual", day).(*policy.Scorecard)
	_, err := Score(sc, map[string]ItemInput{"crm": num("96"), "zhihui": {Level: 6}, "complaints": num("1.5")}, On(h, day))
	if err == nil {
		t.Fatal("want an error")
	}
	for _, want := range []string{"team: no input given", "zhihui: level 6 is outside 1–5", "complaints: 1.5 is not a whole number"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// said is what a step says, as data, for messages of these tests (package
// explain, which writes the sentences, has the tests of their wording).
func said(s Step) string { return fmt.Sprintf("%T%+v", s.Say, s.Say) }
