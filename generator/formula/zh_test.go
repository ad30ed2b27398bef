package formula

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/internal/msgcheck"
)

// TestEveryMessageIsInChinese: every error message the package writes has
// its Chinese in the catalog, with every argument used; the catalog holds
// nothing unused.
func TestEveryMessageIsInChinese(t *testing.T) {
	used, err := msgcheck.Formats("*.go", []msgcheck.Call{{Name: "errorf", Arg: 1}, {Name: "errAt", Arg: 1}, {Name: "zh.Sprintf", Arg: 0}})
	if err != nil {
		t.Fatal(err)
	}
	msgcheck.Check(t, used, 20, zh)
}
