package site

import (
	"bytes"
	"html/template"
	"io"
	"strconv"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// markdown is the one goldmark setup of the site: GitHub tables, footnotes,
// CJK line breaking, heading ids that keep Chinese, and raw HTML off (the
// default: markup in policy prose is dropped, javascript: links emptied).
var markdown = newMarkdown()

// newMarkdown makes the site's goldmark setup, with extra AST transformers
// (the glossary's links) run after parsing.
func newMarkdown(ts ...util.PrioritizedValue) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.CJK),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithASTTransformers(ts...)),
	)
}

// convert renders a prose text with md into w, heading ids keeping Chinese.
func convert(md goldmark.Markdown, text string, w io.Writer) error {
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]bool{}}))
	return md.Convert([]byte(text), w, parser.WithContext(ctx))
}

// Prose renders a prose field of a policy (Markdown) as HTML.
func Prose(text string) template.HTML {
	var b bytes.Buffer
	if err := convert(markdown, text, &b); err != nil {
		return template.HTML(template.HTMLEscapeString(text)) // a Convert error writes nothing unsafe
	}
	return template.HTML(b.String()) // goldmark without WithUnsafe emits no raw HTML
}

// headingIDs makes heading ids that keep Chinese: 考核指标 stays 考核指标
// (goldmark's own drop every non-ASCII letter), unique within a text.
type headingIDs struct {
	seen map[string]bool
}

// Generate implements parser.IDs.
func (g *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b []rune
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			b = append(b, unicode.ToLower(r))
		case r == ' ' || r == '-' || r == '_':
			if len(b) > 0 && b[len(b)-1] != '-' {
				b = append(b, '-')
			}
		}
	}
	id := string(b)
	if id == "" {
		id = "heading"
	}
	for i, base := 1, id; g.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	g.seen[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (g *headingIDs) Put(value []byte) { g.seen[string(value)] = true }
