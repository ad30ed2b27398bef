// Package cases reads worked cases: TOML files (testdata/cases/*.toml, with
// their own JSON Schema) that give one person, role and period with every
// input. A case is turned into an engine.Case against the handbook, so that
// an input is typed by the rule it feeds: a number for tiers, yes/no for a
// yes/no item, a level, a choice id, a list of checks, or named inputs of a
// formula item. Every problem is reported at its file, line and column.
//
// Used by generator/cli, generator/diff.
package cases
