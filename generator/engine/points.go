package engine

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
	"github.com/kefu-hr/handbook/generator/internal/sorted"
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
//
// Whether it is a shortfall at all is judged by the threshold of the nominal
// step: the Occurrence-th (the last for a later occurrence). Its points and
// consequence are those of the nominal step, unless that step has an extra
// condition (第三次……且基础习惯不好) not listed in Met: then the step below
// applies, and so on down while the conditions of the lower steps fail too.
type LadderShortfall struct {
	Ladder     string
	Occurrence int           // the n-th time, counting from 1
	Rate       exact.Decimal // the measure, e.g. the contact rate in percent
	// Met lists the steps, by their occurrence numbers, whose extra condition
	// holds this time: [3, 4] when both 基础习惯不好 and 业绩没有达到公司考核标准
	// hold. Each must be a step of the ladder that has a condition; the
	// conditions of steps above the nominal one are not consulted.
	Met []int
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
// award and ladder step, with the trace. The total never goes below 0.
func Points(ps *policy.Points, in PointsInput) (PointsResult, error) { return points(ps, in, true) }

// points is Points; without trace it only adds up (the batch's fast path),
// and on any problem it starts again with the trace, so that the problems
// are reported in the same order either way.
func points(ps *policy.Points, in PointsInput, trace bool) (PointsResult, error) {
	r := PointsResult{System: ps.ID, Version: ps.Version, Total: ps.Base}
	if !trace {
		if quickPoints(ps, in, &r) {
			return r, nil
		}
		return points(ps, in, true)
	}
	r.Trace = addStep(r.Trace, ps.Head(), "", "base", nil, ps.Base.String(), PointsBase{ps.Base})
	var problems []diag.Text
	ids := make([]string, 0, len(in.Events))
	for id := range in.Events {
		ids = append(ids, id)
	}
	sorted.Strings(ids)
	for _, id := range ids {
		n := in.Events[id]
		e := ps.EventOf(id)
		switch {
		case e == nil:
			addProblem(&problems, "unknown event %q", id)
			continue
		case e.Discretionary:
			addProblem(&problems, "%s is discretionary: give each award's points in Awards", id)
			continue
		case n < 0:
			addProblem(&problems, "%s: %d occurrences", id, n)
			continue
		case n == 0:
			continue
		}
		d := e.Points.Mul(exact.FromInt(int64(n)))
		r.Total = r.Total.Add(d)
		r.Trace = addStep(r.Trace, ps.Head(), id, "event", []Operand{operand("次数", strconv.Itoa(n), "次")}, d.String(), EventCounted{Event: e, Count: n, Points: d})
	}
	aids := make([]string, 0, len(in.Awards))
	for id := range in.Awards {
		aids = append(aids, id)
	}
	sorted.Strings(aids)
	for _, id := range aids {
		e := ps.EventOf(id)
		if e == nil || !e.Discretionary {
			addProblem(&problems, "%s is not a discretionary event", id)
			continue
		}
		for _, a := range in.Awards[id] {
			if a.Sign() < 0 || a.Cmp(*e.Max) > 0 {
				addProblem(&problems, "%s: award %s is outside 0–%s", id, a, e.Max)
				continue
			}
			r.Total = r.Total.Add(a)
			r.Trace = addStep(r.Trace, ps.Head(), id, "award", nil, a.String(), AwardGiven{Event: e, Points: a})
		}
	}
	for _, s := range in.Shortfalls {
		ld := ps.LadderOf(s.Ladder)
		if ld == nil {
			addProblem(&problems, "unknown ladder %q", s.Ladder)
			continue
		}
		if s.Occurrence < 1 {
			addProblem(&problems, "%s: occurrence %d, want 1 or more", s.Ladder, s.Occurrence)
			continue
		}
		if p := MetProblems(ld, s.Met); len(p) > 0 {
			problems = append(problems, p...)
			continue
		}
		r.Trace = append(r.Trace, ladderStep(ps.Head(), ld, s, &r))
	}
	if len(problems) > 0 {
		return PointsResult{}, &InputError{Problems: problems}
	}
	if r.Total.Sign() < 0 {
		r.Total = zero
		r.Trace = addStep(r.Trace, ps.Head(), "", "floor", nil, "0", PointsFloor{})
	}
	r.Trace = addStep(r.Trace, ps.Head(), "", "total", nil, r.Total.String(), PointsTotal{r.Total})
	return r, nil
}

// quickPoints adds up the month without a trace and reports whether every
// input was good; the total is the same as the traced one.
func quickPoints(ps *policy.Points, in PointsInput, r *PointsResult) bool {
	for id, n := range in.Events {
		e := ps.EventOf(id)
		if e == nil || e.Discretionary || n < 0 {
			return false
		}
		if n > 0 {
			r.Total = r.Total.Add(e.Points.Mul(exact.FromInt(int64(n))))
		}
	}
	for id, as := range in.Awards {
		e := ps.EventOf(id)
		if e == nil || !e.Discretionary {
			return false
		}
		for _, a := range as {
			if a.Sign() < 0 || a.Cmp(*e.Max) > 0 {
				return false
			}
			r.Total = r.Total.Add(a)
		}
	}
	for _, s := range in.Shortfalls {
		ld := ps.LadderOf(s.Ladder)
		if ld == nil || s.Occurrence < 1 || len(MetProblems(ld, s.Met)) > 0 {
			return false
		}
		if st := ladderApplies(ld, s); st != nil {
			r.Total = r.Total.Add(st.Points)
			r.Consequences = append(r.Consequences, st.Consequence)
		}
	}
	if r.Total.Sign() < 0 {
		r.Total = zero
	}
	return true
}

// ladderApplies returns the step whose points a shortfall costs, or nil when
// the measure is not below the nominal step's threshold: the nominal step,
// or the first step below it whose extra condition holds (ladderStep says
// the same in words).
func ladderApplies(ld *policy.Ladder, s LadderShortfall) *policy.LadderStep {
	nominal := min(s.Occurrence, len(ld.Steps)) - 1
	if s.Rate.Cmp(ld.Steps[nominal].Below) >= 0 {
		return nil
	}
	i := nominal
	for i > 0 && ld.Steps[i].Condition != "" && !slices.Contains(s.Met, ld.Steps[i].Occurrence) {
		i--
	}
	return &ld.Steps[i]
}

// MetProblems checks the steps a shortfall lists as having their extra
// condition hold: each must be a step of the ladder, and one that has a
// condition. It returns one message per problem, none when all is well.
func MetProblems(ld *policy.Ladder, met []int) []diag.Text {
	var out []diag.Text
	for _, n := range met {
		switch {
		case n < 1 || n > len(ld.Steps):
			addProblem(&out, "%s: met lists step %d, but the ladder has steps 1–%d", ld.ID, n, len(ld.Steps))
		case ld.Steps[n-1].Condition == "":
			addProblem(&out, "%s: met lists step %d, which has no extra condition (%s)", ld.ID, n, conditionalSteps(ld))
		}
	}
	return out
}

// conditionalSteps says which steps of a ladder have an extra condition.
func conditionalSteps(ld *policy.Ladder) diag.Text {
	var ns []string
	for _, st := range ld.Steps {
		if st.Condition != "" {
			ns = append(ns, strconv.Itoa(st.Occurrence))
		}
	}
	if len(ns) == 0 {
		return zh.Sprintf("no step of the ladder has one")
	}
	return zh.Sprintf("steps with one: %s", strings.Join(ns, ", "))
}

// LadderClause names the clause of a shortfall: "met" when the measure is
// not below the nominal step's threshold, "steps[i]" when step i applies as
// the nominal step, "steps[i]->steps[j]" when the nominal step i falls back
// to step j because the extra conditions of steps i down to j+1 do not hold.
func LadderClause(nominal, applied int) string {
	if applied == nominal {
		return printf.Sprintf("steps[%d]", nominal)
	}
	return printf.Sprintf("steps[%d]->steps[%d]", nominal, applied)
}

// ladderStep applies one shortfall (checked) to r and returns its trace step.
func ladderStep(h *policy.Header, ld *policy.Ladder, s LadderShortfall, r *PointsResult) Step {
	nominal := min(s.Occurrence, len(ld.Steps)) - 1
	nst := ld.Steps[nominal]
	inputs := make([]Operand, 0, 3) // the occurrence, the rate and the extra conditions that hold
	inputs = append(inputs, operand(printf.Sprintf("第%d次", s.Occurrence), "", ""), operand("比率", s.Rate.String(), "%"))
	if len(s.Met) > 0 {
		var ns []string
		met := append([]int(nil), s.Met...)
		sorted.Ints(met)
		for i, n := range met {
			if i == 0 || n != met[i-1] { // once each
				ns = append(ns, printf.Sprintf("第%d档", n))
			}
		}
		inputs = append(inputs, operand("附加条件成立", strings.Join(ns, "、"), ""))
	}
	// The nominal step's threshold decides whether this is a shortfall.
	applied := ladderApplies(ld, s)
	if applied == nil {
		return Step{Ref: ref(h, s.Ladder), Clause: "met", Operands: inputs, Value: "0",
			Say: LadderStep{Ladder: ld, Shortfall: s, Nominal: nst}}
	}
	// The steps above the one applied gave way: their extra conditions do
	// not hold.
	i := 0
	for k := range ld.Steps {
		if &ld.Steps[k] == applied {
			i = k
		}
	}
	var failed []policy.LadderStep
	for j := nominal; j > i; j-- {
		failed = append(failed, ld.Steps[j])
	}
	st := *applied
	r.Total = r.Total.Add(st.Points)
	r.Consequences = append(r.Consequences, st.Consequence)
	return Step{Ref: ref(h, s.Ladder), Clause: LadderClause(nominal, i), Operands: inputs, Value: st.Points.String(),
		Say: LadderStep{Ladder: ld, Shortfall: s, Nominal: nst, Applied: applied, Failed: failed}}
}
