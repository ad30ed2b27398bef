package engine

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/policy"
)

func TestPointsMonth(t *testing.T) {
	h := handbook(t)
	ps := h.At(policy.KindPoints, "kefu-points", day).(*policy.Points)
	tests := []struct {
		name string
		in   PointsInput
		want string
	}{
		{"nothing happened", PointsInput{}, "100"},
		// 100 − 2×2 (禁用语) + 1 (表扬) + 2 (酌情) − 1 (first contact shortfall) = 98
		{"events, award and ladder", PointsInput{
			Events:     map[string]int{"jinyongyu": 2, "biaoyang": 1},
			Awards:     map[string][]exact.Decimal{"qita-tuchu": {exact.FromInt(2)}},
			Shortfalls: []LadderShortfall{{Ladder: "jiechuliang", Occurrence: 1, Rate: exact.FromInt(55)}},
		}, "98"},
		// The 3rd shortfall's extra condition (基础习惯不好) is not met: step 2 applies (−2).
		{"condition not met", PointsInput{Shortfalls: []LadderShortfall{{Ladder: "jiechuliang", Occurrence: 3, Rate: exact.FromInt(50)}}}, "98"},
		{"condition met", PointsInput{Shortfalls: []LadderShortfall{{Ladder: "jiechuliang", Occurrence: 3, Rate: exact.FromInt(50), ConditionMet: true}}}, "97"},
		{"never below 0", PointsInput{Events: map[string]int{"baomi-weigui": 30}}, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Points(ps, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if r.Total.String() != tt.want {
				t.Errorf("total %s, want %s\n%s", r.Total, tt.want, trace(r.Trace))
			}
		})
	}
	if _, err := Points(ps, PointsInput{Events: map[string]int{"nope": 1, "qita-tuchu": 1}}); err == nil {
		t.Error("want errors for an unknown event and a discretionary event given as a count")
	}
}
