// Package policies embeds the shipped policy files, so that the handbook
// binary can validate and build them when run outside a checkout.
package policies

import "embed"

// FS holds every policy file under policies/, by path relative to this
// directory (e.g. scorecards/kefu-zongjian-monthly.toml).
//
//go:embed competencies scorecards bands pay points redlines rules
var FS embed.FS
