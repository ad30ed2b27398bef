package load

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/policies"
	"github.com/kefu-hr/handbook/roles"
)

// File is one policy file: the path shown in messages and its bytes.
type File struct {
	Path string
	Data []byte
	// Disk is the absolute path the file was read from, or "" for a file
	// that is not on disk (an embed.FS, a git revision, a test archive),
	// whose Path is then relative to the repository's root. It decides how
	// the file's #:schema line is resolved: on disk, or against the
	// repository layout (see schemaProblem).
	Disk string
}

// Dirs are the directories, relative to a checkout's root, that hold policies.
var Dirs = []string{"policies", "roles"}

// FromFS reads every .toml file of fsys, in lexical order, naming each
// prefix/path (slash-separated). It is used for the embedded policies.
func FromFS(fsys fs.FS, prefix string) ([]File, error) {
	var files []File
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files = append(files, File{Path: path.Join(prefix, p), Data: b})
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, err
}

// FromPaths reads the .toml files named by paths, walking directories. Paths
// are shown as given (cleaned, slash-separated); each file's Disk is its
// absolute path.
func FromPaths(paths []string) ([]File, error) {
	var files []File
	seen := map[string]bool{}
	for _, root := range paths {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || (p != root && !strings.HasSuffix(p, ".toml")) {
				return nil
			}
			shown := filepath.ToSlash(filepath.Clean(p))
			if seen[shown] {
				return nil
			}
			seen[shown] = true
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			abs, err := filepath.Abs(p)
			if err != nil {
				return err
			}
			files = append(files, File{Path: shown, Data: b, Disk: abs})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// FindRoot returns the checkout that contains dir: the nearest directory at
// or above dir that has both a policies and a roles directory.
func FindRoot(dir string) (string, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		ok := true
		for _, d := range Dirs {
			if fi, err := os.Stat(filepath.Join(abs, d)); err != nil || !fi.IsDir() {
				ok = false
			}
		}
		if ok {
			return abs, true
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", false
		}
		abs = parent
	}
}

// Shipped returns the policy files built into this binary: policies/ and
// roles/ of the repository it was built from.
func Shipped() ([]File, error) {
	pf, err := FromFS(policies.FS, "policies")
	if err != nil {
		return nil, err
	}
	rf, err := FromFS(roles.FS, "roles")
	if err != nil {
		return nil, err
	}
	return append(pf, rf...), nil
}

// ShippedHandbook loads and checks the built-in policies. An error means the
// binary was built from policies that do not validate.
func ShippedHandbook() (*policy.Handbook, error) {
	files, err := Shipped()
	if err != nil {
		return nil, err
	}
	h, diags := Load(files)
	if len(diags) > 0 {
		return nil, diags
	}
	return h, nil
}

// Tables returns an array of tables however TOML decoded it: [[x]] headers
// decode to []map[string]any, inline arrays to []any.
func Tables(v any) []map[string]any {
	switch v := v.(type) {
	case []map[string]any:
		return v
	case []any:
		out := make([]map[string]any, 0, len(v))
		for _, x := range v {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}
