// Package diff compares pay under two versions of the policies: the worked
// cases and a synthetic population are computed under both, and the report
// says who gains or loses how much, per role and per pay component. It is
// what a pull request's comment shows (handbook diff REV).
//
// The package is pure: it is given the two handbooks and the case files'
// bytes, and reads no file, runs no git and looks at no clock; the same
// inputs always give the same report.
//
// Used by generator/cli.
package diff
