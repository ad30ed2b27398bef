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
// Used by generator/batch, generator/bundle, generator/cases, generator/cli,
// generator/compile, generator/coverage, generator/diff, generator/engine,
// generator/explain, generator/inputs, generator/internal/fixture,
// generator/internal/retro, generator/load, generator/report,
// generator/schema, generator/site.
package policy
