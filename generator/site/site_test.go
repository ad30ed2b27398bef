package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	stdhtml "html"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/compile"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
	assets "github.com/kefu-hr/handbook/site"
)

// fixtureSite builds the site of the fixture handbook with its worked cases.
func fixtureSite(t *testing.T) ([]Page, Input) {
	t.Helper()
	h := fixture.Handbook(t)
	in := Input{Handbook: h, Origin: "fixture"}
	for _, f := range fixture.Cases(t) {
		c, diags := cases.Read(f, h)
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		r, err := engine.Compute(h, c.Case)
		if err != nil {
			t.Fatal(err)
		}
		in.Examples = append(in.Examples, Example{Title: c.Title, Path: f.Path, Result: r})
	}
	pages, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	return pages, in
}

func byPath(pages []Page) map[string]string {
	m := map[string]string{}
	for _, p := range pages {
		m[p.Path] = string(p.Data)
	}
	return m
}

// TestBuildIsDeterministic: two builds of one input are byte-identical.
func TestBuildIsDeterministic(t *testing.T) {
	a, in := fixtureSite(t)
	b, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d pages, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two builds", a[i].Path)
		}
	}
}

// TestEveryPolicyHasItsPage: every role, scorecard and pay plan has a page
// with its title; a scorecard page is the paper form's nine columns; a pay
// plan's page shows each worked example's total.
func TestEveryPolicyHasItsPage(t *testing.T) {
	pages, in := fixtureSite(t)
	site := byPath(pages)
	for _, p := range in.Handbook.All() {
		hd := p.Head()
		link := pageOf(hd)
		if link == "" {
			continue
		}
		html, ok := site[link]
		if !ok {
			t.Errorf("%s %s has no page %s", hd.Kind, hd.ID, link)
			continue
		}
		if !strings.Contains(html, escaped(hd.Title)) {
			t.Errorf("%s does not show the title %q", link, hd.Title)
		}
		if pp, ok := p.(*policy.PayPlan); ok && in.Handbook.Latest(policy.KindPayPlan, pp.ID) == p {
			b := &builder{h: in.Handbook}
			for i := range pp.Component {
				c := &pp.Component[i]
				words := b.Formula(pp, c)
				if words == "" || !strings.Contains(html, escaped(words)) {
					t.Errorf("%s: component %s is not shown as %q", link, c.Name, words)
				}
				for _, in := range pp.Input {
					if strings.Contains(words, in.Name) && in.Label != "" {
						t.Errorf("%s: component %s shows the input id %s instead of its label", link, c.Name, in.Name)
					}
				}
			}
		}
		if hd.Kind == policy.KindScorecard {
			for _, col := range []string{"序号", "考核项目", "权重", "指标要求", "评分等级", "得分", "自评", "上级评分", "结果"} {
				if !strings.Contains(html, `<th scope="col">`+col+`</th>`) {
					t.Errorf("%s: the form has no column %s", link, col)
				}
			}
		}
	}
	shown := 0
	for _, e := range in.Examples {
		if e.Result.Pay == nil {
			continue
		}
		html := site["pay/"+e.Result.Pay.Plan+".html"]
		if !strings.Contains(html, "应发合计 <strong>"+e.Result.Pay.Total.String()+" 元</strong>") {
			t.Errorf("pay/%s.html does not show the example %q with its total %s", e.Result.Pay.Plan, e.Title, e.Result.Pay.Total)
		}
		shown++
	}
	if shown == 0 {
		t.Error("no worked example has pay")
	}
}

// escaped escapes text as html/template does in element content.
func escaped(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;").Replace(s)
}

var (
	hrefs = regexp.MustCompile(`href="([^"]*)"`)
	ids   = regexp.MustCompile(`id="([^"]*)"`)
)

