package engine

import (
	"errors"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
)

// TestIsNegativeAmount: the refusal of a negative amount is found as the
// engine words it, and wrapped as the engine wraps it (a plan, a ledger);
// other refusals are not.
func TestIsNegativeAmount(t *testing.T) {
	refusal := zh.Errorf("%s: the formula gives a negative amount %s; write deductions as positive amounts of kind deduction", "commission", exact.FromInt(-1))
	for _, tt := range []struct {
		name string
		err  error
		want bool
	}{
		{"the refusal", refusal, true},
		{"in a plan", zh.Errorf("%s: %v", "pay plan x", refusal), true},
		{"in a ledger", zh.Errorf("ledger %s: %v", "bonus", refusal), true},
		{"another refusal", zh.Errorf("%s: no input given", "x"), false},
		{"another error", errors.New("negative"), false},
		{"none", nil, false},
	} {
		if got := IsNegativeAmount(tt.err); got != tt.want {
			t.Errorf("%s: IsNegativeAmount(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
}
