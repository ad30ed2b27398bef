package batch

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
)

// TestLadderCell reads points.ladder.LADDER cells: occurrence:rate, with
// met=STEPS naming the steps whose extra condition holds.
func TestLadderCell(t *testing.T) {
	h := fixture.Handbook(t)
	per, _ := engine.ParsePeriod("2026-10")
	const head = "person,role,pay.base_quota_rate,pay.attendance_rate,pay.member_rate,pay.probation,pay.adopted_suggestions,pay.star_month,pay.profit_received,points.ladder.jiechuliang\n"
	const pay = ",kefu-daibiao,100,100,100,false,0,false,0,"
	tests := []struct {
		cell, points, err string
	}{
		// 67 % is below the 3rd step's 70 %; its condition fails: step 2, −2.
		{"3:67", "98", ""},
		{"3:67:met=3", "97", ""},
		// Step 4's condition fails, step 3's holds: step 3, −3.
		{"4:68:met=3", "97", ""},
		{"2:62|3:67:met=3|4:68:met=3+4", "90", ""},
		{"3:66:met", "", `"3:66:met": name the steps whose extra condition holds, e.g. 3:66:met=3 or 4:68:met=3+4`},
		{"3:66:met=3+x", "", `"3:66:met=3+x": the step "x" in met= is not 1, 2, 3 … (steps are joined by +)`},
		{"3:66:yes", "", `"3:66:yes": want occurrence:rate or occurrence:rate:met=STEPS`},
		{"3:66:met=2", "", "jiechuliang: met lists step 2, which has no extra condition (steps with one: 3, 4)"},
		{"4:66:met=3+5", "", "jiechuliang: met lists step 5, but the ladder has steps 1–4"},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			rows, errs, err := Run(h, per, "people.csv", strings.NewReader(head+"p"+pay+tt.cell+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range errs {
				got = append(got, e.String())
			}
			if tt.err != "" {
				if !strings.Contains(strings.Join(got, "\n")+rows[0].Err, tt.err) {
					t.Errorf("errors %q, row error %q: want %q", got, rows[0].Err, tt.err)
				}
				return
			}
			if len(got) > 0 || rows[0].Result.Points == nil {
				t.Fatalf("errors %q, row error %q", got, rows[0].Err)
			}
			if p := rows[0].Result.Points.Total.String(); p != tt.points {
				t.Errorf("points %s, want %s", p, tt.points)
			}
		})
	}
}
