package cli

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/diff"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/load"
)

const diffUsage = "usage: handbook diff [--period YYYY-MM] [--people N] [--seed N] [--cases dir] REV"

// diffCmd compares pay under the policies at git revision REV with the
// working tree's and prints the comparison as Markdown.
func diffCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	period := fs.String("period", "", "the month compared, YYYY-MM (default: the month of the latest effective_from in either version)")
	people := fs.Int("people", diff.MinPeople, "size of the synthetic population")
	seed := fs.Uint64("seed", 1, "seed of the synthetic population")
	dir := fs.String("cases", "", "directory of worked cases (default: testdata/cases of the checkout)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, diffUsage)
		return 2
	}
	if *people < 1 || *people > maxPeople {
		fmt.Fprintf(stderr, "handbook diff: --people %d: want 1 to %d (default %d)\n", *people, maxPeople, diff.MinPeople)
		return 2
	}
	rev := fs.Arg(0)
	var month engine.Period
	if *period != "" {
		p, err := engine.ParsePeriod(*period)
		if err != nil || p.Kind != "monthly" {
			fmt.Fprintf(stderr, "handbook diff: --period %q: want a month, YYYY-MM\n", *period)
			return 2
		}
		month = p
	}
	cwd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "handbook diff: %v\n", err)
		return 2
	}
	root, ok := load.FindRoot(cwd)
	if !ok {
		fmt.Fprintln(stderr, "handbook diff: not in a checkout (no directory above has both policies and roles)")
		return 2
	}
	commit, err := resolveRev(root, rev)
	if err != nil {
		fmt.Fprintf(stderr, "handbook diff: %v\n", err)
		return 2
	}
	files, err := filesAt(root, rev, commit)
	if err != nil {
		fmt.Fprintf(stderr, "handbook diff: %v\n", err)
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
		fmt.Fprintf(stderr, "handbook diff: %d problems in the policies at %s\n", len(diags), rev)
		return 1
	}
	asked := *dir != ""
	if !asked {
		*dir = shown(cwd, filepath.Join(root, "testdata", "cases")) // the checkout's, from any directory in it
	}
	caseFiles, err := readCases(*dir, asked)
	if err != nil {
		fmt.Fprintf(stderr, "handbook diff: %v\n", err)
		return 2
	}
	if *period == "" {
		month = diff.Latest(old, cur)
	}
	if len(diff.PaidRoles(old, month)) == 0 && len(diff.PaidRoles(cur, month)) == 0 {
		fmt.Fprintf(stderr, "handbook diff: no role with a pay plan is in effect in %s at %s or in the working tree: nothing to compare\n", month, rev)
		return 2
	}
	r, err := diff.Compare(diff.Options{
		Old: old, New: cur,
		OldName: fmt.Sprintf("`%s`（%s）", rev, commit[:min(7, len(commit))]),
		NewName: "工作区",
		Cases:   caseFiles, Month: month, People: *people, Seed: *seed,
	})
	if err != nil {
		fmt.Fprintf(stderr, "handbook diff: %v\n", err)
		return 2
	}
	io.WriteString(stdout, r.Markdown())
	if n := uncomputed(r); n > 0 {
		fmt.Fprintf(stderr, "handbook diff: %d %s cannot be computed under the working tree (listed in the report)\n", n, plural(n, "worked case", "worked cases"))
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
		return nil, fmt.Errorf("--cases %s: not a directory", dir)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 && asked {
		return nil, fmt.Errorf("--cases %s: no worked cases (*.toml) in it", dir)
	}
	var out []load.File
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, load.File{Path: filepath.ToSlash(p), Data: b})
	}
	return out, nil
}

// git runs git in dir with stdin, returning its standard output; a failure
// carries git's own message.
func git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(errb.String()); msg != "" {
			return nil, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out.Bytes(), nil
}

// resolveRev returns the commit that rev names in the repository around root.
func resolveRev(root, rev string) (string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", fmt.Errorf("git is needed to read revision %s: %w", rev, err)
	}
	if strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("unknown revision %s", rev)
	}
	out, err := git(root, nil, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		if _, terr := git(root, nil, "rev-parse", "--git-dir"); terr != nil {
			return "", fmt.Errorf("%s is not in a git repository: %v", root, terr)
		}
		if kind, kerr := git(root, nil, "cat-file", "-t", rev); kerr == nil {
			return "", fmt.Errorf("revision %s is a %s, not a commit", rev, strings.TrimSpace(string(kind)))
		}
		if heads, _ := git(root, nil, "rev-list", "-n", "1", "--all"); len(bytes.TrimSpace(heads)) == 0 {
			return "", fmt.Errorf("unknown revision %s: the repository has no commits yet", rev)
		}
		return "", fmt.Errorf("unknown revision %s", rev)
	}
	return strings.TrimSpace(string(out)), nil
}

// filesAt reads the .toml files under the policy directories of the checkout
// at root as they were in commit, naming each REV:path (path relative to the
// checkout, as in the working tree).
func filesAt(root, rev, commit string) ([]load.File, error) {
	prefix, err := git(root, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, err
	}
	pre := strings.TrimSpace(string(prefix))
	list, err := git(root, nil, append([]string{"ls-tree", "-r", "-z", "--full-name", "--name-only", commit, "--"}, load.Dirs...)...)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, n := range strings.Split(string(list), "\x00") {
		if strings.HasSuffix(n, ".toml") {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil, nil
	}
	var req strings.Builder
	for _, n := range names {
		fmt.Fprintf(&req, "%s:%s\n", commit, n)
	}
	out, err := git(root, strings.NewReader(req.String()), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	rd := bufio.NewReader(bytes.NewReader(out))
	files := make([]load.File, 0, len(names))
	for _, n := range names {
		head, err := rd.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("git cat-file: %s: %v", n, err)
		}
		f := strings.Fields(head)
		if len(f) != 3 || f[1] != "blob" {
			return nil, fmt.Errorf("git cat-file: %s: %s", n, strings.TrimSpace(head))
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("git cat-file: %s: %s", n, strings.TrimSpace(head))
		}
		data := make([]byte, size+1) // the contents and a newline
		if _, err := io.ReadFull(rd, data); err != nil {
			return nil, fmt.Errorf("git cat-file: %s: %v", n, err)
		}
		files = append(files, load.File{Path: rev + ":" + strings.TrimPrefix(n, pre), Data: data[:size]})
	}
	return files, nil
}
