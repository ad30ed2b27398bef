package site

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWriter: a site is written beside its destination and put in its
// place only by Commit; a build that fails (Discard) leaves the destination
// as it was; a page that did not change is the old file, linked, not a new
// one; files of the destination that the new site lacks are kept only when
// asked; nothing is left beside the destination.
func TestWriter(t *testing.T) {
	old := map[string]string{"index.html": "same", "roles/a.html": "old text", "roles/gone.html": "a page no longer made", "notes.txt": "the user's"}
	pages := []Page{{Path: "index.html", Data: []byte("same")}, {Path: "roles/a.html", Data: []byte("new text")}, {Path: "roles/b.html", Data: []byte("a new page")}}
	keepNotes := func(p string) bool { return p == "notes.txt" }
	tests := []struct {
		name   string
		old    map[string]string // the destination before, nil for none
		link   bool              // the destination is a symbolic link to the site
		commit bool              // Commit, else Discard
		keep   func(string) bool
		want   map[string]string // the destination after
		linked []string          // pages that must be the old files
	}{
		{"a first build makes the destination", nil, false, true, nil,
			map[string]string{"index.html": "same", "roles/a.html": "new text", "roles/b.html": "a new page"}, nil},
		{"a build replaces the old site, keeping what it is asked to", old, false, true, keepNotes,
			map[string]string{"index.html": "same", "roles/a.html": "new text", "roles/b.html": "a new page", "notes.txt": "the user's"}, []string{"index.html", "notes.txt"}},
		{"a build keeps nothing it is not asked to", old, false, true, nil,
			map[string]string{"index.html": "same", "roles/a.html": "new text", "roles/b.html": "a new page"}, []string{"index.html"}},
		{"a failed build leaves the old site as it was", old, false, false, keepNotes, old, []string{"index.html", "roles/a.html", "notes.txt"}},
		{"a failed first build leaves nothing", nil, false, false, nil, nil, nil},
		{"a link to the site is followed and stays a link", old, true, true, keepNotes,
			map[string]string{"index.html": "same", "roles/a.html": "new text", "roles/b.html": "a new page", "notes.txt": "the user's"}, []string{"index.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "public")
			site := dir
			if tt.link {
				site = filepath.Join(root, "real")
				if err := os.Symlink("real", dir); err != nil {
					t.Skip("no symbolic links here:", err)
				}
			}
			before := map[string]os.FileInfo{}
			if tt.old != nil {
				writeTree(t, site, tt.old)
				for p := range tt.old {
					fi, err := os.Stat(filepath.Join(site, p))
					if err != nil {
						t.Fatal(err)
					}
					before[p] = fi
				}
			}
			w, err := NewWriter(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range pages {
				if err := w.Sink(p); err != nil {
					t.Fatal(err)
				}
			}
			if tt.commit {
				err = w.Commit(tt.keep)
			} else {
				err = w.Discard()
			}
			if err != nil {
				t.Fatal(err)
			}
			got := readTree(t, dir)
			if tt.want == nil && got != nil {
				t.Errorf("the destination exists after a failed first build: %v", got)
			}
			if !mapsEqual(got, tt.want) {
				t.Errorf("the destination holds %v, want %v", got, tt.want)
			}
			for _, p := range tt.linked {
				fi, err := os.Stat(filepath.Join(dir, p))
				if err != nil {
					t.Fatal(err)
				}
				if !os.SameFile(fi, before[p]) {
					t.Errorf("%s is a new file, want the old one", p)
				}
			}
			if tt.link {
				if fi, err := os.Lstat(dir); err != nil || fi.Mode()&os.ModeSymlink == 0 {
					t.Errorf("the link to the site is gone: %v", err)
				}
			}
			entries, err := os.ReadDir(root)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			wantNames := []string{}
			if tt.want != nil || tt.old != nil {
				wantNames = append(wantNames, "public")
			}
			if tt.link {
				wantNames = append(wantNames, "real")
			}
			if !slices.Equal(names, wantNames) && !(len(names) == 0 && len(wantNames) == 0) {
				t.Errorf("beside the destination: %v, want %v", names, wantNames)
			}
		})
	}
}

// TestWriterKeepsTheOldSiteOnAnError: a page that cannot be written fails
// Commit, and the old site stays in place.
func TestWriterKeepsTheOldSiteOnAnError(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	writeTree(t, dir, map[string]string{"index.html": "old"})
	w, err := NewWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	// A page under a path that is a file: it cannot be written.
	for _, p := range []Page{{Path: "index.html", Data: []byte("new")}, {Path: "index.html/x.html", Data: []byte("x")}} {
		_ = w.Sink(p)
	}
	if err := w.Commit(nil); err == nil {
		t.Fatal("Commit succeeded with a page it could not write")
	}
	if got := readTree(t, dir); !mapsEqual(got, map[string]string{"index.html": "old"}) {
		t.Errorf("after a failed commit the site holds %v", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("left beside the site: %v", entries)
	}
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree reads every file under dir, by slash-separated path; nil when
// dir does not exist.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(dir)
	if os.IsNotExist(err) {
		return nil
	}
	got := map[string]string{}
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		got[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