// TestLinksResolve: every internal link of every page points at a page of
// the site, and every #anchor at an id on it. Links are relative, so the
// site works from any sub-path and from file://.
func TestLinksResolve(t *testing.T) {
	pages, _ := fixtureSite(t)
	site := byPath(pages)
	anchors := map[string]map[string]bool{}
	for p, html := range site {
		anchors[p] = map[string]bool{}
		for _, m := range ids.FindAllStringSubmatch(html, -1) {
			anchors[p][m[1]] = true
		}
	}
	checked := 0
	for p, html := range site {
		for _, m := range hrefs.FindAllStringSubmatch(html, -1) {
			href := m[1]
			if strings.Contains(href, "://") || strings.HasPrefix(href, "/") {
				t.Errorf("%s: %q is not a relative link", p, href)
				continue
			}
			file, frag, _ := strings.Cut(href, "#")
			file, _, _ = strings.Cut(file, "?") // a file's version (Asset)
			target := p
			if file != "" {
				target = path.Join(path.Dir(p), file)
			}
			if _, ok := site[target]; !ok {
				t.Errorf("%s: %q leads to no page (%s)", p, href, target)
				continue
			}
			if frag != "" && !anchors[target][frag] {
				t.Errorf("%s: %q: %s has no id %q", p, href, target, frag)
			}
			checked++
		}
	}
	if checked < 50 {
		t.Errorf("only %d links checked", checked)
	}
}

// inert lists what injected text must never become: an element, an event
// handler inside a tag, a javascript: link. (As escaped text it is
// harmless, and shown.)
var inert = []*regexp.Regexp{
	regexp.MustCompile(`<script`),
	regexp.MustCompile(`<img`),
	regexp.MustCompile(`<[^>]*\sonerror=`),
	regexp.MustCompile(`href="javascript:`),
}

// TestPolicyTextCannotInjectMarkup: prose, titles and notes that try to
// inject a script, an event handler or a javascript: link render inert.
func TestPolicyTextCannotInjectMarkup(t *testing.T) {
	evil := `<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3))`
	day := civil.Of(2026, 1, 1)
	h := policy.New([]policy.Policy{
		policy.FromSource(policy.KindRules, "x.toml", &source.Rules{Header: source.Header{ID: "x", Version: 1, EffectiveFrom: day, Title: evil, Summary: evil,
			Note: []policy.Note{{About: evil, SourceSays: evil, Decision: evil}}}, Rule: []policy.Rule{{ID: "r", Title: evil, Text: evil}}}),
		policy.FromSource(policy.KindRole, "r.toml", &source.Role{Header: source.Header{ID: "r", Version: 1, EffectiveFrom: day, Title: evil, Summary: evil}, Purpose: evil, Responsibilities: []string{evil}}),
	})
	pages, err := Build(Input{Handbook: h, Origin: evil})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		// The site's own scripts, on the search page, are the only ones.
		html := regexp.MustCompile(`<script src="search(-index)?\.js(\?v=[0-9a-f]{12})?"></script>`).ReplaceAllString(string(p.Data), "")
		for _, bad := range inert {
			if loc := bad.FindStringIndex(html); loc != nil {
				t.Errorf("%s: live markup %s: …%s…", p.Path, bad, html[max(0, loc[0]-40):min(len(html), loc[1]+40)])
			}
		}
	}
	if !strings.Contains(string(byPath(pages)["rules.html"]), "&lt;script&gt;") {
		t.Error("the title is not shown escaped")
	}
}

