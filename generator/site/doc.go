// Package site renders the handbook's pages from a compiled handbook, with
// the templates embedded from the repository's site/ folder; the CLI's
// build command writes what it renders. Prose fields go through one
// goldmark setup (Prose); everything else through html/template.
//
// Used by generator/cli.
package site
