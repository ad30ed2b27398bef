// Package printf formats text as fmt.Sprintf does, without fmt: fmt brings
// reflect and os into the browser calculator's WebAssembly, and the
// packages it links (generator/diag, formula, source, policy, compile,
// engine, explain, inputs, report) format with this package instead.
//
// It implements the part of fmt's format language those packages and the
// message catalogs (diag.Catalog) use, byte for byte as fmt does:
//
//   - the verbs %v, %s, %q, %d, %f and %t, and %%;
//   - the flags - and 0, a width, a precision (also as *), and explicit
//     argument indexes such as %[2]s and %.1[3]f;
//   - arguments of the types string, bool, the int and uint kinds,
//     float64 and []string, nil, and values with an Error or String method
//     (%v, %s and %q call them, error first, as fmt does).
//
// What fmt reports in the output, this package reports alike: a verb that
// does not suit a basic type (%!d(string=x)), a missing argument
// (%!d(MISSING)), a bad index (%!d(BADINDEX)), extra arguments
// (%!(EXTRA int=1)). What fmt would format and this package cannot — a type
// it does not know, which fmt prints through reflect; another verb or flag
// — is written %!v(UNSUPPORTED) and never formatted silently otherwise:
// the package's tests compare it with fmt on every verb and type it
// supports and on every message format of the catalogs, and check, from
// the sources, that every call in the module passes arguments of types it
// supports.
//
// Vet checks calls to Sprintf, Fprintf and Appendf, and to the wrappers it
// infers (diag.Catalog.Sprintf and the rest), when it is told they are
// printf-like: it infers wrappers of fmt only, so it needs
//
//	go vet -printf.funcs=github.com/kefu-hr/handbook/generator/internal/printf.Sprintf,github.com/kefu-hr/handbook/generator/internal/printf.Fprintf,github.com/kefu-hr/handbook/generator/internal/printf.Appendf ./...
//
// Used by generator/compile, generator/diag, generator/engine,
// generator/explain, generator/formula, generator/inputs,
// generator/internal/msgcheck, generator/policy, generator/report,
// generator/source.
package printf
