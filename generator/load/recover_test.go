package load

import (
	"strings"
	"testing"
)

func TestWholeStatement(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
		want      bool
	}{
		{"key and value", "a = 1\nb = 2\n", 1, true},
		{"last line", "a = 1\nb = 2", 2, true},
		{"dotted and quoted key", "x.\"y z\" = oops\n[t]\n", 1, true},
		{"next line a comment, then a header", "a = [\n# c\n[[t]]\n", 1, true},
		{"table header", "[[part]\nid = 1\n", 1, false},
		{"inside a multi-line array", "rows = [\n  { min = 1 },,\n]\n", 2, false},
		{"opens a multi-line array", "rows = [ 1,,\n  2,\n]\n", 1, false},
		{"multi-line string", "a = \"\"\"x\ny\"\"\"\n", 1, false},
		{"out of range", "a = 1\n", 3, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wholeStatement(strings.SplitAfter(tc.src, "\n"), tc.line); got != tc.want {
				t.Errorf("wholeStatement(%q, %d) = %v, want %v", tc.src, tc.line, got, tc.want)
			}
		})
	}
}

func TestParentKey(t *testing.T) {
	for k, want := range map[string]string{
		"":                         "",
		"title":                    "",
		"note[1]":                  "",
		"note[1].reveiw":           "note[1]",
		"part[0].item[2]":          "part[0]",
		"part[0].item[2].tiers[1]": "part[0].item[2]",
		"part[0].item[2].weight":   "part[0].item[2]",
	} {
		if got := parentKey(k); got != want {
			t.Errorf("parentKey(%q) = %q, want %q", k, got, want)
		}
	}
}
