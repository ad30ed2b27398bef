package inputs

import (
	"strings"
	"testing"
	"unicode"
)

// TestLowerASCII: value reads the same words with lowerASCII as with
// strings.ToLower, on the words in any case and on texts with the letters
// that lower to ASCII (İ, K) or fold to it (ſ), full-width letters and
// bytes that are not UTF-8; and no letter outside ASCII lowers to a letter
// of the words or to 是/否.
func TestLowerASCII(t *testing.T) {
	words := []string{"true", "false", "是", "否"}
	cases := []string{"", "true", "TRUE", "True", "tRuE", "FALSE", "False", "是", "否", "yes", "1", "İ", "\u212a", "falſe", "ＴＲＵＥ", "TRUE\xff", "\xffTRUE", "tru\u0130", "12.5"}
	for _, s := range cases {
		for _, w := range words {
			if got, want := lowerASCII(s) == w, strings.ToLower(s) == w; got != want {
				t.Errorf("lowerASCII(%q) == %q is %v, strings.ToLower says %v", s, w, got, want)
			}
		}
	}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l != r && strings.ContainsRune("truefals是否", l) {
			t.Errorf("%U lowers to %q, a letter of the words value reads", r, l)
		}
	}
}
