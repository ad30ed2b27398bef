// Command calculator is the handbook's score and pay calculator built to
// WebAssembly (GOOS=js GOARCH=wasm): a thin binding of package
// generator/calculator for the calculator pages, built and placed in the
// site by `handbook build`.
//
// It defines globalThis.handbookCalculator with
//
//	load(bundle Uint8Array) → "" or the reason the bundle is refused
//	fields(role, period) → {fields: [...]} or {error}
//	cardFields(card, period) → {fields: [...]} or {error}
//	score(card, period, values {path: text}, {next}) → the answer of the card alone
//	compute(role, period, values {path: text}, {report, next, title}) → the answer
//
// where an answer is {problems: [{path, reason}]} or the results, each
// number as its exact decimal text (see calculator.AppendAnswer). It links neither
// encoding/json nor the TOML, JSON Schema and Markdown libraries: values
// cross to JavaScript as plain objects made by syscall/js.
package main
