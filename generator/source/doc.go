// Package source holds the policies as their files write them: the types
// the TOML of roles/ and policies/ decodes into, and nothing computed from
// them. Every field is a key of a file (its toml tag names it), so a value
// of this package can be decoded, encoded into a bundle, compared between
// two versions or walked by key path without knowing how it is compiled.
//
// A source policy is never modified after it is decoded: compile.Compile
// reads it and builds the compiled handbook (package policy), whose types
// embed these and add what compiling establishes (parsed formulas, scoring
// rules, indexes). The package imports neither TOML nor JSON Schema, so the
// browser calculator can decode a bundle into it.
//
// Used by generator/bundle, generator/bundle/internal/gen, generator/compile,
// generator/load, generator/policy.
package source
