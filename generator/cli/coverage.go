package cli

import (
	"flag"
	"io"
	"path/filepath"
	"strconv"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/coverage"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/wire"
)

// coverageCmd computes the worked cases and reports which clauses and
// versions of the policies they, and the boundary probes, exercise; it exits
// 1 when the gate that go test applies fails.
func coverageCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("coverage", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("cases", filepath.Join("testdata", "cases"), "directory of worked cases")
	todayFlag := fs.String("today", "", "the day the gate is judged on, YYYY-MM-DD (default: today)")
	format := fs.String("format", "text", "output format: text, or json (the wire's coverage document)")
	if err := parse(fs, args); err != nil {
		return 2
	}
	if *format != "text" && *format != "json" {
		printf(stderr, "handbook coverage: --format %s: want text or json\n", *format)
		return 2
	}
	t, err := parseToday(*todayFlag)
	if err != nil {
		printf(stderr, "handbook coverage: %v\n", err)
		return 2
	}
	today := civil.Of(t.Year(), int(t.Month()), t.Day())
	h, _, code := handbook("coverage", stderr)
	if code != 0 {
		return code
	}
	worked, diags, err := cases.RunDir(*dir, filepath.ToSlash(*dir), h)
	if err != nil {
		printf(stderr, "handbook coverage: %v\n", err)
		return 2
	}
	if len(diags) > 0 {
		writeText(stderr, diags, nil)
		return 1
	}
	results := make([]engine.Result, len(worked))
	for i, w := range worked {
		results[i] = w.Result
	}
	a := coverage.Analyze(h, results, coverage.Boundaries(h), today)
	if *format == "json" {
		doc := coverageDoc(a)
		_, _ = stdout.Write(wire.Marshal(doc))
		if !doc.Passed {
			return 1
		}
		return 0
	}
	// A percentage with one decimal, as %.1f writes it: printf formats no
	// floats (see generator/internal/printf).
	pct := func(n, of int) string {
		return strconv.FormatFloat(100*float64(n)/float64(max(of, 1)), 'f', 1, 64)
	}
	byCase, covered, total := a.Counts("")
	printf(stdout, "clause coverage as of %s, by %d worked cases and %d generated boundary probes:\n", today.String(), a.Cases, a.Probes)
	printf(stdout, "  by the worked cases: %d of %d clauses (%s%%)\n", byCase, total, pct(byCase, total))
	printf(stdout, "  by the worked cases and the probes: %d of %d clauses (%s%%)\n", covered, total, pct(covered, total))
	for _, k := range coverage.Kinds {
		if c, p, n := a.Counts(k); n > 0 {
			printf(stdout, "  %s: %d by cases, %d with probes, of %d\n", k, c, p, n)
		}
	}
	computed := 0
	for _, v := range a.Versions {
		if v.ByCase {
			computed++
		}
	}
	printf(stdout, "versions that pay: %d, computed by a worked case: %d\n", len(a.Versions), computed)
	for _, v := range a.Versions {
		if !v.ByCase {
			printf(stdout, "  not computed by any worked case: %s (%s, %s)\n", v.Ref(), noun(v.Policy.Kind), coverage.StatusText(v.Policy, today))
		}
	}
	for _, c := range a.Clauses {
		if !c.Covered() {
			printf(stdout, "  not exercised: %s %s (%s) [%s]\n", c.Ref, c.Clause.Clause, c.What, coverage.StatusText(c.Policy, today))
		}
	}
	problems := a.ProblemTexts()
	if len(problems) == 0 {
		printf(stdout, "coverage gate: passed (every clause and every version that pays, in effect or within the last year, is exercised)\n")
		return 0
	}
	printf(stdout, "coverage gate: %d %s (go test fails on these):\n", len(problems), plural(len(problems), "problem", "problems", "个问题"))
	for _, p := range problems {
		printf(stdout, "  %s\n", p)
	}
	return 1
}
