package diff

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
)

// shipped returns the policy files of the fixture handbook: the tests of
// the comparison pin its numbers, and edit its text.
func shipped(t testing.TB) []load.File { return fixture.Files(t) }

// edit is one change to the bytes of one policy file.
type edit struct{ path, old, new string }

// loaded loads files with the edits applied; each edit must apply once.
func loaded(t testing.TB, files []load.File, edits ...edit) *policy.Handbook {
	t.Helper()
	out := make([]load.File, len(files))
	copy(out, files)
	for _, e := range edits {
		found := false
		for i, f := range out {
			if f.Path != e.path {
				continue
			}
			if strings.Count(string(f.Data), e.old) != 1 {
				t.Fatalf("%s: %q appears %d times, want once", e.path, e.old, strings.Count(string(f.Data), e.old))
			}
			out[i].Data = []byte(strings.Replace(string(f.Data), e.old, e.new, 1))
			found = true
		}
		if !found {
			t.Fatalf("no file %s", e.path)
		}
	}
	h, diags := load.Load(out)
	if len(diags) > 0 {
		t.Fatalf("the edited policies do not load:\n%v", diags)
	}
	return h
}

// worked reads the fixture's worked cases: the named ones, or all of them.
func worked(t testing.TB, names ...string) []load.File { return fixture.Cases(t, names...) }

