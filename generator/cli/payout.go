package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/kefu-hr/handbook/generator/batch"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/wire"
)

// payoutUsage is payout's usage, with an example.
const payoutUsage = `usage: handbook payout --period PERIOD [-o payouts.csv] [--force] [--encoding auto|utf-8|gbk] [--totals=false] [--format csv|json] people.csv
       handbook payout --period PERIOD --template ROLE|ROLE,ROLE|DEPARTMENT|all [-o people.csv] [--force] [--encoding auto|utf-8|gbk]

Compute a period's pay for a whole department: one row per person in, one
row per person out with every component, then a 合计 row per role. Bad rows
are reported (file, row, column, reason) and kept with their error.
--template writes the empty CSV that the roles' payout needs (Chinese
headers and a guide row, which payout skips) and a guide on standard error.
--format json writes the same rows and totals as one JSON document (the
"payout" shape of wire.schema.json, UTF-8), for programs.

Examples:
  handbook payout --period 2026-10 --template 客服部 -o people.csv
  handbook payout --period 2026-10 people.csv -o payouts.csv
`

// payout computes a period's pay for every row of a people CSV and writes
// one row per person with every component. Bad rows are reported with file,
// row, column and reason, and kept in the output with their error.
func payout(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("payout", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { u, _ := commandUsage("payout"); io.WriteString(stderr, u) }
	period := fs.String("period", "", "the period: 2026-10, 2026-Q3 or 2026")
	out := fs.String("o", "", "output CSV (default: standard output)")
	force := fs.Bool("force", false, "overwrite an existing output file")
	template := fs.String("template", "", "write the empty CSV a role's (or a department's) payout needs for the period, and a guide to its columns on standard error")
	encoding := fs.String("encoding", "auto", "the people file's encoding (auto: UTF-8 or GBK, detected) and the output's (auto: UTF-8 with BOM, for Excel)")
	totals := fs.Bool("totals", true, "end the output with a 合计 row per role")
	format := fs.String("format", "csv", "output format: csv, or json (the wire's payout document)")
	if code, done := parseOrHelp(fs, args, stdout, "payout"); done {
		return code
	}
	if *period == "" || (*template == "") != (fs.NArg() == 1) || fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	if *format != "csv" && *format != "json" || *format == "json" && *template != "" {
		printf(stderr, "handbook payout: --format %s: want csv or json; a template is always CSV\n", *format)
		return 2
	}
	jsonOut := *format == "json"
	per, err := engine.ParsePeriod(*period)
	if err != nil {
		printf(stderr, "handbook payout: %v\n", err)
		return 2
	}
	enc, err := batch.ParseEncoding(*encoding)
	if err != nil {
		printf(stderr, "handbook payout: --encoding: %v\n", err)
		return 2
	}
	if *template != "" {
		return payoutTemplate(per, *template, *out, *force, enc, stdout, stderr)
	}
	if code := checkOutput(*out, fs.Arg(0), *force, stderr); code != 0 {
		return code
	}
	// Pay streams: its live heap is small and does not grow with the rows.
	// Collecting garbage less often (GOGC=400) saves a fifth of the time;
	// a soft limit of 64 MiB keeps the peak under 100 MB on any file (unless
	// the user set GOGC or GOMEMLIMIT).
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(64 << 20))
	}
	h, _, code := handbook("payout", stderr)
	if code != 0 {
		return code
	}
	in, err := os.Open(fs.Arg(0))
	if err != nil {
		printf(stderr, "handbook payout: %v\n", err)
		return 2
	}
	defer in.Close()
	if st, err := in.Stat(); err == nil && st.IsDir() {
		printf(stderr, "handbook payout: %s is a directory\n", fs.Arg(0))
		return 2
	}
	outLang := lang()
	if jsonOut {
		outLang = diag.English // the wire's messages are English, as validate's and calc's are
	}
	var sum batch.Summary
	var errs []batch.RowError
	pay := func(w io.Writer) error {
		var err error
		sum, errs, err = batch.Pay(h, per, filepath.ToSlash(fs.Arg(0)), in, w, batch.Config{Encoding: enc, NoTotals: !*totals, JSON: jsonOut, Lang: outLang})
		return err
	}
	if *out == "" {
		bw := bufio.NewWriterSize(stdout, 64<<10)
		if err = pay(bw); err == nil {
			err = bw.Flush()
		}
	} else {
		err = writeOutput(*out, *force, pay)
	}
	var herr *batch.HeaderError
	var ferr *batch.FileError
	switch {
	case errors.As(err, &herr):
		if jsonOut {
			writeRowProblems(stdout, herr.Problems)
		}
		for _, p := range herr.Problems {
			fmt.Fprintln(stderr, p.In(lang()))
		}
		printf(stderr, "handbook payout: %d %s in the header of %s; nothing computed\n", len(herr.Problems), plural(len(herr.Problems), "problem", "problems", "个问题"), fs.Arg(0))
		return 1
	case errors.As(err, &ferr):
		if jsonOut {
			_, _ = stdout.Write(wire.Marshal(wire.Problems{Head: wire.Head{Wire: wire.Version, Kind: wire.KindProblems}, Problems: []wire.Problem{{File: ferr.File, Message: ferr.Reason}}}))
		}
		printf(stderr, "%v\nhandbook payout: nothing computed\n", ferr)
		return 1
	case err != nil:
		printf(stderr, "handbook payout: %v\n", err)
		return 2
	}
	for _, e := range errs {
		fmt.Fprintln(stderr, e.In(lang()))
	}
	printf(stderr, "%d %s, %d computed, %d with errors\n", sum.Rows, plural(sum.Rows, "row", "rows", "行"), sum.Rows-sum.Failed, sum.Failed)
	if len(errs) > 0 {
		return 1
	}
	return 0
}

