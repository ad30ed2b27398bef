// Package inputs is the one inputs layer between the people who enter a
// month's numbers and the engine: what a role's period asks for (Fields:
// path, Chinese label, kind, unit, bounds, options, how to write it), how a
// text entered for a path becomes part of an engine.Case (Form), the
// bounds on magnitude and decimals of each kind of number (Bounds), and
// every check of a case against the policies in effect (Check), with each
// problem at the path of the input it concerns.
//
// It holds no file format: package cases maps paths to positions in a case
// file, package batch to the columns of a CSV, and the calculator to the
// fields of its form. It needs neither TOML nor JSON Schema, so the
// browser's calculator links it.
//
// Used by generator/batch, generator/calculator, generator/cases,
// generator/cli, generator/site, generator/wire.
package inputs
