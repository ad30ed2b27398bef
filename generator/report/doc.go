// Package report renders an engine result for people (text, the form the
// golden files and `handbook calc` print) and for programs (JSON). Every
// number is shown with the trace step that produced it.
//
// Used by generator/calculator, generator/cli.
package report
