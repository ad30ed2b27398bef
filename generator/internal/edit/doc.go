// Package edit changes policy files as text, keeping everything else of the
// file as HR wrote it (comments, order, layout): the value of a key replaced,
// a key inserted after another, the tables of an array removed. The
// new-version command uses it, and so do the tests that play HR's edits.
//
// Used by generator/cli, generator/internal/realistic.
package edit
