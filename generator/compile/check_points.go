package compile

import (
	"strings"

	"github.com/kefu-hr/handbook/generator/internal/printf"
	"github.com/kefu-hr/handbook/generator/policy"
)

// ---- points, red lines, rules

func (l *compiler) checkPoints(u *unit, p *policy.Points) {
	for i, e := range p.Event {
		ptr := printf.Sprintf("/event/%d/points", i)
		switch {
		case e.Category == "deduction" && e.Points.Sign() >= 0:
			l.verrf(u, ptr, "a deduction must have negative points, not %s", e.Points)
		case e.Category == "addition" && e.Points.Sign() < 0:
			l.verrf(u, ptr, "an addition must not have negative points: %s", e.Points)
		case e.Category == "addition" && e.Points.Sign() == 0 && !e.Discretionary:
			l.verrf(u, ptr, "an addition of 0 points does nothing; set discretionary = true and max for a discretionary award")
		}
		if e.Discretionary && e.Max == nil {
			l.errf(u, printf.Sprintf("/event/%d", i), "a discretionary event needs max: the most points one occurrence may carry")
		}
		if e.Max != nil && e.Max.Sign() <= 0 {
			l.verrf(u, printf.Sprintf("/event/%d/max", i), "max must be more than 0")
		}
	}
	unique(l, u, "event id", p.Event, each("/event", "id"), func(e policy.Event) string { return e.ID })
	for i, ld := range p.Ladder {
		for j, st := range ld.Steps {
			ptr := printf.Sprintf("/ladder/%d/steps/%d", i, j)
			if st.Occurrence != j+1 {
				l.verrf(u, ptr+"/occurrence", "steps must count occurrences 1, 2, 3 … in order: found %d in place %d", st.Occurrence, j+1)
			}
			if st.Points.Sign() > 0 {
				l.verrf(u, ptr+"/points", "a ladder step deducts points: %s must not be positive", st.Points)
			}
			if j > 0 {
				prev := ld.Steps[j-1]
				if st.Points.Cmp(prev.Points) > 0 {
					l.verrf(u, ptr+"/points", "the ladder must escalate: step %d deducts %s, less than step %d (%s)", j+1, st.Points.Neg(), j, prev.Points.Neg())
				}
				if st.Below.Cmp(prev.Below) < 0 {
					l.verrf(u, ptr+"/below", "the threshold of step %d (%s) is lower than step %d (%s): a repeat must not be judged more leniently", j+1, st.Below, j, prev.Below)
				}
			}
		}
	}
	unique(l, u, "ladder id", p.Ladder, each("/ladder", "id"), func(ld policy.Ladder) string { return ld.ID })
}

func (l *compiler) checkRedLines(u *unit, r *policy.RedLines) {
	unique(l, u, "red line id", r.Line, each("/line", "id"), func(x policy.RedLine) string { return x.ID })
	unique(l, u, "duty id", r.Duty, each("/duty", "id"), func(x policy.Duty) string { return x.ID })
}

func (l *compiler) checkRules(u *unit, r *policy.Rules) {
	unique(l, u, "rule id", r.Rule, each("/rule", "id"), func(x policy.Rule) string { return x.ID })
	unique(l, u, "period", r.Period, each("/period", "id"), func(x policy.Period) string { return x.ID })
	unique(l, u, "term id", r.Term, each("/term", "id"), func(x policy.Term) string { return x.ID })
	words := map[string]string{} // word → where it was first
	for i := range r.Term {
		t := &r.Term[i]
		for j, w := range t.Words() {
			ptr := printf.Sprintf("/term/%d/term", i)
			if j > 0 {
				ptr = printf.Sprintf("/term/%d/aliases/%d", i, j-1)
			}
			if prev, ok := words[w]; ok {
				l.verrf(u, ptr, "%q is already a glossary word, at %s", w, u.pos(prev))
				continue
			}
			words[w] = ptr
		}
		for j, see := range t.See {
			if _, _, ok := policy.SeeRef(see); !ok {
				l.verrf(u, printf.Sprintf("/term/%d/see/%d", i, j), "%q is not kind/id: the kind is one of %s", see, kindList())
			}
		}
	}
}

// kindList lists the policy kinds, for messages.
func kindList() string {
	var ks []string
	for _, k := range policy.Kinds {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}
