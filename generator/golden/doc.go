// Package golden compares test output with golden files, the way the Go
// standard library does: `go test ./... -update` rewrites the files, and a
// mismatch prints a line-by-line diff.
//
// The -update flag is defined here, once, for every test binary of the
// module: each package with tests imports golden (a blank import where it
// compares nothing itself), so that `go test ./... -update` is understood by
// every package. TestEveryTestPackageHasTheUpdateFlag guards that.
package golden
