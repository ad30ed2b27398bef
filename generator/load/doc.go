// Package load reads policy files and turns them into a checked, immutable
// policy.Handbook, or into a list of every problem found.
//
// The pipeline, one stage per file and then across files:
//
//  1. The first line names the file's JSON Schema (#:schema …/KIND.schema.json),
//     which gives the kind. The path must resolve from the file as an editor
//     resolves it: on disk for a file read from disk (File.Disk), against
//     the repository layout (generator/schema/ and the embedded schemas) for
//     the embedded policies, a git revision or a test archive.
//  2. Strict TOML decoding (BurntSushi/toml); a syntax error or an impossible
//     date stops that file with its position.
//  3. A pointer → position index (package tomlpos) so that every later
//     problem can be reported at file:line:col.
//  4. Normalisation (arrays of tables to []any, dates to 2006-01-02) and JSON
//     Schema validation; schema errors are rewritten into plain messages, and
//     a misspelt key is reported at the key with the nearest valid name.
//  5. Decoding into the policy types with exact decimals.
//  6. compile.Compile: formulas parsed, indexes built, semantic checks of each
//     policy (weights, tiers, bands, formulas …) and across files (duplicate
//     ids, overlapping versions, references, reporting cycles); its problems,
//     addressed by JSON pointer, are mapped here to file:line:col.
//
// Every problem of every file is collected; Load never stops at the first.
//
// Used by generator/cases, generator/cli, generator/diff,
// generator/internal/fixture, generator/internal/gitrev,
// generator/internal/realistic, generator/internal/retro.
package load
