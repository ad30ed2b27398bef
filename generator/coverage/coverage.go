package coverage

import (
	"cmp"
	"fmt"
	"sort"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Clause is one thing a case can exercise. Ref and Clause match the Ref and
// Clause of the engine's trace steps.
type Clause struct {
	Ref, Clause string
	What        string // a short description for the report
	Kind        Kind
	// Policy is the header of the policy version the clause belongs to.
	Policy *policy.Header
}

// Kind is the kind of a clause, for the report's breakdown.
type Kind string

// The kinds of clause, in the order the report lists them.
const (
	KindItem      Kind = "scorecard item rules"
	KindBandRow   Kind = "band rows"
	KindEvent     Kind = "points events"
	KindLadder    Kind = "ladder steps and fallbacks"
	KindLedger    Kind = "ledger branches"
	KindComponent Kind = "pay components"
	KindTableRow  Kind = "pay-plan table rows"
	KindLeave     Kind = "leave rules"
	KindRedLine   Kind = "red lines"
)

// Kinds lists every kind of clause in report order.
var Kinds = []Kind{KindItem, KindBandRow, KindEvent, KindLadder, KindLedger, KindComponent, KindTableRow, KindLeave, KindRedLine}

// Key identifies a clause in a set of exercised clauses.
func (c Clause) Key() string { return c.Ref + " " + c.Clause }

func ref(h *policy.Header, part string) string {
	if part == "" {
		return fmt.Sprintf("%s@%d", h.ID, h.Version)
	}
	return fmt.Sprintf("%s@%d#%s", h.ID, h.Version, part)
}

// Clauses lists every clause of the policies in h that a case can reach.
func Clauses(h *policy.Handbook) []Clause {
	var out []Clause
	var kind Kind
	add := func(hd *policy.Header, part, clause, what string) {
		out = append(out, Clause{Ref: ref(hd, part), Clause: clause, What: what, Kind: kind, Policy: hd})
	}
	for _, p := range h.All() {
		hd := p.Head()
		switch p := p.(type) {
		case *policy.Scorecard:
			kind = KindItem
			for _, part := range p.Part {
				for _, it := range part.Item {
					for _, c := range itemClauses(&it) {
						add(hd, it.ID, c, it.Title)
					}
				}
			}
		case *policy.Bands:
			kind = KindBandRow
			for i, r := range p.Rows {
				what := r.Label
				if r.Value != nil {
					what = "K = " + r.Value.String()
				}
				add(hd, "", fmt.Sprintf("rows[%d]", i), p.Title+"："+what)
			}
		case *policy.Points:
			kind = KindEvent
			for _, e := range p.Event {
				c := "event"
				if e.Discretionary {
					c = "award"
				}
				add(hd, e.ID, c, e.Title)
			}
			kind = KindLadder
			for _, l := range p.Ladder {
				add(hd, l.ID, "met", l.Title+"：不低于当次阈值，不扣分")
				for i, st := range l.Steps {
					add(hd, l.ID, engine.LadderClause(i, i), fmt.Sprintf("%s：第 %d 档", l.Title, st.Occurrence))
					// A step whose extra condition fails gives way to the
					// step below, and on down while theirs fail too.
					for j := i - 1; j >= 0 && st.Condition != ""; j-- {
						add(hd, l.ID, engine.LadderClause(i, j), fmt.Sprintf("%s：第 %d 档的附加条件不成立，按第 %d 档", l.Title, st.Occurrence, l.Steps[j].Occurrence))
						if l.Steps[j].Condition == "" {
							break
						}
					}
				}
			}
		case *policy.PayPlan:
			for _, c := range p.Component {
				if c.Kind == policy.Ledger {
					kind = KindLedger
					for _, b := range []string{"below-base", "base-to-target", "target", "above-cap", "made-up"} {
						add(hd, c.Name, b, c.Title)
					}
					if c.Exempt != "" {
						add(hd, c.Name, "exempt", c.Title)
					}
					continue
				}
				kind = KindComponent
				add(hd, c.Name, "formula", c.Title)
			}
			kind = KindTableRow
			for _, t := range p.Table {
				for i, r := range t.Rows {
					add(hd, engine.TableRef(t.Name), fmt.Sprintf("rows[%d]", i), fmt.Sprintf("%s：%s → %s", cmp.Or(t.Title, t.Name), interval(r.Interval), r.Value))
				}
			}
			kind = KindLeave
			for _, lr := range p.LeaveRule {
				add(hd, "leave", string(lr.Case), lr.Text)
			}
		case *policy.RedLines:
			kind = KindRedLine
			for _, l := range p.Line {
				add(hd, l.ID, "pay_effect", l.Title)
			}
		}
	}
	return out
}

// interval writes [min, below) as a reader of the report says it: 120–150
// (150 not included), ≥ 150, < 100.
func interval(iv policy.Interval) string {
	switch {
	case iv.Min != nil && iv.Below != nil:
		return fmt.Sprintf("[%s, %s)", iv.Min, iv.Below)
	case iv.Min != nil:
		return "≥ " + iv.Min.String()
	case iv.Below != nil:
		return "< " + iv.Below.String()
	}
	return "all"
}

// itemClauses lists the clauses of one scorecard item: the engine's own
// list of what the item can fire.
func itemClauses(it *policy.Item) []string { return engine.ItemClauses(it) }

// Exercised returns the keys of the clauses the results' traces reach.
func Exercised(results []engine.Result) map[string]bool {
	hit := map[string]bool{}
	mark := func(steps []engine.Step) {
		for _, s := range steps {
			if s.Clause != "" {
				hit[s.Ref.String()+" "+s.Clause] = true
				if s.Clause == "withheld" {
					hit[s.Ref.String()+" formula"] = true
				}
			}
		}
	}
	for _, r := range results {
		for _, s := range r.Scores {
			mark(s.Trace)
		}
		if r.Points != nil {
			mark(r.Points.Trace)
		}
		if r.Pay != nil {
			mark(r.Pay.Trace)
		}
		for _, e := range r.Ledger {
			mark(e.Trace)
		}
		for _, st := range r.Standings {
			mark(st.Trace)
		}
	}
	return hit
}

// Report is the coverage of a set of clauses.
type Report struct {
	Total, Covered int
	Missing        []Clause // sorted by Ref, then Clause
	// ByKind is the coverage of each kind of clause the policies have, in
	// the order of Kinds.
	ByKind []KindReport
}

// KindReport is the coverage of one kind of clause.
type KindReport struct {
	Kind           Kind
	Total, Covered int
}

// Measure compares the clauses with those exercised.
func Measure(all []Clause, hit map[string]bool) Report {
	r := Report{Total: len(all)}
	byKind := map[Kind]*KindReport{}
	for _, c := range all {
		k := byKind[c.Kind]
		if k == nil {
			k = &KindReport{Kind: c.Kind}
			byKind[c.Kind] = k
		}
		k.Total++
		if hit[c.Key()] {
			r.Covered++
			k.Covered++
		} else {
			r.Missing = append(r.Missing, c)
		}
	}
	sort.SliceStable(r.Missing, func(i, j int) bool { return r.Missing[i].Key() < r.Missing[j].Key() })
	for _, k := range Kinds {
		if kr := byKind[k]; kr != nil {
			r.ByKind = append(r.ByKind, *kr)
		}
	}
	return r
}
