//go:build js && wasm

package printf

import "sync/atomic"

// cached is the printer kept, with its buffer, for the next call. The
// browser runs WebAssembly on one thread, so one printer serves every call
// but a nested one (a String method that formats, which makes its own):
// sync.Pool, which fmt and the native build use, would bring some 12 KB of
// per-processor caches into the calculator.
var cached atomic.Pointer[printer]

func newPrinter() *printer {
	p := cached.Swap(nil)
	if p == nil {
		p = new(printer)
	}
	p.erroring, p.panicking = false, false
	return p
}

func putPrinter(p *printer) { cached.Store(p) }
