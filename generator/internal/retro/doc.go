// Package retro refuses silent retroactive edits: a change to a rule of a
// policy version whose effective period has already started would change
// pay already settled, or being settled, under it. Such a change must be a
// new version from a later date, or carry a [[correction]] saying when, why
// and who approved applying it to the past.
//
// Check compares the policy files of a base revision (the branch a pull
// request goes into) with the working tree's, version by version.
//
// Used by generator/cli.
package retro
