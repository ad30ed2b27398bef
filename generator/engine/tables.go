package engine

import (
	"time"

	"github.com/kefu-hr/handbook/generator/policy"
)

// On returns the band tables of a handbook in effect on day d.
func On(h *policy.Handbook, d time.Time) Tables { return onDay{h, d} }

type onDay struct {
	h *policy.Handbook
	d time.Time
}

func (o onDay) Bands(id string) *policy.Bands {
	b, _ := o.h.At(policy.KindBands, id, o.d).(*policy.Bands)
	return b
}
