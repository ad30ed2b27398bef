package diag

import (
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// Pos is a position in a file. Line and Col are 1-based; Col counts
// characters, not bytes, so that a Chinese character is one column. A zero
// Line means the position is unknown (the problem concerns the whole file).
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, or just file when the line is
// unknown.
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return printf.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is one problem found in the policies.
type Diagnostic struct {
	Pos     Pos
	Message string // in English
	// Key is the dotted key path of the offending value, e.g.
	// part[0].item[2].weight; empty when the problem is not about one key.
	Key string
	// Zh is the message in Chinese; empty where there is none yet.
	Zh string
}

// String formats the diagnostic as path:line:col: message (key path), in
// English.
func (d Diagnostic) String() string { return d.In(English) }

// In formats the diagnostic as String does, its message in language l (in
// English where it has no Chinese). The key path is the file's own in
// both.
func (d Diagnostic) In(l Lang) string {
	msg := d.Message
	if l == Chinese && d.Zh != "" {
		msg = d.Zh
	}
	s := d.Pos.String() + ": " + msg
	if d.Key != "" {
		s += " (" + d.Key + ")"
	}
	return s
}

// Text returns the diagnostic's message in both languages.
func (d Diagnostic) Text() Text { return Text{En: d.Message, Zh: d.Zh} }

// List is a list of diagnostics. The zero value is an empty list ready to use.
type List []Diagnostic

// Add appends a diagnostic built from a position, key path and formatted
// message (formatted as Catalog.Sprintf formats).
func (l *List) Add(pos Pos, key, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Key: key, Message: printf.Sprintf(format, args...)})
}

// AddText appends a diagnostic whose message is in both languages.
func (l *List) AddText(pos Pos, key string, t Text) {
	*l = append(*l, Diagnostic{Pos: pos, Key: key, Message: t.En, Zh: t.Zh})
}

// Len, Less and Swap implement sort.Interface, ordering by file, line,
// column, then message.
func (l List) Len() int      { return len(l) }
func (l List) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l List) Less(i, j int) bool {
	a, b := l[i], l[j]
	if a.Pos.File != b.Pos.File {
		return a.Pos.File < b.Pos.File
	}
	if a.Pos.Line != b.Pos.Line {
		return a.Pos.Line < b.Pos.Line
	}
	if a.Pos.Col != b.Pos.Col {
		return a.Pos.Col < b.Pos.Col
	}
	if a.Message != b.Message {
		return a.Message < b.Message
	}
	return a.Key < b.Key
}

// Sort sorts the list by position and removes exact duplicates.
func (l *List) Sort() {
	sort.Sort(*l)
	out := (*l)[:0]
	for i, d := range *l {
		if i > 0 && d == out[len(out)-1] {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error implements the error interface: the first diagnostic and a count of
// the others.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no problems"
	case 1:
		return l[0].String()
	}
	return printf.Sprintf("%s (and %d more problems)", l[0], len(l)-1)
}

// Excerpt writes the source line of a position with a caret under its column,
// the way a compiler shows an error to a person. Tabs are kept so that the
// caret lines up; wide (CJK) characters before the column count two cells.
// Nothing is written when the line is unknown or out of range.
func Excerpt(w io.Writer, src []byte, p Pos) {
	if p.Line < 1 {
		return
	}
	lines := strings.Split(string(src), "\n")
	if p.Line > len(lines) {
		return
	}
	line := strings.TrimRight(lines[p.Line-1], "\r")
	var pad strings.Builder
	col := 1
	for _, r := range line {
		if col >= p.Col {
			break
		}
		switch {
		case r == '\t':
			pad.WriteByte('\t')
		case isWide(r):
			pad.WriteString("  ")
		default:
			pad.WriteByte(' ')
		}
		col++
	}
	printf.Fprintf(w, "%5d | %s\n      | %s^\n", p.Line, line, pad.String())
}

// isWide reports whether r takes two cells in a terminal (CJK ideographs,
// full-width forms and the like).
func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
		(r >= 0x2e80 && r <= 0xa4cf && r != 0x303f) ||
		(r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) ||
		(r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6))
}

// ColumnOf converts a byte offset within line text to a 1-based character
// column.
func ColumnOf(line []byte, byteOff int) int {
	if byteOff > len(line) {
		byteOff = len(line)
	}
	return utf8.RuneCount(line[:byteOff]) + 1
}

// KeyPath turns a JSON pointer into the dotted key path people read, e.g.
// /part/0/item/2/weight → part[0].item[2].weight.
func KeyPath(ptr string) string {
	if ptr == "" {
		return ""
	}
	var b strings.Builder
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		if _, err := strconv.Atoi(tok); err == nil {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}
