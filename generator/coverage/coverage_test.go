package coverage

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/civil"
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

// TestCoverageOfTheWorkedCases is the gate on the shipped policies, as of
// today (HANDBOOK_TODAY=YYYY-MM-DD to judge another day): every clause of
// every version in effect, or within the last year, is exercised by a worked
// case or a generated boundary probe (the rows of a pay plan's own tables
// only by a worked case), and every such version that pays is computed by a
// worked case. A version that starts later is not required until it starts.
func TestCoverageOfTheWorkedCases(t *testing.T) {
	h := shipped(t)
	worked, diags, err := cases.RunDir("../../testdata/cases", "testdata/cases", h)
	if err != nil || len(diags) > 0 {
		t.Fatal(err, diags)
	}
	y, m, d := time.Now().UTC().Date()
	today := civil.Of(y, int(m), d)
	if s := os.Getenv("HANDBOOK_TODAY"); s != "" {
		if today, err = civil.Parse(s); err != nil {
			t.Fatalf("HANDBOOK_TODAY=%q: want YYYY-MM-DD", s)
		}
	}
	a := Analyze(h, resultsOf(worked), Boundaries(h), today)
	for _, p := range a.Problems() {
		t.Error(p)
	}
	byCase, covered, total := a.Counts("")
	t.Logf("as of %s: %d of %d clauses by worked cases, %d with probes; %d versions that pay", today, byCase, total, covered, len(a.Versions))
}

// TestGate checks the gate's rules on the fixture: a version not yet in
// effect is not required, a version in effect that no case computes is
// refused, and so is a clause in effect that nothing reaches.
func TestGate(t *testing.T) {
	files := fixture.Files(t)
	v2 := ""
	for i, f := range files {
		if f.Path == "policies/pay/kefu-zongjian-pay.toml" {
			v2 = strings.Replace(strings.Replace(string(f.Data), "version = 1", "version = 2", 1), "effective_from = 2026-01-01", "effective_from = 2027-01-01", 1)
			files[i].Data = []byte(strings.Replace(string(f.Data), "effective_from = 2026-01-01", "effective_from = 2026-01-01\neffective_until = 2026-12-31", 1))
		}
	}
	files = append(files, fixture.NewFile("policies/pay/kefu-zongjian-pay.v2.toml", []byte(v2)))
	h, diags := load.Load(files)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	worked, diags, err := cases.RunDir(fixture.CasesDir(), "cases", h)
	if err != nil || len(diags) > 0 {
		t.Fatal(err, diags)
	}
	problems := func(today string) string {
		d, _ := civil.Parse(today)
		return strings.Join(Analyze(h, resultsOf(worked), Boundaries(h), d).Problems(), "\n")
	}
	before, after := problems("2026-12-02"), problems("2027-01-01")
	if strings.Contains(before, "kefu-zongjian-pay@2") {
		t.Errorf("a version from 2027-01-01 is required on 2026-12-02:\n%s", before)
	}
	for _, want := range []string{"no worked case computes kefu-zongjian-pay@2 (pay plan policies/pay/kefu-zongjian-pay.v2.toml, from 2027-01-01)",
		"no worked case or boundary probe exercises kefu-zongjian-pay@2#fixed formula (固定工资)"} {
		if !strings.Contains(after, want) {
			t.Errorf("on 2027-01-01 the gate does not say %q:\n%s", want, after)
		}
	}
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
// choice, yes/no and deduction count; the most an input can be and just
// above it; every ladder step; every ledger's base, target and cap; every
// threshold and yes/no branch of a pay formula) and compares them with
// testdata/boundaries.golden: a change of any threshold or points shows as a
// diff there. A probe past an input's domain is refused, not an error.
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
