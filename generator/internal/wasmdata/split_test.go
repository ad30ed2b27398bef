package wasmdata

import (
	"bytes"
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
			if len(secs) != tt.other {
				t.Errorf("%d sections, want %d", len(secs), tt.other)
			}
			for _, s := range secs {
				if s.id == sectionData || s.id == sectionDataCount {
					t.Errorf("the code keeps section %d", s.id)
				}
			}
			want, _ := Memory(tt.in)
			got, err := ImageMemory(image)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("the image writes %v (%v), want %v", got, err, want)
			}
		})
	}
}

// TestImageLayout pins the image's format, which site/calculator.js and
// cmd/calculator/testdata/node.cjs read: address, length, bytes, in order.
func TestImageLayout(t *testing.T) {
	_, image, err := Split(module(data(segment{offset: 300, data: []byte{7}}, segment{offset: 2, data: []byte{5, 6}})))
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{2, 0, 0, 0, 2, 0, 0, 0, 5, 6, 44, 1, 0, 0, 1, 0, 0, 0, 7}
	if !bytes.Equal(image, want) {
		t.Fatalf("image %v, want %v", image, want)
	}
}

func TestImageRefuses(t *testing.T) {
	seg := func(addr, n uint32, data ...byte) []byte {
		b := binary.LittleEndian.AppendUint32(nil, addr)
		return append(binary.LittleEndian.AppendUint32(b, n), data...)
	}
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"cut short", seg(0, 1, 9)[:5], "segment at byte 0: cut short"},
		{"longer than the image", seg(0, 3, 1, 2), "3 bytes, more than the image holds"},
		{"overlap", append(seg(0, 2, 1, 2), seg(1, 1, 3)...), "segment at byte 10: at address 1, before the end of the one before it"},
		{"out of order", append(seg(10, 1, 1), seg(0, 1, 3)...), "at address 0, before the end"},
		{"too much memory", seg(1<<30, 1, 1), "beyond the 256 MiB"},
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
