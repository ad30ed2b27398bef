package calculator

import (
	"errors"

	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/compile"
)

// Load reads a bundle (see package bundle) and returns the calculator of
// its handbook, or why the bundle is refused. A bundle is written from a
// handbook that compiled, with every check, by the build that wrote the
// page, and its fingerprint refuses a program with another policy model:
// Load compiles it with compile.Rebuild, which builds the same handbook
// without the checks across policies, and still refuses a bundle with a
// problem within a policy.
func Load(data []byte) (*Calculator, error) {
	docs, err := bundle.DecodePolicies(data)
	if err != nil {
		return nil, err
	}
	h, problems := compile.Rebuild(docs)
	if len(problems) > 0 {
		return nil, errors.New(problems[0].String())
	}
	return New(h), nil
}
