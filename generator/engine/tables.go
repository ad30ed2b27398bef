package engine

import (
	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/policy"
)

// On returns the policies of a handbook in effect on day d.
func On(h *policy.Handbook, d civil.Date) Tables { return onDay{h, d} }

type onDay struct {
	h *policy.Handbook
	d civil.Date
}

func (o onDay) Bands(id string) *policy.Bands {
	b, _ := o.h.At(policy.KindBands, id, o.d).(*policy.Bands)
	return b
}

func (o onDay) RedLines(id string) *policy.RedLines {
	r, _ := o.h.At(policy.KindRedLines, id, o.d).(*policy.RedLines)
	return r
}
