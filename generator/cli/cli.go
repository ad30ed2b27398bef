package cli

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/internal/gitrev"
	"github.com/kefu-hr/handbook/generator/internal/retro"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
)

const usage = `handbook turns the HR policies of the customer-service department into a
checked handbook.

Usage:
  handbook validate [--format text|json|github] [--against REV [--today DATE]]
                    [--cases dir | path ...]
        Check policy files and worked cases. Without paths: the checkout
        around the current directory with its worked cases (testdata/cases,
        or --cases), or the policies built into this binary outside a
        checkout. With paths (files or directories): report problems in
        those files, resolving references against the rest of their
        checkout; a file whose #:schema line names case.schema.json is a
        worked case. A worked case gets every check calc applies to it.
        --against REV also refuses retroactive edits: a rule changed in a
        version that was in effect at git revision REV and started on or
        before today (--today, default the clock), unless the version
        records a [[correction]] dated between its start and today.
  handbook new-version [--from DATE] [--today DATE] FILE
        Write the next version of the policy in FILE beside it (NAME.vN.toml):
        a copy with version raised and effective_from = DATE (default: the
        first day of next month), and end FILE's version the day before.
        Nothing is overwritten.
  handbook version [--format text|json]
        Print the module version, the VCS revision this binary was built
        from and the SHA-256 of the policies built into it (and, in a
        checkout, of the checkout's). Outside a checkout every command
        works on the built-in policies and names them on standard error.
  handbook build [-o dir] [--force] [--cases dir]
        Check every policy and write the handbook site (default
        site/public): the home page with the org chart, a page per role,
        scorecard (a printable form) and pay plan (with the worked cases of
        testdata/cases, or --cases, computed as its examples), the red
        lines, the text rules and the register of decisions.
  handbook serve [--addr 127.0.0.1:8080] [--cases dir]
        Serve the handbook on localhost while you edit: every change under
        policies/, roles/, site/ or the worked cases rebuilds it and reloads
        the open page; a policy problem is shown at the top of the page
        (file:line:col and the line) while the last good site stays served.
  handbook calc [--format text|json] CASE.toml|CASE.json
        Compute a worked case (see testdata/cases), or a JSON case request
        ({"wire": 1, "kind": "case", "period": …, "inputs": {PATH: TEXT}},
        the paths being the columns of a payout CSV), and print the result
        with the trace of every number. --format json prints the versioned
        wire shape (generator/wire/wire.schema.json), as validate does.
  handbook payout --period PERIOD [-o payouts.csv] [--force]
                  [--encoding auto|utf-8|gbk] [--totals=false]
                  [--format csv|json] people.csv
        Compute a period's pay for a whole department: one row per person in,
        one row per person out with every component, then a 合计 row per
        role; bad rows are reported (file, row, column in the header's words,
        reason) and kept with their error. The file may be UTF-8 (with or
        without BOM) or GBK, as Excel saves it; the output is UTF-8 with a
        BOM, which Excel opens by double-click (--encoding to choose);
        --format json writes the wire's payout document instead.
  handbook payout --period PERIOD --template ROLE|ROLE,ROLE|DEPARTMENT|all
                  [-o people.csv] [--force] [--encoding auto|utf-8|gbk]
        Write the empty CSV that the roles' payout needs for the period: a
        row of Chinese headers (payout reads them, and the keys) and a guide
        row, which payout skips; the guide also goes to standard error.
  handbook coverage [--cases dir] [--format text|json]
        Compute every worked case and list the clauses of the policies (tier
        rows, band rows, events, ladder steps, ledger branches, components,
        red lines) that no case exercises (--format json: the wire's
        coverage document).
  handbook diff [--period YYYY-MM] [--people N] [--seed N] [--cases dir]
                [--format markdown|json] REV
        Compute every worked case and a synthetic population (1000 people
        by default, spread over every role with a pay plan) under the
        policies at git revision REV and under the working tree, and print
        in Markdown who gains or loses how much, per role and per pay
        component. The month compared, with its quarter and year, defaults
        to the month of the latest effective_from of any policy version in
        either, so that a new version is compared in its first month.
        --format json prints the wire's diff document instead.
  handbook help [COMMAND]
        Print this text, or a command's usage with an example (as
        handbook COMMAND --help does).

Exit status: 0 success, 1 problems in the policies, 2 usage or I/O error.
`

