package inputs

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLowerASCIIFindsToLowersWords: lowerASCII gives value's words
// (true, false, 是, 否) for exactly the texts strings.ToLower gives them
// for. Only ASCII text and two letters lower to ASCII at all (checked on
// every character), so the texts compared, every case of the words and
// those letters and others among them, cover the rest.
func TestLowerASCIIFindsToLowersWords(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= utf8.MaxRune; r++ {
		if l := strings.ToLower(string(r)); l[0] < utf8.RuneSelf && r != '\u0130' && r != '\u212A' {
			t.Errorf("%U lowers to ASCII %q", r, l)
		}
	}
	words := map[string]bool{"true": true, "false": true, "是": true, "否": true}
	texts := []string{"", "是", "否", "是 ", "Ｔｒｕｅ", "\u212Ae", "tru\u0130", "falſe", "ﬁ", "FALSE\x00", "\xffTRUE", "yes"}
	for _, w := range []string{"true", "false"} {
		for mask := range 1 << len(w) { // every mix of cases
			b := []byte(w)
			for i := range b {
				if mask&(1<<i) != 0 {
					b[i] -= 'a' - 'A'
				}
			}
			texts = append(texts, string(b), string(b)+"\u0130", "\u212A"+string(b))
		}
	}
	for _, s := range texts {
		got, want := lowerASCII(s), strings.ToLower(s)
		if words[got] != words[want] || words[want] && got != want {
			t.Errorf("lowerASCII(%q) = %q, strings.ToLower gives %q", s, got, want)
		}
	}
}
