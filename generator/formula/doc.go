// Package formula is the small exact expression language of the policies.
//
// Tables (tiers, bands, rates) carry most rules; formulas are the glue: a pay
// component such as
//
//	performance_base * lookup("bonus-coefficient", score)
//
// or an attendance item such as
//
//	max(0, 5 - absent_days - (if late_count >= 4 then 2 else if late_count >= 1 then 1 else 0))
//
// The language has decimals and percentages (5% is 0.05), names, + - * /,
// comparisons, and/or/not, if … then … else …, and the functions min, max,
// floor and lookup. Arithmetic is exact (package exact); there is no float
// anywhere. Formulas are parsed and type-checked when a policy is loaded, and
// every error carries the byte offset in the formula so the loader can report
// file:line:col.
//
// Explain works a formula through for a reader: the branches taken, the
// formula with names and with values (4000.00 × 80 ÷ 100), and the facts,
// with values, that chose each branch.
//
// Used by generator/batch, generator/calculator, generator/cases,
// generator/compile, generator/coverage, generator/diff, generator/engine,
// generator/explain, generator/inputs, generator/load, generator/policy.
package formula
