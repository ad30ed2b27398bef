// Package policies embeds the shipped policy files, so that the handbook
// binary can validate and build them when run outside a checkout.
package policies

import "embed"

// FS holds the policies/ directory, by path relative to it (e.g.
// scorecards/kefu-zongjian-monthly.toml); the loader reads its .toml files.
//
//go:embed *
var FS embed.FS