func compare(t testing.TB, old, cur *policy.Handbook, cases []load.File) *Report {
	t.Helper()
	r, err := Compare(Options{Old: old, New: cur, OldName: "`main`（abc1234）", NewName: "工作区",
		Cases: cases, Month: Latest(old, cur), People: MinPeople, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func dec(s string) exact.Decimal { return exact.MustParse(s) }

func TestPopulation(t *testing.T) {
	h := loaded(t, shipped(t))
	m := Latest(h)
	people := Population(h, m, MinPeople, 1)
	if len(people) < 1000 {
		t.Fatalf("%d people, want at least 1000", len(people))
	}
	roles := PaidRoles(h, m)
	if len(roles) < 7 {
		t.Errorf("roles with a pay plan: %v, want the 7 shipped", roles)
	}
	count := map[string]int{}
	for _, p := range people {
		count[p.Role]++
		for j, c := range p.Cases {
			if c.Period != Settlements(m)[j] || c.Role != p.Role || !c.NoTrace {
				t.Fatalf("%s: case %d is %s %s", p.ID, j, c.Role, c.Period)
			}
		}
	}
	for _, r := range roles {
		if count[r] < len(people)/len(roles) {
			t.Errorf("role %s has %d people, want %d or more", r, count[r], len(people)/len(roles))
		}
	}
	if d := cmp.Diff(fingerprint(people), fingerprint(Population(h, m, MinPeople, 1))); d != "" {
		t.Errorf("the same seed gives other people:\n%s", d)
	}
	if fingerprint(people) == fingerprint(Population(h, m, MinPeople, 2)) {
		t.Error("another seed gives the same people")
	}
}

// fingerprint writes every input of the people, maps in key order.
func fingerprint(people []Person) string {
	var b strings.Builder
	val := func(v formula.Value) string {
		if v.IsBool {
			return strconv.FormatBool(v.Bool)
		}
		return v.Num.String()
	}
	vals := func(m map[string]formula.Value) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			fmt.Fprintf(&b, " %s=%s", k, val(m[k]))
		}
	}
	for _, p := range people {
		for _, c := range p.Cases {
			fmt.Fprintf(&b, "%s %s %s %v\n", p.ID, c.Role, c.Period, c.RedLines)
			for _, sc := range slices.Sorted(maps.Keys(c.Scorecards)) {
				for _, id := range slices.Sorted(maps.Keys(c.Scorecards[sc])) {
					in := c.Scorecards[sc][id]
					fmt.Fprintf(&b, " %s.%s:", sc, id)
					if in.Value != nil {
						b.WriteString(in.Value.String())
					}
					if in.Yes != nil {
						b.WriteString(strconv.FormatBool(*in.Yes))
					}
					fmt.Fprintf(&b, "%d%s%v", in.Level, in.Choice, in.Checks)
					vals(in.Named)
				}
			}
			vals(c.Pay)
			if c.Points != nil {
				fmt.Fprintf(&b, " points %v %v", c.Points.Events, c.Points.Shortfalls)
				for _, id := range slices.Sorted(maps.Keys(c.Points.Awards)) {
					fmt.Fprintf(&b, " %s=%v", id, c.Points.Awards[id])
				}
			}
			for _, q := range c.History {
				fmt.Fprintf(&b, " %s %s", q.Label, q.Score)
				vals(q.Values)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestPopulationExercises guards that the population reaches what a policy
// change can move: every component of every plan is paid to someone, some
// red lines are touched, and ledgers carry history.
func TestPopulationExercises(t *testing.T) {
	h := loaded(t, shipped(t))
	m := engine.Period{Kind: "monthly", Year: 2026, Month: 10}
	people := Population(h, m, MinPeople, 1)
	paid := map[string]bool{}
	seen := map[string]bool{}
	redLines, history := 0, 0
	for _, p := range people {
		for _, c := range p.Cases {
			redLines += len(c.RedLines)
			history += len(c.History)
			res, err := engine.Compute(h, c)
			if err != nil {
				t.Fatalf("%s %s %s: %v", p.ID, p.Role, c.Period, err)
			}
			if res.Pay == nil {
				continue
			}
			for _, comp := range res.Pay.Components {
				k := res.Pay.Plan + "." + comp.Name
				seen[k] = true
				if comp.Amount.Sign() > 0 {
					paid[k] = true
				}
			}
		}
	}
	for k := range seen {
		if !paid[k] {
			t.Errorf("component %s is 0 for everyone", k)
		}
	}
	if redLines == 0 || redLines > len(people)*3/10 {
		t.Errorf("%d red lines touched in %d settlements, want a few", redLines, 3*len(people))
	}
	if history == 0 {
		t.Error("no ledger history")
	}
}

func TestIdentical(t *testing.T) {
	files := shipped(t)
	h := loaded(t, files)
	r := compare(t, h, loaded(t, files), worked(t))
	if r.Changed() {
		t.Errorf("identical policies differ:\n%s", r.Markdown())
	}
	total := 0
	for _, rd := range r.Roles {
		total += rd.People
		if rd.Same != rd.People {
			t.Errorf("%s: %d of %d people unchanged", rd.Role, rd.Same, rd.People)
		}
	}
	if total < 1000 || r.People != total {
		t.Errorf("%d people in the roles, report says %d; want at least 1000", total, r.People)
	}
	md := r.Markdown()
	want := fmt.Sprintf("**薪酬结果无变化**：%d 个样例、1000 人的月度、季度、年度结算均与调整前相同。", len(worked(t)))
	if !strings.Contains(md, want) || strings.Count(md, "\n") != 5 {
		t.Errorf("got\n%s\nwant the header and %q", md, want)
	}
}

// TestChanges checks the figures for one change at a time.
func TestChanges(t *testing.T) {
	files := shipped(t)
	old := loaded(t, files)
	const zongjianPay = "policies/pay/kefu-zongjian-pay.toml"
	tests := []struct {
		name  string
		edits []edit
		check func(t *testing.T, r *Report)
	}{{
		name:  "fixed pay up 200",
		edits: []edit{{zongjianPay, `value = "8000.00"`, `value = "8200.00"`}},
		check: func(t *testing.T, r *Report) {
			rd := role(t, r, "kefu-zongjian")
			n := exact.FromInt(int64(rd.People))
			if rd.Up != rd.People || rd.Total.Cmp(dec("200").Mul(n)) != 0 || rd.MaxGain.Cmp(dec("200")) != 0 || rd.Mean.Cmp(dec("200")) != 0 {
				t.Errorf("kefu-zongjian: %+v, want everyone +200", rd)
			}
			c := component(t, r, "kefu-zongjian", "fixed")
			if c.Delta().Cmp(dec("200").Mul(n)) != 0 || c.Changed != rd.People {
				t.Errorf("fixed: %+v", c)
			}
			for _, o := range r.Roles {
				if o.Role != "kefu-zongjian" && o.Same != o.People {
					t.Errorf("%s changed: %+v", o.Role, o)
				}
			}
			cd := caseDiff(t, r, "kefu-zongjian-2026-10")
			if cd.New.Sub(*cd.Old).Cmp(dec("200")) != 0 {
				t.Errorf("case: %s → %s", cd.Old, cd.New)
			}
		},
	}, {
		name:  "ledger bonus rate down",
		edits: []edit{{"policies/pay/dakehu-zhuanyuan-pay.toml", `value = "4"`, `value = "3"`}},
		check: func(t *testing.T, r *Report) {
			rd := role(t, r, "dakehu-zhuanyuan")
			if rd.Up != 0 || rd.Down == 0 || rd.Total.Sign() >= 0 || rd.MaxLoss.Sign() >= 0 {
				t.Errorf("dakehu-zhuanyuan: %+v, want losses only", rd)
			}
			if c := component(t, r, "dakehu-zhuanyuan", "quarterly_bonus"); c.Delta().Cmp(rd.Total) != 0 {
				t.Errorf("the ledger bonus moved %s, the people %s", c.Delta(), rd.Total)
			}
		},
	}, {
		name: "a new input and component",
		edits: []edit{{zongjianPay, "[[component]]\nname = \"fixed\"",
			"[[input]]\nname = \"night_shifts\"\nlabel = \"夜班次数\"\nkind = \"count\"\nperiod = \"monthly\"\n\n" +
				"[[component]]\nname = \"night\"\ntitle = \"夜班补贴\"\nkind = \"allowance\"\nformula = \"night_shifts * 100\"\n\n" +
				"[[component]]\nname = \"fixed\""}},
		check: func(t *testing.T, r *Report) {
			rd := role(t, r, "kefu-zongjian")
			if rd.Down != 0 || rd.Up == 0 || rd.Error != 0 {
				t.Errorf("kefu-zongjian: %+v, want gains and no errors", rd)
			}
			if c := component(t, r, "kefu-zongjian", "night"); c.Old.Sign() != 0 || c.Delta().Cmp(rd.Total) != 0 {
				t.Errorf("night: %+v", c)
			}
			if !cmp.Equal(r.Omitted, []Omission{{"薪酬方案输入", "kefu-zongjian-pay.night_shifts"}}) {
				t.Errorf("omitted %v", r.Omitted)
			}
		},
	}, {
		name: "a renamed input cannot be computed under the old policies",
		edits: []edit{
			{zongjianPay, `name = "orphan_sales"`, `name = "orphan_revenue"`},
			{zongjianPay, `formula = "orphan_sales *`, `formula = "orphan_revenue *`},
		},
		check: func(t *testing.T, r *Report) {
			rd := role(t, r, "kefu-zongjian")
			if rd.Error != rd.People || rd.Mean != nil {
				t.Errorf("kefu-zongjian: %+v, want nobody computed", rd)
			}
			want := Failure{Side: "`main`（abc1234）", Role: "kefu-zongjian", Reason: "薪酬方案 kefu-zongjian-pay：orphan_sales：没有填", People: rd.People}
			if !cmp.Equal(r.Failures, []Failure{want}) {
				t.Errorf("failures %+v, want %+v", r.Failures, want)
			}
			// The case still gives the old name.
			cd := caseDiff(t, r, "kefu-zongjian-2026-10")
			if cd.OldErr != "" || !strings.Contains(cd.NewErr, "需要 orphan_revenue") {
				t.Errorf("case: %+v, want an error under the new policies only", cd)
			}
			md := r.Markdown()
			for _, s := range []string{"无法计算（cannot compute）", "- `kefu-zongjian-2026-10`：按工作区无法计算：", "- `kefu-zongjian`：143 人按`main`（abc1234）无法计算：薪酬方案 kefu-zongjian-pay：orphan_sales：没有填"} {
				if !strings.Contains(md, s) {
					t.Errorf("no %q in\n%s", s, md)
				}
			}
		},
	}}
	cases := worked(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := compare(t, old, loaded(t, files, tt.edits...), cases)
			if !r.Changed() {
				t.Fatal("no change")
			}
			tt.check(t, r)
		})
	}
}

// TestMarkdown is the golden of one change as a pull request shows it: the
// fixed pay of the customer-service director up 200 and K for 95 points up
// from 1.2 to 1.3.
func TestMarkdown(t *testing.T) {
	files := shipped(t)
	cur := loaded(t, files,
		edit{"policies/pay/kefu-zongjian-pay.toml", `value = "8000.00"`, `value = "8200.00"`},
		edit{"policies/bands/bonus-coefficient.toml", `{ min = "95", value = "1.2" }`, `{ min = "95", value = "1.3" }`})
	// A fixed set of cases, so that adding a worked case does not move
	// this golden: two the change moves, two it does not.
	cases := worked(t, "kefu-zongjian-2026-10", "kefu-zongjian-2026-11-red-line", "dakehu-zhuanyuan-2026-Q2", "dakehu-jingli-2026-05")
	if len(cases) != 4 {
		t.Fatalf("%d of the 4 cases found", len(cases))
	}
	r := compare(t, loaded(t, files), cur, cases)
	golden.Check(t, "testdata/fixed-pay-and-k.golden", r.Markdown())
}

func TestLatest(t *testing.T) {
	files := shipped(t)
	h := loaded(t, files)
	if got := Latest(h).String(); got != "2026-01" {
		t.Errorf("Latest = %s, want 2026-01", got)
	}
	// A change that introduces a version from April 2027 is compared then.
	const v1 = "policies/pay/kefu-zongjian-pay.toml"
	var data []byte
	for _, f := range files {
		if f.Path == v1 {
			data = f.Data
		}
	}
	v2 := strings.Replace(strings.Replace(string(data), "version = 1", "version = 2", 1), "effective_from = 2026-01-01", "effective_from = 2027-04-01", 1)
	next := loaded(t, append(append([]load.File(nil), files...), fixture.NewFile("policies/pay/kefu-zongjian-pay.v2.toml", []byte(v2))),
		edit{v1, "effective_from = 2026-01-01", "effective_from = 2026-01-01\neffective_until = 2027-03-31"})
	if got := Latest(h, next).String(); got != "2027-04" {
		t.Errorf("Latest with a version from 2027-04-01 = %s", got)
	}
	if _, err := Compare(Options{Old: h, New: h, Month: engine.Period{Kind: "annual", Year: 2026}}); err == nil {
		t.Error("a year was taken for a month")
	}
}

func role(t *testing.T, r *Report, id string) RoleDiff {
	t.Helper()
	for _, rd := range r.Roles {
		if rd.Role == id {
			return rd
		}
	}
	t.Fatalf("no role %s", id)
	return RoleDiff{}
}

func component(t *testing.T, r *Report, roleID, name string) ComponentDiff {
	t.Helper()
	for _, c := range r.Components {
		if c.Role == roleID && c.Name == name {
			return c
		}
	}
	t.Fatalf("no component %s of %s", name, roleID)
	return ComponentDiff{}
}

func caseDiff(t *testing.T, r *Report, name string) CaseDiff {
	t.Helper()
	for _, c := range r.Cases {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no case %s", name)
	return CaseDiff{}
}

// BenchmarkCompare measures the comparison of 1000 people (three settlements
// each, under both handbooks) without the worked cases.
func BenchmarkCompare(b *testing.B) {
	files := shipped(b)
	old := loaded(b, files)
	cur := loaded(b, files, edit{"policies/pay/kefu-zongjian-pay.toml", `value = "8000.00"`, `value = "8200.00"`})
	m := Latest(old, cur)
	for b.Loop() {
		if _, err := Compare(Options{Old: old, New: cur, Month: m, People: MinPeople, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestManyFailures guards that a comment lists at most maxFailures reasons
// and sums up the rest.
func TestManyFailures(t *testing.T) {
	r := &Report{OldName: "`main`", NewName: "工作区", Month: engine.Period{Kind: "monthly", Year: 2026, Month: 10}, People: 30,
		Roles: []RoleDiff{{Role: "a", People: 30, Error: 30, Total: zero, MaxGain: zero, MaxLoss: zero}}}
	for i := range 25 {
		r.Failures = append(r.Failures, Failure{Side: "`main`", Role: "a", Reason: fmt.Sprintf("reason %02d | x", i), People: 1 + i%2})
	}
	md := r.Markdown()
	if n := strings.Count(md, "人按`main`无法计算：reason"); n != maxFailures {
		t.Errorf("%d reasons listed, want %d", n, maxFailures)
	}
	if !strings.Contains(md, "- 其余 5 种原因，共 7 人。") {
		t.Errorf("no summary of the rest in\n%s", md)
	}
}

// TestScoreFromScorecardAcrossRevisions compares policies in which the
// director's annual score is typed by hand (old) with the shipped ones,
// which compute it from the annual scorecard: the old rules get the score
// the new ones computed, so nobody's pay moves and nobody fails.
func TestScoreFromScorecardAcrossRevisions(t *testing.T) {
	files := shipped(t)
	old := loaded(t, files, edit{"policies/pay/kefu-zongjian-pay.toml", "\nscorecard = \"kefu-zongjian-annual\"", ""})
	r := compare(t, old, loaded(t, files), nil)
	rd := role(t, r, "kefu-zongjian")
	if rd.Same != rd.People || rd.Error != 0 {
		t.Errorf("kefu-zongjian: %+v, want everyone unchanged and computed", rd)
	}
	if len(r.Failures) > 0 {
		t.Errorf("failures: %+v", r.Failures)
	}
}

// TestDerivedFactsReachTheOldRules: when a change makes the policies
// compute a fact from other inputs (a scorecard item fed by pay inputs, a
// pay input counted in the month's points), the people and the worked cases
// leave it out, and the old rules, which take it by hand, are given it as
// the new computation found it: nobody is left uncomputed, and since the
// fact has the same value on both sides, no pay moves.
func TestDerivedFactsReachTheOldRules(t *testing.T) {
	files := shipped(t)
	old := loaded(t, files)
	cur := loaded(t, files,
		edit{"policies/pay/dakehu-zhuanyuan-pay.toml", "\n[[provision]]\nid = \"department-manager-targets\"",
			"\n[[feed]]\nitem = \"sales-completion\"\nformula = \"achieved / quarter_target * 100\"\n\n[[provision]]\nid = \"department-manager-targets\""},
		edit{"policies/pay/kefu-daibiao-pay.toml", "name = \"adopted_suggestions\"", "name = \"adopted_suggestions\"\nevent = \"heli-jianyi\""},
	)
	r := compare(t, old, cur, worked(t))
	for _, id := range []string{"dakehu-zhuanyuan", "kefu-daibiao"} {
		rd := role(t, r, id)
		if rd.Error != 0 || rd.Up != 0 || rd.Down != 0 || rd.Same != rd.People {
			t.Errorf("%s: %+v, want everyone computed and unchanged", id, rd)
		}
	}
	if len(r.Failures) > 0 {
		t.Errorf("failures: %+v", r.Failures)
	}
}

// TestDerivedFactsUnderRulesThatDeriveThemToo: when both sides compute a
// fact, each computes its own: a change to what the fact is computed from
// (the default quarterly target) moves pay and computes everyone, instead
// of handing the new value to old rules that compute another.
func TestDerivedFactsUnderRulesThatDeriveThemToo(t *testing.T) {
	files := shipped(t)
	feed := edit{"policies/pay/dakehu-zhuanyuan-pay.toml", "\n[[provision]]\nid = \"department-manager-targets\"",
		"\n[[feed]]\nitem = \"sales-completion\"\nformula = \"achieved / quarter_target * 100\"\n\n[[provision]]\nid = \"department-manager-targets\""}
	old := loaded(t, files, feed)
	cur := loaded(t, files, feed, edit{"policies/pay/dakehu-zhuanyuan-pay.toml", `value = "200000.00"`, `value = "250000.00"`})
	r := compare(t, old, cur, worked(t))
	rd := role(t, r, "dakehu-zhuanyuan")
	if rd.Error != 0 || rd.Up+rd.Down == 0 {
		t.Errorf("dakehu-zhuanyuan: %+v, want everyone computed and some pay moved", rd)
	}
	if len(r.Failures) > 0 {
		t.Errorf("failures: %+v", r.Failures)
	}
}
