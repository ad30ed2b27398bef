package load

import (
	"path/filepath"
	"testing"
)

// TestCacheAgreesWithLoad loads, through one Cache, the minimal handbook
// and then each invalid fixture laid over it and the minimal handbook
// again: every time the problems are Load's, to the letter, and the valid
// handbook loads clean after the broken ones, so that nothing of a file's
// earlier content survives a change.
func TestCacheAgreesWithLoad(t *testing.T) {
	var c Cache
	base := archiveFiles(t, "../../testdata/valid/minimal.txtar")
	if _, diags := c.Load(base); len(diags) > 0 {
		t.Fatalf("minimal handbook: %s", diags.Error())
	}
	paths, _ := filepath.Glob("../../testdata/invalid/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no invalid fixtures")
	}
	for _, p := range paths {
		files := overlay(t, p)
		_, want := Load(files)
		_, got := c.Load(files)
		if got.Error() != want.Error() {
			t.Errorf("%s: through the cache:\n%s\nLoad:\n%s", filepath.Base(p), got.Error(), want.Error())
		}
		h, diags := c.Load(base)
		if len(diags) > 0 || h == nil {
			t.Fatalf("minimal handbook after %s: %s", filepath.Base(p), diags.Error())
		}
	}
	if len(c.files) == 0 {
		t.Fatal("the cache kept nothing")
	}
}
