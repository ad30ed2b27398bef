package golden

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestEveryPackageHasADocGo: every package under generator/ and cmd/ keeps
// a doc.go whose comment says what the package holds and ends by saying
// who uses it. The "Used by" line is checked against the imports (-update
// rewrites it), so it cannot rot.
func TestEveryPackageHasADocGo(t *testing.T) {
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{.Dir}}|{{.Name}}|{{join .Imports \" \"}}", "./...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	const mod = "github.com/kefu-hr/handbook/"
	type pkg struct{ dir, name string }
	pkgs := map[string]pkg{}
	users := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.SplitN(l, "|", 4)
		pkgs[f[0]] = pkg{f[1], f[2]}
		for _, imp := range strings.Fields(f[3]) {
			users[imp] = append(users[imp], strings.TrimPrefix(f[0], mod))
		}
	}
	usedBy := regexp.MustCompile(`(?m)^//\n// Used by [^\n]*(\n// [^\n]*)*\n`)
	checked := 0
	for path, p := range pkgs {
		rel := strings.TrimPrefix(path, mod)
		if !strings.HasPrefix(rel, "generator/") && !strings.HasPrefix(rel, "cmd/") {
			continue
		}
		checked++
		doc := filepath.Join(p.dir, "doc.go")
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Errorf("%s has no doc.go", rel)
			continue
		}
		src := string(b)
		opener := "// Package " + p.name + " "
		if p.name == "main" {
			opener = "// Command "
		}
		if !strings.HasPrefix(src, opener) {
			t.Errorf("%s/doc.go does not start with %q", rel, strings.TrimSpace(opener))
			continue
		}
		want := ""
		if u := users[path]; len(u) > 0 {
			slices.Sort(u)
			want = "//\n" + wrap("Used by "+strings.Join(u, ", ")+".", 76)
		}
		body, _, _ := strings.Cut(src, "\npackage ")
		body += "\n"
		got := usedBy.FindString(body)
		if got == want {
			continue
		}
		if !Update() {
			t.Errorf("%s/doc.go: the Used by line is %q, want %q (go test ./generator/golden -update rewrites it)", rel, got, want)
			continue
		}
		if got != "" {
			body = strings.Replace(body, got, "", 1)
		}
		src = body + want + "package " + strings.SplitN(src, "\npackage ", 2)[1]
		if err := os.WriteFile(doc, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if checked < 10 {
		t.Fatalf("checked only %d packages", checked)
	}
}

// wrap writes text as // comment lines of at most width characters.
func wrap(text string, width int) string {
	var b, line strings.Builder
	for _, w := range strings.Fields(text) {
		if line.Len() > 0 && line.Len()+1+len(w) > width {
			b.WriteString("// " + line.String() + "\n")
			line.Reset()
		}
		if line.Len() > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(w)
	}
	if line.Len() > 0 {
		b.WriteString("// " + line.String() + "\n")
	}
	return b.String()
}