// TestVersionHistory: a policy with two versions shows both on its page,
// with each rule that changed, old → new, and the corrections recorded.
func TestVersionHistory(t *testing.T) {
	ps, err := bundle.DecodePolicies(bundle.Encode(fixture.Handbook(t)))
	if err != nil {
		t.Fatal(err)
	}
	var v1 *source.PayPlan
	var file string
	for _, p := range ps {
		if pp, ok := p.Policy.(*source.PayPlan); ok && len(pp.Param) > 0 && pp.EffectiveUntil == nil && v1 == nil {
			v1, file = pp, p.File
		}
	}
	v2 := *v1
	v2.Version = v1.Version + 1
	v2.EffectiveFrom = v1.EffectiveFrom.AddDate(1, 0, 0)
	end := v2.EffectiveFrom.AddDate(0, 0, -1)
	v1.EffectiveUntil = &end
	v2.Param = append([]policy.Param(nil), v1.Param...)
	old := v2.Param[0].Value
	v2.Param[0].Value = old.Add(exact.FromInt(1))
	v2.Correction = []policy.Correction{{Date: v2.EffectiveFrom, Reason: "测试更正", ApprovedBy: "人力资源部"}}
	ps = append(ps, source.Doc{Kind: policy.KindPayPlan, File: strings.TrimSuffix(file, ".toml") + "-v2.toml", Policy: &v2})
	h, problems := compile.Compile(ps, nil)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	pages, err := Build(Input{Handbook: h})
	if err != nil {
		t.Fatal(err)
	}
	site := byPath(pages)
	// What changed for my role: the roles paid by the plan link to its history.
	paid := 0
	for _, p := range h.All() {
		if r, ok := p.(*policy.Role); ok && r.PayPlan == v1.ID && h.Latest(policy.KindRole, r.ID) == p {
			paid++
			if !strings.Contains(site["roles/"+r.ID+".html"], `href="../pay/`+v1.ID+`.html#history"`) {
				t.Errorf("roles/%s.html does not show the change of its pay plan", r.ID)
			}
		}
	}
	if paid == 0 {
		t.Fatalf("no role of the fixture is paid by %s", v1.ID)
	}
	html := site["pay/"+v1.ID+".html"]
	for _, want := range []string{
		fmt.Sprintf("版本 %d：", v1.Version), fmt.Sprintf("版本 %d：", v2.Version),
		"<code>param[0].value</code></td><td>" + old.String() + "</td><td>" + v2.Param[0].Value.String() + "</td>",
		"测试更正（批准：人力资源部）",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the history lacks %q", want)
		}
	}
}

// TestSearchIndex: the index lists every page but the search page itself,
// with its title and text, as a script (it must work from file://), and
// text that tries to close the script is escaped.
func TestSearchIndex(t *testing.T) {
	pages, _ := fixtureSite(t)
	site := byPath(pages)
	index := site["search-index.js"]
	if !strings.HasPrefix(index, "// Generated by handbook build") || !strings.Contains(index, "window.HANDBOOK_SEARCH = [") {
		t.Fatalf("search-index.js is not the index script: %.80s", index)
	}
	for p, html := range site {
		if !strings.HasSuffix(p, ".html") || p == "search.html" {
			continue
		}
		if !strings.Contains(index, `"u":"`+p+`"`) {
			t.Errorf("%s is not in the index", p)
		}
		_ = html
	}
	if strings.Contains(index, "</script") {
		t.Error("the index can close a script")
	}
	if !strings.Contains(site["search.html"], "script-src 'self'") {
		t.Error("the search page does not allow its own scripts")
	}
	// Only the search and the calculators run scripts; a calculator also
	// runs its WebAssembly, and fetches it (from a server; nothing else),
	// and runs its first lines inline, by their hash
	// (TestCalculatorStartAllowedByHash).
	for p, html := range site {
		calc := strings.HasPrefix(p, "calc/")
		if p != "search.html" && !calc && strings.HasSuffix(p, ".html") && strings.Contains(html, "script-src") {
			t.Errorf("%s allows scripts", p)
		}
		if calc && !regexp.MustCompile(`script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='; connect-src 'self';`).MatchString(stdhtml.UnescapeString(html)) {
			t.Errorf("%s does not allow its own scripts and WebAssembly", p)
		}
	}
}

