package diff

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
)

// TestAdaptOwnValues: a case computed under other policies keeps a
// person's own value only where that plan lets a person have one, within
// its range; the others are omitted and listed, so that the plan's value
// applies (on the fixture, 客服代表's basic_pay and grade_allowance are
// personal, post_pay is not, and grade_allowance goes up to 2000.00).
func TestAdaptOwnValues(t *testing.T) {
	h := fixture.Handbook(t)
	per, _ := engine.ParsePeriod("2026-10")
	c := engine.Case{Role: "kefu-daibiao", Period: per, Own: map[string]exact.Decimal{
		"basic_pay": dec("2000.00"), "post_pay": dec("900.00"), "grade_allowance": dec("2500.00")}}
	got, omitted := adapt(h, c, facts{})
	if len(got.Own) != 1 || got.Own["basic_pay"].String() != "2000.00" {
		t.Errorf("own values kept %v, want basic_pay 2000.00 only", got.Own)
	}
	want := []Omission{{"本人数额", "kefu-daibiao-pay.grade_allowance"}, {"本人数额", "kefu-daibiao-pay.post_pay"}}
	if !cmp.Equal(omitted, want) {
		t.Errorf("omitted %v, want %v", omitted, want)
	}
	if len(c.Own) != 3 {
		t.Errorf("adapt changed the case it was given: %v", c.Own)
	}
}
