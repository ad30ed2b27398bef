package cli

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/site"
)

// marker is the file build leaves in its output directory, listing the
// files it wrote; build overwrites only directories that have it (or are
// empty), unless --force is given, and keeps every file it did not write.
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
		printf(stderr, "handbook build: unexpected arguments %q\n", fs.Args())
		return 2
	}
	h, origin, code := handbook("build", stderr)
	if code != 0 {
		printf(stderr, "handbook build: nothing written\n")
		return code
	}
	examples, code := workedExamples(h, *casesDir, stderr)
	if code != 0 {
		printf(stderr, "handbook build: nothing written\n")
		return code
	}
	owned, err := prepareOut(*out, *force)
	if err != nil {
		printf(stderr, "handbook build: %v\n", err)
		return 2
	}
	// Pages are written as they are made, so that a large site is never
	// held whole, into a new directory beside the output, which takes the
	// output's place only once every page is written: a build that fails
	// partway leaves the output as it was.
	w, err := site.NewWriter(*out)
	if err != nil {
		printf(stderr, "handbook build: %v\n", err)
		return 2
	}
	// The calculator's files are part of the site: built first, so that the
	// pages name them by their content (site.Builder's Asset), and written
	// with the pages, listed in the marker, swapped in with them.
	var pages []site.Page
	calc, err := calculatorPages(bundle.Encode(h), stderr)
	if err == nil {
		pages, err = site.Build(site.Input{Handbook: h, Origin: origin, Examples: examples, Files: calc, Sink: w.Sink})
	}
	if err == nil {
		err = w.Sink(site.Page{Path: marker, Data: markerText(pages)})
	}
	if err == nil {
		// Files someone else put in the output are kept; pages an earlier
		// build wrote and this one does not (a policy removed) are not.
		err = w.Commit(func(path string) bool { return !owned[path] })
	} else {
		_ = w.Discard()
	}
	if err != nil {
		printf(stderr, "handbook build: %v\n", err)
		return 2
	}
	printf(stdout, "wrote %d pages to %s (%d policies from %s, %d worked examples)\n", len(pages), *out, len(h.All()), origin, len(examples))
	return 0
}

// markerHead is the first line of the marker; the files build wrote follow,
// one a line.
const markerHead = "written by handbook build; the directory may be overwritten"

// markerText is the marker of a build that wrote pages.
func markerText(pages []site.Page) []byte {
	var b bytes.Buffer
	b.WriteString(markerHead + "\n")
	for _, p := range pages {
		b.WriteString(p.Path + "\n")
	}
	return b.Bytes()
}

// prepareOut checks that dir may be written: it may be missing, empty, or
// carry the marker of an earlier build; any other directory only with
// force. It writes nothing, and returns the files the earlier build says it
// wrote (none for a marker of a build that did not list them): every other
// file in dir is someone else's, and build keeps it.
func prepareOut(dir string, force bool) (map[string]bool, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case len(entries) == 0:
		return nil, nil
	}
	data, err := os.ReadFile(filepath.Join(dir, marker))
	if err != nil {
		if !force {
			return nil, errorf("%s is not empty and was not written by handbook build; use --force to write into it anyway", dir)
		}
		return nil, nil
	}
	owned := map[string]bool{marker: true}
	lines := strings.Split(string(data), "\n")
	for _, l := range lines[1:] {
		if l != "" {
			owned[l] = true
		}
	}
	return owned, nil
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
		printf(stderr, "handbook build: %v\n", err)
		return nil, 2
	}
	if len(diags) > 0 {
		writeText(stderr, diags, nil)
		printf(stderr, "handbook build: %d problems in the worked cases\n", len(diags))
		return nil, 1
	}
	out := make([]site.Example, len(worked))
	for i, w := range worked {
		out[i] = site.Example{Title: w.Case.Title, Path: w.Path, Result: w.Result, Calc: site.CalculatorFragment(w.Case.Case)}
	}
	return out, 0
}
