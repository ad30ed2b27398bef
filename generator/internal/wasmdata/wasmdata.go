package wasmdata

import (
	"bytes"
	"errors"
	"sort"
	"strconv"
)

// Section ids of the WebAssembly binary format that this package reads or
// writes.
const (
	sectionData      = 11
	sectionDataCount = 12
)

// magic is the start of every WebAssembly module of version 1.
var magic = []byte{0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}

// Merge returns the module with the runs of at most maxGap zero bytes
// between its data segments written out, so that neighbouring segments
// become one. Every other section is copied as it is (the data count
// section, if there is one, gets the new count).
//
// It refuses a module it cannot read, or whose data section holds anything
// but active segments of memory 0 placed by an i32.const offset, in
// increasing order without overlap (what Go's linker writes); the error
// says what it found and where. Before it returns, it checks that both
// modules start with the same memory.
func Merge(module []byte, maxGap int) ([]byte, error) {
	secs, err := sections(module)
	if err != nil {
		return nil, err
	}
	var segs []segment
	for _, s := range secs {
		if s.id == sectionData {
			if segs, err = readSegments(s); err != nil {
				return nil, err
			}
		}
	}
	segs = mergeSegments(segs, maxGap)
	out := append([]byte(nil), magic...)
	for _, s := range secs {
		body := s.body
		switch s.id {
		case sectionData:
			body = writeSegments(segs)
		case sectionDataCount:
			body = appendUint(nil, uint64(len(segs)))
		}
		out = appendSection(out, s.id, body)
	}
	before, err := Memory(module)
	if err != nil {
		return nil, err
	}
	after, err := Memory(out)
	if err != nil {
		return nil, errors.New("wasmdata: the merged module cannot be read back: " + err.Error())
	}
	if !bytes.Equal(before, after) {
		return nil, errors.New("wasmdata: the merged module would start with different memory")
	}
	return out, nil
}

// Memory returns the memory a module's data segments initialise, from
// address 0 to the end of the last segment (memory beyond it, and between
// segments, starts as zeros).
func Memory(module []byte) ([]byte, error) {
	secs, err := sections(module)
	if err != nil {
		return nil, err
	}
	var mem []byte
	for _, s := range secs {
		if s.id != sectionData {
			continue
		}
		segs, err := readSegments(s)
		if err != nil {
			return nil, err
		}
		if len(segs) > 0 {
			last := segs[len(segs)-1]
			end := uint64(last.offset) + uint64(len(last.data))
			if end > maxMemory {
				return nil, errors.New("wasmdata: the data segments reach byte " + strconv.FormatUint(end, 10) + ", beyond the 256 MiB this package reads")
			}
			mem = make([]byte, end)
		}
		for _, g := range segs {
			copy(mem[g.offset:], g.data)
		}
	}
	return mem, nil
}

// maxMemory is the most initial memory Memory builds: a Go module's is a
// few megabytes.
const maxMemory = 256 << 20

// section is one section of a module: its id and its contents, which
// start at byte start of the module.
type section struct {
	id    byte
	body  []byte
	start int
}

// sections splits a module into its sections, refusing a second data or
// data count section.
func sections(module []byte) ([]section, error) {
	if !bytes.HasPrefix(module, magic) {
		return nil, errors.New("wasmdata: not a WebAssembly module of version 1")
	}
	var out []section
	var seen [2]bool // a data section, a data count section (ids 11 and 12)
	r := reader{b: module, at: len(magic)}
	for r.at < len(module) {
		at := r.at
		id := r.byte()
		size := r.uint()
		start := r.at
		body := r.bytes(size)
		if r.err != nil {
			return nil, errors.New("wasmdata: section at byte " + strconv.Itoa(at) + ": " + r.err.Error())
		}
		if id == sectionData || id == sectionDataCount {
			if seen[id-sectionData] {
				return nil, errors.New("wasmdata: a second section " + strconv.Itoa(int(id)) + " at byte " + strconv.Itoa(at) + " (a module has at most one)")
			}
			seen[id-sectionData] = true
		}
		out = append(out, section{id: id, body: body, start: start})
	}
	return out, nil
}

// segment is an active data segment of memory 0: bytes at an offset; as
// read, also its place in the section and in the module.
type segment struct {
	offset uint32
	data   []byte
	index  int
	at     int
}

// Opcodes of the only offset expression Merge reads: i32.const N, end.
const (
	opI32Const = 0x41
	opEnd      = 0x0b
)

