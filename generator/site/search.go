package site

import (
	"bytes"
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kefu-hr/handbook/generator/internal/jsonstr"
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

// isInline reports whether a tag is one inside a phrase: 考核奖金<a>基数</a>
// is one phrase.
func isInline(name []byte) bool {
	switch string(name) {
	case "a", "strong", "em", "b", "i", "code", "small", "span", "sub", "sup", "abbr":
		return true
	}
	return false
}

// pageText reads HTML once and returns its readable text, the text of its
// first h1 and of its h2 and h3 headings. It trusts the HTML to be the
// site's own (well formed, no script or style in the main part).
func pageText(src []byte) (all, title string, heads []string) {
	var b, head strings.Builder
	b.Grow(len(src) / 2) // the text is about a third of the page's bytes
	in := ""             // the heading being read: "h1", "h2", "h3" or ""
	space := false
	// word writes a run of text without white space.
	word := func(w []byte) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			if in != "" && head.Len() > 0 {
				head.WriteByte(' ')
			}
		}
		space = false
		b.Write(w)
		if in != "" {
			head.Write(w)
		}
	}
	write := func(s []byte) {
		if bytes.IndexByte(s, '&') >= 0 {
			s = []byte(html.UnescapeString(string(s)))
		}
		start := 0
		for i := 0; i < len(s); {
			n, isSpace := 1, false
			switch textClass[s[i]] {
			case 0:
				i++
				continue
			case asciiSpace:
				isSpace = true
			case mayBeSpace:
				r, size := utf8.DecodeRune(s[i:])
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
			write(src)
			break
		}
		if i > 0 {
			write(src[:i])
		}
		j := bytes.IndexByte(src[i:], '>')
		if j < 0 {
			break
		}
		tag := src[i+1 : i+j]
		src = src[i+j+1:]
		name := tag
		for k, c := range name {
			if c == ' ' || c == '\t' || c == '\n' {
				name = name[:k]
				break
			}
		}
		if !isInline(bytes.TrimPrefix(name, []byte("/"))) {
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

// The classes of the bytes of a text, for pageText: most are 0, neither
// white space nor possibly the start of it.
const (
	asciiSpace = 1 + iota // ASCII white space
	mayBeSpace            // may start a white space character (mayStartSpace)
)

// textClass is the class of each byte.
var textClass = func() (t [256]uint8) {
	for _, c := range []byte(" \n\t\r\f\v") {
		t[c] = asciiSpace
	}
	for c := range 256 {
		if mayStartSpace(byte(c)) {
			t[c] = mayBeSpace
		}
	}
	return t
}()

// mayStartSpace reports whether a byte of UTF-8 text that is not ASCII
// white space may start a white space character: the lead bytes of U+0085
// and U+00A0 (0xC2), U+1680 (0xE1), U+2000 to U+205F (0xE2) and U+3000
// (0xE3). Every other byte, Chinese characters' included, is read one at a
// time without decoding: none of them starts a space, and a continuation
// byte never does.
func mayStartSpace(c byte) bool {
	return c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3
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

// indexShard is the number of pages whose entries one file of the search
// index holds. The index is cut into files of this many pages so that each
// is written as soon as its pages are made, and no build holds the whole
// index (the site's largest file by far: about 11 KB a page) in memory.
const indexShard = 256

// shardName is the name of the i-th file of the search index: the first
// is search-index.js, as it always was.
func shardName(i int) string {
	if i == 0 {
		return "search-index.js"
	}
	return "search-index-" + strconv.Itoa(i+1) + ".js"
}

// glossaryDocs are the index entries of the glossary: each entry is a
// result of its own (glossary.html#term-…), so that a query for a term
// finds its meaning first, then the pages of the policies that define it.
func glossaryDocs(g *glossary) [][]byte {
	out := make([][]byte, len(g.entries))
	for i, e := range g.entries {
		out[i] = docJSON(searchDoc{U: "glossary.html#" + e.Anchor, T: e.Term.Term, H: e.Term.Aliases, X: text(string(Prose(e.Text))), K: e.Term.Words()})
	}
	return out
}

// docJSON encodes one index entry as encoding/json does (HTML characters
// escaped, so that no text can close the script), byte for byte
// (TestDocJSONIsEncodingJSON, FuzzDocJSON), without its reflection and its
// copy of the result: the entries of a large site are megabytes of text.
func docJSON(d searchDoc) []byte {
	size := len(d.U) + len(d.T) + len(d.X) + 32
	for _, h := range d.H {
		size += len(h) + 3
	}
	for _, k := range d.K {
		size += len(k) + 3
	}
	b := make([]byte, 0, size+size/16)
	b = append(b, `{"u":`...)
	b = jsonstr.Append(b, d.U)
	b = append(b, `,"t":`...)
	b = jsonstr.Append(b, d.T)
	b = append(b, `,"h":`...)
	b = appendJSONStrings(b, d.H)
	b = append(b, `,"x":`...)
	b = jsonstr.Append(b, d.X)
	if len(d.K) > 0 {
		b = append(b, `,"k":`...)
		b = appendJSONStrings(b, d.K)
	}
	return append(b, '}')
}

// appendJSONStrings appends a list of strings as encoding/json writes it
// (null for none).
func appendJSONStrings(b []byte, list []string) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonstr.Append(b, s)
	}
	return append(b, ']')
}

// shardScript writes one file of the search index, part i of n, from the
// encoded entries of its pages (nil for a page left out): a script, not a
// JSON file, so that search works from file:// where a page may not fetch.
// The first file sets window.HANDBOOK_SEARCH; each further one, loaded
// after it, appends its entries.
func shardScript(i, n int, docs [][]byte) []byte {
	size := 0
	for _, d := range docs {
		size += len(d) + 1
	}
	b := make([]byte, 0, size+160)
	if i == 0 {
		b = append(b, "// Generated by handbook build: the search index.\nwindow.HANDBOOK_SEARCH = ["...)
	} else {
		b = append(b, "// Generated by handbook build: the search index, part "...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, " of "...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, ".\nArray.prototype.push.apply(window.HANDBOOK_SEARCH, ["...)
	}
	first := true
	for _, d := range docs {
		if d == nil {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, d...)
	}
	if i == 0 {
		b = append(b, "];\n"...)
	} else {
		b = append(b, "]);\n"...)
	}
	return b
}
