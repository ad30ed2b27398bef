package calculator

import (
	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/compile"
)

// Load reads a bundle (see package bundle) and returns the calculator of
// its handbook, or why the bundle is refused. A bundle is written from a
// handbook that compiled, with every check, by the build that wrote the
// page, and its fingerprint refuses a program with another policy model:
// Load builds it with compile.Assemble, which builds the same handbook
// without the checks (and without linking them: the page's WebAssembly is
// the smaller), and refuses what it cannot build.
func Load(data []byte) (*Calculator, error) {
	docs, err := bundle.DecodePolicies(data)
	if err != nil {
		return nil, err
	}
	h, err := compile.Assemble(docs)
	if err != nil {
		return nil, err
	}
	return New(h), nil
}
