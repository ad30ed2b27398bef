// Package site renders the handbook's pages from a compiled handbook, with
// the templates embedded from the repository's site/ folder; the CLI's
// build command writes what it renders (Writer: beside the output, then
// swapped in whole). Prose fields go through one goldmark setup (Prose), but
// for one line of plain text, which is wrapped and linked to the glossary
// directly, byte for byte as goldmark would (plain, TestPlainRendersAsGoldmark);
// everything else goes through html/template.
//
// Used by generator/cli.
package site
