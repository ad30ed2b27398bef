// Package printf formats text as fmt.Sprintf does, without fmt: fmt brings
// reflect and os into the browser calculator's WebAssembly, and the
// packages it links (generator/diag, formula, source, policy, compile,
// engine, explain, inputs, report) format with this package instead.
//
// It implements the part of fmt's format language those packages and the
// message catalogs (diag.Catalog) use, byte for byte as fmt does:
//
//   - the verbs %v, %s, %q, %d and %t, and %%;
//   - the flags - and 0, a width, a precision (also as *), and explicit
//     argument indexes such as %[2]s and %.2[3]s;
//   - arguments of the types string, bool, the int and uint kinds and
//     []string, nil, and values with an Error or String method (%v, %s
//     and %q call them, error first, as fmt does).
//
// No floating-point number: money is exact (generator/exact, formatted by
// its String method), and formatting floats would keep strconv's float
// formatting in the calculator's printf; a caller that has one formats it
// with strconv.FormatFloat and passes the string.
//
// What fmt reports in the output, this package reports alike: a verb that
// does not suit a basic type (%!d(string=x)), a missing argument
// (%!d(MISSING)), a bad index (%!d(BADINDEX)), extra arguments
// (%!(EXTRA int=1)). What fmt would format and this package cannot — a type
// it does not know, which fmt prints through reflect; a float; another
// verb or flag — is written %!v(UNSUPPORTED) (%!f(UNSUPPORTED) for %f …)
// and never formatted silently otherwise:
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
