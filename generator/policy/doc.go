// Package policy holds the compiled handbook: roles, competencies,
// scorecards, band tables, pay plans, the points system, red lines and text
// rules, each a versioned policy with a source and notes.
//
// What a file says and what compiling makes of it are separate types. A
// policy's file decodes into package source; compile.Compile builds this
// package's types from those sources (FromSource) and adds what compiling
// establishes: an item's scoring rule and parsed formula, a plan's parsed
// formulas, parameter values, tables and index, a header's kind and file.
// Each compiled type embeds its source, so a compiled item reads
// it.Weight as its file wrote it and it.Rule as compiled; Source returns
// the policy as written, which is what bundles, rule diffs and number
// references walk. The parts compiling adds nothing to (tiers, levels,
// params, events …) and the closed sets are source's types under the
// same names here.
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
// also needs its field on source.Item and its line in compile's list of
// scoring-specific keys.
//
// Used by generator/batch, generator/bundle, generator/calculator,
// generator/cases, generator/cli, generator/compile, generator/coverage,
// generator/diff, generator/engine, generator/explain, generator/inputs,
// generator/internal/fixture, generator/internal/retro, generator/load,
// generator/report, generator/schema, generator/site.
package policy
