// Package wire is the one JSON contract of the handbook's programs: the
// versioned, lower-case shapes of a computed result, a list of problems and
// a case request, written by every --format json and read by calc, with
// their JSON Schema (wire.schema.json, embedded as Schema). Every document
// starts {"wire": 1, "kind": …}; decimals are strings, exact as computed.
//
// Used by generator/batch, generator/cli.
package wire
