package policy

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/exact"
)

// A NumberRef names one number of a policy, so that a text can state it
// without typing it again: kind/id#path, where path walks the policy's keys
// as its file writes them, a list by the id or name of an entry or by its
// index from 0 (payplan/kefu-daibiao-pay#param/quota_penalty/value,
// points/kefu-points#ladder/jiechuliang/steps/0/below,
// bands/bottom-rank#rows/0/min).
type NumberRef struct {
	Kind Kind
	ID   string
	Path []string
}

// ParseNumberRef splits a reference; false when it is not kind/id#path with
// a known kind.
func ParseNumberRef(s string) (NumberRef, bool) {
	pol, path, ok := strings.Cut(s, "#")
	if !ok || path == "" {
		return NumberRef{}, false
	}
	k, id, ok := SeeRef(pol)
	if !ok || id == "" {
		return NumberRef{}, false
	}
	return NumberRef{Kind: k, ID: id, Path: strings.Split(path, "/")}, true
}

// String writes the reference as policies write it.
func (r NumberRef) String() string {
	return string(r.Kind) + "/" + r.ID + "#" + strings.Join(r.Path, "/")
}

// Number returns the number the reference names in p: its text as the
// policy holds it. The error says which step of the path found nothing, or
// that what it found is not a number.
//
// The path is walked without reflect (which the browser's calculator, that
// links this package, would otherwise carry): a node is a pointer to a
// value of the policy model, and the steps from each type of node are
// generated from the model (lookup_gen.go, written by go generate
// ./generator/bundle).
func (r NumberRef) Number(p Policy) (exact.Decimal, error) {
	var v any = p.Written()
	for i, seg := range r.Path {
		next, err := step(v, seg)
		if err != nil {
			return exact.Decimal{}, zh.Sprintf("%s: %v", strings.Join(r.Path[:i+1], "/"), err)
		}
		v = next
	}
	for {
		e, pointer, isNil := deref(v)
		if !pointer {
			break
		}
		if isNil {
			return exact.Decimal{}, zh.Sprintf("%s is not set", strings.Join(r.Path, "/"))
		}
		v = e
	}
	switch x := v.(type) {
	case *exact.Decimal:
		return *x, nil
	case *int:
		return exact.FromInt(int64(*x)), nil
	}
	return exact.Decimal{}, zh.Sprintf("%s is not a number", strings.Join(r.Path, "/"))
}

// step goes from v to its key or entry seg: through pointers, then to the
// field of a struct whose TOML key is seg (looking into embedded structs
// too), or to the entry of a list whose id or name is seg, or else whose
// index from 0 it is.
func step(v any, seg string) (any, error) {
	for {
		e, pointer, isNil := deref(v)
		if !pointer {
			break
		}
		if isNil {
			return nil, zh.Sprintf("nothing there")
		}
		v = e
	}
	if v == nil {
		return nil, zh.Sprintf("nothing there")
	}
	return walk(v, seg)
}

// index is the entry seg names by its index, when it is one of a list of n.
func index(seg string, n int) (int, bool) {
	i, err := strconv.Atoi(seg)
	return i, err == nil && i >= 0 && i < n
}

// noKey, noEntry and noKeys are walk's errors: a struct without the key, a
// list without the entry, and a key asked of what has none.
func noKey(seg string) error { return zh.Sprintf("no key %q", seg) }

func noEntry(seg string, n int) error {
	return zh.Sprintf("no entry %q (an id, a name or an index from 0 to %d)", seg, n-1)
}

func noKeys(seg string) error { return zh.Sprintf("%q: a number has no keys", seg) }

// placeholders returns where each number a text states by reference,
// {{kind/id#path}}, starts and ends: the matches of \{\{([^{}]*)\}\},
// leftmost first and not overlapping. It is written out rather than a
// regular expression so that the browser's calculator, which links this
// package, does not carry package regexp and its Unicode tables (about
// 70 KB of gzipped WebAssembly).
func placeholders(text string) [][2]int {
	var out [][2]int
	for i := 0; i+1 < len(text); {
		if text[i] != '{' || text[i+1] != '{' {
			i++
			continue
		}
		j := i + 2
		for j < len(text) && text[j] != '{' && text[j] != '}' {
			j++
		}
		if j+1 < len(text) && text[j] == '}' && text[j+1] == '}' {
			out = append(out, [2]int{i, j + 2})
			i = j + 2
			continue
		}
		i++
	}
	return out
}

// Placeholders lists the references a text states numbers by, in order.
func Placeholders(text string) []string {
	var refs []string
	for _, m := range placeholders(text) {
		refs = append(refs, text[m[0]+2:m[1]-2])
	}
	return refs
}

// Number returns the number ref names in the version of its policy in
// effect on day, or in the latest version when none is.
func (h *Handbook) Number(ref NumberRef, day civil.Date) (exact.Decimal, error) {
	p := h.At(ref.Kind, ref.ID, day)
	if p == nil {
		p = h.Latest(ref.Kind, ref.ID)
	}
	if p == nil {
		return exact.Decimal{}, zh.Sprintf("no %s %q", diag.Text{En: ref.Kind.Noun(), Zh: NounZh(ref.Kind)}, ref.ID)
	}
	return ref.Number(p)
}

// Fill writes text with each {{kind/id#path}} replaced by the number it
// names (FormatNumber), as of day; a reference that names no number is
// left as written (Compile refuses it first).
func (h *Handbook) Fill(text string, day civil.Date) string {
	if !strings.Contains(text, "{{") {
		return text
	}
	var b strings.Builder
	last := 0
	for _, m := range placeholders(text) {
		b.WriteString(text[last:m[0]])
		last = m[1]
		whole := text[m[0]:m[1]]
		ref, ok := ParseNumberRef(whole[2 : len(whole)-2])
		if !ok {
			b.WriteString(whole)
			continue
		}
		x, err := h.Number(ref, day)
		if err != nil {
			b.WriteString(whole)
			continue
		}
		b.WriteString(FormatNumber(x))
	}
	b.WriteString(text[last:])
	return b.String()
}

// FormatNumber writes a number for prose: without a fraction of zeros,
// with thousands separated (8,000,000; 133,333.33; 60; 0.5).
func FormatNumber(x exact.Decimal) string {
	s := x.String()
	if i := strings.IndexByte(s, '.'); i >= 0 && strings.Trim(s[i+1:], "0") == "" {
		s = s[:i]
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// A keyTable lists the keys of a struct of the model in the order walk
// looks for them (its fields' TOML keys in declaration order, an embedded
// struct's in its place, the first of equal keys only), and says where each
// leads: to[i] is 0 for a scalar that is not a number (a string, a yes/no),
// else the place from 1 of its field's address among those walk gives field.
type keyTable struct {
	keys []string
	to   []uint8
}

// scalar is where a key of a scalar that is not a number leads: a path
// goes no further ("a number has no keys"), and it is not a number.
type scalar struct{}

// field is the field of a struct whose key is seg: ptrs point to the
// fields of the struct that are not scalars, in the order of its keys.
func field(t *keyTable, seg string, ptrs ...any) (any, error) {
	i := slices.Index(t.keys, seg)
	switch {
	case i < 0:
		return nil, noKey(seg)
	case t.to[i] == 0:
		return scalar{}, nil
	}
	return ptrs[t.to[i]-1], nil
}
