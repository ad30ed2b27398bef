package bundle

// The reflective codec this package had before its code was generated
// (generator/bundle/internal/gen), kept as the reference the generated
// codec is compared with.

import (
	"bytes"
	"encoding"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

// Encode writes the policies of h (their sources: Compile's links are not
// stored) as a bundle.
func reflectEncode(h *policy.Handbook) []byte {
	var b bytes.Buffer
	b.WriteString(magic)
	w := &rwriter{&b}
	w.uint(Version)
	w.uint(reflectFingerprint())
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

// DecodePolicies reads a bundle's policies as their files wrote them, not
// yet compiled.
func reflectDecodePolicies(data []byte) (ps []source.Doc, err error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("bundle: not a handbook bundle")
	}
	r := &rreader{data: data[len(magic):]}
	defer func() {
		if e := recover(); e != nil {
			be, ok := e.(rbundleError)
			if !ok {
				panic(e)
			}
			ps, err = nil, be
		}
	}()
	if v := r.uint(); v != Version {
		return nil, fmt.Errorf("bundle: format version %d, this program reads %d", v, Version)
	}
	if f := r.uint(); f != reflectFingerprint() {
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
	rtextMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	rtextUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	rtimeType        = reflect.TypeFor[time.Time]()
)

// fields returns the indexes of the fields of struct type t that a bundle
// stores: the exported fields the TOML decodes into.
func rfields(t reflect.Type) []int {
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
func rtext(t reflect.Type) bool {
	return t != rtimeType && t.Implements(rtextMarshaler) && reflect.PointerTo(t).Implements(rtextUnmarshaler)
}

// Fingerprint is a hash of the policy model: every source field's name and
// type, of every policy kind.
func reflectFingerprint() uint64 {
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
		case t == rtimeType, rtext(t):
			return
		}
		switch t.Kind() {
		case reflect.Struct:
			for _, i := range rfields(t) {
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
type rwriter struct{ b *bytes.Buffer }

func (w *rwriter) uint(x uint64) { w.b.Write(binary.AppendUvarint(nil, x)) }
func (w *rwriter) int(x int64)   { w.b.Write(binary.AppendVarint(nil, x)) }
func (w *rwriter) str(s string)  { w.uint(uint64(len(s))); w.b.WriteString(s) }

func (w *rwriter) value(v reflect.Value) {
	t := v.Type()
	switch {
	case t == rtimeType:
		tm := v.Interface().(time.Time)
		w.str(tm.Format(time.DateOnly))
		return
	case rtext(t):
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			panic(fmt.Sprintf("bundle: %s: %v", t, err)) // a decimal always has a text
		}
		w.str(string(b))
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		for _, i := range rfields(t) {
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

// rbundleError is a malformed bundle, raised inside the reader.
type rbundleError string

func (e rbundleError) Error() string { return string(e) }

// reader consumes encoded values; a malformed bundle panics with a
// rbundleError, which DecodePolicies returns.
type rreader struct {
	data  []byte
	types map[reflect.Type]*rtypeInfo // what value has learnt of each type
}

// rtypeInfo is how values of a type are read: as a date, as text, or by
// kind (a struct by its stored fields, each with its own rtypeInfo; a list
// or pointer by its element's). Built once per type and bundle: asking
// reflect, or even a map, for each value had been most of the time the
// browser's calculator took to read its bundle.
type rtypeInfo struct {
	t          reflect.Type
	date, text bool
	fields     []int
	sub        []*rtypeInfo // of each stored field, in the order of fields
	elem       *rtypeInfo   // of a list's or pointer's element
}

func (r *rreader) info(t reflect.Type) *rtypeInfo {
	if ti, ok := r.types[t]; ok {
		return ti
	}
	ti := &rtypeInfo{t: t, date: t == rtimeType, text: rtext(t)}
	if r.types == nil {
		r.types = map[reflect.Type]*rtypeInfo{}
	}
	r.types[t] = ti // before its parts: a type may contain itself
	if ti.date || ti.text {
		return ti
	}
	switch t.Kind() {
	case reflect.Struct:
		ti.fields = rfields(t)
		for _, i := range ti.fields {
			ti.sub = append(ti.sub, r.info(t.Field(i).Type))
		}
	case reflect.Pointer, reflect.Slice:
		ti.elem = r.info(t.Elem())
	}
	return ti
}

func (r *rreader) fail(format string, args ...any) {
	panic(rbundleError("bundle: " + fmt.Sprintf(format, args...)))
}

func (r *rreader) uint() uint64 {
	x, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.fail("truncated or malformed number")
	}
	r.data = r.data[n:]
	return x
}

func (r *rreader) int() int64 {
	x, n := binary.Varint(r.data)
	if n <= 0 {
		r.fail("truncated or malformed number")
	}
	r.data = r.data[n:]
	return x
}

func (r *rreader) str() string {
	n := r.uint()
	if n > uint64(len(r.data)) {
		r.fail("string of %d bytes, %d left", n, len(r.data))
	}
	s := string(r.data[:n])
	r.data = r.data[n:]
	return s
}

func (r *rreader) value(v reflect.Value, ti *rtypeInfo) {
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

// TestSameAsTheReflectiveCodec: the generated codec writes, byte for byte,
// the bundles the reflective one wrote (of the shipped handbook and of the
// fixture), with the same fingerprint; it reads them back into the same
// policies; and whatever corrupted bundle it accepts, the reflective one
// accepted too, reading the same policies.
func TestSameAsTheReflectiveCodec(t *testing.T) {
	if Fingerprint() != reflectFingerprint() {
		t.Fatalf("fingerprint %#x, the reflective codec's %#x", Fingerprint(), reflectFingerprint())
	}
	shipped, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	for name, h := range map[string]*policy.Handbook{"shipped": shipped, "fixture": fixture.Handbook(t)} {
		data := Encode(h)
		if want := reflectEncode(h); !bytes.Equal(data, want) {
			i := 0
			for i < len(data) && i < len(want) && data[i] == want[i] {
				i++
			}
			t.Fatalf("%s: %d bytes, the reflective encoder's %d; they differ from byte %d", name, len(data), len(want), i)
		}
		got, err := DecodePolicies(data)
		if err != nil {
			t.Fatal(err)
		}
		want, err := reflectDecodePolicies(data)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the policies read differ from the reflective decoder's", name)
		}
		t.Logf("%s: %d policies, %d bytes, the same", name, len(got), len(data))
	}
	// Corruptions of the fixture's bundle: bytes changed in a few ways, at
	// 1000 places.
	data := Encode(fixture.Handbook(t))
	rng := rand.New(rand.NewPCG(1, 2))
	accepted := 0
	for range 1000 {
		i := rng.IntN(len(data))
		for _, b := range []byte{data[i] ^ 1, data[i] ^ 0x80, 0, 0xff, byte(rng.Uint32())} {
			bad := bytes.Clone(data)
			bad[i] = b
			got, err := DecodePolicies(bad)
			if err != nil {
				continue
			}
			accepted++
			want, werr := reflectDecodePolicies(bad)
			if werr != nil {
				t.Fatalf("byte %d set to %#x: accepted, refused by the reflective decoder: %v", i, b, werr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("byte %d set to %#x: read otherwise than by the reflective decoder", i, b)
			}
		}
	}
	t.Logf("%d corruptions of %d bytes accepted, all as the reflective decoder read them", accepted, len(data))
}
