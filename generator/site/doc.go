// Package site renders the handbook's pages from a compiled handbook, with
// the templates embedded from the repository's site/ folder; the CLI's
// build command writes what it renders. Until the full site lands (issue
// 10), it renders one home page listing every policy version.
//
// Used by generator/cli.
package site
