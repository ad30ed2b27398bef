package batch

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/internal/msgcheck"
)

// TestEveryMessageIsInChinese: every format batch writes has its Chinese
// in the catalog, with every argument used; the catalog holds nothing
// unused.
func TestEveryMessageIsInChinese(t *testing.T) {
	used, err := msgcheck.Formats("*.go", []msgcheck.Call{{Name: "bad", Arg: 1}, {Name: "badAt", Arg: 2}, {Name: "rowError", Arg: 3}, {Name: "fileError", Arg: 1}, {Name: "zh.Sprintf", Arg: 0}, {Name: "zh.Errorf", Arg: 0}})
	if err != nil {
		t.Fatal(err)
	}
	msgcheck.Check(t, used, 20, zh)
}
