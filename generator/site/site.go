package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/explain"
	"github.com/kefu-hr/handbook/generator/policy"
	assets "github.com/kefu-hr/handbook/site"
)

// Page is one generated file of the site.
type Page struct {
	Path string // relative to the site's root, slash-separated
	Data []byte
}

// Example is a worked case shown on its pay plan's page, computed at build
// time by the engine CI tests, so that no example can drift from the rules.
type Example struct {
	Title  string // the case's title
	Path   string // its file, e.g. testdata/cases/kefu-zongjian-2026-10.toml
	Result engine.Result
	// Calc is the URL fragment that opens the plan's calculator with the
	// case's values (CalculatorFragment); "" for none.
	Calc string
}

// Input is what a site is built from.
type Input struct {
	Handbook *policy.Handbook
	Origin   string    // where the policies came from, shown on the home page
	Examples []Example // worked cases, by file name
	// Assets, when set, holds the files of package site (templates/*.html,
	// the style sheet, the icon and the scripts) to use instead of those
	// built in (handbook serve reads them from the
	// checkout's site/ folder, so that an edit shows without a rebuild).
	Assets fs.FS
	// Files, when set, are files to place in the site as they are (the
	// calculator's, which generator/cli builds): Build hands them on with
	// its pages, and the pages ask for them, as for the site's own style
	// sheet and scripts, by a URL that names their content (see Asset).
	Files []Page
	// Sink, when set, is handed each page as soon as it is made, from
	// several goroutines at once, and the page's bytes are not kept: Build
	// then returns the pages without their Data. handbook build writes
	// through it, so that a large site is never held in memory whole.
	Sink func(Page) error
	// shard, when set, is the number of pages a file of the search index
	// holds instead of indexShard (tests cut small sites into several).
	shard int
}

// Build renders the site. It writes nothing (Write does), and two builds of
// the same input give the same bytes.
func Build(in Input) ([]Page, error) {
	b := &builder{in: in, h: in.Handbook, tmpl: templates}
	assetFS := fs.FS(assets.FS)
	if in.Assets != nil {
		assetFS = in.Assets
		t, err := parseTemplates(assetFS)
		if err != nil {
			return nil, err
		}
		b.tmpl = t
	}
	start, err := fs.ReadFile(assetFS, "calculator-start.js")
	if err != nil {
		return nil, err
	}
	b.calcStart = inlineScript(string(start))
	b.versions = map[string]string{}
	var own []Page // the site's style sheet, icon and scripts
	for _, name := range []string{"style.css", "favicon.svg", "search.js", "calculator.js"} {
		data, err := fs.ReadFile(assetFS, name)
		if err != nil {
			return nil, err
		}
		own = append(own, Page{Path: name, Data: data})
	}
	files := append(own, in.Files...) // placed as they are, named by content
	for _, p := range files {
		b.versions[p.Path] = contentVersion(p.Data)
	}
	b.index()
	b.gloss = newGlossary(b.h, b.latest[policy.KindRules])
	if err := b.render(); err != nil {
		return nil, err
	}
	for _, p := range files {
		if err := b.keep(p); err != nil {
			return nil, err
		}
	}
	sort.Slice(b.pages, func(i, j int) bool { return b.pages[i].Path < b.pages[j].Path })
	return b.pages, nil
}

// keep hands a page to the sink, keeping only its path, or keeps it whole
// when there is no sink.
func (b *builder) keep(p Page) error {
	if b.in.Sink != nil {
		if err := b.in.Sink(p); err != nil {
			return err
		}
		p.Data = nil
	}
	b.pages = append(b.pages, p)
	return nil
}

