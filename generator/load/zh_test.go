package load

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/internal/msgcheck"
)

// TestEveryMessageIsInChinese: every format load writes has its Chinese in
// the catalog, with every argument used; the catalog holds nothing unused.
func TestEveryMessageIsInChinese(t *testing.T) {
	used, err := msgcheck.Formats("*.go", []msgcheck.Call{{Name: "errf", Arg: 2}, {Name: "verrf", Arg: 2}, {Name: "addf", Arg: 2}, {Name: "zh.Sprintf", Arg: 0}})
	if err != nil {
		t.Fatal(err)
	}
	msgcheck.Check(t, used, 40, zh)
}