// TestPageScripts: only the search page and the calculators run scripts,
// and each the ones it needs. A calculator's page has two in its head: its
// first lines inline (calculator-start.js: they ask for the module and the
// bundle before the style sheet), then calculator.js, async, which asks for
// wasm_exec.js as soon as it runs, while the page is still parsed; scripts
// at the end of the body had been fetched one after the other, and the
// module only after them.
func TestPageScripts(t *testing.T) {
	pages, _ := fixtureSite(t)
	script := regexp.MustCompile(`<script[^>]*>`)
	version := func(name string) string {
		data, err := fs.ReadFile(assets.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		return name + "?v=" + contentVersion(data)
	}
	tests := []struct {
		name   string
		match  func(path string) bool
		want   []string
		inHead bool
	}{
		{"search", func(p string) bool { return p == "search.html" }, []string{`<script src="search-index.js">`, `<script src="` + version("search.js") + `">`}, false},
		{"calculator", func(p string) bool { return strings.HasPrefix(p, "calc/") }, []string{`<script data-wasm="../../calc/calculator.wasm" data-memory="../../calc/calculator.mem" data-bundle="../../calc/bundle.bin" data-exec="../../calc/wasm_exec.js">`, `<script src="../../` + version("calculator.js") + `" async>`}, true},
		{"any other page", func(p string) bool { return p != "search.html" && !strings.HasPrefix(p, "calc/") }, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for p, html := range byPath(pages) {
				if !strings.HasSuffix(p, ".html") || !tt.match(p) {
					continue
				}
				n++
				if got := script.FindAllString(html, -1); !slices.Equal(got, tt.want) {
					t.Errorf("%s: scripts %q, want %q", p, got, tt.want)
				}
				head, _, _ := strings.Cut(html, "</head>")
				for _, w := range tt.want {
					if tt.inHead && !strings.Contains(head, w) {
						t.Errorf("%s: %s is not in the head", p, w)
					}
				}
			}
			if n == 0 {
				t.Fatal("no such page")
			}
		})
	}
}

// TestCalculatorStartAllowedByHash: a calculator page's inline script is
// the one its Content-Security-Policy allows, by the SHA-256 of the very
// text between its tags (a changed script with a stale hash would not run,
// and the page would fall back to asking later); it comes before the style
// sheet, which would otherwise hold it until loaded; and the policy allows
// no other inline script.
func TestCalculatorStartAllowedByHash(t *testing.T) {
	pages, _ := fixtureSite(t)
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	inline := regexp.MustCompile(`(?s)<script data-wasm="[^"]*" data-memory="[^"]*" data-bundle="[^"]*" data-exec="[^"]*">(.*?)</script>`)
	n := 0
	for p, html := range byPath(pages) {
		if !strings.HasPrefix(p, "calc/") || !strings.HasSuffix(p, ".html") {
			continue
		}
		n++
		m, s := csp.FindStringSubmatch(html), inline.FindStringSubmatchIndex(html)
		if m == nil || s == nil {
			t.Fatalf("%s: no policy or no inline script", p)
		}
		sum := sha256.Sum256([]byte(html[s[2]:s[3]]))
		policy := stdhtml.UnescapeString(m[1])
		if want := "script-src 'self' 'wasm-unsafe-eval' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "';"; !strings.Contains(policy, want) {
			t.Errorf("%s: policy %q lacks %q", p, policy, want)
		}
		if strings.Contains(policy, "unsafe-inline") {
			t.Errorf("%s: policy %q allows any inline script", p, policy)
		}
		if css := strings.Index(html, `<link rel="stylesheet"`); css < s[0] {
			t.Errorf("%s: the inline script comes after the style sheet", p)
		}
	}
	if n == 0 {
		t.Fatal("no calculator page")
	}
}

