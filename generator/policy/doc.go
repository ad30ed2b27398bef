// Package policy holds the in-memory form of the handbook: roles,
// competencies, scorecards, band tables, pay plans, the points system, red
// lines and text rules, each a versioned policy with a source and notes.
//
// Values of this package are produced by package load after every check has
// passed, and are read-only from then on: the engine, the site generator and
// the CLI read them and never modify them. Numbers are exact decimals
// (package exact); formulas are parsed (package formula).
package policy
