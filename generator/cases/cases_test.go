package cases

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/report"
)

// shipped returns the policies of this repository, whose worked cases have
// golden results.
func shipped(t testing.TB) *policy.Handbook {
	t.Helper()
	h, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// handbook returns the fixture handbook, which the tests of the checks pin
// their messages to.
func handbook(t testing.TB) *policy.Handbook { return fixture.Handbook(t) }

// TestGoldenCases computes every case under testdata/cases and compares the
// report, trace included, with its golden file: a policy change that moves
// any number fails here until the goldens are updated (go test ./... -update)
// in the same change. A case without a golden, or a golden without a case,
// fails.
func TestGoldenCases(t *testing.T) {
	h := shipped(t)
	dir := "../../testdata/cases"
	cases, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	goldens, _ := filepath.Glob(filepath.Join(dir, "*.golden"))
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	have := map[string]bool{}
	for _, c := range cases {
		have[strings.TrimSuffix(c, ".toml")] = true
	}
	for _, g := range goldens {
		if !have[strings.TrimSuffix(g, ".golden")] {
			t.Errorf("%s has no case", g)
		}
	}
	for _, path := range cases {
		name := strings.TrimSuffix(filepath.Base(path), ".toml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			c, diags := Read(load.File{Path: "testdata/cases/" + filepath.Base(path), Data: data}, h)
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			r, err := engine.Compute(h, c.Case)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			report.Text(&b, c.Title, r)
			golden.Check(t, strings.TrimSuffix(path, ".toml")+".golden", b.String())
		})
	}
}

// TestCaseErrors guards that a bad case is refused at its position.
func TestCaseErrors(t *testing.T) {
	h := handbook(t)
	for _, tt := range []struct{ src, want string }{
		{"title = \"x\"\nrole = \"kefu-zongjian\"\nperiod = \"2026-13\"\n", `c.toml:3:10: "2026-13" is not in the expected form: 2026-10 (a month), 2026-Q3 (a quarter) or 2026 (a year). (period)`},
		{"title = \"x\"\nrole = \"nobody\"\nperiod = \"2026-10\"\n", `c.toml:2:8: no role "nobody" in effect on 2026-10-31 (role)`},
		{"title = \"x\"\nrole = \"kefu-zongjian\"\nperiod = \"2026-10\"\n[scorecard.kefu-zongjian-monthly]\nreferral = \"yes\"\n", `c.toml:5:12: item referral is scored yes/no: write true or false`},
		{"title = \"x\"\nrole = \"kefu-zongjian\"\nperiod = \"2026-10\"\n[scorecard.kefu-zongjian-monthly]\ncmr = \"90\"\n", `c.toml:5:7: scorecard kefu-zongjian-monthly has no item "cmr"`},
		{"title = \"x\"\nrole = \"kefu-zongjian\"\nperiod = \"2026-10\"\nscore = 1\n", `c.toml:4:1: unknown key "score"`},
	} {
		_, diags := Read(load.File{Path: "c.toml", Data: []byte(tt.src)}, h)
		if len(diags) == 0 || !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("got %v, want %s", diags, tt.want)
		}
	}
}
