package gitrev

import (
	"testing"

	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/msgcheck"
)

// TestEveryMessageIsInChinese: every message of the catalog is used, with
// its Chinese taking the same arguments, and every zh.Errorf has one.
func TestEveryMessageIsInChinese(t *testing.T) {
	used, err := msgcheck.Formats("*.go", []msgcheck.Call{{Name: "zh.Errorf", Arg: 0}})
	if err != nil {
		t.Fatal(err)
	}
	msgcheck.Check(t, used, 5, zh)
}
