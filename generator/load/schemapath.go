package load

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/schema"
)

// SchemaDir is where the schemas are in the repository, relative to its root.
const SchemaDir = "generator/schema"

// schemaProblem checks that the target of a file's #:schema line resolves,
// relative to the file as an editor (Taplo) resolves it, to a schema that
// exists, and explains why not, or returns "".
//
// What "exists" means depends on where the file came from:
//
//   - A file read from disk (File.Disk set) is resolved on disk: the target,
//     joined to the file's directory, must be a file. This is what an editor
//     open on the checkout does.
//   - Any other file (the policies built into the binary from an embed.FS, a
//     git revision, a test archive) has a Path relative to the root of the
//     repository, perhaps after "REV:". Its target is resolved against the
//     repository layout, not the machine's file system: it must lead, within
//     the repository, to generator/schema/NAME, where NAME is one of the
//     schemas built into this binary (package schema). A binary run outside
//     any checkout thus checks its policies the way they were in the
//     repository it was built from.
//
// A URL or an absolute path is refused either way: neither resolves the
// same on every machine, and the schemas are not published.
func schemaProblem(f File, target string) diag.Text {
	name := path.Base(target)
	fix := schemaFix(f, name)
	write := zh.Sprintf("name the schema by its path relative to this file")
	if fix != "" {
		write = zh.Sprintf("write %s", fix)
	}
	switch {
	case strings.Contains(target, "://"):
		return zh.Sprintf("#:schema %s is a URL, which cannot be checked (the schemas are not published): %s", target, write)
	case path.IsAbs(target) || filepath.IsAbs(target):
		return zh.Sprintf("#:schema %s is an absolute path, which resolves on one machine only: %s", target, write)
	}
	if f.Disk != "" {
		fi, err := os.Stat(filepath.Join(filepath.Dir(f.Disk), filepath.FromSlash(target)))
		if err == nil && !fi.IsDir() {
			return diag.Text{}
		}
		there := zh.Sprintf("there is no such file")
		if shown := path.Join(path.Dir(f.Path), target); !strings.HasPrefix(shown, "../") && !path.IsAbs(shown) {
			there = zh.Sprintf("there is no %s", shown)
		}
		return zh.Sprintf("#:schema %s does not resolve from this file: %s; %s", target, there, write)
	}
	rel := repoPath(f.Path)
	got := path.Join(path.Dir(rel), target)
	if got == SchemaDir+"/"+name && embedded(name) {
		return diag.Text{}
	}
	leads := zh.Sprintf("in the repository it leads to %s", got)
	if got == ".." || strings.HasPrefix(got, "../") {
		leads = zh.Sprintf("it leads outside the repository")
	}
	return zh.Sprintf("#:schema %s does not resolve from this file: %s, not to a schema in %s; %s", target, leads, SchemaDir, write)
}

// schemaFix returns the directive that would resolve from f to the schema
// name (#:schema ../../generator/schema/NAME), or "" when there is none.
func schemaFix(f File, name string) string {
	if !embedded(name) {
		return ""
	}
	if f.Disk != "" {
		dir := filepath.Dir(f.Disk)
		for d := dir; ; {
			p := filepath.Join(d, filepath.FromSlash(SchemaDir), name)
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				if rel, err := filepath.Rel(dir, p); err == nil {
					return "#:schema " + filepath.ToSlash(rel)
				}
				return ""
			}
			up := filepath.Dir(d)
			if up == d {
				return "" // no generator/schema above the file
			}
			d = up
		}
	}
	dir := path.Dir(repoPath(f.Path))
	up := ""
	if dir != "." {
		up = strings.Repeat("../", strings.Count(dir, "/")+1)
	}
	return "#:schema " + up + SchemaDir + "/" + name
}

// repoPath returns the path of a file within its repository: its Path,
// without the "REV:" of a file read at a git revision.
func repoPath(p string) string {
	if _, after, ok := strings.Cut(p, ":"); ok {
		return after // REV may hold slashes (origin/main); a path here holds no colon
	}
	return p
}

// embedded reports whether name is a schema built into this binary.
func embedded(name string) bool {
	fi, err := fs.Stat(schema.FS, name)
	return err == nil && !fi.IsDir()
}
