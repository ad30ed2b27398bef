package bundle

import (
	"bytes"
	"encoding"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"reflect"
	"time"

	"github.com/kefu-hr/handbook/generator/compile"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

// Version is the format version this package writes and reads.
const Version = 1

const magic = "KFHB"

// Encode writes the policies of h (their sources: Compile's links are not
// stored) as a bundle.
func Encode(h *policy.Handbook) []byte {
	var b bytes.Buffer
	b.WriteString(magic)
	w := &writer{&b}
	w.uint(Version)
	w.uint(Fingerprint())
	all := h.All()
	w.uint(uint64(len(all)))
	for _, p := range all {
		hd := p.Head()
		w.str(string(hd.Kind))
		w.str(hd.File)
		w.value(reflect.ValueOf(p.Written()).Elem())
	}
	return b.Bytes()
}

// Decode reads a bundle and compiles its policies into a handbook. Problems
// found by compile.Compile are returned with the handbook nil.
func Decode(data []byte) (*policy.Handbook, []compile.Problem, error) {
	docs, err := DecodePolicies(data)
	if err != nil {
		return nil, nil, err
	}
	h, problems := compile.Compile(docs, nil)
	return h, problems, nil
}

// DecodePolicies reads a bundle's policies as their files wrote them, not
// yet compiled.
func DecodePolicies(data []byte) (ps []source.Doc, err error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("bundle: not a handbook bundle")
	}
	r := &reader{data: data[len(magic):]}
	defer func() {
		if e := recover(); e != nil {
			be, ok := e.(bundleError)
			if !ok {
				panic(e)
			}
			ps, err = nil, be
		}
	}()
	if v := r.uint(); v != Version {
		return nil, fmt.Errorf("bundle: format version %d, this program reads %d", v, Version)
	}
	if f := r.uint(); f != Fingerprint() {
		return nil, errors.New("bundle: written by a program with another policy model; rebuild the bundle")
	}
	n := r.uint()
	if n > uint64(len(r.data)) {
		r.fail("policy count %d is more than the bundle can hold", n)
	}
	for range n {
		kind := source.Kind(r.str())
		file := r.str()
		p := source.Empty(kind)
		if p == nil {
			r.fail("unknown policy kind %q", kind)
		}
		v := reflect.ValueOf(p).Elem()
		r.value(v, r.info(v.Type()))
		ps = append(ps, source.Doc{Kind: kind, File: file, Policy: p})
	}
	if len(r.data) > 0 {
		r.fail("%d bytes after the last policy", len(r.data))
	}
	return ps, nil
}

var (
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	timeType        = reflect.TypeFor[time.Time]()
)

// fields returns the indexes of the fields of struct type t that a bundle
// stores: the exported fields the TOML decodes into.
func fields(t reflect.Type) []int {
	var out []int
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Tag.Get("toml") == "-" {
			continue
		}
		out = append(out, i)
	}
	return out
}

// text reports whether values of t are stored as their text.
func text(t reflect.Type) bool {
	return t != timeType && t.Implements(textMarshaler) && reflect.PointerTo(t).Implements(textUnmarshaler)
}

// Fingerprint is a hash of the policy model: every source field's name and
// type, of every policy kind.
func Fingerprint() uint64 {
	h := fnv.New64a()
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		h.Write([]byte(t.String() + ":" + t.Kind().String() + ";")) // as fmt.Fprintf(h, "%s:%s;", …) wrote it
		if seen[t] {
			return
		}
		seen[t] = true
		switch {
		case t == timeType, text(t):
			return
		}
		switch t.Kind() {
		case reflect.Struct:
			for _, i := range fields(t) {
				f := t.Field(i)
				h.Write([]byte(f.Name + " "))
				walk(f.Type)
			}
		case reflect.Slice, reflect.Pointer:
			walk(t.Elem())
		}
	}
	for _, k := range source.Kinds {
		walk(reflect.TypeOf(source.Empty(k)).Elem())
	}
	return h.Sum64()
}

// writer appends encoded values.
type writer struct{ b *bytes.Buffer }

func (w *writer) uint(x uint64) { w.b.Write(binary.AppendUvarint(nil, x)) }
func (w *writer) int(x int64)   { w.b.Write(binary.AppendVarint(nil, x)) }
func (w *writer) str(s string)  { w.uint(uint64(len(s))); w.b.WriteString(s) }

