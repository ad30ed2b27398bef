package diag

import (
	"errors"
	"maps"
	"strings"
	"testing"
)

func TestLangFromEnv(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want Lang
	}{
		{nil, Chinese},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, Chinese},
		{map[string]string{"LANG": "C.UTF-8"}, Chinese},
		{map[string]string{"LANG": "en_US.UTF-8"}, English},
		{map[string]string{"LANG": "en"}, English},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, English},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, Chinese},
		{map[string]string{"LANG": "english"}, Chinese}, // not a locale name
	} {
		if got := LangFromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%v: %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestCatalogOf(t *testing.T) {
	for _, tt := range []struct {
		name  string
		pairs [][2]string
		want  Catalog // nil: CatalogOf panics
	}{
		{"none", nil, Catalog{}},
		{"pairs", [][2]string{{"no key %q", "没有键 %q"}, {"%s: %v", "%s：%v"}}, Catalog{"no key %q": "没有键 %q", "%s: %v": "%s：%v"}},
		{"a format twice", [][2]string{{"a %s", "甲 %s"}, {"b", "乙"}, {"a %s", "丙 %s"}}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if r := recover(); (r != nil) != (tt.want == nil) {
					t.Errorf("panic %v, want a panic: %v", r, tt.want == nil)
				}
			}()
			if got := CatalogOf(tt.pairs); !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCatalogSprintf(t *testing.T) {
	cat := Catalog{
		"unknown %s %q%s":     "没有%s %q%s",
		" (did you mean %q?)": "（是否想写 %q？）",
		"%s to %s":            "%[2]s 之前、%[1]s 之后", // reordered
	}
	noun := Text{En: "role", Zh: "岗位"}
	hint := cat.Sprintf(" (did you mean %q?)", "boss")
	got := cat.Sprintf("unknown %s %q%s", noun, "bos", hint)
	if want := (Text{En: `unknown role "bos" (did you mean "boss"?)`, Zh: `没有岗位 "bos"（是否想写 "boss"？）`}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := cat.Sprintf("%s to %s", "a", "b"); got.Zh != "b 之前、a 之后" {
		t.Errorf("reordered: %q", got.Zh)
	}
	if got := cat.Sprintf("not in the catalog %d", 3); got.En != "not in the catalog 3" || got.Zh != got.En {
		t.Errorf("a format without Chinese: %+v", got)
	}
	got = cat.Sprintf("unknown %s %q%s", noun, "x", Text{})
	if got.Zh != `没有岗位 "x"` || got.En != `unknown role "x"` {
		t.Errorf("an empty Text: %+v", got)
	}
	d := Diagnostic{Pos: Pos{"a.toml", 2, 3}, Message: got.En, Zh: got.Zh, Key: "id"}
	if d.In(Chinese) != `a.toml:2:3: 没有岗位 "x" (id)` || d.String() != `a.toml:2:3: unknown role "x" (id)` {
		t.Errorf("In: %q / %q", d.In(Chinese), d.String())
	}
}

func TestCatalogErrorf(t *testing.T) {
	base := errors.New("disk full")
	cat := Catalog{"writing %s: %v": "写 %s 时出错：%v"}
	err := cat.Errorf("writing %s: %v", "a.csv", base)
	if err.Error() != "writing a.csv: disk full" || !errors.Is(err, base) {
		t.Errorf("Errorf: %q, wraps %v", err, errors.Is(err, base))
	}
	if got := ErrorIn(err, Chinese); got != "写 a.csv 时出错：disk full" {
		t.Errorf("ErrorIn: %q", got)
	}
	outer := cat.Sprintf("writing %s: %v", "b.csv", err)
	if outer.Zh != "写 b.csv 时出错：写 a.csv 时出错：disk full" && !strings.HasPrefix(outer.Zh, "写 b.csv") {
		t.Errorf("nested: %q", outer.Zh)
	}
	if got := ErrorIn(base, Chinese); got != "disk full" {
		t.Errorf("a plain error: %q", got)
	}
	if got := TextOf(cat.Errorf("writing %s: %v", "c", "x")); got.En != "writing c: x" {
		t.Errorf("TextOf: %+v", got)
	}
}
