package calculator

import (
	"slices"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/inputs"
)

// TestNegativeAmountIsBlamedAtItsField: a worked case with one of its
// number inputs made negative either computes (a negative growth is a
// number like another) or is refused at a field (the input's own, or an
// item computed from it, whose problem names it), never in a line of the
// whole form: the engine's refusal of a negative pay component is worded
// for a policy's author.
func TestNegativeAmountIsBlamedAtItsField(t *testing.T) {
	calc := shipped(t)
	refused := 0
	for _, wc := range workedCases(t, calc.Handbook()) {
		fields, err := calc.Fields(wc.req.Role, wc.req.Period)
		if err != nil {
			t.Fatalf("%s: %v", wc.name, err)
		}
		for _, f := range fields {
			if f.Kind != inputs.KindNumber {
				continue
			}
			for _, text := range []string{"-1", "-99999999.99"} {
				for _, p := range calc.Compute(withValues(wc.req, inputs.Value{Path: f.Path, Text: text})).Problems {
					if p.Path == "" {
						t.Errorf("%s: %s = %s: a problem at no field: %s", wc.name, f.Path, text, p.Zh)
					}
					if p.Path == f.Path && strings.HasPrefix(p.Reason, "negative (") {
						refused++
					}
				}
			}
		}
	}
	if refused == 0 {
		t.Fatal("no negative amount of a worked case makes a pay component negative: the test checks nothing")
	}
	t.Logf("%d negative amounts refused at their field", refused)
}

// TestNegativeAmountsBlamedAreTheCause: with two or three number inputs of
// a worked case made negative at once, what is blamed is what the refusal
// comes from, as its messages say: a field blamed alone computes once it
// alone is 0; fields blamed together compute once all of them are 0, and
// not with any one of them put back (a harmless negative is not blamed),
// and their messages count them (这两项, 这几项).
func TestNegativeAmountsBlamedAreTheCause(t *testing.T) {
	calc := shipped(t)
	alone, together := 0, 0
	for _, wc := range workedCases(t, calc.Handbook()) {
		fields, err := calc.Fields(wc.req.Role, wc.req.Period)
		if err != nil {
			t.Fatal(err)
		}
		var numbers []string // the number fields that take a negative
		for _, f := range fields {
			if f.Kind == inputs.KindNumber && (f.Bound == nil || f.Bound.Min.Sign() < 0) {
				numbers = append(numbers, f.Path)
			}
		}
		// request is the case with every path of negative at -1, but
		// those of zero at 0.
		request := func(negative, zero []string) Request {
			var set []inputs.Value
			for _, p := range negative {
				text := "-1"
				if slices.Contains(zero, p) {
					text = "0"
				}
				set = append(set, inputs.Value{Path: p, Text: text})
			}
			return withValues(wc.req, set...)
		}
		computes := func(negative, zero []string) bool { return len(calc.Compute(request(negative, zero)).Problems) == 0 }
		var sets [][]string // every pair and every triple of them
		for i := range numbers {
			for j := i + 1; j < len(numbers); j++ {
				sets = append(sets, []string{numbers[i], numbers[j]})
				for k := j + 1; k < len(numbers); k++ {
					sets = append(sets, []string{numbers[i], numbers[j], numbers[k]})
				}
			}
		}
		for _, negative := range sets {
			var blamed []string
			group := false
			problems := calc.Compute(request(negative, nil)).Problems
			for _, p := range problems {
				if strings.HasPrefix(p.Reason, "negative (") {
					blamed = append(blamed, p.Path)
					group = group || strings.Contains(p.Zh, "同为负数")
				}
			}
			if group {
				want := map[bool]string{true: "这两项都填 0", false: "这几项都填 0"}[len(blamed) == 2]
				for _, p := range problems {
					if !strings.Contains(p.Zh, want) {
						t.Errorf("%s %v: %q, want %q for %d fields", wc.name, negative, p.Zh, want, len(blamed))
					}
				}
			}
			name := wc.name + " " + strings.Join(negative, ",")
			switch {
			case len(blamed) == 0:
			case !group:
				alone++
				for _, b := range blamed {
					if !computes(negative, []string{b}) {
						t.Errorf("%s: %s blamed alone, but 0 there does not compute", name, b)
					}
				}
			default:
				together++
				if !computes(negative, blamed) {
					t.Errorf("%s: %v blamed together, but 0 in all of them does not compute", name, blamed)
				}
				for i, b := range blamed {
					rest := slices.Delete(slices.Clone(blamed), i, i+1)
					if computes(negative, rest) {
						t.Errorf("%s: %v blamed together, but it computes with %s put back", name, blamed, b)
					}
				}
			}
		}
	}
	t.Logf("sets of negatives: %d blamed one by one, %d together", alone, together)
	if alone == 0 || together == 0 {
		t.Fatal("no set of negatives was blamed one by one, or none together: the test checks less than it says")
	}
}