// TestAssetURLsNameTheirContent: a page asks for the site's style sheet
// and scripts, and for the files the build hands in (the calculator's), by
// a URL that names their content; Build hands those files on as they are;
// a file the build does not hold keeps its bare path.
func TestAssetURLsNameTheirContent(t *testing.T) {
	_, in := fixtureSite(t)
	in.Files = []Page{{Path: "calc/calculator.wasm", Data: []byte("\x00asm one build")}, {Path: "calc/bundle.bin", Data: []byte("KFHB another")}}
	pages, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	site := byPath(pages)
	for _, f := range in.Files {
		if site[f.Path] != string(f.Data) {
			t.Errorf("%s: %q, want the file handed in", f.Path, site[f.Path])
		}
	}
	sum := func(b []byte) string { s := sha256.Sum256(b); return fmt.Sprintf("%x", s[:6]) }
	css, _ := fs.ReadFile(assets.FS, "style.css")
	n := 0
	for p, html := range site {
		if !strings.HasPrefix(p, "calc/") || !strings.HasSuffix(p, ".html") {
			continue
		}
		n++
		for _, want := range []string{
			`data-wasm="../../calc/calculator.wasm?v=` + sum(in.Files[0].Data) + `"`,
			`data-bundle="../../calc/bundle.bin?v=` + sum(in.Files[1].Data) + `"`,
			`data-memory="../../calc/calculator.mem"`, // not handed in
			`href="../../style.css?v=` + sum(css) + `"`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %s", p, want)
			}
		}
	}
	if n == 0 {
		t.Fatal("no calculator page")
	}
}

