package wasmdata

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strconv"
)

// Split returns the module without its initial memory (no data section,
// and no data count section), and that memory as an image: each of the
// module's data segments, in order of address, as its address and its
// length (4 bytes each, little-endian) followed by its bytes. Every other
// section is copied as it is.
//
// A page fetches the two at once and writes the image into the instance's
// memory before it runs the program (site/calculator.js): a browser
// compiles a module as it downloads and cannot finish before its last
// byte, and the data section is the end of the module.
//
// It refuses what Merge refuses. Before it returns, it checks that the
// image writes the memory the module's segments would.
func Split(module []byte) (code, image []byte, err error) {
	secs, err := sections(module)
	if err != nil {
		return nil, nil, err
	}
	code = append([]byte(nil), magic...)
	for _, s := range secs {
		switch s.id {
		case sectionData:
			segs, err := readSegments(s)
			if err != nil {
				return nil, nil, err
			}
			for _, g := range segs {
				image = binary.LittleEndian.AppendUint32(image, g.offset)
				image = binary.LittleEndian.AppendUint32(image, uint32(len(g.data)))
				image = append(image, g.data...)
			}
		case sectionDataCount:
		default:
			code = appendSection(code, s.id, s.body)
		}
	}
	want, err := Memory(module)
	if err != nil {
		return nil, nil, err
	}
	got, err := ImageMemory(image)
	if err != nil {
		return nil, nil, errors.New("wasmdata: the image cannot be read back: " + err.Error())
	}
	if !bytes.Equal(got, want) {
		return nil, nil, errors.New("wasmdata: the image would write different memory")
	}
	return code, image, nil
}

// ImageMemory returns the memory an image of Split writes, from address 0
// to the end of its last segment, as Memory does for a module. It refuses
// an image cut short, segments out of order or overlapping, and memory
// beyond 256 MiB.
func ImageMemory(image []byte) ([]byte, error) {
	var mem []byte
	end := uint64(0)
	for at := 0; at < len(image); {
		if len(image)-at < 8 {
			return nil, errors.New("wasmdata: image segment at byte " + strconv.Itoa(at) + ": cut short")
		}
		addr := uint64(binary.LittleEndian.Uint32(image[at:]))
		n := uint64(binary.LittleEndian.Uint32(image[at+4:]))
		if n > uint64(len(image)-at-8) {
			return nil, errors.New("wasmdata: image segment at byte " + strconv.Itoa(at) + ": " + strconv.FormatUint(n, 10) + " bytes, more than the image holds")
		}
		if addr < end {
			return nil, errors.New("wasmdata: image segment at byte " + strconv.Itoa(at) + ": at address " + strconv.FormatUint(addr, 10) + ", before the end of the one before it")
		}
		if end = addr + n; end > maxMemory {
			return nil, errors.New("wasmdata: image segment at byte " + strconv.Itoa(at) + " reaches byte " + strconv.FormatUint(end, 10) + ", beyond the 256 MiB this package reads")
		}
		mem = append(mem, make([]byte, int(end)-len(mem))...)
		copy(mem[addr:], image[at+8:at+8+int(n)])
		at += 8 + int(n)
	}
	return mem, nil
}
