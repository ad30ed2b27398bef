package cli

import (
	"errors"
	"flag"
	"fmt"
	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"io"
	"os"
	"path/filepath"

	"github.com/kefu-hr/handbook/generator/site"
)

// marker is the file build leaves in its output directory; build overwrites
// only directories that have it (or are empty), unless --force is given.
const marker = ".handbook-build"

// build checks every policy and writes the handbook site, with the worked
// cases of the checkout (testdata/cases) computed as the pay plans'
// examples.
func build(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", filepath.Join("site", "public"), "output directory")
	force := fs.Bool("force", false, "write into a non-empty directory that build did not create")
	casesDir := fs.String("cases", "", "the worked cases shown as examples (default: testdata/cases of the checkout)")
	if err := parse(fs, args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "handbook build: unexpected arguments %q\n", fs.Args())
		return 2
	}
	h, origin, code := handbook("build", stderr)
	if code != 0 {
		fmt.Fprintln(stderr, "handbook build: nothing written")
		return code
	}
	examples, code := workedExamples(h, *casesDir, stderr)
	if code != 0 {
		fmt.Fprintln(stderr, "handbook build: nothing written")
		return code
	}
	if err := prepareOut(*out, *force); err != nil {
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return 2
	}
	// Pages are written as they are made: a large site is never held whole.
	w := site.NewWriter(*out)
	pages, err := site.Build(site.Input{Handbook: h, Origin: origin, Examples: examples, Sink: w.Sink})
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = placeCalculator(*out, bundle.Encode(h), stderr)
	}
	if err != nil {
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "wrote %d pages to %s (%d policies from %s, %d worked examples)\n", len(pages), *out, len(h.All()), origin, len(examples))
	return 0
}

// prepareOut makes sure dir may be written: it is created if missing, and an
// existing non-empty directory must carry the marker of an earlier build.
func prepareOut(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	case err != nil:
		return err
	case len(entries) > 0 && !force:
		if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
			return fmt.Errorf("%s is not empty and was not written by handbook build; use --force to write into it anyway", dir)
		}
	}
	return os.WriteFile(filepath.Join(dir, marker), []byte("written by handbook build; the directory may be overwritten\n"), 0o644)
}

// workedExamples computes the worked cases in dir, by default those of the
// checkout around the current directory (none outside a checkout, or
// without testdata/cases). A case that does not compute stops the build: an
// example must never be wrong or missing silently.
func workedExamples(h *policy.Handbook, dir string, stderr io.Writer) ([]site.Example, int) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, 0
	}
	if dir == "" {
		root, ok := load.FindRoot(cwd)
		if !ok {
			return nil, 0
		}
		dir = filepath.Join(root, "testdata", "cases")
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, 0
		}
	}
	worked, diags, err := cases.RunDir(dir, filepath.ToSlash(shown(cwd, dir)), h)
	if err != nil {
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return nil, 2
	}
	if len(diags) > 0 {
		writeText(stderr, diags, nil)
		fmt.Fprintf(stderr, "handbook build: %d problems in the worked cases\n", len(diags))
		return nil, 1
	}
	out := make([]site.Example, len(worked))
	for i, w := range worked {
		out[i] = site.Example{Title: w.Case.Title, Path: w.Path, Result: w.Result, Calc: site.CalculatorFragment(w.Case.Case)}
	}
	return out, 0
}