func TestInlineScript(t *testing.T) {
	tests := []struct{ in, want string }{
		{"// about\n// it\n(function () {\n  // inside\n})();\n", "(function () {\n  // inside\n})();"},
		{"  x();  ", "x();"},
		{"// only a comment\n", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := inlineScript(tt.in); got != tt.want {
			t.Errorf("inlineScript(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDecisionsGroupedBySource: the register of decisions groups notes by
// the document their policy cites first, a seed by its file name and another
// document (minutes, a memo) by its title and date.
func TestDecisionsGroupedBySource(t *testing.T) {
	day := civil.Of(2026, 1, 1)
	rules := func(id string, src policy.Source, about string) policy.Policy {
		return policy.FromSource(policy.KindRules, id+".toml", &source.Rules{Header: source.Header{ID: id, Version: 1, EffectiveFrom: day, Title: id,
			Source: []policy.Source{src}, Note: []policy.Note{{About: about, Decision: "d"}}}, Rule: []policy.Rule{{ID: "r", Title: "t", Text: "x"}}})
	}
	tests := []struct {
		name    string
		src     policy.Source
		heading string
	}{
		{"seed", policy.Source{Seed: "009_0000000000000000.txt", Section: "s"}, "009_0000000000000000.txt"},
		{"document", policy.Source{Title: "某次会议纪要", Date: civil.Of(2027, 3, 4)}, "某次会议纪要（2027-03-04）"},
		{"document with section", policy.Source{Title: "某份通知", Date: civil.Of(2027, 5, 6), Section: "二"}, "某份通知（2027-05-06）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := policy.New([]policy.Policy{rules("x", tt.src, "note-"+tt.name)})
			pages, err := Build(Input{Handbook: h, Origin: "test"})
			if err != nil {
				t.Fatal(err)
			}
			html := byPath(pages)["decisions.html"]
			want := "<h2>" + tt.heading + "</h2>"
			i := strings.Index(html, want)
			if i < 0 {
				t.Fatalf("decisions.html has no heading %s", want)
			}
			if !strings.Contains(html[i:], "note-"+tt.name) {
				t.Errorf("the note is not under %s", want)
			}
		})
	}
}

// TestDecisionsListOpenQuestionsFirst guards issue 9 §3.4: the register of
// decisions lists the notes marked review = true first, as open questions,
// before the register by seed (which still lists them, marked); with none
// marked there is no such section.
func TestDecisionsListOpenQuestionsFirst(t *testing.T) {
	tests := []struct {
		name   string
		review int // how many notes of the fixture to mark, from its first
	}{
		{"no note marked: no open questions", 0},
		{"one note marked", 1},
		{"two notes marked", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := bundle.DecodePolicies(bundle.Encode(fixture.Handbook(t)))
			if err != nil {
				t.Fatal(err)
			}
			var marked []policy.Note
			for _, p := range ps {
				hd := p.Policy.Head()
				for i := range hd.Note {
					if len(marked) < tt.review {
						hd.Note[i].About = fmt.Sprintf("待确认事项%d：%s", len(marked), hd.Note[i].About)
						hd.Note[i].Review = true
						marked = append(marked, hd.Note[i])
					}
				}
			}
			if len(marked) < tt.review {
				t.Fatalf("the fixture has only %d notes", len(marked))
			}
			h, problems := compile.Compile(ps, nil)
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			pages, err := Build(Input{Handbook: h})
			if err != nil {
				t.Fatal(err)
			}
			html := byPath(pages)["decisions.html"]
			open := strings.Index(html, `<h2 id="open">`)
			if tt.review == 0 {
				if open >= 0 {
					t.Fatal("an open-questions section with no note marked for review")
				}
				return
			}
			if open < 0 {
				t.Fatal("no open-questions section")
			}
			if want := fmt.Sprintf("待人力资源部确认（%d 项）", tt.review); !strings.Contains(html[open:], want) {
				t.Errorf("the section does not say %q", want)
			}
			bySeed := strings.Index(html[open:], "</section>") + open
			for _, n := range marked {
				first := strings.Index(html, "<td>"+n.About)
				if first < open || first > bySeed {
					t.Errorf("%q is not listed first, among the open questions", n.About)
				}
				if strings.Count(html, "<td>"+n.About) != 2 {
					t.Errorf("%q should also stay in the register by seed", n.About)
				}
			}
			if got := strings.Count(html[open:bySeed], "<tr><td>"); got != tt.review {
				t.Errorf("%d open questions, want %d", got, tt.review)
			}
		})
	}
}

// TestSinkWritesWhatBuildReturns: a build that hands its pages to a sink
// (handbook build writes them as they are made) writes the same files, byte
// for byte, as a build kept in memory, and keeps none of their bytes.
func TestSinkWritesWhatBuildReturns(t *testing.T) {
	pages, in := fixtureSite(t)
	dir := filepath.Join(t.TempDir(), "public")
	w, err := NewWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	in.Sink = w.Sink
	streamed, err := Build(in)
	if cerr := w.Commit(nil); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(streamed) != len(pages) {
		t.Fatalf("%d pages streamed, %d built", len(streamed), len(pages))
	}
	for i, p := range pages {
		if streamed[i].Path != p.Path || streamed[i].Data != nil {
			t.Fatalf("streamed page %d: %s with %d bytes kept, want %s with none", i, streamed[i].Path, len(streamed[i].Data), p.Path)
		}
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, p.Data) {
			t.Errorf("%s: the written page differs from the built one", p.Path)
		}
	}
}

// TestCalculatorFormAttributes: a pay plan's calculator lists, in
// data-roles, the roles its plan pays, its own role among them (a link may
// name any of them, and the page computes no other); the period's field is
// described by its hint and by the place its problem is shown.
func TestCalculatorFormAttributes(t *testing.T) {
	pages, _ := fixtureSite(t)
	form := regexp.MustCompile(`<form id="calc" class="calc" data-mode="plan" data-id="[^"]*" data-role="([^"]*)" data-roles="([^"]*)"`)
	n := 0
	for p, html := range byPath(pages) {
		if !strings.HasPrefix(p, "calc/") || !strings.HasSuffix(p, ".html") {
			continue
		}
		if !strings.Contains(html, `aria-describedby="calc-period-hint calc-period-err"`) || !strings.Contains(html, `<span id="calc-period-err" class="calc-error" hidden></span>`) {
			t.Errorf("%s: the period's problem has no place, or the field does not name it", p)
		}
		if !strings.HasPrefix(p, "calc/pay/") {
			continue
		}
		n++
		m := form.FindStringSubmatch(html)
		if m == nil {
			t.Errorf("%s: no form with data-role and data-roles", p)
			continue
		}
		if !slices.Contains(strings.Fields(m[2]), m[1]) {
			t.Errorf("%s: data-roles %q lacks the page's role %q", p, m[2], m[1])
		}
	}
	if n == 0 {
		t.Fatal("no pay plan calculator")
	}
}
