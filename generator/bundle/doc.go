// Package bundle encodes the policies of a handbook in a compact binary form
// and decodes them back, without TOML, JSON Schema or any other library: the
// handbook site and the browser calculator carry a bundle instead of the
// policy files. Decode compiles what it reads with the same compile.Compile
// the loader uses, so a bundle is checked again when it is read; the
// browser's calculator, whose bundle the same build checked and wrote, reads
// it with DecodePolicies and builds it without the checks
// (calculator.Load).
//
// A bundle is
//
//	magic "KFHB" · format version · model fingerprint · count · policies
//
// where each policy is its kind, its file and its source fields (those the
// TOML decodes into, in declaration order) encoded by type: strings and
// slices length-prefixed, integers as varints, decimals and rounding modes
// as their text, dates as YYYY-MM-DD. The fingerprint is a hash of the
// model's field names and types: a bundle written by another model is
// refused rather than misread.
//
// The code that writes and reads each type of the model is generated from
// the model (codec_gen.go, by package internal/gen: go generate
// ./generator/bundle), so that the browser's calculator, which decodes a
// bundle, links no reflect; a test fails when the model has changed and the
// code has not been generated again.
//
// Used by generator/calculator, generator/cli.
package bundle
