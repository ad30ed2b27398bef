// Package roles embeds the shipped role files, so that the handbook binary can
// validate and build them when run outside a checkout.
package roles

import "embed"

// FS holds every role file, by name (e.g. kefu-zongjian.toml).
//
//go:embed *.toml
var FS embed.FS
