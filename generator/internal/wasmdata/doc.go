// Package wasmdata rewrites the data section of a WebAssembly module so
// that it compresses well, and cuts it out of the module.
//
// Go's linker writes a module's initial memory as one active data segment
// per stretch of bytes between runs of eight or more zeros, which makes
// the file smallest before compression: the calculator's module has about
// 57,000 segments. Each segment starts with its own offset and length,
// numbers that differ from segment to segment, and gzip cannot compress
// them well: the headers alone cost about 95 KB of the gzipped module.
// Merge writes the same memory as a few segments, putting the short runs
// of zeros back, which makes the file about half a megabyte larger raw and
// about a tenth smaller gzipped — the form a browser downloads.
//
// The rewrite changes nothing a program can see: memory starts zeroed, so
// a run of zeros written by a segment is the memory it would have been
// anyway, and Merge checks that the memory both modules start with is the
// same byte for byte before it returns.
//
// Split then cuts the memory out of the module, as an image a page fetches
// beside it and writes into the instance's memory before the program runs:
// a browser compiles a module as it streams in, and can finish only with
// its last byte, which the data section, at the end, had held back by
// about 25 ms on a first visit.
//
// Used by generator/cli.
package wasmdata
