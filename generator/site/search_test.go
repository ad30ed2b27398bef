package site

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	assets "github.com/kefu-hr/handbook/site"
)

// rank runs the site's own search script (site/search.js) under Node over
// the index of pages, loaded as the search page loads it (every file it
// names, in order), and returns the addresses of the results of each
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
	site := byPath(pages)
	var index strings.Builder
	for _, f := range indexFiles(t, site) {
		index.WriteString(site[f] + "\n")
	}
	dir := t.TempDir()
	q, _ := json.Marshal(queries)
	harness := "globalThis.window = globalThis;\n" +
		"globalThis.document = { getElementById: function () { return null; } };\n" +
		"globalThis.location = { search: '', hash: '' };\n" +
		index.String() + string(script) + "\n" +
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

// indexFiles lists the files of the search index that the search page
// loads, in order, and checks that each is in the site.
func indexFiles(t *testing.T, site map[string]string) []string {
	t.Helper()
	var files []string
	for _, m := range regexp.MustCompile(`<script src="([^"]+)"></script>`).FindAllStringSubmatch(site["search.html"], -1) {
		if file, _, _ := strings.Cut(m[1], "?"); file == "search.js" {
			continue
		}
		if _, ok := site[m[1]]; !ok {
			t.Errorf("the search page loads %s, which the site lacks", m[1])
		}
		files = append(files, m[1])
	}
	return files
}

// indexEntries reads the entries of the search index from its files, in
// the order the search page loads them.
func indexEntries(t *testing.T, site map[string]string) []searchDoc {
	t.Helper()
	var all []searchDoc
	for _, f := range indexFiles(t, site) {
		js := site[f]
		start, end := strings.Index(js, "["), strings.LastIndex(js, "]")
		if start < 0 || end < start {
			t.Fatalf("%s holds no entries: %.80s", f, js)
		}
		var docs []searchDoc
		if err := json.Unmarshal([]byte(js[start:end+1]), &docs); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		all = append(all, docs...)
	}
	return all
}

// TestSearchIndexInFiles: an index cut into several files (so that a large
// site never holds it whole) holds the same entries in the same order as
// one file, the search page loads every file, and only the first sets the
// index (the others add to it).
func TestSearchIndexInFiles(t *testing.T) {
	pages, in := fixtureSite(t)
	want := indexEntries(t, byPath(pages))
	for _, tt := range []struct {
		name  string
		shard int
	}{
		{"a page a file", 1},
		{"three pages a file", 3},
		{"a file not filled", 7},
		{"every page in one file", 10000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := in
			in.shard = tt.shard
			pages, err := Build(in)
			if err != nil {
				t.Fatal(err)
			}
			site := byPath(pages)
			files := indexFiles(t, site)
			made := 0 // the pages rendered: not the index, the style sheet or the scripts
			for _, p := range pages {
				if strings.HasSuffix(p.Path, ".html") {
					made++
				}
			}
			if n := (made + tt.shard - 1) / tt.shard; len(files) != n {
				t.Errorf("%d index files for %d pages, %d pages a file; want %d", len(files), made, tt.shard, n)
			}
			for i, f := range files {
				sets := strings.Contains(site[f], "window.HANDBOOK_SEARCH = [")
				if sets != (i == 0) {
					t.Errorf("%s (file %d) sets the index: %v", f, i+1, sets)
				}
			}
			if diff := cmp.Diff(want, indexEntries(t, site)); diff != "" {
				t.Errorf("the entries differ from those of one file (-one +several):\n%s", diff)
			}
			if got := rank(t, pages, []string{"总监年终奖"}); len(got[0]) == 0 || got[0][0] != "pay/kefu-zongjian-pay.html" {
				t.Errorf("search 总监年终奖 over %d files: %v", len(files), got)
			}
		})
	}
}

// TestMayStartSpace: every white space character that is not ASCII starts
// with a byte mayStartSpace lets through, and no ASCII byte other than
// white space does.
func TestMayStartSpace(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) && !mayStartSpace(string(r)[0]) {
			t.Errorf("%U is white space, but its first byte %#x is passed over", r, string(r)[0])
		}
	}
	for c := byte(0); c < utf8.RuneSelf; c++ {
		if mayStartSpace(c) {
			t.Errorf("ASCII %#x may start a space", c)
		}
	}
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

// TestSearchPutsCalculatorsLast: a calculator page never ranks above a
// page of the rules unless the query asks for a calculator (计算), and then
// the calculators whose title it matches come first.
func TestSearchPutsCalculatorsLast(t *testing.T) {
	pages, _ := fixtureSite(t)
	got := rank(t, pages, []string{"客服总监月度", "大客户专员", "计算器", "客服总监 计算器"})
	for i, q := range []string{"客服总监月度", "大客户专员"} {
		calcs := 0
		for j, u := range got[i] {
			if strings.HasPrefix(u, "calc/") {
				calcs++
				continue
			}
			if calcs > 0 {
				t.Errorf("search %q: %s (result %d) after a calculator page: %v", q, u, j+1, got[i])
				break
			}
		}
		if calcs == 0 || calcs == len(got[i]) {
			t.Errorf("search %q: want rules pages then calculator pages, got %v", q, got[i])
		}
	}
	for i, q := range []string{"计算器", "客服总监 计算器"} {
		if len(got[2+i]) == 0 || !strings.HasPrefix(got[2+i][0], "calc/") {
			t.Errorf("search %q: first result is not a calculator: %v", q, got[2+i])
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
		{"<p>甲\u00a0乙\u2003丙\u3000丁\u205f戊。己</p>", "甲 乙 丙 丁 戊。己", ""}, // spaces that are not ASCII; 。 is not one
	} {
		all, title, _ := pageText([]byte(tt.in))
		if all != tt.all || title != tt.title {
			t.Errorf("pageText(%q) = %q, %q; want %q, %q", tt.in, all, title, tt.all, tt.title)
		}
	}
}

// TestDocJSONIsEncodingJSON: an index entry is encoded as encoding/json
// encodes it, escapes and all.
func TestDocJSONIsEncodingJSON(t *testing.T) {
	for _, d := range []searchDoc{
		{},
		{U: "roles/a.html", T: "客服总监", H: []string{"岗位职责", "考核指标"}, X: "按月考核，得分 × K。", K: []string{"年终奖"}},
		{U: "a.html", T: `<script>"&'`, H: []string{}, X: "\\ \b\f\n\r\t\x00\x1f\x7f </script>", K: nil},
		{X: "行\u2028分\u2029段\u2027\u202a…"},
		{X: "bad \xff\xfe utf-8 \xe4\xb8 cut", T: "\xe2\x80", H: []string{"\xe2\x80\xa8\xe2"}},
	} {
		want, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if got := docJSON(d); string(got) != string(want) {
			t.Errorf("docJSON(%+v) =\n%s\nwant (encoding/json)\n%s", d, got, want)
		}
	}
}

// FuzzDocJSON: any text is encoded as encoding/json encodes it.
func FuzzDocJSON(f *testing.F) {
	for _, s := range []string{"客服总监", "<a href=\"x\">&amp;</a>", "\u2028\u2029", "\xff\xe2\x80", "\x00\t\n"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, x, h string) {
		d := searchDoc{U: h, T: x, H: []string{h, x}, X: x, K: []string{h}}
		want, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if got := docJSON(d); string(got) != string(want) {
			t.Errorf("docJSON(%q, %q) = %s, want %s", x, h, got, want)
		}
	})
}
