// Package diag holds the one position type and the one diagnostic type of the
// handbook tools. Every problem found in a policy file — a TOML syntax error, a
// schema violation, a broken cross-reference, a formula error — becomes a
// Diagnostic that names the file, line, column and key path, so that people
// and CI read the same report:
//
//	roles/kefu-zongjian.toml:12:3: weights sum to 90, want 100 (part[0].item)
//
// A List collects all diagnostics of a run; it sorts by position and its Err
// method is nil when the list is empty, in the manner of go/scanner.ErrorList.
//
// Used by generator/batch, generator/calculator, generator/cases,
// generator/cli, generator/compile, generator/coverage, generator/diff,
// generator/engine, generator/formula, generator/inputs,
// generator/internal/gitrev, generator/internal/msgcheck,
// generator/internal/retro, generator/internal/tomlpos, generator/load,
// generator/policy, generator/wire.
package diag