// examples are the examples each command's usage ends with.
var examples = map[string][]string{
	"validate":    {"handbook validate", "handbook validate --format json", "handbook validate testdata/cases/kefu-zongjian-2026-10.toml"},
	"new-version": {"handbook new-version policies/pay/kefu-daibiao-pay.toml", "handbook new-version --from 2027-01-01 policies/pay/kefu-daibiao-pay.toml"},
	"version":     {"handbook version", "handbook version --format json"},
	"build":       {"handbook build", "handbook build -o /tmp/site --force"},
	"serve":       {"handbook serve", "handbook serve --addr 127.0.0.1:9000"},
	"calc":        {"handbook calc testdata/cases/kefu-zongjian-2026-10.toml", "handbook calc --format json testdata/cases/kefu-zongjian-2026-10.toml"},
	"coverage":    {"handbook coverage", "handbook coverage --format json"},
	"diff":        {"handbook diff origin/main", "handbook diff --period 2026-10 --people 200 origin/main", "handbook diff --format json origin/main"},
	"help":        {"handbook help payout"},
}

// usageText is the usage in the reader's language.
func usageText() string {
	if lang() == diag.English {
		return usage
	}
	return usageZh
}

// commandUsage is a command's part of the usage text, with its examples,
// in the reader's language; false for a command there is none of.
func commandUsage(name string) (string, bool) {
	if name == "payout" {
		if lang() == diag.English {
			return payoutUsage, true
		}
		return payoutUsageZh, true
	}
	if examples[name] == nil {
		return "", false
	}
	var b strings.Builder
	b.WriteString(text("Usage:\n").In(lang()))
	in := false
	for _, line := range strings.Split(usageText(), "\n") {
		switch {
		case strings.HasPrefix(line, "  handbook "+name+" "), line == "  handbook "+name:
			in = true
		case strings.HasPrefix(line, "  handbook "), !strings.HasPrefix(line, "  "):
			in = false
		}
		if in {
			b.WriteString(line + "\n")
		}
	}
	b.WriteString(text("\nExamples:\n").In(lang()))
	for _, e := range examples[name] {
		b.WriteString("  " + e + "\n")
	}
	return b.String(), true
}

// wantsHelp reports whether args (after the command) ask for its usage:
// -h, -help or --help before any "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "-h" || a == "-help" || a == "--help" {
			return true
		}
	}
	return false
}

// Run runs the handbook command with args (without the program name).
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		io.WriteString(stderr, usageText())
		return 2
	}
	if u, ok := commandUsage(args[0]); ok && args[0] != "help" && wantsHelp(args[1:]) {
		io.WriteString(stdout, u)
		return 0
	}
	switch args[0] {
	case "validate":
		return validate(args[1:], stdout, stderr)
	case "new-version":
		return newVersion(args[1:], stdout, stderr)
	case "build":
		return build(args[1:], stdout, stderr)
	case "calc":
		return calc(args[1:], stdout, stderr)
	case "coverage":
		return coverageCmd(args[1:], stdout, stderr)
	case "payout":
		return payout(args[1:], stdout, stderr)
	case "diff":
		return diffCmd(args[1:], stdout, stderr)
	case "version":
		return version(args[1:], stdout, stderr)
	case "serve":
		return serve(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			u, ok := commandUsage(args[1])
			if !ok {
				printf(stderr, "handbook help: unknown command %q\n\n", args[1])
				io.WriteString(stderr, usageText())
				return 2
			}
			io.WriteString(stdout, u)
			return 0
		}
		io.WriteString(stdout, usageText())
		return 0
	}
	printf(stderr, "handbook: unknown command %q\n\n", args[0])
	io.WriteString(stderr, usageText())
	return 2
}

// set is the files of one run: what to load and which of them to report on.
type set struct {
	files    []load.File
	report   map[string]bool // nil: report every file
	origin   diag.Text       // where the files came from, for the summary
	embedded bool            // the policies built into the binary: say so in every header
}

