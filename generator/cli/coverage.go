package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/coverage"
	"github.com/kefu-hr/handbook/generator/engine"
)

// coverageCmd computes the worked cases and reports which clauses of the
// policies they exercise and which no case reaches.
func coverageCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("coverage", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("cases", filepath.Join("testdata", "cases"), "directory of worked cases")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	h, _, code := handbook("coverage", stderr)
	if code != 0 {
		return code
	}
	worked, diags, err := cases.RunDir(*dir, filepath.ToSlash(*dir), h)
	if err != nil {
		fmt.Fprintf(stderr, "handbook coverage: %v\n", err)
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
	hit := coverage.Exercised(results)
	probes := coverage.Boundaries(h)
	for k := range coverage.ProbeHits(probes) {
		hit[k] = true
	}
	r := coverage.Measure(coverage.Clauses(h), hit)
	fmt.Fprintf(stdout, "clause coverage: %d of %d clauses (%.1f%%) by %d cases and %d generated boundary probes\n",
		r.Covered, r.Total, 100*float64(r.Covered)/float64(max(r.Total, 1)), len(worked), len(probes))
	for _, k := range r.ByKind {
		fmt.Fprintf(stdout, "  %s: %d of %d\n", k.Kind, k.Covered, k.Total)
	}
	for _, c := range r.Missing {
		fmt.Fprintf(stdout, "  not exercised: %s %s (%s)\n", c.Ref, c.Clause, c.What)
	}
	return 0
}
