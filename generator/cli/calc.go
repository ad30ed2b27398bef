package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/report"
)

// calc computes one worked case and prints the result with its trace.
func calc(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("calc", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "handbook calc: unknown format %q (want text or json)\n", *format)
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: handbook calc [--format text|json] CASE.toml")
		return 2
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "handbook calc: %v\n", err)
		return 2
	}
	h, _, code := handbook("calc", stderr)
	if code != 0 {
		return code
	}
	f := load.File{Path: filepath.ToSlash(filepath.Clean(path)), Data: data}
	c, diags := cases.Read(f, h)
	if len(diags) > 0 {
		writeText(stderr, diags, map[string][]byte{f.Path: data})
		return 1
	}
	r, err := engine.Compute(h, c.Case)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", f.Path, err)
		return 1
	}
	if *format == "json" {
		if err := report.JSON(stdout, c.Title, r); err != nil {
			fmt.Fprintf(stderr, "handbook calc: %v\n", err)
			return 2
		}
		return 0
	}
	report.Text(stdout, c.Title, r)
	return 0
}
