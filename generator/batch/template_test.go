package batch

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestTemplateIsAcceptedByRun checks that the header Template writes for
// every paid role and every kind of period is a header payout accepts, and
// that it asks for what the period needs: the annual card's items (not the
// annual score by hand) for the director's year, the earlier quarters for
// a key-account ledger, the departure columns where leave rules apply, a
// column for each personal parameter the period uses.
func TestTemplateIsAcceptedByRun(t *testing.T) {
	headers := templates(t, fixture.Handbook(t))
	for _, tt := range []struct {
		key, has, hasNot string
	}{
		{"kefu-zongjian 2026", "scorecard.kefu-zongjian-annual.crm", "pay.annual_score"},
		{"kefu-zongjian 2026", "leave.case,leave.months", "scorecard.kefu-zongjian-monthly"},
		{"kefu-zongjian 2026-10", "scorecard.kefu-zongjian-monthly.crm", "leave.case"},
		{"dakehu-zhuanyuan 2026-Q3", "history.2026-Q2.pay.achieved", "history.2026-Q3"},
		{"kefu-daibiao 2026-10", "points.ladder.jiechuliang", "scorecard."},
		{"kefu-daibiao 2026-10", "own.basic_pay,own.grade_allowance", "own.post_pay"}, // post_pay is not personal in the fixture
		{"dakehu-zhuanyuan 2026-Q3", "own.quarter_target", "own.floating_pay"},
		{"dakehu-zhuanyuan 2026-Q3", "history.2026-Q2.own.quarter_target", "history.2026-Q3"},
	} {
		h := headers[tt.key]
		if !strings.Contains(h, tt.has) || strings.Contains(h, tt.hasNot) {
			t.Errorf("%s: want %s and no %s in\n%s", tt.key, tt.has, tt.hasNot, h)
		}
	}
}

// TestShippedTemplatesAreAcceptedByRun checks the shipped policies the same
// way: whatever roles and plans HR writes, the template of every paid role
// is a header payout accepts, with a guide to every column.
func TestShippedTemplatesAreAcceptedByRun(t *testing.T) {
	h, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	templates(t, h)
}

// templates makes the template of every paid role of h for a month, a
// quarter and a year, checks that Run accepts each, and returns their
// headers by "ROLE PERIOD".
func templates(t *testing.T, h *policy.Handbook) map[string]string {
	t.Helper()
	headers := map[string]string{}
	n := 0
	for _, p := range h.All() {
		role, ok := p.(*policy.Role)
		if !ok || role.PayPlan == "" {
			continue
		}
		for _, ps := range []string{"2026-10", "2026-Q3", "2026"} {
			per, _ := engine.ParsePeriod(ps)
			cols, err := inputs.Fields(h, per, role.ID)
			if err != nil {
				if !strings.Contains(err.Error(), "pays nothing") {
					t.Errorf("%s %s: %v", role.ID, ps, err)
				}
				continue
			}
			n++
			var names []string
			for _, c := range cols {
				if c.What == "" {
					t.Errorf("%s %s: column %s has no guide", role.ID, ps, c.Path)
				}
				names = append(names, c.Path)
			}
			header := strings.Join(names, ",")
			headers[role.ID+" "+ps] = header
			if _, _, err := Run(h, per, "people.csv", strings.NewReader(header+"\n")); err != nil {
				t.Errorf("%s %s: payout refuses the template's header: %v", role.ID, ps, err)
			}
		}
	}
	if n == 0 {
		t.Error("no template made: no role has a pay plan")
	}
	return headers
}
