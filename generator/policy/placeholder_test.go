package policy

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

// TestPlaceholdersMatchTheRegexp guards the hand-written scanner that
// replaced regexp.MustCompile(`\{\{([^{}]*)\}\}`) (kept out of the wasm
// calculator): it finds the same references in the same texts.
func TestPlaceholdersMatchTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`\{\{([^{}]*)\}\}`)
	want := func(text string) []string {
		var refs []string
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			refs = append(refs, m[1])
		}
		return refs
	}
	texts := []string{
		"", "{{", "}}", "{{}}", "{{a}}", "x {{band/k#row[0].k}} y {{pay/p#param.base}}",
		"{{{a}}", "{{a}}}", "{{a{b}}", "{{a}b}}", "{ {a}}", "{{a} }", "{{中文}}{{b}}",
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("{}ab#")
	for range 20000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		if got, want := Placeholders(text), want(text); !slices.Equal(got, want) {
			t.Fatalf("Placeholders(%q) = %q, the regexp finds %q", text, got, want)
		}
	}
}
