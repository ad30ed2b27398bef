package explain_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/explain"
	"github.com/kefu-hr/handbook/generator/formula"
	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestEveryStepSaysSomething computes the fixture's worked cases and
// requires every step of every trace to read as one Chinese sentence: not
// empty, ending in 。 (the wording itself is pinned by the worked cases'
// goldens, which print these sentences).
func TestEveryStepSaysSomething(t *testing.T) {
	h := fixture.Handbook(t)
	kinds := map[string]bool{}
	for _, f := range fixture.Cases(t) {
		c, diags := cases.Read(f, h)
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		r, err := engine.Compute(h, c.Case)
		if err != nil {
			t.Fatal(err)
		}
		var steps []engine.Step
		for _, s := range r.Scores {
			steps = append(steps, s.Trace...)
		}
		if r.Pay != nil {
			steps = append(steps, r.Pay.Trace...)
		}
		if r.Points != nil {
			steps = append(steps, r.Points.Trace...)
		}
		for _, s := range steps {
			text := explain.Step(s)
			kinds[strings.TrimPrefix(typeName(s.Say), "engine.")] = true
			if text == "" || !strings.HasSuffix(strings.TrimSpace(text), "。") && !strings.HasSuffix(text, "）") {
				t.Errorf("%s %s: %q", f.Path, s.Ref, text)
			}
		}
	}
	for _, k := range []string{"ItemScored", "PartScored", "TotalScored", "BandFound", "ComponentWorked", "PayTotal"} {
		if !kinds[k] {
			t.Errorf("no step of the fixture's cases says a %s", k)
		}
	}
}

func typeName(v any) string {
	return strings.TrimPrefix(strings.TrimPrefix(fmt.Sprintf("%T", v), "*"), "engine.")
}

func TestPointsLadderExplains(t *testing.T) {
	h := fixture.Handbook(t)
	ps := h.At(policy.KindPoints, "kefu-points", civil.Of(2026, 10, 1)).(*policy.Points)
	tests := []struct {
		occ  int
		rate string
		met  []int
		want string
	}{
		{3, "67", nil, "第 3 次接触量考核低于 70%（67%），计为第 3 次；但第 3 档的附加条件「基础习惯不好」不成立，按第 2 档扣 2 分：公司停发一周数据作为警告。"},
		{4, "68", []int{3}, "第 4 次接触量考核低于 70%（68%），计为第 4 次；但第 4 档的附加条件「业绩没有达到公司考核标准」不成立，按第 3 档扣 3 分：未拨打的数据改派绩优人员。"},
		{4, "68", nil, "第 4 次接触量考核低于 70%（68%），计为第 4 次；但第 4 档的附加条件「业绩没有达到公司考核标准」、第 3 档的附加条件「基础习惯不好」均不成立，按第 2 档扣 2 分：公司停发一周数据作为警告。"},
		{3, "66", []int{3}, "第 3 次接触量考核低于 70%（66%）且基础习惯不好，扣 3 分：未拨打的数据改派绩优人员。"},
		{2, "62", nil, "第 2 次接触量考核低于 65%（62%），扣 2 分：公司停发一周数据作为警告。"},
		{3, "70", nil, "接触量考核为 70%，不低于第 3 次的阈值 70%，不算一次，不扣分。"},
	}
	for _, tt := range tests {
		r, err := engine.Points(ps, engine.PointsInput{Shortfalls: []engine.LadderShortfall{{Ladder: "jiechuliang", Occurrence: tt.occ, Rate: exact.MustParse(tt.rate), Met: tt.met}}})
		if err != nil {
			t.Fatal(err)
		}
		if got := explain.Step(r.Trace[1]); got != tt.want {
			t.Errorf("第%d次 %s%% met %v:\n got %s\nwant %s", tt.occ, tt.rate, tt.met, got, tt.want)
		}
	}
}

// TestStandingExplains guards issue 9 §3.3's sentence: the quarter's
// composite worked out with the months' values, rounded where it must be,
// the row of the bottom-rank table, the result and its consequence.
func TestStandingExplains(t *testing.T) {
	h := fixture.Handbook(t)
	tests := []struct {
		months [3]string
		want   string
	}{
		{[3]string{"70", "58", "66"}, "季度综合考核分 = (本季第一个月的考核分（基本分100分加减分） + 本季第二个月的考核分（基本分100分加减分） + 本季第三个月的考核分（基本分100分加减分）) ÷ 3 = (70 + 58 + 66) ÷ 3 ≈ 64.67 分（四舍五入到 0.01 分），落在“不满 65 分”一档，末位管理结果为「末位」：警告并列入待淘汰人员序列，后期仍达不到主管要求的自动解聘。"},
		{[3]string{"60", "65", "70"}, "季度综合考核分 = (本季第一个月的考核分（基本分100分加减分） + 本季第二个月的考核分（基本分100分加减分） + 本季第三个月的考核分（基本分100分加减分）) ÷ 3 = (60 + 65 + 70) ÷ 3 = 65 分，落在“65 分及以上”一档，末位管理结果为「正常」。"},
	}
	for _, tt := range tests {
		pay := map[string]formula.Value{"full_quarter_met": {IsBool: true}, "star_quarter": {IsBool: true}}
		for i, m := range tt.months {
			pay[fmt.Sprintf("points_month_%d", i+1)] = formula.Value{Num: exact.MustParse(m)}
		}
		r, err := engine.Compute(h, engine.Case{Role: "kefu-daibiao", Period: engine.Period{Kind: policy.Quarterly, Year: 2026, Quarter: 3}, Pay: pay})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Standings) != 1 || len(r.Standings[0].Trace) != 1 {
			t.Fatalf("standings %+v", r.Standings)
		}
		if got := explain.Step(r.Standings[0].Trace[0]); got != tt.want {
			t.Errorf("%v:\n got %s\nwant %s", tt.months, got, tt.want)
		}
	}
}
