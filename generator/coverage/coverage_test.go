package coverage

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestClausesAndExercised checks, on the fixture handbook and its cases,
// that every row of a tier table, every ledger branch, ladder step and
// fallback, table row and red line is a clause, and that the traces of the
// cases reach the clauses they compute.
func TestClausesAndExercised(t *testing.T) {
	h := fixture.Handbook(t)
	all := Clauses(h)
	keys := map[string]bool{}
	for _, c := range all {
		keys[c.Key()] = true
	}
	for _, want := range []string{
		"kefu-zongjian-monthly@1#crm tiers[0]", "kefu-zongjian-monthly@1#crm tiers[2]",
		"kefu-zongjian-monthly@1#complaints deducted", "bonus-coefficient@1 rows[8]",
		"dakehu-zhuanyuan-pay@1#quarterly_bonus made-up", "kefu-points@1#jiechuliang steps[3]",
		"dianwang@1#huikou pay_effect", "kefu-points@1#jiechuliang met", "kefu-points@1#jiechuliang steps[2]->steps[1]",
		"kefu-points@1#jiechuliang steps[3]->steps[2]", "kefu-points@1#jiechuliang steps[3]->steps[1]",
		"kefu-daibiao-pay@1#table.incentive rows[0]", "kefu-daibiao-pay@1#table.allowance_deduction rows[2]",
	} {
		if !keys[want] {
			t.Errorf("clause %q not listed", want)
		}
	}
	worked, diags, err := cases.RunDir(fixture.CasesDir(), "cases", h)
	if err != nil || len(diags) > 0 {
		t.Fatal(err, diags)
	}
	var list []string
	hit := Exercised(resultsOf(worked))
	for k := range hit {
		list = append(list, k)
	}
	for _, want := range []string{"kefu-zongjian-monthly@1#crm tiers[0]", "dakehu-zhuanyuan-pay@1#quarterly_bonus made-up",
		"dianwang@1#huikou pay_effect", "kefu-points@1#jiechuliang steps[0]",
		// The audit's findings: a 3rd shortfall whose condition fails, a 4th
		// with only step 3's condition, a score below 85, the 个性化 path.
		"kefu-points@1#jiechuliang steps[2]->steps[1]", "kefu-points@1#jiechuliang steps[3]->steps[2]",
		"kefu-daibiao-pay@1#table.allowance_deduction rows[2]", "kefu-daibiao-pay@1#table.incentive rows[1]"} {
		if !hit[want] {
			t.Errorf("the worked cases do not reach %q; they reach %v", want, list)
		}
	}
	r := Measure(all, hit)
	if r.Covered == 0 || r.Covered+len(r.Missing) != r.Total || !slices.IsSortedFunc(r.Missing, func(a, b Clause) int {
		if a.Key() < b.Key() {
			return -1
		}
		return 1
	}) {
		t.Errorf("report inconsistent: %d of %d, %d missing", r.Covered, r.Total, len(r.Missing))
	}
}

// TestCoverageOfTheWorkedCases is the gate on the shipped policies: every
// clause is exercised by a worked case or a generated boundary probe; the
// rows of a pay plan's own tables only by a worked case, whose formula
// reaches the lookup (ProbeHits leaves their probes out).
func TestCoverageOfTheWorkedCases(t *testing.T) {
	h := shipped(t)
	all := Clauses(h)
	worked, diags, err := cases.RunDir("../../testdata/cases", "testdata/cases", h)
	if err != nil || len(diags) > 0 {
		t.Fatal(err, diags)
	}
	hit := Exercised(resultsOf(worked))
	r := Measure(all, hit)
	probes := Boundaries(h)
	for k := range ProbeHits(probes) {
		hit[k] = true
	}
	full := Measure(all, hit)
	for _, c := range full.Missing {
		if c.Kind == KindTableRow {
			t.Errorf("no worked case looks up %s %s (%s): a probe of the row alone does not count; add a case under testdata/cases whose pay formula reaches it", c.Ref, c.Clause, c.What)
			continue
		}
		t.Errorf("no worked case or boundary probe exercises %s %s (%s): add a case under testdata/cases", c.Ref, c.Clause, c.What)
	}
	var kinds []string
	for _, k := range full.ByKind {
		kinds = append(kinds, fmt.Sprintf("%s %d/%d", k.Kind, k.Covered, k.Total))
	}
	t.Logf("clause coverage: %d of %d (worked cases alone: %d), %d probes; %s", full.Covered, full.Total, r.Covered, len(probes), strings.Join(kinds, ", "))
}

// TestTableRowsAreClauses guards that every row of every pay plan's own
// table is a clause that only a worked case exercises, and that the report
// counts them apart.
func TestTableRowsAreClauses(t *testing.T) {
	h := fixture.Handbook(t)
	rows := 0
	for _, p := range h.All() {
		if pp, ok := p.(*policy.PayPlan); ok {
			for _, tb := range pp.Table {
				rows += len(tb.Rows)
			}
		}
	}
	var clauses []Clause
	for _, c := range Clauses(h) {
		if c.Kind == KindTableRow {
			clauses = append(clauses, c)
		}
	}
	if rows == 0 || len(clauses) != rows {
		t.Fatalf("%d table-row clauses for %d rows", len(clauses), rows)
	}
	if got := ProbeHits(Boundaries(h)); got[clauses[0].Key()] {
		t.Errorf("a probe alone exercises %s", clauses[0].Key())
	}
	r := Measure(clauses, map[string]bool{clauses[0].Key(): true})
	if len(r.ByKind) != 1 || r.ByKind[0] != (KindReport{Kind: KindTableRow, Total: rows, Covered: 1}) || len(r.Missing) != rows-1 {
		t.Errorf("report %+v", r)
	}
	if want := "kefu-daibiao-pay@1#table.allowance_deduction rows[2]"; !slices.ContainsFunc(clauses, func(c Clause) bool {
		return c.Key() == want && c.What == "考核总分扣减职级津贴比例：< 85 → 10"
	}) {
		t.Errorf("no clause %s for the row < 85 → 10 in %v", want, clauses)
	}
}

func resultsOf(ws []cases.Worked) []engine.Result {
	out := make([]engine.Result, len(ws))
	for i, w := range ws {
		out[i] = w.Result
	}
	return out
}

// TestBoundaries computes the generated boundary probes (every threshold of
// every tier and band table just below, at and just above; every level,
// choice, yes/no and deduction count; every ladder step) and compares them
// with testdata/boundaries.golden: a change of any threshold or points shows
// as a diff there.
func TestBoundaries(t *testing.T) {
	h := shipped(t)
	var b bytes.Buffer
	probes := Boundaries(h)
	WriteProbes(&b, probes)
	golden.Check(t, "../../testdata/boundaries.golden", b.String())
	for _, p := range probes {
		if strings.HasPrefix(p.Result, "error") || p.Clause == "" {
			t.Errorf("probe %s %s: %s", p.Ref, p.Input, p.Result)
		}
	}
}

func shipped(t *testing.T) *policy.Handbook {
	t.Helper()
	h, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	return h
}
