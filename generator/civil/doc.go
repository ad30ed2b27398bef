// Package civil holds Date, a day of the calendar with no time of day and
// no time zone, as the policies write their dates (effective_from =
// 2026-01-01). It does what the handbook needs of a day (read and write
// it as YYYY-MM-DD, compare, add months and days, decode a TOML local
// date) without package time, whose code, with internal/godebug's, the
// browser's calculator would otherwise download and compile on every load.
// Its tests hold it to package time over centuries of days.
//
// Used by generator/bundle, generator/bundle/internal/gen,
// generator/calculator, generator/cli, generator/compile, generator/coverage,
// generator/diff, generator/engine, generator/inputs, generator/policy,
// generator/site, generator/source.
package civil
