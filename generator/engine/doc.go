// Package engine computes results from policies: it is pure (values in,
// result and errors out; no files, clock or globals), so it compiles
// unchanged to WebAssembly for the in-browser calculator.
//
// Every number it produces carries a Step in the result's trace: the rule
// that produced it (policy id@version and item or component), the inputs it
// used and a one-sentence Chinese explanation.
//
// Arithmetic is exact (package exact). Scores are rounded in one place,
// Round, to two decimals 四舍五入; money follows the pay plan's declared rule.
//
// Used by generator/batch, generator/calculator, generator/cases,
// generator/cli, generator/coverage, generator/diff, generator/explain,
// generator/inputs, generator/report, generator/site, generator/wire.
package engine
