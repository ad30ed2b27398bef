package site

import (
	"reflect"
	"testing"

	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestPlainRefusesMarkup: a text with anything Markdown may read as markup
// is not plain, and goes to goldmark.
func TestPlainRefusesMarkup(t *testing.T) {
	for _, tt := range []struct {
		text  string
		plain bool
	}{
		{"按月考核，得分乘以系数。", true},
		{"90 分及以上为优秀", true},
		{"参数 fixed pay 默认 8000.00 元/月（原文空白）", true},
		{"", false},
		{"**重点**", false},
		{"fixed_pay", false},
		{"1. 第一项", false},
		{"1) 第一项", false},
		{"12.5% 的提成", false},
		{"- 一项", false},
		{"+ 一项", false},
		{"= 标题", false},
		{"# 标题", false},
		{"> 引文", false},
		{" 前面有空格", false},
		{"后面有空格 ", false},
		{"两行\n文字", false},
		{"制表\t符", false},
		{"见 [说明](x.html)", false},
		{"`code`", false},
		{"A & B", false},
		{"<b>粗</b>", false},
		{"a|b", false},
		{"~~删除~~", false},
		{"引号\"", false},
		{"写信给 hr@example.com", false},
		{"见 https://example.com", false},
		{"见 www.example.com", false},
		{"转义\\*", false},
		{"图片！[x]", false},
	} {
		if got := plain(tt.text); got != tt.plain {
			t.Errorf("plain(%q) = %v, want %v", tt.text, got, tt.plain)
		}
	}
}

// TestPlainRendersAsGoldmark: every plain text of the fixture and the
// shipped handbooks (every string field of every policy), rendered without
// goldmark, gives the bytes goldmark and the term linker give, whether no
// term, some or every term is linked on the page already.
func TestPlainRendersAsGoldmark(t *testing.T) {
	shipped, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		h    *policy.Handbook
	}{
		{"fixture", fixture.Handbook(t)},
		{"shipped", shipped},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := glossaryOf(tt.h)
			if len(g.words) == 0 {
				t.Fatal("no glossary: the test would link nothing")
			}
			texts := strings_(tt.h)
			// Texts that hold terms, next to each other and inside words.
			for _, w := range g.words {
				texts = append(texts, "甲"+w.text+"乙"+w.text, w.text+g.words[0].text+"。", w.text)
			}
			n := 0
			for _, s := range texts {
				if !plain(s) {
					continue
				}
				n++
				fast, slow := g.linker(), g.linker()
				for round := range 3 { // nothing linked, what s linked, then all linked
					if round == 2 {
						fast.page(true)
						slow.page(true)
					}
					want := string(slowProse(slow, s))
					if got := string(fast.prose(s)); got != want {
						t.Fatalf("round %d: %q renders as\n%s\nwant (goldmark)\n%s", round, s, got, want)
					}
				}
			}
			if n < 50 {
				t.Errorf("only %d plain texts compared", n)
			}
		})
	}
}

// FuzzPlainProse: a text plain says is plain renders as goldmark renders it.
func FuzzPlainProse(f *testing.F) {
	for _, s := range []string{"按月考核", "孤儿客户提成 = 孤儿客户销售额 × 比例", "见 (附件) 与 末位", "a:b", "100 元/月"} {
		f.Add(s)
	}
	g := glossaryOf(fixture.Handbook(f))
	f.Fuzz(func(t *testing.T, s string) {
		if !plain(s) {
			return
		}
		if got, want := string(g.linker().prose(s)), string(slowProse(g.linker(), s)); got != want {
			t.Errorf("%q renders as %q, want (goldmark) %q", s, got, want)
		}
	})
}

// slowProse renders a text through goldmark, as prose does for a text that
// is not plain.
func slowProse(l *linker, s string) string {
	l.buf.Reset()
	if err := convert(l.md, s, &l.buf); err != nil {
		return "error: " + err.Error()
	}
	return l.buf.String()
}

// strings_ lists every string field of every policy of h.
func strings_(h *policy.Handbook) []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			out = append(out, v.String())
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(v.MapIndex(k))
			}
		}
	}
	for _, p := range h.All() {
		walk(reflect.ValueOf(p))
	}
	return out
}

// glossaryOf is the glossary of a handbook, as a build makes it.
func glossaryOf(h *policy.Handbook) *glossary {
	b := &builder{h: h}
	b.index()
	return newGlossary(h, b.latest[policy.KindRules])
}
