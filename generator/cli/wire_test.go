package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/coverage"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/wire"
)

// TestJSONOutputsMatchTheWireSchema runs every command that prints JSON,
// in a copy of the fixture handbook, and validates each document against
// wire.schema.json: calc on every worked case (and the same case sent as a
// JSON request, which must give the same bytes), calc refusing a bad case
// and a bad request, payout (rows, totals, a bad header), coverage (gate
// passed and failed), diff, version, and validate clean and with problems.
func TestJSONOutputsMatchTheWireSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	if err := c.AddResource("wire.schema.json", bytes.NewReader(wire.Schema)); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("wire.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := fixtureFiles()
	if err != nil {
		t.Fatal(err)
	}
	if err := fixture.WriteCheckout(dir, loadFiles(files)); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	run := func(want int, args ...string) []byte {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := Run(args, &out, &errOut); code != want {
			t.Fatalf("handbook %s: exit %d, want %d\n%s", strings.Join(args, " "), code, want, errOut.String())
		}
		var doc any
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatalf("handbook %s: not JSON: %v\n%s", strings.Join(args, " "), err, out.String())
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("handbook %s: %v", strings.Join(args, " "), err)
		}
		return out.Bytes()
	}
	h := fixture.Handbook(t)
	paths, _ := filepath.Glob("cases/*.toml")
	if len(paths) == 0 {
		t.Fatal("no fixture cases")
	}
	for _, path := range paths {
		got := run(0, "calc", "--format", "json", path)
		src, _ := os.ReadFile(path)
		wc, diags := cases.Read(load.File{Path: path, Data: src}, h)
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		req := strings.TrimSuffix(path, ".toml") + ".json"
		if err := os.WriteFile(req, wire.Marshal(wire.FromCase(wc.Title, wc.Case)), 0o644); err != nil {
			t.Fatal(err)
		}
		if again := run(0, "calc", "--format", "json", req); !bytes.Equal(again, got) {
			t.Errorf("%s: the JSON request gives another result than the case file", path)
		}
	}
	// A bad request: an unknown input, a wrong value.
	bad := `{"wire": 1, "kind": "case", "period": "2026-10", "inputs": {"person": "p", "role": "kefu-zongjian", "pay.nosuch": "1"}}`
	if err := os.WriteFile("bad.json", []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := run(1, "calc", "--format", "json", "bad.json"); !bytes.Contains(out, []byte(`"path": "pay.nosuch"`)) {
		t.Errorf("the bad request's problem is not at its path:\n%s", out)
	}
	// payout: rows computed and rows with errors, with and without totals;
	// a header it cannot read is a problems document.
	people := "person,role,scorecard.kefu-zongjian-monthly.crm,scorecard.kefu-zongjian-monthly.info-mastery,scorecard.kefu-zongjian-monthly.referral,scorecard.kefu-zongjian-monthly.key-visits,scorecard.kefu-zongjian-monthly.satisfaction,scorecard.kefu-zongjian-monthly.complaints,scorecard.kefu-zongjian-monthly.orphan-loss,scorecard.kefu-zongjian-monthly.zhihui,scorecard.kefu-zongjian-monthly.zhiyehua,scorecard.kefu-zongjian-monthly.kehu-zhongxin,scorecard.kefu-zongjian-monthly.fuwu-xizhi,scorecard.kefu-zongjian-monthly.chengdan-zeren,pay.orphan_sales,pay.extra_award,pay.collections,red_lines\n" +
		"王敏,kefu-zongjian,92,88,true,95,86,1,0,4,3,4,3,5,150000.00,0,,\n" +
		"周航,dakehu-jingli,,,,,,,,,,,,,,,120000.00,\n" +
		"李四,kefu-zongjian,92,88,true,95,86,1,0,four,3,4,3,5,150000.00,0,,\n"
	if err := os.WriteFile("people.csv", []byte(people), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := run(1, "payout", "--period", "2026-10", "--format", "json", "people.csv"); !bytes.Contains(out, []byte(`"all":{"people":2,"failed":1`)) {
		t.Errorf("payout: no total of all roles:\n%s", out)
	}
	run(1, "payout", "--period", "2026-10", "--format", "json", "--totals=false", "people.csv")
	if err := os.WriteFile("bad.csv", []byte("person,role,pay.nosuch\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := run(1, "payout", "--period", "2026-10", "--format", "json", "bad.csv"); !bytes.Contains(out, []byte(`"kind": "problems"`)) {
		t.Errorf("payout: a bad header is not a problems document:\n%s", out)
	}
	// coverage: the gate's verdict depends on the day; either is a document.
	for _, day := range []string{"2026-10-01", "2030-01-01"} {
		var out, errOut bytes.Buffer
		code := Run([]string{"coverage", "--format", "json", "--today", day}, &out, &errOut)
		var doc wire.Coverage
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil || code > 1 {
			t.Fatalf("coverage --today %s: exit %d, %v\n%s%s", day, code, err, out.String(), errOut.String())
		}
		if doc.Passed != (code == 0) || doc.Passed != (len(doc.Problems) == 0) {
			t.Errorf("coverage --today %s: exit %d, passed %v, %d problems", day, code, doc.Passed, len(doc.Problems))
		}
		run(code, "coverage", "--format", "json", "--today", day)
	}
	// diff: against a commit of the same policies, with a raise.
	if _, err := exec.LookPath("git"); err == nil {
		git := func(args ...string) {
			t.Helper()
			cmd := exec.Command("git", args...)
			cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
			}
		}
		git("init", "-q")
		git("add", "policies", "roles")
		git("commit", "-q", "-m", "policies")
		out := run(0, "diff", "--format", "json", "--people", "60", "--cases", "cases", "HEAD")
		var doc wire.Diff
		if err := json.Unmarshal(out, &doc); err != nil || doc.Changed || len(doc.Roles) == 0 {
			t.Errorf("diff against the same policies: %v, changed %v, %d roles", err, doc.Changed, len(doc.Roles))
		}
	}
	if out := run(0, "version", "--format", "json"); !bytes.Contains(out, []byte(`"checkout": {`)) {
		t.Errorf("version in a checkout does not digest the checkout's policies:\n%s", out)
	}
	run(0, "validate", "--format", "json")
	if err := os.WriteFile("policies/bands/broken.toml", []byte("#:schema ../../generator/schema/bands.schema.json\nid = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(1, "validate", "--format", "json")
}

// TestEveryClauseKindHasAWireName: a kind of clause added to coverage
// needs its name in the coverage document.
func TestEveryClauseKindHasAWireName(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range coverage.Kinds {
		name := clauseKinds[k]
		if name == "" || seen[name] {
			t.Errorf("coverage kind %q has no wire name of its own (%q)", k, name)
		}
		seen[name] = true
	}
}
