package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/golden"
)

// TestMain lets the tests run this binary as the handbook command: with
// HANDBOOK_RUN_MAIN=1 the test binary is the command.
func TestMain(m *testing.M) {
	if os.Getenv("HANDBOOK_RUN_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

const readme = "../../README.md"

// command is one command shown in the README.
type command struct {
	line int
	text string
}

// handbookPrefix is how the README invokes the command.
const handbookPrefix = "go run ./cmd/handbook "

// readmeCommands returns every command the README shows: each line of a
// ```sh block (without its comment) and each inline code span that starts
// with the handbook command or go test, in order, once each.
func readmeCommands(src string) []command {
	var out []command
	seen := map[string]bool{}
	add := func(line int, text string) {
		text = strings.Join(strings.Fields(text), " ")
		if text != "" && !seen[text] {
			seen[text] = true
			out = append(out, command{line, text})
		}
	}
	span := regexp.MustCompile("`([^`]+)`")
	fence := ""
	para, paraLine := "", 0
	flush := func() {
		for _, m := range span.FindAllStringSubmatch(para, -1) {
			c := m[1]
			if strings.HasPrefix(c, handbookPrefix) || strings.HasPrefix(c, "go test ") {
				add(paraLine, c)
			}
		}
		para = ""
	}
	for i, l := range strings.Split(src, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") {
			if fence == "" {
				flush()
				fence = strings.TrimPrefix(t, "```")
				if fence == "" {
					fence = "plain"
				}
			} else {
				fence = ""
			}
			continue
		}
		switch {
		case fence == "sh":
			if j := strings.Index(t, " #"); j >= 0 {
				t = t[:j]
			}
			if !strings.HasPrefix(t, "#") {
				add(i+1, t)
			}
		case fence != "":
		case t == "":
			flush()
		default:
			if para == "" {
				paraLine = i + 1
			}
			para += " " + t
		}
	}
	flush()
	return out
}

// TestReadmeCommands runs every handbook command the README shows, in the
// README's order, in a scratch git repository holding a copy of the
// checkout's policies and worked cases (with origin/main at its one
// commit); each must exit 0. The other commands it shows (go test, git) must
// be run, word for word, by a script in .ci/: .ci/pull-request plays
// through what the README tells HR to do.
func TestReadmeCommands(t *testing.T) {
	src, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	cmds := readmeCommands(string(src))
	scripts, err := filepath.Glob("../../.ci/*")
	if err != nil {
		t.Fatal(err)
	}
	var ciLines []string
	for _, p := range scripts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			ciLines = append(ciLines, strings.Join(strings.Fields(l), " "))
		}
	}
	inCI := func(c string) bool {
		for _, l := range ciLines {
			if l == c || strings.HasPrefix(l, c+" ") {
				return true
			}
		}
		return false
	}
	dir := scratch(t)
	ran := 0
	for _, c := range cmds {
		if !strings.HasPrefix(c.text, handbookPrefix) {
			if !inCI(c.text) {
				t.Errorf("README.md:%d: %q is run neither by this test nor, at the start of a line, by a script in .ci/", c.line, c.text)
			}
			continue
		}
		args := strings.Fields(strings.TrimPrefix(c.text, handbookPrefix))
		out, code := run(t, dir, args...)
		if code != 0 {
			t.Errorf("README.md:%d: %s: exit status %d\n%s", c.line, c.text, code, out)
		}
		ran++
	}
	if ran < 5 {
		t.Errorf("found only %d handbook commands in the README: is the parser still reading it?", ran)
	}
}

// typoMarker introduces the README's example of validate's output.
const typoMarker = "<!-- readme-test: validate with the first weight of this scorecard misspelt -->"

