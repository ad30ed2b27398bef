package engine

import (
	"errors"
	"testing"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/exact"
)

// TestIsNegativeAmount: the refusal of a negative amount is found alone
// and wrapped as the engine wraps it (a plan, a ledger), and keeps its
// words in both languages; the same words in another error are not it,
// nor is another refusal.
func TestIsNegativeAmount(t *testing.T) {
	words := zh.Errorf("%s: the formula gives a negative amount %s; write deductions as positive amounts of kind deduction", "commission", exact.FromInt(-1))
	refusal := negativeAmount{words}
	for _, tt := range []struct {
		name string
		err  error
		want bool
	}{
		{"the refusal", refusal, true},
		{"in a plan", zh.Errorf("%s: %v", "pay plan x", refusal), true},
		{"in a ledger in a plan", zh.Errorf("%s: %v", "pay plan x", zh.Errorf("ledger %s: %v", "bonus", refusal)), true},
		{"its words alone", words, false},
		{"another refusal", zh.Errorf("%s: no input given", "x"), false},
		{"another error", errors.New("negative"), false},
		{"none", nil, false},
	} {
		if got := IsNegativeAmount(tt.err); got != tt.want {
			t.Errorf("%s: IsNegativeAmount(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
	if refusal.Error() != words.Error() || diag.ErrorIn(refusal, diag.Chinese) != diag.ErrorIn(words, diag.Chinese) {
		t.Errorf("the refusal's words changed: %q / %q", refusal.Error(), diag.ErrorIn(refusal, diag.Chinese))
	}
}
