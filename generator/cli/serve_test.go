package cli

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kefu-hr/handbook/generator/internal/fixture"
)

// TestServeRebuildsAndShowsProblems: serve builds the checkout, rebuilds
// when a policy changes (the generation the pages poll moves, the page
// shows the change), shows a policy problem at the top of every page while
// the last good site stays served, and clears it when the file is fixed.
func TestServeRebuildsAndShowsProblems(t *testing.T) {
	files, err := txtarParse("../../testdata/valid/minimal.txtar")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if err := fixture.WriteCheckout(root, loadFiles(files)); err != nil {
		t.Fatal(err)
	}
	s := newServer(root, "", io.Discard)
	s.rebuild()
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.watch(ctx, 20*time.Millisecond)

	get := func(p string) (int, string) {
		t.Helper()
		r, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		b, _ := io.ReadAll(r.Body)
		return r.StatusCode, string(b)
	}
	waitFor := func(gen string) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if _, g := get("/__generation"); g == gen {
				return
			}
		}
		t.Fatalf("no rebuild to generation %s", gen)
	}
	// waitPage returns the page once cond holds, or as it is after 10 s. On
	// a loaded machine a look can catch a write half done (the file
	// truncated, twice in a row) and build that first; the next look builds
	// the whole file. So a test waits for what a change shows, not for one
	// generation.
	waitPage := func(p string, cond func(string) bool) string {
		t.Helper()
		var page string
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if _, page = get(p); cond(page) {
				break
			}
		}
		return page
	}
	code, home := get("/")
	if code != 200 || !strings.Contains(home, "客服部制度手册") || !strings.Contains(home, `<script src="/__reload.js">`) || !strings.Contains(home, "script-src 'self'") {
		t.Fatalf("GET /: %d\n%.300s", code, home)
	}
	if _, g := get("/__generation"); g != "1" {
		t.Fatalf("generation %q, want 1", g)
	}
	if code, _ := get("/nosuch.html"); code != 404 {
		t.Errorf("a missing page: %d", code)
	}

	role := filepath.Join(root, "roles", "boss.toml")
	src, err := os.ReadFile(role)
	if err != nil {
		t.Fatal(err)
	}
	title := "总裁"
	if !strings.Contains(string(src), `title = "`+title+`"`) {
		t.Fatalf("the minimal handbook's boss is not titled %s", title)
	}
	edited := strings.Replace(string(src), `title = "`+title+`"`, `title = "董事长"`, 1)
	if err := os.WriteFile(role, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("2")
	if page := waitPage("/roles/boss.html", func(page string) bool { return strings.Contains(page, "董事长") }); !strings.Contains(page, "董事长") {
		t.Fatal("the edit is not shown after the rebuild")
	}

	if err := os.WriteFile(role, []byte(strings.Replace(edited, "version = 1", "version = \"one\"", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("3")
	page := waitPage("/roles/boss.html", func(page string) bool { return strings.Contains(page, "roles/boss.toml:") })
	if !strings.Contains(page, `class="build-error"`) || !strings.Contains(page, "roles/boss.toml:") || !strings.Contains(page, "董事长") {
		t.Fatalf("the problem is not shown over the last good page:\n%.600s", page)
	}

	if err := os.WriteFile(role, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("4")
	if page := waitPage("/roles/boss.html", func(page string) bool { return !strings.Contains(page, `class="build-error"`) }); strings.Contains(page, `class="build-error"`) {
		t.Fatal("the problem is still shown after the fix")
	}
}
