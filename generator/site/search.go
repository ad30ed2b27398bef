package site

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// searchDoc is one page in the search index: its address, title, headings
// and text.
type searchDoc struct {
	U string   `json:"u"`
	T string   `json:"t"`
	H []string `json:"h"`
	X string   `json:"x"`
	// K lists the glossary words the page is about: the words of an entry,
	// and those of every entry that names the page's policy. A query that
	// is one of them ranks the page with those whose title it is.
	K []string `json:"k,omitempty"`
}

// text is the readable text of some HTML: tags dropped, entities
// unescaped, white space folded.
func text(s string) string {
	t, _, _ := pageText([]byte(s))
	return t
}

// inline are the tags inside a phrase: 考核奖金<a>基数</a> is one phrase.
var inline = map[string]bool{"a": true, "strong": true, "em": true, "b": true, "i": true, "code": true, "small": true, "span": true, "sub": true, "sup": true, "abbr": true}

// pageText reads HTML once and returns its readable text, the text of its
// first h1 and of its h2 and h3 headings. It trusts the HTML to be the
// site's own (well formed, no script or style in the main part).
func pageText(src []byte) (all, title string, heads []string) {
	var b, head strings.Builder
	b.Grow(len(src) / 2) // the text is about a third of the page's bytes
	in := ""             // the heading being read: "h1", "h2", "h3" or ""
	space := false
	// word writes a run of text without white space.
	word := func(w string) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			if in != "" && head.Len() > 0 {
				head.WriteByte(' ')
			}
		}
		space = false
		b.WriteString(w)
		if in != "" {
			head.WriteString(w)
		}
	}
	write := func(s string) {
		if strings.IndexByte(s, '&') >= 0 {
			s = html.UnescapeString(s)
		}
		start := 0
		for i := 0; i < len(s); {
			c := s[i]
			n := 1
			isSpace := c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
			if c >= utf8.RuneSelf {
				r, size := utf8.DecodeRuneInString(s[i:])
				n, isSpace = size, unicode.IsSpace(r)
			}
			if isSpace {
				if start < i {
					word(s[start:i])
				}
				space = true
				start = i + n
			}
			i += n
		}
		if start < len(s) {
			word(s[start:])
		}
	}
	for len(src) > 0 {
		i := bytes.IndexByte(src, '<')
		if i < 0 {
			write(string(src))
			break
		}
		if i > 0 {
			write(string(src[:i]))
		}
		j := bytes.IndexByte(src[i:], '>')
		if j < 0 {
			break
		}
		tag := src[i+1 : i+j]
		src = src[i+j+1:]
		name := tag
		if k := bytes.IndexAny(name, " \t\n"); k >= 0 {
			name = name[:k]
		}
		if !inline[strings.TrimPrefix(string(name), "/")] {
			space = true // a block's edge separates words; a link inside a phrase does not
		}
		switch string(name) {
		case "h1", "h2", "h3":
			in = string(name)
			head.Reset()
		case "/h1", "/h2", "/h3":
			h := strings.TrimSpace(head.String())
			if in == "h1" && title == "" {
				title = h
			} else if in != "h1" {
				heads = append(heads, h)
			}
			in = ""
		}
	}
	return b.String(), title, heads
}

// keywords gives, by page, the glossary words of the entries that name the
// page's policy.
func (g *glossary) keywords() map[string][]string {
	kw := map[string][]string{}
	for _, e := range g.entries {
		for _, s := range e.See {
			kw[s.Link] = append(kw[s.Link], e.Term.Words()...)
		}
	}
	return kw
}

// pageDoc is a page's entry in the search index, with the glossary words it
// is about; false for a page the index leaves out (not HTML, the search
// page itself, no main part).
func pageDoc(p Page, keywords map[string][]string) (searchDoc, bool) {
	if !strings.HasSuffix(p.Path, ".html") || p.Path == "search.html" {
		return searchDoc{}, false
	}
	start := bytes.Index(p.Data, []byte(`<main id="main">`))
	end := bytes.LastIndex(p.Data, []byte(`</main>`))
	if start < 0 || end < start {
		return searchDoc{}, false
	}
	x, t, h := pageText(p.Data[start+len(`<main id="main">`) : end])
	return searchDoc{U: p.Path, T: t, H: h, X: x, K: keywords[p.Path]}, true
}

// searchIndex writes the index of every page's text as a script that sets
// window.HANDBOOK_SEARCH: a script, not a JSON file, so that search works
// from file:// where a page may not fetch. pages are the pages' entries
// (pageDoc), in page order.
//
// Each glossary entry is a result of its own (glossary.html#term-…), so
// that a query for a term finds its meaning first, then the pages of the
// policies that define it.
func searchIndex(pages []searchDoc, g *glossary) []byte {
	docs := make([]searchDoc, 0, len(g.entries)+len(pages))
	for _, e := range g.entries {
		docs = append(docs, searchDoc{U: "glossary.html#" + e.Anchor, T: e.Term.Term, H: e.Term.Aliases, X: text(string(Prose(e.Text))), K: e.Term.Words()})
	}
	docs = append(docs, pages...)
	var b bytes.Buffer
	size := 0
	for i := range docs {
		size += len(docs[i].X) + len(docs[i].T) + len(docs[i].U) + 64
		for _, h := range docs[i].H {
			size += len(h) + 3
		}
	}
	b.Grow(size + size/8) // grown once: the index is the site's largest file
	b.WriteString("// Generated by handbook build: the search index.\nwindow.HANDBOOK_SEARCH = ")
	_ = json.NewEncoder(&b).Encode(docs) // strings and slices always encode
	b.Truncate(b.Len() - 1)              // the encoder's newline
	b.WriteString(";\n")
	return b.Bytes()
}
