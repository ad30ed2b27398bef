package msgcheck

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/diag"
	_ "github.com/kefu-hr/handbook/generator/golden"
)

// TestVerbs: the verbs per argument of a format, or what is wrong with it.
func TestVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   string // the verbs per argument, or the error
	}{
		{"", ""},
		{"100%% sure", ""},
		{"%s and %d", "s d"},
		{"%[2]s 的 %[1]q", "q s"},
		{"%[1]s %[1]q %d", "sq d"},
		{"%.1[3]f%% %[1]d/%[2]d", "d d f"},
		{"%-24s|%05d|%12s|%5%", "s d s"},
		{"%[2]s", "argument 1 takes no verb"},
		{"%[0]s", "a bad argument index [0]"},
		{"%[x]s", "a bad argument index [x]"},
		{"%[1s", "an unclosed ["},
		{"%+d", "the flag +, which printf does not implement"},
		{"%#q", "the flag #, which printf does not implement"},
		{"% d", "the flag  , which printf does not implement"},
		{"%*d", "a width or precision given as *"},
		{"100%", "a % without a verb"},
		{"%é", "é"},
	}
	for _, tt := range tests {
		uses, err := Verbs(tt.format)
		var got string
		if err != nil {
			got = err.Error()
		} else {
			var parts []string
			for _, u := range uses {
				parts = append(parts, string(u))
			}
			got = strings.Join(parts, " ")
		}
		if got != tt.want {
			t.Errorf("Verbs(%q) = %q, want %q", tt.format, got, tt.want)
		}
	}
}

// TestProblems: what Problems finds in a catalog, given the formats used.
func TestProblems(t *testing.T) {
	tests := []struct {
		name string
		used []string
		cat  diag.Catalog
		want []string
	}{
		{"good", []string{"%s: %d of %q"}, diag.Catalog{"%s: %d of %q": "%[3]q 的 %[2]d，%[1]v"}, nil},
		{"no Chinese", []string{"a %s"}, diag.Catalog{}, []string{`x.go:1: "a %s" has no Chinese in the catalog`}},
		{"unused", nil, diag.Catalog{"b": "乙"}, []string{`the catalog's "b" is used nowhere`}},
		{"left out", []string{"%s and %s"}, diag.Catalog{"%s and %s": "%[1]s"}, []string{
			`the Chinese of "%s and %s" leaves out argument 2: <0>`,
		}},
		{"another verb", []string{"%s"}, diag.Catalog{"%s": "%d"}, []string{
			`"%d" formats as "%!d(string=字\"x\" y)" with printf, as "%!d(string=字\"x\" y)" with fmt`,
			`the Chinese of "%s" gives argument 1 %d, the English %s`,
		}},
		{"unsupported flag", []string{"%+d"}, diag.Catalog{"%+d": "%d"}, []string{`"%+d": the flag +, which printf does not implement`}},
	}
	for _, tt := range tests {
		used := map[string][]string{}
		for _, f := range tt.used {
			used[f] = []string{"x.go:1"}
		}
		got := Problems(used, tt.cat)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: Problems = %q, want %q", tt.name, got, tt.want)
		}
	}
}
