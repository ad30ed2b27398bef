// Package schema embeds the JSON Schemas (draft 2020-12) of the policy file
// kinds, one per kind, and compiles them for the loader.
//
// The same files are what editors use: every policy file names its schema on
// its first line (#:schema ../../generator/schema/scorecard.schema.json), so
// the TOML language server validates and autocompletes with exactly the rules
// that handbook validate applies. Each schema is self-contained (its common
// definitions are repeated in $defs, kept identical by a test) because editors
// resolve no relative $ref between local files.
//
// Used by generator/internal/fixture, generator/load.
package schema
