// Package tomlpos maps JSON pointers into a TOML document back to the line and
// column where the key was written.
//
// BurntSushi/toml, which decodes the policies, gives no position for a key
// (upstream issue #462), and a JSON Schema error names its place only as a
// JSON pointer such as /part/0/item/2/weight. This package parses the same
// bytes with the go-toml/v2 unstable parser, which keeps byte ranges, and
// builds a pointer → position index that understands [[array]] elements,
// nested and dotted tables and inline tables.
//
// Used by generator/cases, generator/internal/edit, generator/internal/retro,
// generator/internal/rulediff, generator/load.
package tomlpos