// Write writes pages under dir, making directories as needed.
func Write(dir string, pages []Page) error {
	for _, p := range pages {
		path := filepath.Join(dir, filepath.FromSlash(p.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, p.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// templates are site/templates, parsed once with the site's functions.
var templates = template.Must(parseTemplates(assets.FS))

// parseTemplates parses templates/*.html of fsys with the site's functions.
func parseTemplates(fsys fs.FS) (*template.Template, error) {
	return template.New("site").Funcs(funcs).ParseFS(fsys, "templates/*.html")
}

// funcs are the functions the templates call.
var funcs = template.FuncMap{
	"prose": Prose,
	// fragment marks a calculator's fragment (CalculatorFragment, escaped
	// already) as safe to end a link with.
	"fragment": func(s string) template.URL { return template.URL(s) },
	"day":      civil.Date.String,
	"until": func(t *civil.Date) string {
		if t == nil {
			return "至今"
		}
		return t.String()
	},
	"add":  func(a, b int) int { return a + b },
	"say":  explain.Step,
	"kind": kindName,
}

// builder holds one build.
type builder struct {
	in    Input
	tmpl  *template.Template
	h     *policy.Handbook
	pages []Page
	// the latest version of each policy, by kind, in id order
	latest map[policy.Kind][]policy.Policy
	// direct reports by role id
	reports map[string][]*policy.Role
	gloss   *glossary
	jobs    []job
	// indexFiles are the files of the search index, which the search page
	// loads: known once the pages are queued.
	indexFiles []string
	// calcStart is site/calculator-start.js as the page holds it
	// (inlineScript).
	calcStart string
	// versions are the content versions of the files that are not pages,
	// by path (Asset).
	versions map[string]string
}

// Asset is the URL, from the site's root, by which a page asks for a file
// of the site that is not a page (a style sheet, a script, the
// calculator's module): its path, and ?v= and the start of the SHA-256 of
// its bytes. A page and the files it uses are then always of one build: a
// browser that kept a file of an earlier build (by its Cache-Control, or
// for days by the heuristics it applies without one) asks for the new one
// by a URL it has not seen, rather than pairing this build's page with an
// older bundle and computing last month's rules. Hosts serve a file
// whatever its query, and its pre-compressed .gz by its path. A file the
// build does not hold (a fixture handbook builds no calculator) keeps its
// bare path.
func (b *builder) Asset(path string) string {
	if v, ok := b.versions[path]; ok {
		return path + "?v=" + v
	}
	return path
}

// contentVersion is the version of a file named in its URL (Asset): the
// first 12 hexadecimal digits of the SHA-256 of its bytes.
func contentVersion(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:6])
}

// inlineScript is a script's text as a page holds it inline: without the
// comment that opens the file (which is for its readers, not for every
// page), and without spaces at either end.
func inlineScript(src string) string {
	for {
		src = strings.TrimSpace(src)
		line, rest, _ := strings.Cut(src, "\n")
		if !strings.HasPrefix(line, "//") {
			return src
		}
		src = rest
	}
}

// CalcStart is the calculator page's first script (site/calculator-start.js),
// which the page holds inline, so that it runs before the style sheet is
// loaded, without a request of its own.
func (b *builder) CalcStart() template.JS { return template.JS(b.calcStart) }

// CalcStartHash is the source by which the calculator page's
// Content-Security-Policy allows CalcStart, and no other inline script:
// 'sha256-' and the base64 of its SHA-256.
func (b *builder) CalcStartHash() string {
	sum := sha256.Sum256([]byte(b.calcStart))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// index finds the latest versions and the reporting lines.
func (b *builder) index() {
	b.latest = map[policy.Kind][]policy.Policy{}
	seen := map[string]bool{}
	for _, p := range b.h.All() {
		hd := p.Head()
		key := string(hd.Kind) + "/" + hd.ID
		if seen[key] {
			continue
		}
		seen[key] = true
		b.latest[hd.Kind] = append(b.latest[hd.Kind], b.h.Latest(hd.Kind, hd.ID))
	}
	b.reports = map[string][]*policy.Role{}
	for _, p := range b.latest[policy.KindRole] {
		r := p.(*policy.Role)
		for _, up := range r.ReportsTo {
			b.reports[up] = append(b.reports[up], r)
		}
	}
}

// page is what every page template gets: the page's own data, and the way
// back to the site's root (pages work from any sub-path and from file://).
type page struct {
	Title string
	Root  string // "" at the root, "../" one level down
	Nav   string // the section of the navigation this page belongs to
	Calc  bool   // a calculator's page: it runs the calculator's WebAssembly
	Site  *builder
	Data  any
}

// job is a page to write: its path, template, title, navigation section
// and data.
type job struct {
	path, tmpl, title, nav string
	data                   func() any
	// whole is set for a page about the whole handbook (the home page, the
	// register), whose size grows with it: these are rendered first, so
	// that no core is left alone with one of them at the end.
	whole bool
}

// add queues a page; data is computed when the page is written.
func (b *builder) add(path, tmpl, title, nav string, data func() any) {
	b.jobs = append(b.jobs, job{path: path, tmpl: tmpl, title: title, nav: nav, data: data})
}

// addWhole queues a page about the whole handbook (see job.whole).
func (b *builder) addWhole(path, tmpl, title, nav string, data func() any) {
	b.add(path, tmpl, title, nav, data)
	b.jobs[len(b.jobs)-1].whole = true
}

// write writes the queued pages on every core: each writer has its own
// copy of the templates and its own glossary linker; the pages keep the
// order they were queued in, so that builds are reproducible.
//
// Each page's entry in the search index is encoded as soon as the page is
// made, and a file of the index is handed on as soon as the pages it holds
// are made (indexShard pages a file): the index, the site's largest file,
// is never held whole, nor are the texts of the pages.
func (b *builder) write() error {
	n, per := len(b.jobs), b.shard()
	workers := min(runtime.GOMAXPROCS(0), max(1, n/8))
	out := make([]Page, n)
	shards := len(b.indexFiles)
	index := make([]Page, shards)
	docs := make([][]byte, n) // each page's encoded index entry; nil once written
	left := make([]atomic.Int32, shards)
	for k := range left {
		left[k].Store(int32(min(per, n-k*per)))
	}
	glossDocs := glossaryDocs(b.gloss)
	// indexed notes that page i's entry is ready, and writes its shard of
	// the index when it was the last one missing.
	indexed := func(i int) error {
		k := i / per
		if left[k].Add(-1) != 0 {
			return nil
		}
		part := docs[k*per : min(n, (k+1)*per)]
		if k == 0 {
			part = append(glossDocs[:len(glossDocs):len(glossDocs)], part...)
		}
		p := Page{Path: shardName(k), Data: shardScript(k, shards, part)}
		clear(docs[k*per : min(n, (k+1)*per)])
		if b.in.Sink != nil {
			if err := b.in.Sink(p); err != nil {
				return fmt.Errorf("%s: %w", p.Path, err)
			}
			p.Data = nil
		}
		index[k] = p
		return nil
	}
	// The pages about the whole handbook are rendered first; the others in
	// the order they were queued.
	order := make([]int, 0, n)
	for i := range b.jobs {
		if b.jobs[i].whole {
			order = append(order, i)
		}
	}
	for i := range b.jobs {
		if !b.jobs[i].whole {
			order = append(order, i)
		}
	}
	keywords := b.gloss.keywords()
	errs := make([]error, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		t, err := b.tmpl.Clone()
		if err != nil {
			return err
		}
		l := b.gloss.linker()
		t.Funcs(template.FuncMap{"prose": l.prose})
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for {
				o := int(next.Add(1)) - 1
				if o >= n || errs[w] != nil {
					return
				}
				i := order[o]
				j := &b.jobs[i]
				root := strings.Repeat("../", strings.Count(j.path, "/"))
				l.page(j.tmpl == "glossary")
				buf.Reset()
				if err := t.ExecuteTemplate(&buf, j.tmpl, page{Title: j.title, Root: root, Nav: j.nav, Calc: j.tmpl == "calculator", Site: b, Data: j.data()}); err != nil {
					errs[w] = fmt.Errorf("%s: %w", j.path, err)
					return
				}
				out[i] = Page{Path: j.path, Data: withRoot(buf.Bytes(), root)}
				if d, ok := pageDoc(out[i], keywords); ok {
					docs[i] = docJSON(d)
				}
				if b.in.Sink != nil {
					if err := b.in.Sink(out[i]); err != nil {
						errs[w] = fmt.Errorf("%s: %w", j.path, err)
						return
					}
					out[i].Data = nil
				}
				if err := indexed(i); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	b.pages = append(append(b.pages, out...), index...)
	return nil
}

// shard is the number of pages a file of the search index holds.
func (b *builder) shard() int {
	if b.in.shard > 0 {
		return b.in.shard
	}
	return indexShard
}

// render renders every page.
func (b *builder) render() error {
	b.queue()
	for k := range max(1, (len(b.jobs)+b.shard()-1)/b.shard()) {
		b.indexFiles = append(b.indexFiles, shardName(k))
	}
	return b.write()
}

// queue queues every page. Its data is computed by the writers, on every
// core: the builder's methods only read.
func (b *builder) queue() {
	b.addWhole("index.html", "home", "客服部制度手册", "home", func() any { return b.home() })
	for _, p := range b.latest[policy.KindRole] {
		r := p.(*policy.Role)
		b.add("roles/"+r.ID+".html", "role", r.Title, "roles", func() any { return b.role(r) })
	}
	for _, p := range b.latest[policy.KindScorecard] {
		sc := p.(*policy.Scorecard)
		b.add("scorecards/"+sc.ID+".html", "scorecard", sc.Title, "scorecards", func() any { return scorecardForm(b.h, sc) })
	}
	for _, p := range b.latest[policy.KindPayPlan] {
		pp := p.(*policy.PayPlan)
		b.add("pay/"+pp.ID+".html", "payplan", pp.Title, "pay", func() any { return b.payPlan(pp) })
	}
	for _, p := range b.latest[policy.KindBands] {
		bd := p.(*policy.Bands)
		b.add("bands/"+bd.ID+".html", "bands", bd.Title, "scorecards", func() any { return bd })
	}
	for _, p := range b.latest[policy.KindPoints] {
		ps := p.(*policy.Points)
		b.add("points/"+ps.ID+".html", "points", ps.Title, "pay", func() any { return ps })
	}
	b.add("redlines.html", "redlines", "电网指标", "redlines", func() any { return b.latest[policy.KindRedLines] })
	b.add("rules.html", "rules", "制度条文", "rules", func() any { return b.rules() })
	b.add("glossary.html", "glossary", "术语表", "glossary", func() any { return b.gloss.entries })
	b.add("search.html", "search", "搜索", "search", func() any { return b.indexFiles })
	b.addWhole("decisions.html", "decisions", "决定记录", "decisions", func() any { return b.decisions() })
	b.queueCalculators()
}

// ---- pages

// homeData is the home page: the department at a glance.
type homeData struct {
	Origin   string
	Chart    template.HTML
	Roles    []*policy.Role
	Cards    []*policy.Scorecard
	Plans    []*policy.PayPlan
	Tables   []policy.Policy // band tables and points systems
	Versions []policy.Policy
	Open     int // notes marked for review
}

func (b *builder) home() homeData {
	d := homeData{Origin: b.in.Origin, Chart: orgChart(b.latest[policy.KindRole], b.reports), Versions: b.h.All()}
	for _, p := range b.latest[policy.KindRole] {
		d.Roles = append(d.Roles, p.(*policy.Role))
	}
	for _, p := range b.latest[policy.KindScorecard] {
		d.Cards = append(d.Cards, p.(*policy.Scorecard))
	}
	for _, p := range b.latest[policy.KindPayPlan] {
		d.Plans = append(d.Plans, p.(*policy.PayPlan))
	}
	d.Tables = append(append(d.Tables, b.latest[policy.KindBands]...), b.latest[policy.KindPoints]...)
	return d
}

// roleChange is the history of one policy that applies to a role.
type roleChange struct {
	Policy   *policy.Header
	Link     string
	Versions []versionEntry
}

// roleData is a role's page.
type roleData struct {
	Changes  []roleChange // policies the role is paid or assessed by, with more than one version or a correction
	Role     *policy.Role
	Up       []*policy.Role // reports to
	Down     []*policy.Role // direct reports
	Cards    []*policy.Scorecard
	Plan     *policy.PayPlan
	Promote  *policy.Role
	RedLines *policy.RedLines
}

func (b *builder) role(r *policy.Role) roleData {
	d := roleData{Role: r, Down: b.reports[r.ID]}
	for _, id := range r.ReportsTo {
		if up, ok := b.h.Latest(policy.KindRole, id).(*policy.Role); ok {
			d.Up = append(d.Up, up)
		}
	}
	for _, id := range r.Scorecards {
		if sc, ok := b.h.Latest(policy.KindScorecard, id).(*policy.Scorecard); ok {
			d.Cards = append(d.Cards, sc)
		}
	}
	if r.PayPlan != "" {
		d.Plan, _ = b.h.Latest(policy.KindPayPlan, r.PayPlan).(*policy.PayPlan)
		if d.Plan != nil && d.Plan.RedLines != "" {
			d.RedLines, _ = b.h.Latest(policy.KindRedLines, d.Plan.RedLines).(*policy.RedLines)
		}
	}
	if r.Promotion != nil {
		d.Promote, _ = b.h.Latest(policy.KindRole, r.Promotion.To).(*policy.Role)
	}
	// What changed for the role: its own versions, and those of every
	// policy it is assessed or paid by.
	heads := []*policy.Header{r.Head()}
	for _, sc := range d.Cards {
		heads = append(heads, sc.Head())
		if sc.Bands != "" {
			if bd, ok := b.h.Latest(policy.KindBands, sc.Bands).(*policy.Bands); ok {
				heads = append(heads, bd.Head())
			}
		}
	}
	if d.Plan != nil {
		heads = append(heads, d.Plan.Head())
		if d.Plan.PointsSystem != "" {
			if ps, ok := b.h.Latest(policy.KindPoints, d.Plan.PointsSystem).(*policy.Points); ok {
				heads = append(heads, ps.Head())
			}
		}
	}
	if d.RedLines != nil {
		heads = append(heads, d.RedLines.Head())
	}
	seen := map[string]bool{}
	for _, hd := range heads {
		key := string(hd.Kind) + "/" + hd.ID
		if seen[key] {
			continue
		}
		seen[key] = true
		vs := history(b.h, hd)
		if len(vs) > 1 || len(vs[0].Policy.Correction) > 0 {
			d.Changes = append(d.Changes, roleChange{Policy: hd, Link: pageOf(hd), Versions: vs})
		}
	}
	return d
}

// payData is a pay plan's page.
type payData struct {
	Plan     *policy.PayPlan
	Roles    []*policy.Role
	Examples []Example
}

func (b *builder) payPlan(p *policy.PayPlan) payData {
	d := payData{Plan: p}
	for _, r := range b.latest[policy.KindRole] {
		if r.(*policy.Role).PayPlan == p.ID {
			d.Roles = append(d.Roles, r.(*policy.Role))
		}
	}
	for _, e := range b.in.Examples {
		if e.Result.Pay != nil && e.Result.Pay.Plan == p.ID {
			d.Examples = append(d.Examples, e)
		}
	}
	return d
}

// rules lists the text rules.
func (b *builder) rules() []*policy.Rules {
	var out []*policy.Rules
	for _, p := range b.latest[policy.KindRules] {
		out = append(out, p.(*policy.Rules))
	}
	return out
}

// decision is one [[note]] with where it was taken.
type decision struct {
	Note   policy.Note
	Policy *policy.Header
	Link   string // the page that shows the policy, "" for none
}

// seedGroup is the decisions taken on one source document: a seed, or
// another document named by its title and date.
type seedGroup struct {
	Seed      string // Source.Document
	Decisions []decision
}

// register is the register of decisions: first the open questions (the
// notes marked review = true, which HR should confirm), then every note
// grouped by document, the open ones included.
type register struct {
	Open  []decision
	Seeds []seedGroup
}

// decisions lists the notes marked for review, then groups every note of
// every version by the document its policy first cites (a seed, or minutes
// or a memo by title and date).
func (b *builder) decisions() register {
	var reg register
	bySeed := map[string][]decision{}
	for _, p := range b.h.All() {
		hd := p.Head()
		seed := "（未注明）"
		if len(hd.Source) > 0 {
			seed = hd.Source[0].Document()
		}
		for _, n := range hd.Note {
			d := decision{Note: n, Policy: hd, Link: pageOf(hd)}
			bySeed[seed] = append(bySeed[seed], d)
			if n.Review {
				reg.Open = append(reg.Open, d)
			}
		}
	}
	for seed, ds := range bySeed {
		reg.Seeds = append(reg.Seeds, seedGroup{seed, ds})
	}
	sort.Slice(reg.Seeds, func(i, j int) bool { return reg.Seeds[i].Seed < reg.Seeds[j].Seed })
	return reg
}

// pageOf returns the page of a policy, relative to the root, or "".
func pageOf(hd *policy.Header) string {
	switch hd.Kind {
	case policy.KindRole:
		return "roles/" + hd.ID + ".html"
	case policy.KindScorecard:
		return "scorecards/" + hd.ID + ".html"
	case policy.KindPayPlan:
		return "pay/" + hd.ID + ".html"
	case policy.KindRedLines:
		return "redlines.html"
	case policy.KindRules:
		return "rules.html"
	case policy.KindBands:
		return "bands/" + hd.ID + ".html"
	case policy.KindPoints:
		return "points/" + hd.ID + ".html"
	case policy.KindCompetency:
	}
	return ""
}

// Formula writes a component's formula with the plan's Chinese names: its
// inputs, parameters, components and tables by label; a ledger's formulas
// one per quantity.
func (b *builder) Formula(p *policy.PayPlan, c *policy.Component) string {
	label, title := b.planNames(p)
	if c.Kind != policy.Ledger {
		if e := c.Exprs["formula"]; e != nil {
			return e.Words(label, title)
		}
		return c.Formula
	}
	var parts []string
	for _, k := range []struct{ key, name string }{{"actual", "完成额"}, {"base", "基数"}, {"target", "目标"}, {"cap", "上限"}, {"rate", "计提比例"}, {"factor", "系数"}, {"penalty", "扣发"}} {
		if e := c.Exprs[k.key]; e != nil {
			parts = append(parts, k.name+" = "+e.Words(label, title))
		}
	}
	return strings.Join(parts, "；")
}

// FeedFormula writes how a plan computes an item of its scorecard, with the
// plan's Chinese names.
func (b *builder) FeedFormula(p *policy.PayPlan, f *policy.Feed) string {
	if f.Expr == nil {
		return f.Formula
	}
	label, title := b.planNames(p)
	return f.Expr.Words(label, title)
}

// FeedItem is the title of the item of the plan's scorecard a feed gives.
func (b *builder) FeedItem(p *policy.PayPlan, f *policy.Feed) string {
	if sc, ok := b.h.Latest(policy.KindScorecard, p.Scorecard).(*policy.Scorecard); ok {
		if it := sc.Item(f.Item); it != nil {
			return it.Title
		}
	}
	return f.Item
}

// EventTitle is the title of an event of the plan's points system.
func (b *builder) EventTitle(p *policy.PayPlan, id string) string {
	if ps, ok := b.h.Latest(policy.KindPoints, p.PointsSystem).(*policy.Points); ok {
		for _, e := range ps.Event {
			if e.ID == id {
				return e.Title
			}
		}
	}
	return id
}

// planNames gives the Chinese names of a plan's inputs, parameters,
// components and tables, for formulas written in words.
func (b *builder) planNames(p *policy.PayPlan) (label, title func(string) string) {
	label = func(name string) string {
		for _, in := range p.Input {
			if in.Name == name {
				return in.Label
			}
		}
		for _, pa := range p.Param {
			if pa.Name == name {
				return pa.Label
			}
		}
		for _, o := range p.Component {
			if o.Name == name {
				return o.Title
			}
		}
		if name == "score" {
			return "考核得分"
		}
		return ""
	}
	title = func(name string) string {
		if t := p.Tables[name]; t != nil {
			return t.Title
		}
		if bd, ok := b.h.Latest(policy.KindBands, name).(*policy.Bands); ok {
			return bd.Title
		}
		return ""
	}
	return label, title
}

// History is the version history of a policy, for templates.
func (b *builder) History(hd *policy.Header) []versionEntry { return history(b.h, hd) }

// Fill writes a text of the rules r with the numbers it states by
// reference ({{kind/id#path}}) as they are when r takes effect.
func (b *builder) Fill(r *policy.Rules, text string) string { return b.h.Fill(text, r.EffectiveFrom) }

// Link is the page of a policy for templates ("" for none).
func (b *builder) Link(p policy.Policy) string { return pageOf(p.Head()) }

// kindName names a pay component's kind in Chinese.
func kindName(k policy.ComponentKind) string {
	switch k {
	case policy.Fixed:
		return "固定"
	case policy.Performance:
		return "绩效"
	case policy.Commission:
		return "提成"
	case policy.Allowance:
		return "津贴"
	case policy.Deduction:
		return "扣款"
	case policy.Incentive:
		return "激励"
	case policy.Reward:
		return "奖励"
	case policy.ProfitShare:
		return "分红"
	case policy.Ledger:
		return "季度台账"
	case policy.Adjustment:
		return "调整"
	case policy.Pool:
		return "团队分配"
	}
	return string(k)
}
