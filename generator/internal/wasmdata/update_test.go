package wasmdata

// The -update flag of go test ./... -update is defined by package golden.
import _ "github.com/kefu-hr/handbook/generator/golden"
