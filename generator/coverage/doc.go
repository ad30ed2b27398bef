// Package coverage measures which clauses of the policies the worked cases
// exercise: every tier row, band row, level, choice, event, ladder step (and
// each fallback of a step whose extra condition fails), ledger branch, pay
// component, row of a pay plan's own table and red line. A clause no case
// reaches is a rule nobody has checked a number for.
//
// Used by generator/cli.
package coverage
