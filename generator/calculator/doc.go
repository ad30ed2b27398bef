// Package calculator is the score and pay calculator's API: a person's
// period computed from the text of a form, as the browser's calculator
// (cmd/calculator, built to WebAssembly) shows it, and "what it takes" —
// the nearest improvements the policy allows, computed by the engine.
//
// It is pure and TOML-free: it decodes the form's text with package inputs
// (one inputs layer for case files, CSV and this form), computes with
// package engine, writes sentences with package explain and the report
// the worked cases' goldens hold with package report. Every number is
// given as its exact decimal text; nothing is a float.
//
// Bad input never panics and never reaches the engine: an Answer holds
// either the problems, each at the path of its field, or the results.
//
// Its user is cmd/calculator, built only for GOOS=js GOARCH=wasm (so no
// native import lists it), which generator/cli builds, places in the site
// and runs every worked case through under Node.
package calculator
