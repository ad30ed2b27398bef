package jsonstr

import (
	"encoding/json"
	"testing"

	_ "github.com/kefu-hr/handbook/generator/golden"
)

// TestAppendIsEncodingJSON: Append writes every string byte for byte as
// encoding/json does (which escapes HTML), invalid UTF-8 and the line and
// paragraph separators included.
func TestAppendIsEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"", "plain", "总分 86.5，奖金系数 K 1.1", "a\"b\\c", "\b\f\n\r\t\x00\x1f\x7f",
		"</script><!-- & -->", "a\u2028b\u2029c", "a\xffb", "\xe2\x80", "€\xe2\x80\xa8",
		"𝄞 😀 ‧ \u2027\u202a", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "end\xe2",
	} {
		want, _ := json.Marshal(s)
		if got := Append(nil, s); string(got) != string(want) {
			t.Errorf("Append(%q) = %s, want %s", s, got, want)
		}
	}
}
