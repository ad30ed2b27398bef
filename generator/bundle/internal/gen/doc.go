// Package gen writes the code that lets packages bundle and policy go
// through the policy model (the types of generator/source) without
// reflect, which the browser's calculator would otherwise have to link:
//
//   - generator/bundle/codec_gen.go: a function per struct type of the
//     model that writes its stored fields to a bundle, and one that reads
//     them back, in the format the reflective encoder of format version 1
//     wrote (its bytes are the same), and the model's fingerprint;
//   - generator/policy/lookup_gen.go: the steps of a NumberRef's path
//     (kind/id#path) through a policy's keys.
//
// It reads the model by reflection, here, when the code is generated:
// `go generate ./generator/bundle` runs it (command gen/write), and a test
// of package bundle fails when a committed file differs from what Files
// writes now, so that a field added to the model without regenerating
// fails the tests rather than being left out of bundles.
package gen