// collect finds the files for paths as described in the usage text.
func collect(paths []string) (set, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return set{}, err
	}
	if len(paths) == 0 {
		root, ok := load.FindRoot(cwd)
		if !ok {
			files, err := load.Shipped()
			if err != nil {
				return set{}, err
			}
			b, err := readBuild()
			return set{files: files, origin: b.embedded(), embedded: true}, err
		}
		files, err := checkout(cwd, root)
		return set{files: files, origin: text("checkout %s", shown(cwd, root))}, err
	}
	named, err := load.FromPaths(paths)
	if err != nil {
		return set{}, err
	}
	s := set{report: map[string]bool{}, origin: diag.Text{En: strings.Join(paths, " "), Zh: strings.Join(paths, " ")}}
	for _, f := range named {
		s.report[f.Path] = true
	}
	s.files = named
	if root, ok := load.FindRoot(filepath.Dir(paths[0])); ok {
		ctx, err := checkout(cwd, root)
		if err != nil {
			return set{}, err
		}
		for _, f := range ctx {
			if !s.report[f.Path] {
				s.files = append(s.files, f)
			}
		}
	}
	return s, nil
}

// worked takes the worked cases out of a set: those named (a file whose
// #:schema line names the case schema, load.IsCase), or, when nothing was
// named, the *.toml files of dir, by default testdata/cases of the checkout
// (none outside a checkout). The cases are checked as calc checks them
// (cases.Validate), not loaded as policies.
func (s *set) worked(all bool, dir string) ([]load.File, error) {
	if !all {
		var out []load.File
		kept := s.files[:0]
		for _, f := range s.files {
			if s.report[f.Path] && load.IsCase(f) {
				out = append(out, f)
				continue
			}
			kept = append(kept, f)
		}
		s.files = kept
		return out, nil
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		root, ok := load.FindRoot(cwd)
		if !ok || s.embedded {
			return nil, nil
		}
		dir = filepath.Join(root, "testdata", "cases")
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, nil
		}
	} else if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, errorf("--cases %s: not a directory", dir)
	}
	files, err := load.FromPaths([]string{shown(cwd, dir)})
	if err != nil {
		return nil, err
	}
	s.origin = text("%s and the worked cases in %s", s.origin, filepath.ToSlash(shown(cwd, dir)))
	return files, nil
}

// checkout reads the policy directories of the checkout at root, naming files
// relative to cwd.
func checkout(cwd, root string) ([]load.File, error) {
	var dirs []string
	for _, d := range load.Dirs {
		dirs = append(dirs, shown(cwd, filepath.Join(root, d)))
	}
	return load.FromPaths(dirs)
}

// shown returns p relative to cwd when it is below it, else p.
func shown(cwd, p string) string {
	if rel, err := filepath.Rel(cwd, p); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}

// handbook loads the checkout's (or the built-in) policies for a command that
// needs them all valid; on problems it prints them and returns exit code 1.
func handbook(cmd string, stderr io.Writer) (*policy.Handbook, string, int) {
	s, err := collect(nil)
	if err != nil {
		printf(stderr, "handbook %s: %v\n", cmd, err)
		return nil, "", 2
	}
	if s.embedded {
		printf(stderr, "handbook %s: using %s\n", cmd, s.origin)
	}
	h, diags, src := loadAll(s)
	if len(diags) > 0 {
		writeText(stderr, diags, src)
		printf(stderr, "handbook %s: %d problems in the policies\n", cmd, len(diags))
		return nil, "", 1
	}
	return h, s.origin.En, 0
}

// loadAll loads a set and keeps only the diagnostics it reports on.
func loadAll(s set) (*policy.Handbook, diag.List, map[string][]byte) {
	h, diags := load.Load(s.files)
	src := map[string][]byte{}
	for _, f := range s.files {
		src[f.Path] = f.Data
	}
	if s.report == nil {
		return h, diags, src
	}
	var kept diag.List
	for _, d := range diags {
		if s.report[d.Pos.File] {
			kept = append(kept, d)
		}
	}
	return h, kept, src
}

