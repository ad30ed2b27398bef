package site

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	assets "github.com/kefu-hr/handbook/site"
)

// rank runs the site's own search script (site/search.js) under Node over
// the index of pages, and returns the addresses of the results of each
// query, best first.
func rank(t *testing.T, pages []Page, queries []string) [][]string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the search script cannot run")
	}
	script, err := assets.FS.ReadFile("search.js")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	q, _ := json.Marshal(queries)
	harness := "globalThis.window = globalThis;\n" +
		"globalThis.document = { getElementById: function () { return null; } };\n" +
		"globalThis.location = { search: '', hash: '' };\n" +
		string(byPath(pages)["search-index.js"]) + "\n" + string(script) + "\n" +
		"var out = " + string(q) + ".map(function (q) { return window.HANDBOOK_SEARCH_RANK(q).map(function (r) { return r.d.u; }); });\n" +
		"process.stdout.write(JSON.stringify(out));\n"
	f := filepath.Join(dir, "harness.js")
	if err := os.WriteFile(f, []byte(harness), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := exec.Command(node, f).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, b)
	}
	var got [][]string
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	return got
}

// TestSearchFindsTheRightPageFirst runs the search script over the fixture
// handbook's site: a glossary word finds its entry first and the pages of
// the policies the entry names next; an alias finds the entry of its term;
// a page whose title is the query comes before everything; Chinese typed
// without spaces is found in pieces; a word in no page finds nothing.
func TestSearchFindsTheRightPageFirst(t *testing.T) {
	pages, _ := fixtureSite(t)
	tests := []struct {
		q     string
		first string   // "*": any
		also  []string // within the first four results
	}{
		{"孤儿客户", "glossary.html#term-guer-kehu", []string{"pay/kefu-zongjian-pay.html", "scorecards/kefu-zongjian-monthly.html"}},
		{"红线", "glossary.html#term-dianwang-zhibiao", []string{"redlines.html"}},
		{"年终奖", "glossary.html#term-nianzhongjiang", []string{"pay/kefu-zongjian-pay.html"}},
		{"年终奖金", "glossary.html#term-nianzhongjiang", nil},
		{"提成", "glossary.html#term-ticheng", []string{"pay/dakehu-zhuanyuan-pay.html"}},
		{"佣金", "glossary.html#term-ticheng", nil},
		{"奖金系数", "glossary.html#term-jiangjin-xishu", []string{"bands/bonus-coefficient.html"}},
		{"电网指标", "redlines.html", []string{"glossary.html#term-dianwang-zhibiao"}},
		{"积分制", "glossary.html#term-jifen", []string{"points/kefu-points.html"}},
		{"术语表", "glossary.html", nil},
		{"客服总监", "roles/kefu-zongjian.html", nil},
		// Chinese typed without spaces: found in pieces.
		{"总监年终奖", "pay/kefu-zongjian-pay.html", []string{"roles/kefu-zongjian.html"}},
		{"客服总监孤儿客户", "pay/kefu-zongjian-pay.html", []string{"scorecards/kefu-zongjian-monthly.html"}},
		{"大客户专员提成", "pay/dakehu-zhuanyuan-pay.html", nil},
		{"年终奖金额", "*", []string{"pay/kefu-zongjian-pay.html"}}, // 年终奖 + 金额: not lost to 年终奖金 + 额
		{"这个词不在任何页面里", "", nil},
	}
	var qs []string
	for _, tt := range tests {
		qs = append(qs, tt.q)
	}
	got := rank(t, pages, qs)
	for i, tt := range tests {
		res := got[i]
		first := ""
		if len(res) > 0 {
			first = res[0]
		}
		if tt.first != "*" && first != tt.first {
			t.Errorf("search %q: first %q, want %q (all: %v)", tt.q, first, tt.first, res)
		}
		top := res[:min(4, len(res))]
		for _, want := range tt.also {
			if !strings.Contains(strings.Join(top, " "), want) {
				t.Errorf("search %q: %s not in the first four %v", tt.q, want, top)
			}
		}
	}
}

// TestPageText: the index reads a page's text with its headings; a tag
// inside a phrase (a glossary link) does not cut the phrase, a block's edge
// does; entities are read and white space folded.
func TestPageText(t *testing.T) {
	for _, tt := range []struct{ in, all, title string }{
		{"<h1>客服 <small>总监</small></h1><p>考核奖金<a class=\"term\" href=\"x\">基数</a> × K</p>", "客服 总监 考核奖金基数 × K", "客服 总监"},
		{"<p>甲</p><p>乙</p><td>丙</td>", "甲 乙 丙", ""},
		{"<p>A&amp;B\n\t C　D</p>", "A&B C D", ""},
	} {
		all, title, _ := pageText([]byte(tt.in))
		if all != tt.all || title != tt.title {
			t.Errorf("pageText(%q) = %q, %q; want %q, %q", tt.in, all, title, tt.all, tt.title)
		}
	}
}
