package site

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

// TestGlossaryLinksFirstUse: a term is linked where a page first uses it,
// once a page, never inside code, a link or a heading, the longest word
// winning where two start together; markup in the text stays inert.
func TestGlossaryLinksFirstUse(t *testing.T) {
	rules := policy.FromSource(policy.KindRules, "glossary.toml", &source.Rules{Term: []policy.Term{
		{ID: "guer", Term: "孤儿客户", Text: "x"},
		{ID: "nzj", Term: "年终奖", Aliases: []string{"年终奖金"}, Text: "x"},
		{ID: "dw", Term: "电网指标", Aliases: []string{"红线"}, Text: "x"},
	}})
	g := newGlossary(policy.New(nil), []policy.Policy{rules}).linker()
	link := func(anchor, word string) string {
		return `<a href="` + rootMarkURL + `glossary.html#term-` + anchor + `" class="term">` + word + `</a>`
	}
	for _, tt := range []struct {
		name, in string
		want     []string // in the output
		not      []string // not in the output
	}{
		{"first use only", "孤儿客户要跟进；孤儿客户多。", []string{"<p>" + link("guer", "孤儿客户") + "要跟进；孤儿客户多。</p>"}, nil},
		{"two terms in one text", "红线与年终奖", []string{link("dw", "红线"), link("nzj", "年终奖")}, nil},
		{"longest word", "发放年终奖金。", []string{link("nzj", "年终奖金")}, nil},
		{"not in code", "`孤儿客户` 与孤儿客户", []string{"<code>孤儿客户</code> 与" + link("guer", "孤儿客户")}, nil},
		{"not in a link", "[孤儿客户](https://example.com)", nil, []string{`class="term"`}},
		{"not in a heading", "## 孤儿客户\n\n正文", nil, []string{`class="term"`}},
		{"across line breaks", "第一行\n有红线的第二行", []string{"有" + link("dw", "红线") + "的第二行"}, nil},
		{"markup stays inert", "红线 <script>alert(1)</script> <img src=x onerror=alert(1)> [红线](javascript:alert(1))", []string{link("dw", "红线")}, []string{"<script", "<img", "javascript:"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g.page(false)
			got := string(g.prose(tt.in))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("prose(%q) = %s\nwant it to contain %s", tt.in, got, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("prose(%q) = %s\nmust not contain %s", tt.in, got, w)
				}
			}
		})
	}
	// Once a page: a second text on the same page links nothing again; a
	// new page does; the glossary's own page links nothing.
	g.page(false)
	g.prose("红线")
	if got := string(g.prose("红线")); strings.Contains(got, "term") {
		t.Errorf("second use on a page linked: %s", got)
	}
	g.page(false)
	if got := string(g.prose("红线")); !strings.Contains(got, "term") {
		t.Errorf("first use on a new page not linked: %s", got)
	}
	g.page(true)
	if got := string(g.prose("红线")); strings.Contains(got, "term") {
		t.Errorf("the glossary's page linked a term: %s", got)
	}
}

// TestGlossaryPage: the fixture's glossary page has an entry per term, with
// its aliases and the pages of the policies it names, and pages link the
// terms they use to it.
func TestGlossaryPage(t *testing.T) {
	pages, in := fixtureSite(t)
	m := byPath(pages)
	page := m["glossary.html"]
	n := 0
	for _, p := range in.Handbook.All() {
		r, ok := p.(*policy.Rules)
		if !ok {
			continue
		}
		for _, term := range r.Term {
			n++
			if !strings.Contains(page, `<dt id="term-`+term.ID+`">`+term.Term) {
				t.Errorf("glossary.html has no entry for %s", term.Term)
			}
			for _, a := range term.Aliases {
				if !strings.Contains(page, a) {
					t.Errorf("glossary.html does not show the alias %s of %s", a, term.Term)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("the fixture has no glossary terms")
	}
	if !strings.Contains(page, `href="redlines.html"`) {
		t.Error("the entry of 电网指标 does not link the red lines page")
	}
	linked := 0
	for path, data := range m {
		if strings.Contains(data, `glossary.html#term-`) && path != "glossary.html" && path != "search-index.js" {
			linked++
		}
		if strings.Contains(data, rootMark) || strings.Contains(data, rootMarkURL) {
			t.Errorf("%s: a root mark was left in the page", path)
		}
	}
	if linked == 0 {
		t.Error("no page links a glossary term")
	}
}
