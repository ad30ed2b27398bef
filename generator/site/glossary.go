package site

import (
	"bufio"
	"bytes"
	"html/template"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/kefu-hr/handbook/generator/policy"
)

// rootMark stands, in a rendered link, for the way back to the site's root,
// which only the page being written knows: add replaces it (goldmark
// writes it percent-encoded).
const (
	rootMark    = "\uE000"
	rootMarkURL = "%EE%80%80"
)

// glossary is the handbook's terms.
type glossary struct {
	entries []glossEntry
	words   []glossWord // longest first
}

// linker renders prose with the first use on a page of each glossary term
// linked to its entry. Each goroutine writing pages has its own.
type linker struct {
	g  *glossary
	md goldmark.Markdown
	// linked holds the entries already linked on the page being written:
	// a term is linked once a page, where it is first used.
	linked map[string]bool
	buf    bytes.Buffer
	w      *bufio.Writer
}

// linker returns a new prose renderer for the glossary.
func (g *glossary) linker() *linker {
	l := &linker{g: g, linked: map[string]bool{}}
	l.md = newMarkdown(util.Prioritized(termLinker{l}, 1000))
	return l
}

// page starts a page: no entry is linked on it yet; none at all will be
// when off (the glossary's own page).
func (l *linker) page(off bool) {
	clear(l.linked)
	if off {
		for _, w := range l.g.words {
			l.linked[w.anchor] = true
		}
	}
}

// glossEntry is a term with the pages of the policies it names.
type glossEntry struct {
	Term   *policy.Term
	Text   string // the term's text, its numbers filled in
	Anchor string
	See    []glossSee
}

// glossSee is a policy a term names, with its page.
type glossSee struct {
	Title, Link string
}

// glossWord is a word (a term or an alias) and the entry it links to.
type glossWord struct {
	word   []byte
	anchor string
	text   string // word, as a string
	link   string // the link the term linker makes of it, as goldmark renders it
}

// newGlossary collects the terms of every text rules policy, in file and
// entry order, and builds the linking renderer.
func newGlossary(h *policy.Handbook, rules []policy.Policy) *glossary {
	g := &glossary{}
	for _, p := range rules {
		r := p.(*policy.Rules)
		for i := range r.Term {
			t := &r.Term[i]
			e := glossEntry{Term: t, Text: h.Fill(t.Text, r.EffectiveFrom), Anchor: "term-" + t.ID}
			for _, see := range t.See {
				k, id, ok := policy.SeeRef(see)
				if !ok {
					continue
				}
				if q := h.Latest(k, id); q != nil {
					e.See = append(e.See, glossSee{Title: q.Head().Title, Link: pageOf(q.Head())})
				}
			}
			g.entries = append(g.entries, e)
			for _, w := range t.Words() {
				g.words = append(g.words, glossWord{word: []byte(w), anchor: e.Anchor, text: w, link: termLink(w, e.Anchor)})
			}
		}
	}
	sort.SliceStable(g.words, func(i, j int) bool { return len(g.words[i].word) > len(g.words[j].word) })
	return g
}

// prose renders a prose field as Prose does, with the first use of each
// term linked to its entry.
func (l *linker) prose(s string) template.HTML {
	if s == "" {
		return ""
	}
	if plain(s) {
		return template.HTML(l.plain(s))
	}
	// One buffer and one buffered writer for every text the linker renders:
	// goldmark wraps a writer that is not buffered in a new 4 KB one.
	l.buf.Reset()
	if l.w == nil {
		l.w = bufio.NewWriter(&l.buf)
	}
	err := convert(l.md, s, l.w)
	if ferr := l.w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		l.w.Reset(&l.buf)
		return template.HTML(template.HTMLEscapeString(s))
	}
	return template.HTML(l.buf.String()) // raw HTML is off, as in Prose
}

// plain reports whether a prose text is one line of plain text: nothing in
// it that Markdown (with the site's extensions) reads as markup, so that
// goldmark would render it as one paragraph holding the text as written.
// It errs on the safe side: a text it refuses is rendered by goldmark. Of
// the prose texts of a handbook, about four in five are plain.
func plain(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || s[0] == '-' || s[0] == '+' || s[0] == '=' {
		return false
	}
	digits := 0 // an ordered list begins with digits and "." or ")"
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if notPlain[s[i]] {
			return false
		}
	}
	// Linkify makes links of addresses.
	return !strings.Contains(s, "://") && !strings.Contains(s, "www.")
}

