package inputs

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/internal/msgcheck"
)

// TestEveryMessageIsInChinese: every format inputs writes has its Chinese
// in the catalog, with every argument used; the catalog holds nothing
// unused.
func TestEveryMessageIsInChinese(t *testing.T) {
	used, err := msgcheck.Formats("*.go", []msgcheck.Call{{Name: "add", Arg: 1}, {Name: "missing", Arg: 1}, {Name: "errorf", Arg: 0}, {Name: "fieldProblem", Arg: 1}, {Name: "zh.Sprintf", Arg: 0}})
	if err != nil {
		t.Fatal(err)
	}
	for f, at := range used { // encode.go's add(path, value) writes values
		if strings.HasPrefix(at[0], "encode.go:") && len(at) == 1 {
			delete(used, f)
		}
	}
	if len(used) < 80 {
		t.Fatalf("found only %d formats: the scan misses calls", len(used))
	}
	for _, p := range msgcheck.Problems(used, zh) {
		t.Error(p)
	}
}
