package compile

import (
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

// Problem is one reason the policies do not compile, addressed by the file
// and the JSON pointer of the key or value it is about.
type Problem struct {
	File string // the policy's Header.File
	Ptr  string // JSON pointer into the policy's source, "" for the whole file
	// Value says whether the problem is at the key's value (true) or at the
	// key itself.
	Value bool
	// Formula, when set, is the offset of the problem within the formula
	// text at Ptr.
	Formula *FormulaAt
	// Message may refer to other places (see Problem.Text); Zh is the
	// message in Chinese, with the same places.
	Message string
	Zh      string
}

// FormulaAt is a place within a formula: the formula's text and a byte
// offset into it.
type FormulaAt struct {
	Src string
	Off int
}

// Places resolves the places a message refers to: Pos renders a key's
// position ("file:line:col"), Line the line number of a key.
type Places interface {
	Pos(file, ptr string) string
	Line(file, ptr string) string
}

// Text renders the message, in English, with the places it refers to
// resolved by at. With at nil, places are rendered as file and key path (a
// bundle has no positions).
func (p Problem) Text(at Places) string { return p.In(diag.English, at) }

// In renders the message in language l as Text does.
func (p Problem) In(l diag.Lang, at Places) string {
	if at == nil {
		at = keyPaths{}
	}
	var b strings.Builder
	s := p.Message
	if l == diag.Chinese && p.Zh != "" {
		s = p.Zh
	}
	for {
		i := strings.IndexByte(s, mark)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i+1:], mark)
		if j < 0 {
			b.WriteString(s[i:])
			return b.String()
		}
		how, rest, _ := strings.Cut(s[i+1:i+1+j], "\x01")
		file, ptr, _ := strings.Cut(rest, "\x01")
		if how == "line" {
			b.WriteString(at.Line(file, ptr))
		} else {
			b.WriteString(at.Pos(file, ptr))
		}
		s = s[i+1+j+1:]
	}
}

// String renders the problem without positions.
func (p Problem) String() string {
	k := diag.KeyPath(p.Ptr)
	if k != "" {
		k = " (" + k + ")"
	}
	return p.File + ": " + p.Text(nil) + k
}

// mark delimits a reference to another place inside a message.
const mark = '\x00'

// keyPaths renders places as key paths, for problems without positions.
type keyPaths struct{}

func (keyPaths) Pos(file, ptr string) string  { return file + " " + diag.KeyPath(ptr) }
func (keyPaths) Line(file, ptr string) string { return diag.KeyPath(ptr) }

// Compile checks decoded policies and builds the compiled handbook from
// them: it parses every formula, builds the indexes the engine uses, and
// checks every invariant the engine relies on, within each policy and
// across them. It returns the handbook, or nil and every problem found, in
// input order. The sources are read, never modified: the handbook's
// policies embed them and hold what compiling adds (policy.FromSource).
// They share the sources' lists, so the caller must not modify the
// sources after either.
//
// A doc whose policy is not of its kind is reported. Broken names, by kind,
// the ids of policies that exist but could not be decoded: references to
// them are not reported again.
//
// Compile is pure: it reads no files, and needs neither TOML nor JSON
// Schema, so a handbook decoded from a bundle is compiled by the same code
// as one loaded from files.
func Compile(docs []source.Doc, broken map[policy.Kind]map[string]bool) (*policy.Handbook, []Problem) {
	l := &compiler{broken: broken}
	if l.broken == nil {
		l.broken = map[policy.Kind]map[string]bool{}
	}
	ps := make([]policy.Policy, 0, len(docs))
	for _, d := range docs {
		p := policy.FromSource(d.Kind, d.File, d.Policy)
		if p == nil {
			t := zh.Sprintf("internal: the policy is not a %s", noun(d.Kind))
			l.problems = append(l.problems, Problem{File: d.File, Ptr: "", Message: t.En, Zh: t.Zh})
			continue
		}
		ps = append(ps, p)
		l.units = append(l.units, &unit{pol: p})
	}
	l.prepare()
	for _, u := range l.units {
		l.check(u)
	}
	l.crossCheck()
	h := policy.New(ps)
	l.checkNumbers(h)
	l.checkEvents(h)
	l.checkFeeds(h)
	if len(l.problems) > 0 {
		return nil, l.problems
	}
	return h, nil
}

// unit is one policy being compiled.
type unit struct {
	pol policy.Policy
}

func (u *unit) file() string { return u.pol.Head().File }

// compiler collects the problems of one Compile.
type compiler struct {
	problems   []Problem
	units      []*unit
	coeffBands map[string]bool // ids of bands policies with numeric values
	broken     map[policy.Kind]map[string]bool
}

// errf reports a problem at the key ptr of u, its message in English
// (format) and Chinese (the catalog's, zh).
func (l *compiler) errf(u *unit, ptr, format string, args ...any) {
	t := zh.Sprintf(format, args...)
	l.problems = append(l.problems, Problem{File: u.file(), Ptr: ptr, Message: t.En, Zh: t.Zh})
}

// verrf reports a problem at the value ptr of u.
func (l *compiler) verrf(u *unit, ptr, format string, args ...any) {
	t := zh.Sprintf(format, args...)
	l.problems = append(l.problems, Problem{File: u.file(), Ptr: ptr, Value: true, Message: t.En, Zh: t.Zh})
}

// formulaErr reports a problem at offset off of the formula src at ptr.
func (l *compiler) formulaErr(u *unit, ptr, src string, off int, msg diag.Text) {
	t := zh.Sprintf("formula: %s", msg)
	l.problems = append(l.problems, Problem{File: u.file(), Ptr: ptr, Value: true, Formula: &FormulaAt{src, off}, Message: t.En, Zh: t.Zh})
}

// pos refers, in a message, to the position of the key ptr of u.
func (u *unit) pos(ptr string) string {
	return string(mark) + "pos\x01" + u.file() + "\x01" + ptr + string(mark)
}

// line refers, in a message, to the line of the key ptr of u.
func (u *unit) line(ptr string) string {
	return string(mark) + "line\x01" + u.file() + "\x01" + ptr + string(mark)
}

// didYouMean suggests the known id closest to an unknown one, or nothing.
func didYouMean(id string, known []string) diag.Text {
	if best := formula.Nearest(id, known); best != "" {
		return zh.Sprintf(" (did you mean %q?)", best)
	}
	return diag.Text{}
}