// notPlain are the bytes that may begin or end some Markdown markup
// anywhere in a line: escapes, code, emphasis, links, images, footnotes,
// raw HTML and autolinks, entities, tables, strikethrough, headings,
// e-mail addresses (linkify), quotes; and control characters.
var notPlain = func() (m [256]bool) {
	for c := range 0x20 {
		m[c] = true
	}
	m[0x7f] = true
	for _, c := range []byte("\\`*_[]<>&!|~\"#@") {
		m[c] = true
	}
	return m
}()

// plain renders a plain text (see plain) as goldmark and the term linker
// would: one paragraph, with the first use on the page of each term not
// yet linked made a link to its entry, the earliest first, the longer of
// two words at one place.
func (l *linker) plain(s string) string {
	l.buf.Reset()
	l.buf.WriteString("<p>")
	for {
		at, best := -1, -1
		for i := range l.g.words {
			w := &l.g.words[i]
			if l.linked[w.anchor] {
				continue
			}
			if k := strings.Index(s, w.text); k >= 0 && (at < 0 || k < at) {
				at, best = k, i
			}
		}
		if at < 0 {
			break
		}
		w := &l.g.words[best]
		l.linked[w.anchor] = true
		l.buf.WriteString(s[:at])
		l.buf.WriteString(w.link)
		s = s[at+len(w.text):]
	}
	l.buf.WriteString(s)
	l.buf.WriteString("</p>\n")
	return l.buf.String()
}

// termLink is the link goldmark renders for a linked term (see linkFirst).
func termLink(word, anchor string) string {
	dest := util.EscapeHTML(util.URLEscape([]byte(rootMark+"glossary.html#"+anchor), true))
	return `<a href="` + string(dest) + `" class="term">` + string(util.EscapeHTML([]byte(word))) + `</a>`
}

// termLinker links the first use on a page of each glossary entry, outside
// links, code and headings.
type termLinker struct{ l *linker }

// Transform implements parser.ASTTransformer.
func (l termLinker) Transform(doc *ast.Document, reader gtext.Reader, pc parser.Context) {
	src := reader.Source()
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link, *ast.AutoLink, *ast.CodeSpan, *ast.Heading, *ast.Image, *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		for t != nil {
			t = l.linkFirst(t, src)
		}
	}
}

// linkFirst links the earliest word in t whose entry is not linked yet,
// and returns the text after it to look at next, or nil.
func (l termLinker) linkFirst(t *ast.Text, src []byte) *ast.Text {
	linked := l.l.linked
	seg := t.Segment
	value := src[seg.Start:seg.Stop]
	at, best := -1, -1
	for i, w := range l.l.g.words {
		if linked[w.anchor] {
			continue
		}
		if k := bytes.Index(value, w.word); k >= 0 && (at < 0 || k < at) {
			at, best = k, i // words are longest first: a tie keeps the longer
		}
	}
	if at < 0 {
		return nil
	}
	w := l.l.g.words[best]
	linked[w.anchor] = true
	parent := t.Parent()
	start, end := seg.Start+at, seg.Start+at+len(w.word)
	if at > 0 {
		parent.InsertBefore(parent, t, ast.NewTextSegment(gtext.NewSegment(seg.Start, start)))
	}
	link := ast.NewLink()
	link.Destination = []byte(rootMark + "glossary.html#" + w.anchor)
	link.SetAttributeString("class", []byte("term"))
	link.AppendChild(link, ast.NewTextSegment(gtext.NewSegment(start, end)))
	parent.InsertBefore(parent, t, link)
	t.Segment = gtext.NewSegment(end, seg.Stop) // keeps its line breaks
	if end == seg.Stop && !t.SoftLineBreak() && !t.HardLineBreak() {
		parent.RemoveChild(parent, t)
		return nil
	}
	return t
}

// withRoot returns a copy of page with the page's way back to the root
// where rendered prose left rootMark.
func withRoot(page []byte, root string) []byte {
	has, hasURL := bytes.Contains(page, []byte(rootMark)), bytes.Contains(page, []byte(rootMarkURL))
	switch {
	case hasURL && has:
		return bytes.ReplaceAll(bytes.ReplaceAll(page, []byte(rootMarkURL), []byte(root)), []byte(rootMark), []byte(root))
	case hasURL:
		return bytes.ReplaceAll(page, []byte(rootMarkURL), []byte(root))
	case has:
		return bytes.ReplaceAll(page, []byte(rootMark), []byte(root))
	}
	return bytes.Clone(page)
}

// Aliases lists an entry's aliases joined for display.
func (e glossEntry) Aliases() string { return strings.Join(e.Term.Aliases, "、") }
