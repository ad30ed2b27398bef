package edit

import (
	"bytes"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/kefu-hr/handbook/generator/internal/tomlpos"
)

// File is a TOML file being edited.
type File struct {
	src []byte
}

// New starts editing src, which must be valid TOML.
func New(src []byte) (*File, error) {
	if _, err := tomlpos.New(src); err != nil {
		return nil, err
	}
	return &File{src: bytes.Clone(src)}, nil
}

// Bytes returns the file as edited.
func (f *File) Bytes() []byte { return bytes.Clone(f.src) }

// offset converts a position to a byte offset.
func (f *File) offset(p tomlpos.Position) int {
	off, line := 0, 1
	for line < p.Line {
		i := bytes.IndexByte(f.src[off:], '\n')
		if i < 0 {
			return len(f.src)
		}
		off += i + 1
		line++
	}
	for col := 1; col < p.Col && off < len(f.src); col++ {
		_, n := utf8.DecodeRune(f.src[off:])
		off += n
	}
	return off
}

// span returns the byte range of the value of the key at ptr.
func (f *File) span(ptr string) (int, int, error) {
	ix, err := tomlpos.New(f.src)
	if err != nil {
		return 0, 0, err
	}
	if !ix.Has(ptr) {
		return 0, 0, fmt.Errorf("no key %s", tomlpos.KeyPath(ptr))
	}
	// From the key, past the = sign, to the value.
	i := f.offset(ix.Key(ptr))
	eq := bytes.IndexByte(f.src[i:], '=')
	nl := bytes.IndexByte(f.src[i:], '\n')
	if eq < 0 || nl >= 0 && nl < eq {
		return 0, 0, fmt.Errorf("%s is a table, not a key with a value", tomlpos.KeyPath(ptr))
	}
	start := i + eq + 1
	for start < len(f.src) && (f.src[start] == ' ' || f.src[start] == '\t') {
		start++
	}
	return start, start + valueLen(f.src[start:]), nil
}