// TestReadmeValidateExample keeps the README's example of a problem report
// true: it misspells the first weight key of the scorecard the example
// names (or, if that file no longer has one, of the first scorecard that
// does) in a scratch copy, runs the validate command the README shows
// before it, and compares what it prints with the example. -update rewrites
// the example, so a policy change never needs the README edited by hand.
func TestReadmeValidateExample(t *testing.T) {
	src, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	at := strings.Index(text, typoMarker)
	if at < 0 {
		t.Fatalf("README.md has no %s", typoMarker)
	}
	// The example is the fenced block after the marker, at its indentation.
	rest := text[at+len(typoMarker):]
	open := strings.Index(rest, "```text\n")
	if open < 0 {
		t.Fatal("README.md: no ```text block after the example's marker")
	}
	lineStart := strings.LastIndex(rest[:open], "\n") + 1
	indent := rest[lineStart:open]
	body := open + len("```text\n")
	closing := strings.Index(rest[body:], indent+"```")
	if closing < 0 {
		t.Fatal("README.md: the example's block is not closed")
	}
	example := rest[body : body+closing]
	// The command is the last handbook command shown before the marker.
	var args []string
	for _, c := range readmeCommands(text[:at]) {
		if strings.HasPrefix(c.text, handbookPrefix+"validate") {
			args = strings.Fields(strings.TrimPrefix(c.text, handbookPrefix))
		}
	}
	if args == nil {
		t.Fatal("README.md: no validate command before the example")
	}

	dir := scratch(t)
	file := exampleFile(t, dir, example)
	p := filepath.Join(dir, file)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	key := weightKey.FindSubmatchIndex(b)[2]
	b = append(b[:key:key], append([]byte("wieght"), b[key+len("weight"):]...)...)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, dir, args...)
	if code != 1 {
		t.Fatalf("%s with a misspelt key: exit status %d, want 1\n%s", strings.Join(args, " "), code, out)
	}
	if !strings.Contains(out, `没有键 "wieght"`) {
		t.Fatalf("the misspelt key is not reported:\n%s", out)
	}
	var want strings.Builder
	for _, l := range strings.SplitAfter(out, "\n") {
		if l == "" {
			continue
		}
		if strings.TrimSpace(l) == "" {
			want.WriteString("\n")
		} else {
			want.WriteString(indent + l)
		}
	}
	if want.String() == example {
		return
	}
	if !golden.Update() {
		t.Fatalf("README.md's example of validate is out of date (go test ./cmd/handbook -update rewrites it):\n%s", golden.Diff(example, want.String()))
	}
	start := at + len(typoMarker) + body
	updated := text[:start] + want.String() + text[start+closing:]
	if err := os.WriteFile(readme, []byte(updated), 0o644); err != nil {
		t.Fatal(err)
	}
}

// weightKey finds the first weight key of a scorecard, at the start of its
// line.
var weightKey = regexp.MustCompile(`(?m)^[ \t]*(weight)[ \t]*=`)

// exampleFile returns the scorecard the example is about: the file its
// first line names, if it still has a weight key, else the first scorecard
// that has one.
func exampleFile(t *testing.T, dir, example string) string {
	t.Helper()
	first, _, _ := strings.Cut(strings.TrimSpace(example), ":")
	if strings.HasSuffix(first, ".toml") {
		if b, err := os.ReadFile(filepath.Join(dir, first)); err == nil && weightKey.Match(b) {
			return first
		}
	}
	names, err := filepath.Glob(filepath.Join(dir, "policies", "scorecards", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	for _, n := range names {
		if b, err := os.ReadFile(n); err == nil && weightKey.Match(b) {
			rel, _ := filepath.Rel(dir, n)
			return filepath.ToSlash(rel)
		}
	}
	t.Fatal("no scorecard has a weight key")
	return ""
}

// run runs the handbook command (this test binary) in dir and returns what
// it printed on standard output, then standard error, and its exit status.
func run(t *testing.T, dir string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	// The README shows what a reader sees by default: messages in Chinese
	// (no English locale).
	cmd.Env = append(os.Environ(), "HANDBOOK_RUN_MAIN=1", "LANG=", "LC_ALL=", "LC_MESSAGES=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatal(err)
		}
		code = ee.ExitCode()
	}
	return stdout.String() + stderr.String(), code
}

// scratch makes a git repository holding the checkout's policies, roles,
// worked cases and schemas (which their #:schema lines name), committed, with origin/main pointing at that commit.
func scratch(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("the README's commands compare with a git revision: git is needed")
	}
	dir := t.TempDir()
	for _, d := range []string{"policies", "roles", "testdata/cases", "generator/schema"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("../..", d))); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"add", "-A"},
		{"-c", "user.name=readme", "-c", "user.email=readme@example.com", "commit", "-q", "-m", "checkout"},
		{"update-ref", "refs/remotes/origin/main", "HEAD"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return dir
}
