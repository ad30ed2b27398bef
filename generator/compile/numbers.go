package compile

import (
	"fmt"
	"slices"

	"github.com/kefu-hr/handbook/generator/policy"
)

// checkNumbers checks every number a text rule states by reference (a
// rule's value_from, a {{kind/id#path}} in a text): each must name a number
// of a policy in effect when the rules take effect, or of its latest
// version. The references are resolved against the handbook being
// compiled, hs.
func (l *compiler) checkNumbers(hs *policy.Handbook) {
	for _, u := range l.units {
		r, ok := u.pol.(*policy.Rules)
		if !ok {
			continue
		}
		day := r.EffectiveFrom
		check := func(ptr, ref string) {
			nr, ok := policy.ParseNumberRef(ref)
			if !ok {
				l.verrf(u, ptr, "%q does not name a number: write kind/id#path, e.g. payplan/kefu-daibiao-pay#param/quota_penalty/value", ref)
				return
			}
			if l.broken[nr.Kind][nr.ID] {
				return
			}
			if _, err := hs.Number(nr, day); err != nil {
				l.verrf(u, ptr, "%s: %v", ref, err)
			}
		}
		texts := func(ptr, text string) {
			refs, _ := policy.Placeholders(text)
			for _, ref := range refs {
				check(ptr, ref)
			}
		}
		texts("/summary", r.Summary)
		for i, p := range r.Period {
			texts(fmt.Sprintf("/period/%d/text", i), p.Text)
		}
		for i, rule := range r.Rule {
			ptr := fmt.Sprintf("/rule/%d", i)
			texts(ptr+"/text", rule.Text)
			if rule.ValueFrom != "" {
				if rule.Value != nil {
					l.errf(u, ptr+"/value_from", "a rule gives value or value_from, not both")
				}
				check(ptr+"/value_from", rule.ValueFrom)
			}
		}
		for i, t := range r.Term {
			texts(fmt.Sprintf("/term/%d/text", i), t.Text)
		}
	}
}

// checkEvents checks that each pay input counting a points event names a
// fixed event of the plan's points system, in every version of it in effect
// while the plan is (the version in effect when the plan takes effect, or
// the latest).
func (l *compiler) checkEvents(hs *policy.Handbook) {
	for _, u := range l.units {
		p, ok := u.pol.(*policy.PayPlan)
		if !ok || p.PointsSystem == "" || l.broken[policy.KindPoints][p.PointsSystem] {
			continue
		}
		ps, _ := hs.At(policy.KindPoints, p.PointsSystem, p.EffectiveFrom).(*policy.Points)
		if ps == nil {
			ps, _ = hs.Latest(policy.KindPoints, p.PointsSystem).(*policy.Points)
		}
		if ps == nil {
			continue // an unknown points system is reported as a reference
		}
		var ids []string
		for _, e := range ps.Event {
			if !e.Discretionary { // an award has points decided each time, not a count
				ids = append(ids, e.ID)
			}
		}
		for i, in := range p.Input {
			if in.Event != "" && !slices.Contains(ids, in.Event) {
				l.verrf(u, fmt.Sprintf("/input/%d/event", i), "points system %s has no fixed event %q%s", ps.ID, in.Event, didYouMean(in.Event, ids))
			}
		}
	}
}

// checkFeeds checks that each item a pay plan feeds is an item of its
// scorecard that scores a number, in the version in effect when the plan
// takes effect (or the latest).
func (l *compiler) checkFeeds(hs *policy.Handbook) {
	for _, u := range l.units {
		p, ok := u.pol.(*policy.PayPlan)
		if !ok || len(p.Feed) == 0 || p.Scorecard == "" || l.broken[policy.KindScorecard][p.Scorecard] {
			continue
		}
		sc, _ := hs.At(policy.KindScorecard, p.Scorecard, p.EffectiveFrom).(*policy.Scorecard)
		if sc == nil {
			sc, _ = hs.Latest(policy.KindScorecard, p.Scorecard).(*policy.Scorecard)
		}
		if sc == nil {
			continue // an unknown scorecard is reported as a reference
		}
		var ids []string
		numeric := map[string]bool{}
		for pi := range sc.Part {
			for ii := range sc.Part[pi].Item {
				it := &sc.Part[pi].Item[ii]
				ids = append(ids, it.ID)
				numeric[it.ID] = it.Rule != nil && it.Rule.Field(it).Shape == policy.ShapeNumber
			}
		}
		for i, f := range p.Feed {
			ptr := fmt.Sprintf("/feed/%d/item", i)
			switch ok, known := numeric[f.Item]; {
			case !known:
				l.verrf(u, ptr, "scorecard %s has no item %q%s", sc.ID, f.Item, didYouMean(f.Item, ids))
			case !ok:
				l.verrf(u, ptr, "item %q of scorecard %s is not scored from a number, so a formula cannot give its input", f.Item, sc.ID)
			}
		}
	}
}
