package coverage

import (
	"bytes"
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
)

func TestCoverageOfTheWorkedCases(t *testing.T) {
	h := shipped(t)
	all := Clauses(h)
	keys := map[string]bool{}
	for _, c := range all {
		keys[c.Key()] = true
	}
	// Every row of a tier table is a clause; so is every ledger branch.
	for _, want := range []string{
		"kefu-zongjian-monthly@1#crm tiers[0]", "kefu-zongjian-monthly@1#crm tiers[2]",
		"kefu-zongjian-monthly@1#complaints deducted", "bonus-coefficient@1 rows[8]",
		"dakehu-zhuanyuan-pay@1#quarterly_bonus made-up", "kefu-points@1#jiechuliang steps[3]",
		"dianwang@1#huikou pay_effect",
	} {
		if !keys[want] {
			t.Errorf("clause %q not listed", want)
		}
	}
	worked, diags, err := cases.RunDir("../../testdata/cases", "testdata/cases", h)
	if err != nil || len(diags) > 0 {
		t.Fatal(err, diags)
	}
	var list []string
	hit := Exercised(resultsOf(worked))
	for k := range hit {
		list = append(list, k)
	}
	for _, want := range []string{"kefu-zongjian-monthly@1#crm tiers[0]", "dakehu-zhuanyuan-pay@1#quarterly_bonus made-up",
		"dianwang@1#huikou pay_effect", "kefu-points@1#jiechuliang steps[0]"} {
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
	// The gate: every clause of the policies is exercised by a worked case or
	// a generated boundary probe.
	for k := range ProbeHits(Boundaries(h)) {
		hit[k] = true
	}
	full := Measure(all, hit)
	for _, c := range full.Missing {
		t.Errorf("no worked case or boundary probe exercises %s %s (%s): add a case under testdata/cases", c.Ref, c.Clause, c.What)
	}
	t.Logf("clause coverage: %d of %d (worked cases alone: %d)", full.Covered, full.Total, r.Covered)
}

func resultsOf(ws []cases.Worked) []engine.Result {
	out := make([]engine.Result, len(ws))
	for i, w := range ws {
		out[i] = w.Result
	}
	return out
}

var update = flag.Bool("update", false, "rewrite testdata/boundaries.golden")

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
	golden.Check(t, "../../testdata/boundaries.golden", b.String(), *update)
	for _, p := range probes {
		if strings.HasPrefix(p.Result, "error") {
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
