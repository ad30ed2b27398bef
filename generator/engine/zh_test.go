package engine

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/internal/msgcheck"
)

// TestEveryMessageIsInChinese: every format the engine writes has its
// Chinese in the catalog, with every argument used; the catalog holds
// nothing unused.
func TestEveryMessageIsInChinese(t *testing.T) {
	used, err := msgcheck.Formats("*.go", []msgcheck.Call{{Name: "zh.Sprintf", Arg: 0}, {Name: "zh.Errorf", Arg: 0}, {Name: "addProblem", Arg: 1}, {Name: "inputErrorf", Arg: 0}})
	if err != nil {
		t.Fatal(err)
	}
	msgcheck.Check(t, used, 40, zh)
}
