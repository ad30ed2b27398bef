// Package exact holds the exact decimal number used for every amount, rate,
// weight and point in the handbook. It wraps github.com/cockroachdb/apd/v3:
// no value ever passes through a float64, and rounding happens only where a
// caller asks for it, with an explicit mode.
//
// Used by generator/batch, generator/calculator, generator/cases,
// generator/cli, generator/compile, generator/coverage, generator/diff,
// generator/engine, generator/explain, generator/formula, generator/inputs,
// generator/internal/realistic, generator/policy, generator/source.
package exact
