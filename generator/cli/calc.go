package cli

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/report"
	"github.com/kefu-hr/handbook/generator/wire"
)

// calc computes one worked case (a TOML case file, or a JSON case request
// in the wire shape) and prints the result with its trace.
func calc(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("calc", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return 2
	}
	if *format != "text" && *format != "json" {
		printf(stderr, "handbook calc: unknown format %q (want text or json)\n", *format)
		return 2
	}
	if fs.NArg() != 1 {
		printf(stderr, "usage: handbook calc [--format text|json] CASE.toml|CASE.json\n")
		return 2
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(path)
	if err != nil {
		printf(stderr, "handbook calc: %v\n", err)
		return 2
	}
	h, _, code := handbook("calc", stderr)
	if code != 0 {
		return code
	}
	shown := filepath.ToSlash(filepath.Clean(path))
	var title string
	var c engine.Case
	if strings.HasSuffix(path, ".json") {
		req, err := wire.ReadCase(data)
		if err != nil {
			printf(stderr, "%s: %v\n", shown, err)
			return 1
		}
		rc, problems := request(h, req)
		if len(problems) > 0 {
			if *format == "json" {
				_, _ = stdout.Write(wire.Marshal(wire.FromFieldProblems(problems)))
			}
			for _, p := range problems {
				printf(stderr, "%s: inputs.%s: %s\n", shown, p.Path, diag.Text{En: p.Reason, Zh: p.Zh})
			}
			return 1
		}
		title, c = req.Title, *rc
	} else {
		abs, err := filepath.Abs(path)
		if err != nil {
			printf(stderr, "handbook calc: %v\n", err)
			return 2
		}
		f := load.File{Path: shown, Data: data, Disk: abs}
		wc, diags := cases.Read(f, h)
		if len(diags) > 0 {
			if *format == "json" {
				_, _ = stdout.Write(wire.Marshal(wire.FromDiagnostics(diags)))
			}
			writeText(stderr, diags, map[string][]byte{f.Path: data})
			return 1
		}
		title, c = wc.Title, wc.Case
	}
	r, err := engine.Compute(h, c)
	if err != nil {
		printf(stderr, "%s: %v\n", shown, err)
		return 1
	}
	if *format == "json" {
		_, _ = stdout.Write(wire.Marshal(wire.FromResult(title, r)))
		return 0
	}
	report.Text(stdout, title, r)
	return 0
}

// request decodes a case request through the inputs layer and checks it,
// each problem at its input's path.
func request(h *policy.Handbook, req wire.Case) (*engine.Case, []inputs.FieldProblem) {
	period, err := engine.ParsePeriod(req.Period)
	if err != nil {
		return nil, []inputs.FieldProblem{{Path: "period", Reason: err.Error(), Zh: diag.ErrorIn(err, diag.Chinese)}}
	}
	values := req.Values()
	paths := make([]string, len(values))
	for i, v := range values {
		paths[i] = v.Path
	}
	form, problems := inputs.NewForm(h, period, paths)
	if len(problems) > 0 {
		return nil, problems
	}
	return inputs.Decode(form, values)
}
