package coverage

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/internal/msgcheck"
)

// TestEveryMessageIsInChinese: every message format of the package has its
// Chinese in the catalog, with every argument used; the catalog holds
// nothing unused; every kind of clause has a Chinese name.
func TestEveryMessageIsInChinese(t *testing.T) {
	used, err := msgcheck.Formats("*.go", []msgcheck.Call{{Name: "zh.Sprintf", Arg: 0}})
	if err != nil {
		t.Fatal(err)
	}
	msgcheck.Check(t, used, 8, zh)
	for _, k := range Kinds {
		if k.Zh() == string(k) {
			t.Errorf("kind %q has no Chinese name", k)
		}
	}
}
