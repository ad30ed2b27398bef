package compile

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/internal/msgcheck"
)

// TestEveryMessageIsInChinese: every format compile writes, and every
// format the scoring kinds' checks write through it, has its Chinese in
// the catalog with verbs that take the same arguments; the catalog holds
// nothing unused.
func TestEveryMessageIsInChinese(t *testing.T) {
	used, err := msgcheck.Formats("*.go", []msgcheck.Call{{Name: "errf", Arg: 2}, {Name: "verrf", Arg: 2}, {Name: "zh.Sprintf", Arg: 0}})
	if err != nil {
		t.Fatal(err)
	}
	kinds, err := msgcheck.Formats("../policy/*.go", []msgcheck.Call{{Name: "Errorf", Arg: 1}})
	if err != nil {
		t.Fatal(err)
	}
	for f, at := range kinds {
		used[f] = append(used[f], at...)
	}
	msgcheck.Check(t, used, 50, zh)
}
