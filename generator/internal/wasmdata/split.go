package wasmdata

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"strconv"
)

// Split returns the module without its initial memory (no data section,
// and no data count section), and that memory as an image: the SHA-256 of
// the rest of the image (32 bytes), then each of the module's data
// segments, in order of address, as its address and its length (4 bytes
// each, little-endian) followed by its bytes. Every other section is
// copied as it is, and the code gets a custom section, ImageSection, that
// holds the same 32 bytes: a page compares the two before it writes the
// image, so that a module and an image of different builds (one of them
// cached, say) are refused rather than run.
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
	var segments []byte
	for _, s := range secs {
		switch s.id {
		case sectionData:
			segs, err := readSegments(s)
			if err != nil {
				return nil, nil, err
			}
			for _, g := range segs {
				segments = binary.LittleEndian.AppendUint32(segments, g.offset)
				segments = binary.LittleEndian.AppendUint32(segments, uint32(len(g.data)))
				segments = append(segments, g.data...)
			}
		case sectionDataCount:
		default:
			code = appendSection(code, s.id, s.body)
		}
	}
	sum := sha256.Sum256(segments)
	image = append(sum[:], segments...)
	custom := appendUint(nil, uint64(len(ImageSection)))
	custom = append(append(custom, ImageSection...), sum[:]...)
	code = appendSection(code, sectionCustom, custom)
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

// ImageSection is the name of the custom section in which Split leaves,
// in the module, the SHA-256 that starts its image.
const ImageSection = "handbook.memory"

// sectionCustom is the id of a custom section.
const sectionCustom = 0

// ImageMemory returns the memory an image of Split writes, from address 0
// to the end of its last segment, as Memory does for a module. It refuses
// an image whose SHA-256 is not its first 32 bytes, an image cut short,
// segments out of order or overlapping, and memory beyond 256 MiB.
func ImageMemory(image []byte) ([]byte, error) {
	if len(image) < sha256.Size {
		return nil, errors.New("wasmdata: an image of " + strconv.Itoa(len(image)) + " bytes: shorter than its SHA-256")
	}
	if sum := sha256.Sum256(image[sha256.Size:]); !bytes.Equal(sum[:], image[:sha256.Size]) {
		return nil, errors.New("wasmdata: the image's first 32 bytes are not the SHA-256 of the rest")
	}
	var mem []byte
	end := uint64(0)
	for at := sha256.Size; at < len(image); {
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