// readSegments reads a data section written as Go's linker writes it, and
// returns its segments in order of address.
func readSegments(s section) ([]segment, error) {
	r := reader{b: s.body}
	n := r.uint()
	var out []segment
	for i := uint64(0); i < n && r.err == nil; i++ {
		at := s.start + r.at
		fail := func(what string) error {
			return errors.New("wasmdata: data segment " + strconv.FormatUint(i, 10) + " at byte " + strconv.Itoa(at) + ": " + what)
		}
		if mode := r.uint(); r.err == nil && mode != 0 {
			return nil, fail("not an active segment of memory 0 (mode " + strconv.FormatUint(mode, 10) + ")")
		}
		if op := r.byte(); r.err == nil && op != opI32Const {
			return nil, fail("its offset is not an i32.const")
		}
		off := r.int()
		if op := r.byte(); r.err == nil && op != opEnd {
			return nil, fail("its offset is not an i32.const alone")
		}
		data := r.bytes(r.uint())
		if r.err != nil {
			break
		}
		// i32.const is signed; memory addresses are its unsigned reading.
		addr := uint64(uint32(off))
		if off < -1<<31 || off >= 1<<31 {
			return nil, fail("its offset is not a 32-bit number")
		}
		if addr+uint64(len(data)) > 1<<32 {
			return nil, fail("it ends beyond 4 GiB")
		}
		out = append(out, segment{offset: uint32(addr), data: data, index: int(i), at: at})
	}
	if r.err != nil {
		return nil, errors.New("wasmdata: data section at byte " + strconv.Itoa(s.start) + ": " + r.err.Error())
	}
	if r.at != len(s.body) {
		return nil, errors.New("wasmdata: data section at byte " + strconv.Itoa(s.start) + ": bytes after its last segment")
	}
	// Go's linker writes the segments of each of its sections in order of
	// address, but not the sections (its pclntab comes after data at higher
	// addresses). Segments that do not overlap write the same memory in any
	// order.
	sort.SliceStable(out, func(i, j int) bool { return out[i].offset < out[j].offset })
	for i := 1; i < len(out); i++ {
		if prev := out[i-1]; uint64(prev.offset)+uint64(len(prev.data)) > uint64(out[i].offset) {
			return nil, errors.New("wasmdata: data segment " + strconv.Itoa(out[i].index) + " at byte " + strconv.Itoa(out[i].at) + " overlaps segment " + strconv.Itoa(prev.index))
		}
	}
	return out, nil
}

// mergeSegments joins each segment to the one before it when at most
// maxGap bytes lie between them, writing those bytes as zeros. A merged
// segment's bytes are a buffer of its own, grown by append (the module's
// bytes are never written to).
func mergeSegments(segs []segment, maxGap int) []segment {
	var out []segment
	owned := false // whether out's last segment's bytes are its own
	for _, s := range segs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			gap := int(s.offset) - int(last.offset) - len(last.data)
			if gap <= maxGap {
				if !owned {
					last.data = append([]byte(nil), last.data...)
					owned = true
				}
				last.data = append(last.data, make([]byte, gap)...)
				last.data = append(last.data, s.data...)
				continue
			}
		}
		out = append(out, s)
		owned = false
	}
	return out
}

// writeSegments writes a data section's contents.
func writeSegments(segs []segment) []byte {
	b := appendUint(nil, uint64(len(segs)))
	for _, s := range segs {
		b = append(b, 0, opI32Const)
		b = appendInt(b, int64(int32(s.offset)))
		b = append(b, opEnd)
		b = appendUint(b, uint64(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}

// appendSection appends a section: its id, size and contents.
func appendSection(b []byte, id byte, body []byte) []byte {
	b = append(b, id)
	b = appendUint(b, uint64(len(body)))
	return append(b, body...)
}

// appendUint appends x in unsigned LEB128.
func appendUint(b []byte, x uint64) []byte {
	for x >= 0x80 {
		b = append(b, byte(x)|0x80)
		x >>= 7
	}
	return append(b, byte(x))
}

// appendInt appends x in signed LEB128.
func appendInt(b []byte, x int64) []byte {
	for {
		c := byte(x & 0x7f)
		x >>= 7
		if (x == 0 && c&0x40 == 0) || (x == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// reader reads a module's bytes; its first error sticks, and every read
// after it gives zero.
type reader struct {
	b   []byte
	at  int
	err error
}

var errShort = errors.New("the module ends in the middle of it")

// byte reads one byte.
func (r *reader) byte() byte {
	if r.err != nil || r.at >= len(r.b) {
		r.err = errShort
		return 0
	}
	c := r.b[r.at]
	r.at++
	return c
}

// uint reads an unsigned LEB128 number of at most 32 bits, as the format's
// sizes and counts are.
func (r *reader) uint() uint64 {
	var x uint64
	for shift := 0; ; shift += 7 {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		if shift == 28 && c > 0x0f {
			r.err = errors.New("a number longer than 32 bits")
			return 0
		}
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
}

// int reads a signed LEB128 number of at most 64 bits.
func (r *reader) int() int64 {
	var x int64
	for shift := 0; ; shift += 7 {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		if shift == 63 && c != 0 && c != 0x7f {
			r.err = errors.New("a number longer than 64 bits")
			return 0
		}
		x |= int64(c&0x7f) << shift
		if c < 0x80 {
			if shift < 57 && c&0x40 != 0 {
				x |= -1 << (shift + 7)
			}
			return x
		}
	}
}

// bytes reads n bytes.
func (r *reader) bytes(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)-r.at) {
		r.err = errShort
		return nil
	}
	b := r.b[r.at : r.at+int(n)]
	r.at += int(n)
	return b
}