// valueLen returns the length of the TOML value at the start of b: a
// string of any quoting, an array or inline table (brackets matched,
// strings skipped), or a bare number, date or boolean.
func valueLen(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte(`"""`)), bytes.HasPrefix(b, []byte(`'''`)):
		q := b[:3]
		if end := bytes.Index(b[3:], q); end >= 0 {
			n := 3 + end + 3
			for n < len(b) && b[n] == q[0] { // up to two quotes of the content may end it
				n++
			}
			return n
		}
		return len(b)
	case b[0] == '"':
		for i := 1; i < len(b); i++ {
			switch b[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return len(b)
	case b[0] == '\'':
		if end := bytes.IndexByte(b[1:], '\''); end >= 0 {
			return end + 2
		}
		return len(b)
	case b[0] == '[' || b[0] == '{':
		depth := 0
		for i := 0; i < len(b); i++ {
			switch c := b[i]; c {
			case '"', '\'':
				i += valueLen(b[i:]) - 1
			case '#':
				for i < len(b) && b[i] != '\n' {
					i++
				}
			case '[', '{':
				depth++
			case ']', '}':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return len(b)
	}
	n := 0
	for n < len(b) && !bytes.ContainsRune([]byte(" \t\r\n,]}#"), rune(b[n])) {
		n++
	}
	return n
}

// Value returns the text of the value of the key at ptr, as written.
func (f *File) Value(ptr string) (string, error) {
	s, e, err := f.span(ptr)
	if err != nil {
		return "", err
	}
	return string(f.src[s:e]), nil
}

// Set replaces the value of the key at ptr with value, TOML text such as
// "8200.00" (quotes included), 2027-01-01 or [1, 2].
func (f *File) Set(ptr, value string) error {
	s, e, err := f.span(ptr)
	if err != nil {
		return err
	}
	return f.replace(s, e, value)
}

// replace replaces src[s:e] with text, refusing an edit that does not leave
// valid TOML.
func (f *File) replace(s, e int, text string) error {
	out := append(append(bytes.Clone(f.src[:s]), text...), f.src[e:]...)
	if _, err := tomlpos.New(out); err != nil {
		return fmt.Errorf("the edit would not be valid TOML: %v", err)
	}
	f.src = out
	return nil
}

// InsertAfter inserts a line of text after the line where the value of the
// key at ptr ends (a top-level key, or one in a table written with a
// header), with the indentation of that key's line.
func (f *File) InsertAfter(ptr, line string) error {
	_, e, err := f.span(ptr)
	if err != nil {
		return err
	}
	end := bytes.IndexByte(f.src[e:], '\n')
	if end < 0 {
		end = len(f.src) - e
	}
	at := e + end
	lineStart := bytes.LastIndexByte(f.src[:e], '\n') + 1
	indent := f.src[lineStart:lineStart]
	for i := lineStart; i < len(f.src) && (f.src[i] == ' ' || f.src[i] == '\t'); i++ {
		indent = f.src[lineStart : i+1]
	}
	return f.replace(at, at, "\n"+string(indent)+line)
}

// RemoveTables removes every [[name]] table of the top level (its header,
// its keys and the blank lines and comments up to the next header).
func (f *File) RemoveTables(name string) error {
	header := []byte("[[" + name + "]]")
	lines := bytes.SplitAfter(f.src, []byte("\n"))
	var out []byte
	skipping := false
	for _, l := range lines {
		t := bytes.TrimSpace(l)
		if bytes.HasPrefix(t, []byte("[")) {
			skipping = bytes.Equal(t, header) || bytes.HasPrefix(t, header) && bytes.HasPrefix(bytes.TrimSpace(t[len(header):]), []byte("#"))
		}
		if !skipping {
			out = append(out, l...)
		}
	}
	return f.replace(0, len(f.src), string(out))
}

// NextVersion makes the next version of the policy in src, to take effect
// on from: a copy with version raised, effective_from = from, the period's
// end kept (when src's version has one) and no [[correction]] (those
// belong to the old version); and src with effective_until the day before
// from. It refuses a from that does not fall after src's start or that
// would leave a gap after src's end.
func NextVersion(src []byte, from time.Time) (next, old []byte, err error) {
	f, err := New(src)
	if err != nil {
		return nil, nil, err
	}
	var doc struct {
		Version        int        `toml:"version"`
		EffectiveFrom  time.Time  `toml:"effective_from"`
		EffectiveUntil *time.Time `toml:"effective_until"`
	}
	if _, err := toml.Decode(string(src), &doc); err != nil {
		return nil, nil, err
	}
	if doc.Version < 1 {
		return nil, nil, fmt.Errorf("no version = N in the file")
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	start := civil(doc.EffectiveFrom)
	if !from.After(start) {
		return nil, nil, fmt.Errorf("version %d starts on %s: the next version must start after that, not on %s", doc.Version, day(start), day(from))
	}
	end := from.AddDate(0, 0, -1)
	if doc.EffectiveUntil != nil && civil(*doc.EffectiveUntil).Before(end) {
		return nil, nil, fmt.Errorf("version %d ends on %s: a next version from %s would leave the days between with no version; start it on %s", doc.Version, day(civil(*doc.EffectiveUntil)), day(from), day(civil(*doc.EffectiveUntil).AddDate(0, 0, 1)))
	}
	n := &File{src: f.Bytes()}
	for _, step := range []func() error{
		func() error { return n.Set("/version", fmt.Sprint(doc.Version+1)) },
		func() error { return n.Set("/effective_from", day(from)) },
		func() error { return n.RemoveTables("correction") },
	} {
		if err := step(); err != nil {
			return nil, nil, err
		}
	}
	if doc.EffectiveUntil != nil {
		err = f.Set("/effective_until", day(end))
	} else {
		err = f.InsertAfter("/effective_from", "effective_until = "+day(end))
	}
	if err != nil {
		return nil, nil, err
	}
	return n.Bytes(), f.Bytes(), nil
}

func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
