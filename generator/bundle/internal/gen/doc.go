// Package gen writes the code that lets packages bundle and policy go
// through the policy model (the types of generator/source) without
// reflect, which the browser's calculator would otherwise have to link:
//
//   - generator/bundle/codec_gen.go: a function per struct, list and
//     pointer type of the model that writes it to a bundle, in the format
//     the reflective encoder of format version 1 wrote (its bytes are the
//     same), one function that reads any of them back, and the model's
//     fingerprint;
//   - generator/policy/lookup_gen.go: the steps of a NumberRef's path
//     (kind/id#path) through a policy's keys, each struct's keys a table.
//
// It reads the model by reflection, here, when the code is generated:
// `go generate ./generator/bundle` runs it (command gen/write), and a test
// of package bundle fails when a committed file differs from what Files
// writes now, so that a field added to the model without regenerating
// fails the tests rather than being left out of bundles.
//
// Used by generator/bundle/internal/gen/write.
package gen
