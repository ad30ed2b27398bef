package bundle

import (
	"errors"
	"strconv"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/compile"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/source"
)

//go:generate go run ./internal/gen/write

// Version is the format version this package writes and reads.
const Version = 1

const magic = "KFHB"

// Encode writes the policies of h (their sources: Compile's links are not
// stored) as a bundle.
func Encode(h *policy.Handbook) []byte {
	w := &writer{b: []byte(magic)}
	w.uint(Version)
	w.uint(Fingerprint())
	all := h.All()
	w.uint(uint64(len(all)))
	for _, p := range all {
		hd := p.Head()
		w.str(string(hd.Kind))
		w.str(hd.File)
		if !w.policy(p.Written()) {
			panic("bundle: cannot encode a " + string(hd.Kind) + ": its type is not of the model (go generate ./generator/bundle)")
		}
	}
	return w.b
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
func DecodePolicies(data []byte) ([]source.Doc, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, errors.New("bundle: not a handbook bundle")
	}
	r := &reader{data: data[len(magic):]}
	if v := r.uint(); r.err == nil && v != Version {
		return nil, errors.New("bundle: format version " + utoa(v) + ", this program reads " + strconv.Itoa(Version))
	}
	if f := r.uint(); r.err == nil && f != Fingerprint() {
		return nil, errors.New("bundle: written by a program with another policy model; rebuild the bundle")
	}
	// Strings are cut from one copy of the rest of the bundle rather than
	// copied one by one: most of a bundle is text.
	r.text0 = string(r.data)
	n := r.uint()
	if n > uint64(len(r.data)) {
		r.fail("policy count " + utoa(n) + " is more than the bundle can hold")
	}
	var ps []source.Doc
	if r.err == nil {
		ps = make([]source.Doc, 0, n)
	}
	for i := uint64(0); i < n && r.err == nil; i++ {
		kind := source.Kind(r.str())
		file := r.str()
		p := source.Empty(kind)
		if p == nil {
			r.fail("unknown policy kind " + strconv.Quote(string(kind)))
			break
		}
		r.value(p)
		ps = append(ps, source.Doc{Kind: kind, File: file, Policy: p})
	}
	if r.err == nil && len(r.data) > 0 {
		r.fail(strconv.Itoa(len(r.data)) + " bytes after the last policy")
	}
	if r.err != nil {
		return nil, r.err
	}
	return ps, nil
}

// Fingerprint is a hash of the policy model: every source field's name and
// type, of every policy kind. The generator computes it with the code it
// generates, so that regenerating after a change of the model changes it.
func Fingerprint() uint64 { return fingerprint }

// writer appends encoded values to b. The functions that encode each type
// of the model are generated (codec_gen.go).
type writer struct{ b []byte }

func (w *writer) uint(x uint64) {
	for x >= 0x80 {
		w.b = append(w.b, byte(x)|0x80)
		x >>= 7
	}
	w.b = append(w.b, byte(x))
}

// int writes x zig-zag encoded, as encoding/binary's AppendVarint.
func (w *writer) int(x int64) {
	ux := uint64(x) << 1
	if x < 0 {
		ux = ^ux
	}
	w.uint(ux)
}

func (w *writer) str(s string) {
	w.uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *writer) bool(b bool) {
	if b {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

func (w *writer) date(d civil.Date) { w.str(d.String()) }

// text writes what a MarshalText returned.
func (w *writer) text(b []byte, err error) {
	if err != nil {
		panic("bundle: " + err.Error()) // a decimal always has a text
	}
	w.uint(uint64(len(b)))
	w.b = append(w.b, b...)
}

// reader consumes encoded values. Its first error sticks: every read after
// it gives a zero value (so every list is empty and every loop ends), and
// DecodePolicies returns it. The functions that decode each type of the
// model are generated (codec_gen.go).
type reader struct {
	data []byte
	// text0 is the text of what data was when the policies began; data
	// is always a suffix of it, so a string read is a substring of it.
	text0 string
	last  []byte // the bytes of the last text read, for its error
	err   error
}

func (r *reader) fail(msg string) {
	if r.err == nil {
		r.err = errors.New("bundle: " + msg)
	}
	r.data = nil
}

// uint reads a varint as encoding/binary's Uvarint does, and refuses one
// written in more bytes than it takes, which no writer writes.
func (r *reader) uint() uint64 {
	var x uint64
	var s uint
	for i, b := range r.data {
		if i == 10 || i == 9 && b > 1 {
			break // overflows 64 bits
		}
		if b < 0x80 {
			if b == 0 && i > 0 {
				break // a longer form than needed
			}
			r.data = r.data[i+1:]
			return x | uint64(b)<<s
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	r.fail("truncated or malformed number")
	return 0
}

// int reads a zig-zag encoded integer that must fit bits bits (of Go type
// t, as errors name it).
func (r *reader) int(bits int, t string) int64 {
	ux := r.uint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	if bits < 64 && (x < -1<<(bits-1) || x >= 1<<(bits-1)) {
		r.fail(strconv.FormatInt(x, 10) + " does not fit " + t)
		return 0
	}
	return x
}

// size reads a length and checks that the bundle has as many bytes left.
func (r *reader) size(what string) int {
	n := r.uint()
	if n > uint64(len(r.data)) {
		r.fail(what + " of " + utoa(n) + ", " + strconv.Itoa(len(r.data)) + " bytes left")
		return 0
	}
	return int(n)
}

func (r *reader) str() string {
	n := r.size("string")
	at := len(r.text0) - len(r.data)
	r.data = r.data[n:]
	return r.text0[at : at+n]
}

// bytes reads a text without copying it, for an UnmarshalText (which
// must copy what it keeps).
func (r *reader) bytes() []byte {
	n := r.size("string")
	r.last = r.data[:n:n]
	r.data = r.data[n:]
	return r.last
}

// text records the error of an UnmarshalText of the text last read, a
// value of Go type t.
func (r *reader) text(t string, err error) {
	if err != nil {
		r.fail(t + " " + strconv.Quote(string(r.last)) + ": " + err.Error())
	}
}

func (r *reader) bool() bool {
	switch r.uint() {
	case 0:
		return false
	case 1:
		return true
	}
	r.fail("malformed yes/no")
	return false
}

func (r *reader) date() civil.Date {
	s := r.str()
	if r.err != nil {
		return civil.Date{}
	}
	d, err := civil.Parse(s)
	if err != nil {
		r.fail(err.Error()) // date "…": not a day written YYYY-MM-DD
	}
	return d
}

// utoa writes n in decimal for a message, by strconv.AppendUint, which the
// calculator links already (strconv.FormatUint it would link for these
// messages alone).
func utoa(n uint64) string { return string(strconv.AppendUint(nil, n, 10)) }

// present reads whether a pointer is set.
func (r *reader) present() bool {
	switch r.uint() {
	case 0:
		return false
	case 1:
		return true
	}
	r.fail("malformed pointer mark")
	return false
}

// list reads the length of a list, false for a nil list. Every element
// takes at least a byte: a length the bundle cannot hold is refused before
// the list is made.
func (r *reader) list() (int, bool) {
	n := r.uint()
	if n == 0 {
		return 0, false
	}
	n--
	if n > uint64(len(r.data)) {
		r.fail("list of " + utoa(n) + ", " + strconv.Itoa(len(r.data)) + " bytes left")
		return 0, false
	}
	return int(n), true
}

// values reads the values ps point to, in order (see value).
func (r *reader) values(ps ...any) {
	for _, p := range ps {
		r.value(p)
	}
}
