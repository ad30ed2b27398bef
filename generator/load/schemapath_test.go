package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSchemaOnDisk: a file read from disk has its #:schema line resolved on
// disk, from the file's directory, as an editor resolves it; a file that is
// not on disk, against the repository layout (see the invalid fixture
// schema-path-unresolved).
func TestSchemaOnDisk(t *testing.T) {
	root := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("repo/generator/schema/bands.schema.json", "{}")
	write("repo/policies/bands/k.toml", "")
	write("elsewhere/policies/bands/k.toml", "")
	tests := []struct {
		name, file, target string
		want               string // "" when it resolves, else a part of the message
	}{
		{"resolves", "repo/policies/bands/k.toml", "../../generator/schema/bands.schema.json", ""},
		{"one level short", "repo/policies/bands/k.toml", "../generator/schema/bands.schema.json",
			"there is no policies/generator/schema/bands.schema.json; write #:schema ../../generator/schema/bands.schema.json"},
		{"one level too many", "repo/policies/bands/k.toml", "../../../generator/schema/bands.schema.json",
			"there is no such file; write #:schema ../../generator/schema/bands.schema.json"},
		{"absolute", "repo/policies/bands/k.toml", "/nowhere/bands.schema.json", "is an absolute path"},
		{"URL", "repo/policies/bands/k.toml", "https://example.com/bands.schema.json", "is a URL"},
		{"no schemas above the file", "elsewhere/policies/bands/k.toml", "../../generator/schema/bands.schema.json",
			"there is no generator/schema/bands.schema.json; name the schema by its path relative to this file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := File{Path: "policies/bands/k.toml", Disk: filepath.Join(root, filepath.FromSlash(tt.file))}
			got := schemaProblem(f, tt.target).En
			switch {
			case tt.want == "" && got != "":
				t.Errorf("want no problem, got %q", got)
			case tt.want != "" && !strings.Contains(got, tt.want):
				t.Errorf("got %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

// TestSchemaInRepository: a file that is not on disk (embedded, at a git
// revision, in an archive) has its #:schema line resolved against the
// repository layout, the revision's "REV:" left out.
func TestSchemaInRepository(t *testing.T) {
	tests := []struct {
		path, target string
		ok           bool
	}{
		{"policies/bands/k.toml", "../../generator/schema/bands.schema.json", true},
		{"HEAD:policies/bands/k.toml", "../../generator/schema/bands.schema.json", true},
		{"origin/main:roles/r.toml", "../generator/schema/role.schema.json", true},
		{"origin/main:roles/r.toml", "../../generator/schema/role.schema.json", false},
		{"policies/bands/k.toml", "../generator/schema/bands.schema.json", false},
		{"policies/bands/k.toml", "../../generator/schema/nosuch.schema.json", false},
		{"policies/bands/k.toml", "../../schema/bands.schema.json", false},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.target, func(t *testing.T) {
			got := schemaProblem(File{Path: tt.path}, tt.target).En
			if (got == "") != tt.ok {
				t.Errorf("problem %q, want ok = %v", got, tt.ok)
			}
		})
	}
}
