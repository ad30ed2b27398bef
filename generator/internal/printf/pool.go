//go:build !(js && wasm)

package printf

import "sync"

// printers are reused, with their buffers, as fmt reuses its own: a
// message costs the allocation of its string.
var printers = sync.Pool{New: func() any { return new(printer) }}

func newPrinter() *printer {
	p := printers.Get().(*printer)
	p.erroring, p.panicking = false, false
	return p
}

func putPrinter(p *printer) { printers.Put(p) }
