package wasmdata

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name  string
		in    []byte
		other int // sections other than data and data count
	}{
		{"no data section", module(other), 1},
		{"one segment", module(data(segment{offset: 16, data: []byte{1, 2, 3}})), 0},
		{"out of order, among others", module(other, data(segment{offset: 100, data: []byte{1}}, segment{offset: 0, data: []byte{2}}), other), 2},
		{"with a data count", module(section{id: sectionDataCount, body: []byte{2}}, data(segment{offset: 0, data: []byte{1}}, segment{offset: 9, data: []byte{2}})), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, image, err := Split(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			secs, err := sections(code)
			if err != nil {
				t.Fatal(err)
			}
			if len(secs) != tt.other+1 {
				t.Errorf("%d sections, want %d and the image's", len(secs), tt.other)
			}
			for _, s := range secs {
				if s.id == sectionData || s.id == sectionDataCount {
					t.Errorf("the code keeps section %d", s.id)
				}
			}
			if sum := imageSum(t, code); !bytes.Equal(sum, image[:sha256.Size]) {
				t.Errorf("the code's %s section holds %x, the image starts %x", ImageSection, sum, image[:sha256.Size])
			}
			want, _ := Memory(tt.in)
			got, err := ImageMemory(image)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("the image writes %v (%v), want %v", got, err, want)
			}
		})
	}
}

// imageSum returns the contents of the code's ImageSection, the last
// section Split writes.
func imageSum(t *testing.T, code []byte) []byte {
	t.Helper()
	secs, err := sections(code)
	if err != nil {
		t.Fatal(err)
	}
	last := secs[len(secs)-1]
	r := reader{b: last.body}
	name := string(r.bytes(r.uint()))
	if last.id != sectionCustom || name != ImageSection || r.err != nil {
		t.Fatalf("the last section is %d %q, want the custom section %q", last.id, name, ImageSection)
	}
	return last.body[r.at:]
}

// TestImageLayout pins the image's format, which site/calculator.js and
// cmd/calculator/testdata/node.cjs read: the SHA-256 of the rest, then
// address, length, bytes, in order.
func TestImageLayout(t *testing.T) {
	_, image, err := Split(module(data(segment{offset: 300, data: []byte{7}}, segment{offset: 2, data: []byte{5, 6}})))
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{2, 0, 0, 0, 2, 0, 0, 0, 5, 6, 44, 1, 0, 0, 1, 0, 0, 0, 7}
	sum := sha256.Sum256(want)
	if !bytes.Equal(image, append(sum[:], want...)) {
		t.Fatalf("image %v, want %v after its SHA-256", image, want)
	}
}

func TestImageRefuses(t *testing.T) {
	seg := func(addr, n uint32, data ...byte) []byte {
		b := binary.LittleEndian.AppendUint32(nil, addr)
		return append(binary.LittleEndian.AppendUint32(b, n), data...)
	}
	signed := func(b []byte) []byte { sum := sha256.Sum256(b); return append(sum[:], b...) }
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"no digest", []byte{1, 2, 3}, "an image of 3 bytes: shorter than its SHA-256"},
		{"another digest", append(make([]byte, 32), seg(0, 1, 9)...), "not the SHA-256 of the rest"},
		{"cut short", signed(seg(0, 1, 9)[:5]), "segment at byte 32: cut short"},
		{"longer than the image", signed(seg(0, 3, 1, 2)), "3 bytes, more than the image holds"},
		{"overlap", signed(append(seg(0, 2, 1, 2), seg(1, 1, 3)...)), "segment at byte 42: at address 1, before the end of the one before it"},
		{"out of order", signed(append(seg(10, 1, 1), seg(0, 1, 3)...)), "at address 0, before the end"},
		{"too much memory", signed(seg(1<<30, 1, 1)), "beyond the 256 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ImageMemory(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ImageMemory: %v, want an error saying %q", err, tt.want)
			}
		})
	}
}
