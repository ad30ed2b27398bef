// Package exact holds the exact decimal number used for every amount, rate,
// weight and point in the handbook. It computes as
// github.com/cockroachdb/apd/v3 does in a 34-digit context, with integer
// fast paths (word.go) and apd's algorithms written anew for the rest
// (dec.go), on a natural number type of its own (nat.go) rather than
// math/big, which would bring fmt and math/rand into the browser's
// calculator (the tests hold dec to apd itself and nat to math/big, which
// only they link): no value ever passes through a float64, and rounding
// happens only where a caller asks for it, with an explicit mode.
//
// Used by generator/batch, generator/bundle, generator/calculator,
// generator/cases, generator/cli, generator/compile, generator/coverage,
// generator/diff, generator/engine, generator/explain, generator/formula,
// generator/inputs, generator/internal/realistic, generator/policy,
// generator/source.
package exact
