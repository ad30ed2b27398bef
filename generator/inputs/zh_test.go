package inputs

import (
	"os"
	"path/filepath"
	"regexp"
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
	for _, v := range []string{"none", "0"} { // encode.go's add(path, value) writes values
		if at := used[v]; len(at) == 1 && strings.HasPrefix(at[0], "encode.go:") {
			delete(used, v)
		}
	}
	msgcheck.Check(t, used, 80, zh)
}

// TestEveryProblemHasItsChinese: a FieldProblem or Problem written as a
// literal with its English reason gives its Chinese too.
func TestEveryProblemHasItsChinese(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	lit := regexp.MustCompile(`(Field)?Problem\{[^{}]*(Reason|Message):[^{}]*\}`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllString(string(b), -1) {
			if !strings.Contains(m, "Zh:") {
				t.Errorf("%s: %s has no Chinese", f, m)
			}
		}
	}
}
