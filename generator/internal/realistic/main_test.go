package main

import (
	"bytes"
	"testing"
	"time"

	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
)

// TestEditsKeepTheFixtureValid makes each edit to a copy of the fixture
// handbook and checks that it changed a file and left valid policies.
func TestEditsKeepTheFixtureValid(t *testing.T) {
	today := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	for _, kind := range []string{"share", "tier", "kband", "rate", "version"} {
		t.Run(kind, func(t *testing.T) {
			root := t.TempDir()
			if err := fixture.WriteCheckout(root, fixture.Files(t)); err != nil {
				t.Fatal(err)
			}
			before, err := load.RootFiles(root)
			if err != nil {
				t.Fatal(err)
			}
			msg, err := Apply(root, kind, today, true)
			if err != nil {
				t.Fatal(err)
			}
			t.Log(msg)
			after, err := load.RootFiles(root)
			if err != nil {
				t.Fatal(err)
			}
			if load.Digest(after) == load.Digest(before) {
				t.Fatal("no file changed")
			}
			if _, diags := load.Load(after); len(diags) > 0 {
				t.Fatalf("the edit left %d problems, first: %v", len(diags), diags[0])
			}
			if kind != "version" {
				corrected := false
				for _, f := range after {
					corrected = corrected || bytes.Contains(f.Data, []byte("[[correction]]"))
				}
				if !corrected {
					t.Error("an edit of a version in effect records no [[correction]]")
				}
			}
		})
	}
	if _, err := Apply(t.TempDir(), "frobnicate", today, true); err == nil {
		t.Error("an unknown edit is accepted")
	}
}
