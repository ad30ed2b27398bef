package load

import (
	"fmt"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/policy"
)

// shipped returns the policy files of this repository, as embedded.
func shipped(t testing.TB) []File {
	t.Helper()
	files, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestShippedPolicies guards the main job: the policies in this repository
// load without a single problem. Their inventory, one line per version of
// every policy, is the golden testdata/inventory.golden: a policy or
// version added, ended or removed shows there in the pull request.
func TestShippedPolicies(t *testing.T) {
	h, diags := Load(shipped(t))
	if len(diags) > 0 {
		for _, d := range diags {
			t.Error(d)
		}
		t.FailNow()
	}
	var b strings.Builder
	count := map[policy.Kind]int{}
	for _, p := range h.All() {
		hd := p.Head()
		count[hd.Kind]++
		until := "open-ended"
		if hd.EffectiveUntil != nil {
			until = "until " + hd.EffectiveUntil.String()
		}
		fmt.Fprintf(&b, "%s %s@%d from %s %s, %d notes: %s\n", hd.Kind, hd.ID, hd.Version, hd.EffectiveFrom.String(), until, len(hd.Note), hd.File)
	}
	b.WriteString("\n")
	for _, k := range policy.Kinds {
		fmt.Fprintf(&b, "%s: %d\n", k, count[k])
	}
	golden.Check(t, "../../testdata/inventory.golden", b.String())
}

// seeds are the five source documents the policies are encoded from.
var seeds = map[string]bool{
	"000_43110d09609c800c.txt": true, "001_3156d675e02cc058.txt": true, "002_8d1e63a5fef803a8.txt": true,
	"003_3cb79ffda890e061.txt": true, "004_d1ce7a82f3cc2e51.txt": true,
}

// TestShippedSourcesAndSchemas guards what editors and readers rely on: every
// file's #:schema line resolves, relative to the file, to the schema of its
// kind in this repository, every source that names a seed names one of the
// five seeds (other documents are cited by title and date), and every
// seed is the source of some policy.
func TestShippedSourcesAndSchemas(t *testing.T) {
	h, diags := Load(shipped(t))
	if len(diags) > 0 {
		t.Skip("TestShippedPolicies reports the problems")
	}
	used := map[string]bool{}
	for _, p := range h.All() {
		hd := p.Head()
		for _, s := range hd.Source {
			if s.Seed == "" {
				continue // a document by title and date (minutes, a memo)
			}
			if !seeds[s.Seed] {
				t.Errorf("%s: source names %q, which is not a seed", hd.File, s.Seed)
			}
			used[s.Seed] = true
		}
	}
	for s := range seeds {
		if !used[s] {
			t.Errorf("seed %s is the source of no policy", s)
		}
	}
	directive := regexp.MustCompile(`^#:schema (\S+)`)
	for _, f := range shipped(t) {
		m := directive.FindSubmatch(f.Data)
		if m == nil {
			t.Errorf("%s: no #:schema line", f.Path)
			continue
		}
		target := path.Join(path.Dir(f.Path), string(m[1]))
		if !strings.HasPrefix(target, "generator/schema/") {
			t.Errorf("%s: #:schema %s resolves to %s, outside generator/schema", f.Path, m[1], target)
			continue
		}
		if _, err := os.Stat("../../" + target); err != nil {
			t.Errorf("%s: #:schema %s: %v", f.Path, m[1], err)
		}
	}
}

// BenchmarkValidateShipped measures what handbook validate does on the
// shipped policies: decode, index, schema, typed decode and every check.
func BenchmarkValidateShipped(b *testing.B) {
	files := shipped(b)
	b.ReportMetric(float64(len(files)), "files")
	for b.Loop() {
		if _, diags := Load(files); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}

// TestDigestOfTheEmbeddedPolicies: the policies built into the binary have
// the digest of the checkout they were built from, and the digest moves when
// any byte of any file, or a file's name, moves.
func TestDigestOfTheEmbeddedPolicies(t *testing.T) {
	shipped, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	root, ok := FindRoot(".")
	if !ok {
		t.Fatal("no checkout around the test")
	}
	local, err := RootFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := Digest(shipped), Digest(local); a != b {
		t.Fatalf("embedded policies %s, checkout %s", a, b)
	}
	base := []File{{Path: "policies/a.toml", Data: []byte("x = 1\n")}, {Path: "roles/b.toml", Data: []byte("y = 2\n")}}
	for name, files := range map[string][]File{
		"byte changed": {{Path: "policies/a.toml", Data: []byte("x = 2\n")}, base[1]},
		"file renamed": {{Path: "policies/c.toml", Data: base[0].Data}, base[1]},
		"bytes moved":  {{Path: "policies/a.toml", Data: []byte("x = 1\ny")}, {Path: "roles/b.toml", Data: []byte(" = 2\n")}},
		"file dropped": {base[0]},
		"file added":   {base[0], base[1], {Path: "roles/c.toml", Data: nil}},
	} {
		if Digest(files) == Digest(base) {
			t.Errorf("%s: digest unchanged", name)
		}
	}
	if Digest([]File{base[1], base[0]}) != Digest(base) {
		t.Error("digest depends on the order files are given in")
	}
}
