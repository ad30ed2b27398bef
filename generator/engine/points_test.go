package engine

import (
	"math/rand/v2"
	"strings"
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

// TestPointsLadder follows the note 第三、四次的附加条件不成立时: the nominal
// step's threshold (60/65/70/70 %) decides whether a week is an occurrence;
// an extra condition that does not hold moves only the points and the
// consequence down to the step below, one step at a time.
func TestPointsLadder(t *testing.T) {
	h := handbook(t)
	ps := h.At(policy.KindPoints, "kefu-points", day).(*policy.Points)
	const (
		warn  = "口头警告。"
		stop  = "公司停发一周数据作为警告。"
		move  = "未拨打的数据改派绩优人员。"
		final = "次月调整为二次拨打数据，停止下发优质客户资源数据，同时列为待劝退人员。"
	)
	tests := []struct {
		name        string
		occ         int
		rate        string
		met         []int
		total       string
		clause      string
		consequence string
	}{
		{"1st below 60", 1, "59.99", nil, "99", "steps[0]", warn},
		{"1st at 60", 1, "60", nil, "100", "met", ""},
		{"2nd below 65", 2, "62", nil, "98", "steps[1]", stop},
		{"2nd at 65", 2, "65", nil, "100", "met", ""},
		{"3rd, condition holds", 3, "67", []int{3}, "97", "steps[2]", move},
		// The bug: 67 % is not below step 2's 65 %, but the 3rd occurrence is
		// judged by step 3's 70 %; only the points come from step 2.
		{"3rd at 67, condition fails", 3, "67", nil, "98", "steps[2]->steps[1]", stop},
		{"3rd at 70, condition fails", 3, "70", nil, "100", "met", ""},
		{"4th, both hold", 4, "68", []int{3, 4}, "95", "steps[3]", final},
		{"4th, its own holds", 4, "68", []int{4}, "95", "steps[3]", final},
		// The other bug: step 4's condition fails, step 3's holds: −3, not −2.
		{"4th, only step 3's holds", 4, "68", []int{3}, "97", "steps[3]->steps[2]", move},
		{"4th, neither holds", 4, "69.99", nil, "98", "steps[3]->steps[1]", stop},
		{"4th at 70", 4, "70", []int{3, 4}, "100", "met", ""},
		{"5th counts as the 4th", 5, "50", []int{4}, "95", "steps[3]", final},
		{"met listed twice", 3, "50", []int{3, 3}, "97", "steps[2]", move},
		// A condition above the nominal step is not consulted.
		{"2nd with step 4's condition", 2, "50", []int{4}, "98", "steps[1]", stop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := PointsInput{Shortfalls: []LadderShortfall{{Ladder: "jiechuliang", Occurrence: tt.occ, Rate: exact.MustParse(tt.rate), Met: tt.met}}}
			r, err := Points(ps, in)
			if err != nil {
				t.Fatal(err)
			}
			st := r.Trace[1]
			if r.Total.String() != tt.total || st.Clause != tt.clause {
				t.Errorf("total %s [%s], want %s [%s]\n%s", r.Total, st.Clause, tt.total, tt.clause, trace(r.Trace))
			}
			var got string
			if len(r.Consequences) > 0 {
				got = r.Consequences[0]
			}
			if got != tt.consequence {
				t.Errorf("consequence %q, want %q", got, tt.consequence)
			}
		})
	}
}

func TestPointsLadderMetErrors(t *testing.T) {
	h := handbook(t)
	ps := h.At(policy.KindPoints, "kefu-points", day).(*policy.Points)
	tests := []struct {
		met  []int
		want string
	}{
		{[]int{2}, "jiechuliang: met lists step 2, which has no extra condition (steps with one: 3, 4)"},
		{[]int{5}, "jiechuliang: met lists step 5, but the ladder has steps 1–4"},
		{[]int{0}, "jiechuliang: met lists step 0, but the ladder has steps 1–4"},
		{[]int{1, 3}, "jiechuliang: met lists step 1, which has no extra condition (steps with one: 3, 4)"},
	}
	for _, tt := range tests {
		_, err := Points(ps, PointsInput{Shortfalls: []LadderShortfall{{Ladder: "jiechuliang", Occurrence: 3, Rate: exact.FromInt(50), Met: tt.met}}})
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Count(err.Error(), "met lists") != 1 {
			t.Errorf("met %v: error %v, want %q", tt.met, err, tt.want)
		}
	}
}

// TestPointsWithoutTraceAgree checks the batch's fast path: on random months,
// good and bad, points without a trace gives the same total, consequences
// and error as with it.
func TestPointsWithoutTraceAgree(t *testing.T) {
	h := handbook(t)
	ps := h.At(policy.KindPoints, "kefu-points", day).(*policy.Points)
	r := rand.New(rand.NewPCG(5, 6))
	ids := []string{"nosuch", "qita-tuchu"}
	for _, e := range ps.Event {
		ids = append(ids, e.ID)
	}
	bad := 0
	for range 5000 {
		in := PointsInput{Events: map[string]int{}, Awards: map[string][]exact.Decimal{}}
		for range r.IntN(5) {
			in.Events[ids[r.IntN(len(ids))]] = r.IntN(4) - r.IntN(2)
		}
		if r.IntN(3) == 0 {
			in.Awards[ids[r.IntN(3)]] = []exact.Decimal{exact.FromInt(int64(r.IntN(5) - 1))}
		}
		for range r.IntN(3) {
			sf := LadderShortfall{Ladder: "jiechuliang", Occurrence: r.IntN(6), Rate: exact.FromInt(int64(55 + r.IntN(20)))}
			if r.IntN(2) == 0 {
				sf.Met = []int{1 + r.IntN(4)}
			}
			in.Shortfalls = append(in.Shortfalls, sf)
		}
		full, ferr := Points(ps, in)
		fast, qerr := points(ps, in, false)
		if (ferr == nil) != (qerr == nil) || ferr != nil && ferr.Error() != qerr.Error() {
			t.Fatalf("%+v: errors %v / %v", in, ferr, qerr)
		}
		if ferr != nil {
			bad++
			continue
		}
		if full.Total.Cmp(fast.Total) != 0 || strings.Join(full.Consequences, "|") != strings.Join(fast.Consequences, "|") {
			t.Fatalf("%+v: traced %s %q, fast %s %q", in, full.Total, full.Consequences, fast.Total, fast.Consequences)
		}
	}
	if bad == 0 || bad == 5000 {
		t.Errorf("%d of 5000 months bad: the test needs both kinds", bad)
	}
}
