package cli

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/internal/msgcheck"
)

// TestEveryMessageIsInChinese: every message the command writes has its
// Chinese in the catalog, with every argument used; the catalog holds
// nothing unused.
func TestEveryMessageIsInChinese(t *testing.T) {
	used, err := msgcheck.Formats("*.go", []msgcheck.Call{{Name: "printf", Arg: 1}, {Name: "errorf", Arg: 0}, {Name: "text", Arg: 0}, {Name: "zh.Sprintf", Arg: 0}, {Name: "fail", Arg: 0}})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range flagMessages { // formats in a table
		used[m.format] = append(used[m.format], "flags.go")
	}
	msgcheck.Check(t, used, 60, zh)
}
