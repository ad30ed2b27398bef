// Package policy holds the in-memory form of the handbook: roles,
// competencies, scorecards, band tables, pay plans, the points system, red
// lines and text rules, each a versioned policy with a source and notes.
//
// A Handbook is made by compile.Compile once every check has passed (from
// files by package load, from a bundle by package bundle) and is read-only
// from then on: the engine, the site generator and the CLI read it and never
// modify it. Numbers are exact decimals
// (package exact); formulas are parsed (package formula).
//
// The scoring kinds of scorecard items are a closed set, one file each
// (kind_tiers.go, kind_yesno.go …): a file holds its rule type (a
// ScoringRule), the keys, checks and constructor Compile uses (a
// ScoringKind, registered from the file), and everything the other stages
// ask of a kind: its score and the clause fired, its clauses, what its
// trace shows, its Chinese explanation and grading, its boundary probes,
// the shape of its input, its synthetic sample for the pay diff and its
// integer path for engine.Card. No other package switches on the kind:
// the input forms and case files go by the shape of the input (Shape), and
// the compiler checks that a kind has every method. Adding a kind that
// reads a number (or another existing Shape) from existing item keys is
// one file here, the kind in the JSON Schema, its row in the language
// reference (policies/README.md) and a fixture; a new item key
// also needs its field on Item and its line in compile's list of
// scoring-specific keys.
//
// Used by generator/batch, generator/bundle, generator/calculator,
// generator/cases, generator/cli, generator/compile, generator/coverage,
// generator/diff, generator/engine, generator/explain, generator/inputs,
// generator/internal/fixture, generator/internal/retro, generator/load,
// generator/report, generator/schema, generator/site.
package policy
