package golden

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files from the output of the tests (then review the diff)")

// Update reports whether the tests run with -update: golden files, and the
// expected output of test scripts, are to be rewritten rather than compared.
func Update() bool { return *update }

// Check compares got with the golden file at path, or rewrites the file when
// the tests run with -update. A missing golden fails with the command that
// creates it.
func Check(t testing.TB, path, got string) {
	t.Helper()
	Compare(t, path, got, *update)
}

// Compare is Check with the choice to rewrite made by the caller.
func Compare(t testing.TB, path, got string, rewrite bool) {
	t.Helper()
	if rewrite {
		if b, err := os.ReadFile(path); err == nil && string(b) == got {
			return // unchanged: leave the file (and its time stamp) alone
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no golden file %s (run go test ./... -update to create it): %v", path, err)
	}
	if string(want) != got {
		t.Errorf("output differs from %s: if the change is intended, run go test ./... -update and review the diff of the golden files (- golden, + now):\n%s", path, Diff(string(want), got))
	}
}

// Diff returns the lines that differ between two texts: each group of
// changes is headed by its line number in old, with - for a line of old, +
// for a line of new, and two unchanged lines around it for context.
func Diff(old, new string) string {
	a, b := strings.Split(old, "\n"), strings.Split(new, "\n")
	// Common lines at both ends are unchanged; the rest is compared by
	// longest common subsequence.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ops := bytesOf('=', pre)
	ops = append(ops, edits(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	ops = append(ops, bytesOf('=', suf)...)
	type line struct {
		op   byte
		text string
		at   int // the line of old it stands at, from 0
	}
	lines := make([]line, 0, len(ops))
	i, j := 0, 0
	for _, op := range ops {
		switch op {
		case '=':
			lines = append(lines, line{' ', a[i], i})
			i, j = i+1, j+1
		case '-':
			lines = append(lines, line{'-', a[i], i})
			i++
		default:
			lines = append(lines, line{'+', b[j], i})
			j++
		}
	}
	const context = 2
	show := make([]bool, len(lines))
	for k, l := range lines {
		if l.op != ' ' {
			for d := max(0, k-context); d <= min(len(lines)-1, k+context); d++ {
				show[d] = true
			}
		}
	}
	var out strings.Builder
	for k, l := range lines {
		if !show[k] {
			continue
		}
		if k == 0 || !show[k-1] {
			fmt.Fprintf(&out, "@@ line %d @@\n", l.at+1)
		}
		out.WriteByte(l.op)
		out.WriteString(" " + l.text + "\n")
	}
	return out.String()
}

// edits returns the shortest edit script from a to b: '=' keeps a line,
// '-' drops a line of a, '+' adds a line of b. Beyond a few million cells
// it gives up finding common lines in the middle and replaces it whole.
func edits(a, b []string) []byte {
	if len(a)*len(b) > 4_000_000 {
		return append(bytesOf('-', len(a)), bytesOf('+', len(b))...)
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []byte
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, '=')
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, '-') // a line of old first, then the new one
			i++
		default:
			ops = append(ops, '+')
			j++
		}
	}
	return ops
}

func bytesOf(c byte, n int) []byte { return []byte(strings.Repeat(string(c), n)) }
