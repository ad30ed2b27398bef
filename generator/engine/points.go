package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/policy"
)

// PointsInput is one person's month under a points system.
type PointsInput struct {
	// Events counts the occurrences of each fixed event, by event id.
	Events map[string]int
	// Awards lists, for each discretionary event, the points of each
	// occurrence as decided (each at most the event's max).
	Awards map[string][]exact.Decimal
	// Shortfalls lists the times a ladder's measure fell short this month.
	Shortfalls []LadderShortfall
}

// LadderShortfall is one time a ladder's measure fell below its threshold.
type LadderShortfall struct {
	Ladder       string
	Occurrence   int           // the n-th time, counting from 1
	Rate         exact.Decimal // the measure, e.g. the contact rate in percent
	ConditionMet bool          // the extra condition of the step, where it has one
}

// PointsResult is a computed points total.
type PointsResult struct {
	System       string
	Version      int
	Total        exact.Decimal
	Consequences []string
	Trace        []Step
}

// Points computes the month's points: the base, plus or minus every event,
// award and ladder step. The total never goes below 0.
func Points(ps *policy.Points, in PointsInput) (PointsResult, error) {
	r := PointsResult{System: ps.ID, Version: ps.Version, Total: ps.Base}
	r.Trace = append(r.Trace, Step{Ref: ref(&ps.Header, ""), Clause: "base", Value: ps.Base.String(), Explain: fmt.Sprintf("基本分 %s 分。", ps.Base)})
	var problems []string
	events := map[string]*policy.Event{}
	for i := range ps.Event {
		events[ps.Event[i].ID] = &ps.Event[i]
	}
	ids := make([]string, 0, len(in.Events))
	for id := range in.Events {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		n := in.Events[id]
		e := events[id]
		switch {
		case e == nil:
			problems = append(problems, fmt.Sprintf("unknown event %q", id))
			continue
		case e.Discretionary:
			problems = append(problems, fmt.Sprintf("%s is discretionary: give each award's points in Awards", id))
			continue
		case n < 0:
			problems = append(problems, fmt.Sprintf("%s: %d occurrences", id, n))
			continue
		case n == 0:
			continue
		}
		d := e.Points.Mul(exact.FromInt(int64(n)))
		r.Total = r.Total.Add(d)
		r.Trace = append(r.Trace, Step{Ref: ref(&ps.Header, id), Clause: "event", Inputs: []string{fmt.Sprintf("次数=%d", n)}, Value: d.String(),
			Explain: fmt.Sprintf("%s %d 次，每次 %s 分，计 %s 分。", e.Title, n, e.Points, d)})
	}
	aids := make([]string, 0, len(in.Awards))
	for id := range in.Awards {
		aids = append(aids, id)
	}
	sort.Strings(aids)
	for _, id := range aids {
		e := events[id]
		if e == nil || !e.Discretionary {
			problems = append(problems, fmt.Sprintf("%s is not a discretionary event", id))
			continue
		}
		for _, a := range in.Awards[id] {
			if a.Sign() < 0 || a.Cmp(*e.Max) > 0 {
				problems = append(problems, fmt.Sprintf("%s: award %s is outside 0–%s", id, a, e.Max))
				continue
			}
			r.Total = r.Total.Add(a)
			r.Trace = append(r.Trace, Step{Ref: ref(&ps.Header, id), Clause: "award", Value: a.String(),
				Explain: fmt.Sprintf("%s，酌情加 %s 分（每次最多 %s 分）。", e.Title, a, e.Max)})
		}
	}
	ladders := map[string]*policy.Ladder{}
	for i := range ps.Ladder {
		ladders[ps.Ladder[i].ID] = &ps.Ladder[i]
	}
	for _, s := range in.Shortfalls {
		ld := ladders[s.Ladder]
		if ld == nil {
			problems = append(problems, fmt.Sprintf("unknown ladder %q", s.Ladder))
			continue
		}
		if s.Occurrence < 1 {
			problems = append(problems, fmt.Sprintf("%s: occurrence %d, want 1 or more", s.Ladder, s.Occurrence))
			continue
		}
		i := min(s.Occurrence, len(ld.Steps)) - 1
		// A step whose extra condition is not met is treated as the step below it.
		for i > 0 && ld.Steps[i].Condition != "" && !s.ConditionMet {
			i--
		}
		st := ld.Steps[i]
		if s.Rate.Cmp(st.Below) >= 0 {
			r.Trace = append(r.Trace, Step{Ref: ref(&ps.Header, s.Ladder), Clause: "met", Value: "0",
				Explain: fmt.Sprintf("%s为 %s%%，不低于 %s%%，不扣分。", ld.Title, s.Rate, st.Below)})
			continue
		}
		r.Total = r.Total.Add(st.Points)
		r.Consequences = append(r.Consequences, st.Consequence)
		r.Trace = append(r.Trace, Step{Ref: ref(&ps.Header, s.Ladder), Clause: fmt.Sprintf("steps[%d]", i), Inputs: []string{fmt.Sprintf("第%d次", s.Occurrence), "比率=" + s.Rate.String()},
			Value: st.Points.String(), Explain: fmt.Sprintf("第 %d 次%s低于 %s%%（%s%%），扣 %s 分：%s。", s.Occurrence, ld.Title, st.Below, s.Rate, st.Points.Neg(), strings.TrimSuffix(st.Consequence, "。"))})
	}
	if len(problems) > 0 {
		return PointsResult{}, &InputError{Problems: problems}
	}
	if r.Total.Sign() < 0 {
		r.Total = zero
		r.Trace = append(r.Trace, Step{Ref: ref(&ps.Header, ""), Clause: "floor", Value: "0", Explain: "得分不低于 0 分。"})
	}
	r.Trace = append(r.Trace, Step{Ref: ref(&ps.Header, ""), Clause: "total", Value: r.Total.String(), Explain: fmt.Sprintf("本月得分 %s 分。", r.Total)})
	return r, nil
}
