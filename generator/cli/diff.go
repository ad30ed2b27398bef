package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kefu-hr/handbook/generator/diff"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/internal/gitrev"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/wire"
)

// diffCmd compares pay under the policies at git revision REV with the
// working tree's and prints the comparison as Markdown.
func diffCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	period := fs.String("period", "", "the month compared, YYYY-MM (default: the month of the latest effective_from in either version)")
	people := fs.Int("people", diff.MinPeople, "size of the synthetic population")
	seed := fs.Uint64("seed", 1, "seed of the synthetic population")
	dir := fs.String("cases", "", "directory of worked cases (default: testdata/cases of the checkout)")
	format := fs.String("format", "markdown", "output format: markdown, or json (the wire's diff document)")
	if err := parse(fs, args); err != nil {
		return 2
	}
	if *format != "markdown" && *format != "json" {
		printf(stderr, "handbook diff: --format %s: want markdown or json\n", *format)
		return 2
	}
	if fs.NArg() != 1 {
		printf(stderr, "usage: handbook diff [--period YYYY-MM] [--people N] [--seed N] [--cases dir] [--format markdown|json] REV\n")
		return 2
	}
	if *people < 1 || *people > maxPeople {
		printf(stderr, "handbook diff: --people %d: want 1 to %d (default %d)\n", *people, maxPeople, diff.MinPeople)
		return 2
	}
	rev := fs.Arg(0)
	var month engine.Period
	if *period != "" {
		p, err := engine.ParsePeriod(*period)
		if err != nil || p.Kind != policy.Monthly {
			printf(stderr, "handbook diff: --period %q: want a month, YYYY-MM\n", *period)
			return 2
		}
		month = p
	}
	cwd, err := os.Getwd()
	if err != nil {
		printf(stderr, "handbook diff: %v\n", err)
		return 2
	}
	root, ok := load.FindRoot(cwd)
	if !ok {
		printf(stderr, "handbook diff: not in a checkout (no directory above has both policies and roles)\n")
		return 2
	}
	commit, err := gitrev.Resolve(root, rev)
	if err != nil {
		printf(stderr, "handbook diff: %v\n", err)
		return 2
	}
	files, err := gitrev.Files(root, rev, commit, load.Dirs)
	if err != nil {
		printf(stderr, "handbook diff: %v\n", err)
		return 2
	}
	cur, _, code := handbook("diff", stderr)
	if code != 0 {
		return code
	}
	old, diags := load.Load(files)
	if len(diags) > 0 {
		src := map[string][]byte{}
		for _, f := range files {
			src[f.Path] = f.Data
		}
		writeText(stderr, diags, src)
		printf(stderr, "handbook diff: %d problems in the policies at %s\n", len(diags), rev)
		return 1
	}
	asked := *dir != ""
	if !asked {
		*dir = shown(cwd, filepath.Join(root, "testdata", "cases")) // the checkout's, from any directory in it
	}
	caseFiles, err := readCases(*dir, asked)
	if err != nil {
		printf(stderr, "handbook diff: %v\n", err)
		return 2
	}
	if *period == "" {
		month = diff.Latest(old, cur)
	}
	if len(diff.PaidRoles(old, month)) == 0 && len(diff.PaidRoles(cur, month)) == 0 {
		printf(stderr, "handbook diff: no role with a pay plan is in effect in %s at %s or in the working tree: nothing to compare\n", month, rev)
		return 2
	}
	r, err := diff.Compare(diff.Options{
		Old: old, New: cur,
		OldName: fmt.Sprintf("`%s`（%s）", rev, commit[:min(7, len(commit))]),
		NewName: "工作区",
		Cases:   caseFiles, Month: month, People: *people, Seed: *seed,
	})
	if err != nil {
		printf(stderr, "handbook diff: %v\n", err)
		return 2
	}
	if *format == "json" {
		_, _ = stdout.Write(wire.Marshal(diffDoc(r, rev, commit)))
	} else {
		io.WriteString(stdout, r.Markdown())
	}
	if n := uncomputed(r); n > 0 {
		printf(stderr, "handbook diff: %d %s cannot be computed under the working tree (listed in the report)\n", n, plural(n, "worked case", "worked cases", "个算例"))
	}
	return 0
}

// maxPeople bounds --people: a synthetic person takes about 20 KB while
// the comparison runs, so this is about 2 GB and 10 seconds.
const maxPeople = 100000

// uncomputed counts the worked cases that cannot be computed under the
// working tree. The report lists them; the pay diff comment is still made.
func uncomputed(r *diff.Report) int {
	n := 0
	for _, c := range r.Cases {
		if c.NewErr != "" {
			n++
		}
	}
	return n
}

// readCases reads the *.toml worked cases of dir. A missing directory is no
// cases, unless it was asked for.
func readCases(dir string, asked bool) ([]load.File, error) {
	st, err := os.Stat(dir)
	if err != nil {
		if !asked && errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	if !st.IsDir() {
		return nil, errorf("--cases %s: not a directory", dir)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 && asked {
		return nil, errorf("--cases %s: no worked cases (*.toml) in it", dir)
	}
	var out []load.File
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		out = append(out, load.File{Path: filepath.ToSlash(p), Data: b, Disk: abs})
	}
	return out, nil
}
