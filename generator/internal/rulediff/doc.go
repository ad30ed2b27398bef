// Package rulediff compares two versions of a policy file key by key: which
// weight, tier, rate, formula or text changed, from what to what. It works on
// the documents as decoded from TOML, before any checking, so that it can
// compare files of another revision whatever they hold.
//
// The retroactive-edit check (package retro) uses it to find what was
// changed in a version already in effect; the handbook's version history
// will use it to show what changed from one version to the next.
//
// Used by generator/internal/retro, generator/site.
package rulediff
