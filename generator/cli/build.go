package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kefu-hr/handbook/generator/site"
)

// marker is the file build leaves in its output directory; build overwrites
// only directories that have it (or are empty), unless --force is given.
const marker = ".handbook-build"

// build checks every policy and writes the handbook. Until the site
// generator lands, the handbook is one index page listing every policy.
func build(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", filepath.Join("site", "public"), "output directory")
	force := fs.Bool("force", false, "write into a non-empty directory that build did not create")
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
	if err := prepareOut(*out, *force); err != nil {
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return 2
	}
	pages, err := site.Build(h, origin)
	if err == nil {
		err = site.Write(*out, pages)
	}
	if err != nil {
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "wrote %s (%d policies from %s)\n", filepath.Join(*out, "index.html"), len(h.All()), origin)
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