// writeRowProblems writes a file's header problems as a wire problems
// document: each at its row (the header's), the column as its key.
func writeRowProblems(w io.Writer, ps []batch.RowError) {
	doc := wire.Problems{Head: wire.Head{Wire: wire.Version, Kind: wire.KindProblems}, Problems: []wire.Problem{}}
	for _, p := range ps {
		doc.Problems = append(doc.Problems, wire.Problem{File: p.File, Line: p.Row, Key: p.Column, Message: p.Reason})
	}
	_, _ = w.Write(wire.Marshal(doc))
}

// payoutTemplate writes the template of the CSV a payout of some roles
// needs (batch.NewTemplate), and a guide to its columns on stderr.
func payoutTemplate(per engine.Period, who, out string, force bool, enc batch.Encoding, stdout, stderr io.Writer) int {
	if code := checkOutput(out, "", force, stderr); code != 0 {
		return code
	}
	h, _, code := handbook("payout", stderr)
	if code != 0 {
		return code
	}
	t, err := batch.NewTemplate(h, per, who)
	if err != nil {
		printf(stderr, "handbook payout: %v\n", err)
		return 2
	}
	write := func(w io.Writer) error { return batch.Encode(w, enc, t.CSV()) }
	if out == "" {
		err = write(stdout)
	} else {
		err = writeOutput(out, force, write)
	}
	if err != nil {
		printf(stderr, "handbook payout: %v\n", err)
		return 2
	}
	printf(stderr, "%d columns for %s, %s (one row per person; the second row is this guide, which payout skips):\n", len(t.Fields), strings.Join(t.Roles, ", "), per)
	for i, f := range t.Fields {
		printf(stderr, "  %-52s %s\n", f.Path, strings.TrimPrefix(t.Guide[i], "说明："))
	}
	return 0
}

// checkOutput refuses, before anything is computed, an output file that
// cannot be written: one that exists (unless force), a directory, one in a
// directory that does not exist, and the input itself, which --force does
// not allow either.
func checkOutput(out, in string, force bool, stderr io.Writer) int {
	if out == "" {
		return 0
	}
	fail := func(format string, args ...any) int {
		printf(stderr, "handbook payout: -o %s: %s\n", out, text(format, args...))
		return 2
	}
	st, err := os.Stat(out)
	switch {
	case err == nil && st.IsDir():
		return fail("is a directory; name a file")
	case err == nil:
		if ist, ierr := os.Stat(in); ierr == nil && os.SameFile(st, ist) {
			return fail("is the input file; name another file")
		}
		if !force {
			return fail("exists; use --force to overwrite it")
		}
	case !errors.Is(err, os.ErrNotExist):
		return fail("%v", err)
	}
	if dst, err := os.Stat(filepath.Dir(out)); err != nil || !dst.IsDir() {
		return fail("no directory %s", filepath.Dir(out))
	}
	return 0
}

// writeOutput writes the output file whole or not at all: write writes it
// to a temporary file beside it, renamed over it. Without force it never
// replaces a file, even one made while the batch ran.
func writeOutput(out string, force bool, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a rename or link, only the temporary name goes
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if force {
		return os.Rename(tmp.Name(), out)
	}
	err = os.Link(tmp.Name(), out)
	if err != nil && !errors.Is(err, os.ErrExist) {
		// A file system without hard links: copy the file, never replacing one.
		var f, src *os.File
		if f, err = os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
			if src, err = os.Open(tmp.Name()); err == nil {
				_, err = io.Copy(f, src)
				src.Close()
			}
			if err != nil {
				f.Close()
				os.Remove(out)
				return err
			}
			err = f.Close()
		}
	}
	if errors.Is(err, os.ErrExist) {
		return errorf("%s was made while the batch ran; nothing written (use --force to overwrite it)", out)
	}
	return err
}

// writeFile writes data to out as writeOutput does.
func writeFile(out string, data []byte, force bool) error {
	return writeOutput(out, force, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
