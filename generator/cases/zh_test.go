package cases

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/internal/msgcheck"
)

// TestEveryMessageIsInChinese: every format cases writes has its Chinese
// in the catalog, with every argument used; the catalog holds nothing
// unused.
func TestEveryMessageIsInChinese(t *testing.T) {
	used, err := msgcheck.Formats("*.go", []msgcheck.Call{{Name: "errf", Arg: 1}, {Name: "zh.Sprintf", Arg: 0}})
	if err != nil {
		t.Fatal(err)
	}
	msgcheck.Check(t, used, 12, zh)
}
