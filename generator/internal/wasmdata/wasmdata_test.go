package wasmdata

import (
	"bytes"
	"strings"
	"testing"
)

// module builds a module of the given sections (id, contents).
func module(secs ...section) []byte {
	b := append([]byte(nil), magic...)
	for _, s := range secs {
		b = appendSection(b, s.id, s.body)
	}
	return b
}

// data is a data section of the segments.
func data(segs ...segment) section {
	return section{id: sectionData, body: writeSegments(segs)}
}

// other is a section Merge copies as it is (a custom section).
var other = section{id: 0, body: []byte("\x04name\x01\x02")}

func TestMerge(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		maxGap   int
		segments int
	}{
		{"no data section", module(other), 8, 0},
		{"one segment", module(data(segment{offset: 16, data: []byte{1, 2, 3}})), 8, 1},
		{"gap within", module(data(segment{offset: 16, data: []byte{1}}, segment{offset: 25, data: []byte{2}})), 8, 1},
		{"gap just beyond", module(data(segment{offset: 16, data: []byte{1}}, segment{offset: 26, data: []byte{2}})), 8, 2},
		{"out of order", module(data(segment{offset: 100, data: []byte{1}}, segment{offset: 0, data: []byte{2}}, segment{offset: 50, data: []byte{3}})), 8, 3},
		{"out of order, merged", module(data(segment{offset: 100, data: []byte{1}}, segment{offset: 0, data: []byte{2}}, segment{offset: 50, data: []byte{3}})), 64, 1},
		{"touching", module(data(segment{offset: 16, data: []byte{1}}, segment{offset: 17, data: []byte{2}})), 0, 1},
		{"three into two", module(other, data(segment{offset: 0, data: []byte{1}}, segment{offset: 4, data: []byte{2}}, segment{offset: 1000, data: []byte{3}}), other), 64, 2},
		{"offsets of several bytes", module(data(segment{offset: 1<<20 + 5, data: []byte{9}}, segment{offset: 1<<20 + 9, data: []byte{8}})), 8, 1},
		{"with a data count", module(section{id: sectionDataCount, body: []byte{3}}, data(segment{offset: 0, data: []byte{1}}, segment{offset: 2, data: []byte{2}}, segment{offset: 4, data: []byte{3}})), 8, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Merge(tt.in, tt.maxGap)
			if err != nil {
				t.Fatal(err)
			}
			secs, err := sections(out)
			if err != nil {
				t.Fatal(err)
			}
			inSecs, _ := sections(tt.in)
			if len(secs) != len(inSecs) {
				t.Fatalf("%d sections, want %d", len(secs), len(inSecs))
			}
			for i, s := range secs {
				if s.id != inSecs[i].id {
					t.Errorf("section %d is %d, want %d", i, s.id, inSecs[i].id)
				}
				switch s.id {
				case sectionData:
					segs, err := readSegments(s)
					if err != nil {
						t.Fatal(err)
					}
					if len(segs) != tt.segments {
						t.Errorf("%d segments, want %d", len(segs), tt.segments)
					}
				case sectionDataCount:
					if r := (reader{b: s.body}); r.uint() != uint64(tt.segments) {
						t.Errorf("data count %v, want %d", s.body, tt.segments)
					}
				default:
					if !bytes.Equal(s.body, inSecs[i].body) {
						t.Errorf("section %d changed", i)
					}
				}
			}
		})
	}
}

func TestMemory(t *testing.T) {
	m := module(data(segment{offset: 2, data: []byte{1, 2}}, segment{offset: 6, data: []byte{3}}))
	mem, err := Memory(m)
	if err != nil {
		t.Fatal(err)
	}
	if want := []byte{0, 0, 1, 2, 0, 0, 3}; !bytes.Equal(mem, want) {
		t.Fatalf("Memory = %v, want %v", mem, want)
	}
}

func TestRefuses(t *testing.T) {
	seg := func(mode byte, expr ...byte) section {
		body := []byte{1, mode}
		body = append(body, expr...)
		return section{id: sectionData, body: append(body, 1, 7)}
	}
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"not wasm", []byte("\x7fELF"), "not a WebAssembly module"},
		{"cut short", module(data(segment{offset: 0, data: []byte{1, 2, 3}}))[:20], "ends in the middle"},
		{"passive", module(section{id: sectionData, body: []byte{1, 1, 1, 7}}), "not an active segment of memory 0 (mode 1)"},
		{"global offset", module(seg(0, 0x23, 0, opEnd)), "offset is not an i32.const"},
		{"offset expression", module(seg(0, opI32Const, 0, opI32Const)), "offset is not an i32.const alone"},
		{"overlap", module(data(segment{offset: 0, data: []byte{1, 2}}, segment{offset: 1, data: []byte{3}})), "data segment 1 at byte 18 overlaps segment 0"},
		{"overlap out of order", module(data(segment{offset: 10, data: []byte{1}}, segment{offset: 9, data: []byte{3, 4}})), "data segment 0 at byte 11 overlaps segment 1"},
		{"trailing bytes", module(section{id: sectionData, body: append(writeSegments([]segment{{offset: 0, data: []byte{1}}}), 0)}), "bytes after its last segment"},
		{"too much memory", module(data(segment{offset: 1 << 30, data: []byte{1}})), "beyond the 256 MiB"},
		{"two data sections", module(data(segment{offset: 0, data: []byte{1}}), data(segment{offset: 0, data: []byte{2}})), "a second section 11 at byte 17"},
		{"long number", module(section{id: sectionData, body: []byte{0xff, 0xff, 0xff, 0xff, 0x7f}}), "longer than 32 bits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Merge(tt.in, 8)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Merge: %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

// FuzzMerge: whatever the bytes, Merge does not panic, and what it returns
// starts with the memory the input starts with; so does the image Split
// cuts from it.
func FuzzMerge(f *testing.F) {
	f.Add(module(data(segment{offset: 0, data: []byte{1}}, segment{offset: 4, data: []byte{2}})), 8)
	f.Add(module(other, section{id: sectionDataCount, body: []byte{2}}, data(segment{offset: 3, data: []byte{1, 0, 1}}, segment{offset: 100, data: []byte{2}})), 64)
	f.Fuzz(func(t *testing.T, in []byte, maxGap int) {
		maxGap %= 1 << 16
		out, err := Merge(in, maxGap)
		if err != nil {
			return
		}
		a, err1 := Memory(in)
		b, err2 := Memory(out)
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Fatalf("memory changed: %v %v", err1, err2)
		}
		_, image, err := Split(out)
		if err != nil {
			t.Fatalf("Split refuses what Merge wrote: %v", err)
		}
		if c, err := ImageMemory(image); err != nil || !bytes.Equal(a, c) {
			t.Fatalf("the image writes other memory: %v", err)
		}
	})
}

// BenchmarkMerge merges a module shaped like the calculator's: 57,000
// short segments with runs of 8 to 40 zeros between them (the calculator's
// own module, 4 MB, takes about as long).
func BenchmarkMerge(b *testing.B) {
	var segs []segment
	at := uint32(4096)
	for i := range 57000 {
		data := bytes.Repeat([]byte{byte(i%255 + 1)}, 8+i%24)
		segs = append(segs, segment{offset: at, data: data})
		at += uint32(len(data) + 8 + i%33)
	}
	m := module(other, data(segs...))
	b.SetBytes(int64(len(m)))
	for b.Loop() {
		if _, err := Merge(m, 512); err != nil {
			b.Fatal(err)
		}
	}
}