func validate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text, json or github")
	against := fs.String("against", "", "git revision to compare with: refuse retroactive edits of versions in effect there")
	todayFlag := fs.String("today", "", "the day retroactive edits are judged on, YYYY-MM-DD (default: today)")
	casesDir := fs.String("cases", "", "the worked cases to check as well (default: testdata/cases of the checkout)")
	if err := parse(fs, args); err != nil {
		return 2
	}
	if *casesDir != "" && fs.NArg() > 0 {
		printf(stderr, "handbook validate: --cases applies only without paths (name the case files or their directory instead)\n")
		return 2
	}
	if *format != "text" && *format != "json" && *format != "github" {
		printf(stderr, "handbook validate: unknown format %q (want text, json or github)\n", *format)
		return 2
	}
	today, err := parseToday(*todayFlag)
	if err != nil {
		printf(stderr, "handbook validate: %v\n", err)
		return 2
	}
	if *todayFlag != "" && *against == "" {
		printf(stderr, "handbook validate: --today applies only with --against REV\n")
		return 2
	}
	s, err := collect(fs.Args())
	if err != nil {
		printf(stderr, "handbook validate: %v\n", err)
		return 2
	}
	caseFiles, err := s.worked(fs.NArg() == 0, *casesDir)
	if err != nil {
		printf(stderr, "handbook validate: %v\n", err)
		return 2
	}
	if len(s.files) == 0 && len(caseFiles) == 0 {
		printf(stderr, "handbook validate: no .toml files in %s\n", s.origin)
		return 2
	}
	if len(s.files) == 0 {
		// Only worked cases were named, outside a checkout: they are
		// checked against the policies built into the binary.
		if s.files, err = load.Shipped(); err != nil {
			printf(stderr, "handbook validate: %v\n", err)
			return 2
		}
	}
	h, diags, src := loadAll(s)
	for _, f := range caseFiles {
		src[f.Path] = f.Data
		diags = append(diags, cases.Validate(f, h)...)
	}
	diags.Sort()
	if *against != "" {
		base, err := filesAtRev(*against)
		if err != nil {
			printf(stderr, "handbook validate: --against %s: %v\n", *against, err)
			return 2
		}
		// A file that does not load is reported for that alone: its
		// half-parsed rules would only add noise ("weight removed").
		broken := map[string]bool{}
		for _, d := range diags {
			broken[d.Pos.File] = true
		}
		for _, d := range retro.Check(base, s.files, today) {
			if !broken[d.Pos.File] && (s.report == nil || s.report[d.Pos.File]) {
				diags = append(diags, d)
			}
		}
		diags.Sort()
	}
	switch *format {
	case "json":
		writeJSON(stdout, diags)
	case "github":
		writeGitHub(stdout, diags)
	default:
		writeText(stdout, diags, src)
	}
	n := len(s.files)
	if s.report != nil {
		n = len(s.report)
	}
	if s.report == nil || fs.NArg() == 0 {
		n += len(caseFiles) // named cases are in s.report already
	}
	if len(diags) > 0 {
		printf(stderr, "%d %s in %d %s\n", len(diags), plural(len(diags), "problem", "problems", "个问题"), files(diags), plural(files(diags), "file", "files", "个文件"))
		return 1
	}
	also := diag.Text{}
	if *against != "" {
		also = text("; no retroactive edit against %s as of %s", *against, today.Format("2006-01-02"))
	}
	printf(stderr, "ok: %d %s checked (%s)%s\n", n, plural(n, "file", "files", "个文件"), s.origin, also)
	return 0
}

// parseToday reads a --today flag: a day, or "" for the clock's.
func parseToday(s string) (time.Time, error) {
	if s == "" {
		y, m, d := time.Now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, errorf("--today %q: want a day, YYYY-MM-DD", s)
	}
	return t, nil
}

// filesAtRev reads the policy files of the checkout around the current
// directory as they were at git revision rev.
func filesAtRev(rev string) ([]load.File, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	root, ok := load.FindRoot(cwd)
	if !ok {
		return nil, errorf("not in a checkout (no directory above has both policies and roles)")
	}
	commit, err := gitrev.Resolve(root, rev)
	if err != nil {
		return nil, err
	}
	return gitrev.Files(root, rev, commit, load.Dirs)
}

func files(diags diag.List) int {
	m := map[string]bool{}
	for _, d := range diags {
		m[d.Pos.File] = true
	}
	return len(m)
}
