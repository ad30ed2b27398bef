package diag

import "testing"

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
