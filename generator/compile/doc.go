// Package compile turns decoded policies into a checked, linked
// policy.Handbook: it parses every formula, builds the indexes the engine
// relies on, and runs every semantic check within a policy (weights, tiers,
// bands, formulas, names) and across policies (duplicate ids, overlapping
// versions and gaps between them, references to policies not in effect,
// reporting cycles).
//
// It is pure and TOML-free: problems are addressed by file and JSON pointer
// (Problem), and package load maps them to file:line:col, while package
// bundle compiles what it decodes with the same code, without positions.
// Used by load, bundle and, through them, every reader of the handbook.
//
// Used by generator/bundle, generator/calculator, generator/load.
package compile
