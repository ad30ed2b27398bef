// Package gitrev reads the policy files of a checkout as they were at a git
// revision, with the git command: the pay diff and the retroactive-edit
// check compare them with the working tree. Nothing else in the handbook
// runs git.
//
// Used by generator/cli.
package gitrev