func (w *writer) value(v reflect.Value) {
	t := v.Type()
	switch {
	case t == timeType:
		tm := v.Interface().(time.Time)
		w.str(tm.Format(time.DateOnly))
		return
	case text(t):
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			panic(fmt.Sprintf("bundle: %s: %v", t, err)) // a decimal always has a text
		}
		w.str(string(b))
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		for _, i := range fields(t) {
			w.value(v.Field(i))
		}
	case reflect.String:
		w.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			w.uint(1)
		} else {
			w.uint(0)
		}
	case reflect.Int, reflect.Int32, reflect.Int64:
		w.int(v.Int())
	case reflect.Pointer:
		if v.IsNil() {
			w.uint(0)
			return
		}
		w.uint(1)
		w.value(v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			w.uint(0)
			return
		}
		w.uint(uint64(v.Len()) + 1)
		for i := range v.Len() {
			w.value(v.Index(i))
		}
	default:
		panic(fmt.Sprintf("bundle: cannot encode %s (%s)", t, t.Kind()))
	}
}

// bundleError is a malformed bundle, raised inside the reader.
type bundleError string

func (e bundleError) Error() string { return string(e) }

// reader consumes encoded values; a malformed bundle panics with a
// bundleError, which DecodePolicies returns.
type reader struct {
	data  []byte
	types map[reflect.Type]*typeInfo // what value has learnt of each type
}

// typeInfo is how values of a type are read: as a date, as text, or by
// kind (a struct by its stored fields, each with its own typeInfo; a list
// or pointer by its element's). Built once per type and bundle: asking
// reflect, or even a map, for each value had been most of the time the
// browser's calculator took to read its bundle.
type typeInfo struct {
	t          reflect.Type
	date, text bool
	fields     []int
	sub        []*typeInfo // of each stored field, in the order of fields
	elem       *typeInfo   // of a list's or pointer's element
}

func (r *reader) info(t reflect.Type) *typeInfo {
	if ti, ok := r.types[t]; ok {
		return ti
	}
	ti := &typeInfo{t: t, date: t == timeType, text: text(t)}
	if r.types == nil {
		r.types = map[reflect.Type]*typeInfo{}
	}
	r.types[t] = ti // before its parts: a type may contain itself
	if ti.date || ti.text {
		return ti
	}
	switch t.Kind() {
	case reflect.Struct:
		ti.fields = fields(t)
		for _, i := range ti.fields {
			ti.sub = append(ti.sub, r.info(t.Field(i).Type))
		}
	case reflect.Pointer, reflect.Slice:
		ti.elem = r.info(t.Elem())
	}
	return ti
}

func (r *reader) fail(format string, args ...any) {
	panic(bundleError("bundle: " + fmt.Sprintf(format, args...)))
}

func (r *reader) uint() uint64 {
	x, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.fail("truncated or malformed number")
	}
	r.data = r.data[n:]
	return x
}

func (r *reader) int() int64 {
	x, n := binary.Varint(r.data)
	if n <= 0 {
		r.fail("truncated or malformed number")
	}
	r.data = r.data[n:]
	return x
}

func (r *reader) str() string {
	n := r.uint()
	if n > uint64(len(r.data)) {
		r.fail("string of %d bytes, %d left", n, len(r.data))
	}
	s := string(r.data[:n])
	r.data = r.data[n:]
	return s
}

func (r *reader) value(v reflect.Value, ti *typeInfo) {
	t := ti.t
	switch {
	case ti.date:
		s := r.str()
		tm, err := time.Parse(time.DateOnly, s)
		if err != nil {
			r.fail("date %q: %v", s, err)
		}
		v.Set(reflect.ValueOf(tm))
		return
	case ti.text:
		s := r.str()
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			r.fail("%s %q: %v", t, s, err)
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		for k, i := range ti.fields {
			r.value(v.Field(i), ti.sub[k])
		}
	case reflect.String:
		v.SetString(r.str())
	case reflect.Bool:
		switch r.uint() {
		case 0:
			v.SetBool(false)
		case 1:
			v.SetBool(true)
		default:
			r.fail("malformed yes/no")
		}
	case reflect.Int, reflect.Int32, reflect.Int64:
		x := r.int()
		if v.OverflowInt(x) {
			r.fail("%d does not fit %s", x, t)
		}
		v.SetInt(x)
	case reflect.Pointer:
		if r.uint() == 0 {
			return
		}
		e := reflect.New(t.Elem())
		r.value(e.Elem(), ti.elem)
		v.Set(e)
	case reflect.Slice:
		n := r.uint()
		if n == 0 {
			return
		}
		n--
		if n > uint64(len(r.data)) { // every element takes at least a byte
			r.fail("list of %d, %d bytes left", n, len(r.data))
		}
		s := reflect.MakeSlice(t, int(n), int(n))
		for i := range int(n) {
			r.value(s.Index(i), ti.elem)
		}
		v.Set(s)
	default:
		r.fail("cannot decode %s", t)
	}
}
