package compile

import (
	"slices"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/internal/printf"
	"github.com/kefu-hr/handbook/generator/policy"
)

// checkNumbers checks every number a text rule states by reference (a
// rule's value_from, a {{kind/id#path}} in a text): each must name a number
// of a policy in effect when the rules take effect, or of its latest
// version; and every other version of that policy in effect while the
// rules are must hold the same number, or the text, which states one
// number for its whole period, would be out of date for part of it. The
// references are resolved against the handbook being compiled, hs.
func (l *compiler) checkNumbers(hs *policy.Handbook) {
	for _, u := range l.units {
		r, ok := u.pol.(*policy.Rules)
		if !ok {
			if refs := policy.Placeholders(u.pol.Head().Summary); len(refs) > 0 {
				l.verrf(u, "/summary", "%q: only a text rule states a number by reference (the handbook fills it in nowhere else); write the number here", "{{"+refs[0]+"}}")
			}
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
			x, err := hs.Number(nr, day)
			if err != nil {
				l.verrf(u, ptr, "%s: %v", ref, err)
				return
			}
			shown := hs.At(nr.Kind, nr.ID, day)
			if shown == nil {
				// No version is in effect when the rules start: the text
				// states the latest version's number (Handbook.Number).
				shown = hs.Latest(nr.Kind, nr.ID)
			}
			for _, v := range overlapping(hs, nr.Kind, nr.ID, r.Head()) {
				if v == shown {
					continue
				}
				vh := v.Head()
				y, err := nr.Number(v)
				switch {
				case err != nil:
					l.verrf(u, ptr, "%s: version %d of %s %s, from %s, has no such number (%v), and these rules are still in effect then: give the rules a new version from %s", ref, vh.Version, noun(nr.Kind), nr.ID, day10(vh.EffectiveFrom), err, day10(vh.EffectiveFrom))
				case y.Cmp(x) != 0:
					l.verrf(u, ptr, "%s is %s in version %d, the one the text states, but %s in version %d of %s %s, from %s, and these rules are still in effect then: give the rules a new version from %s", ref, policy.FormatNumber(x), shown.Head().Version, policy.FormatNumber(y), vh.Version, noun(nr.Kind), nr.ID, day10(vh.EffectiveFrom), day10(vh.EffectiveFrom))
				}
			}
		}
		texts := func(ptr, text string) {
			for _, ref := range policy.Placeholders(text) {
				check(ptr, ref)
			}
		}
		texts("/summary", r.Summary)
		for i, p := range r.Period {
			texts(printf.Sprintf("/period/%d/text", i), p.Text)
		}
		for i, rule := range r.Rule {
			ptr := printf.Sprintf("/rule/%d", i)
			texts(ptr+"/text", rule.Text)
			if rule.ValueFrom != "" {
				if rule.Value != nil {
					l.errf(u, ptr+"/value_from", "a rule gives value or value_from, not both")
				}
				check(ptr+"/value_from", rule.ValueFrom)
			}
		}
		for i, t := range r.Term {
			texts(printf.Sprintf("/term/%d/text", i), t.Text)
		}
	}
}

// checkEvents checks that each pay input counting a points event names a
// fixed event of the plan's points system, in every version of it in effect
// on some day the plan is.
func (l *compiler) checkEvents(hs *policy.Handbook) {
	for _, u := range l.units {
		p, ok := u.pol.(*policy.PayPlan)
		if !ok || p.PointsSystem == "" || l.broken[policy.KindPoints][p.PointsSystem] {
			continue
		}
		for _, v := range overlapping(hs, policy.KindPoints, p.PointsSystem, p.Head()) {
			ps := v.(*policy.Points)
			var ids []string
			for _, e := range ps.Event {
				if !e.Discretionary { // an award has points decided each time, not a count
					ids = append(ids, e.ID)
				}
			}
			for i, in := range p.Input {
				if in.Event != "" && !slices.Contains(ids, in.Event) {
					l.verrf(u, printf.Sprintf("/input/%d/event", i), "points system %s (version %d, from %s) has no fixed event %q%s", ps.ID, ps.Version, ps.EffectiveFrom.String(), in.Event, didYouMean(in.Event, ids))
				}
			}
		}
	}
}

// checkFeeds checks that each item a pay plan feeds is an item of its
// scorecard that scores a number, in every version of the scorecard in
// effect on some day the plan is.
func (l *compiler) checkFeeds(hs *policy.Handbook) {
	for _, u := range l.units {
		p, ok := u.pol.(*policy.PayPlan)
		if !ok || len(p.Feed) == 0 || p.Scorecard == "" || l.broken[policy.KindScorecard][p.Scorecard] {
			continue
		}
		for _, v := range overlapping(hs, policy.KindScorecard, p.Scorecard, p.Head()) {
			sc := v.(*policy.Scorecard)
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
				ptr := printf.Sprintf("/feed/%d/item", i)
				switch ok, known := numeric[f.Item]; {
				case !known:
					l.verrf(u, ptr, "scorecard %s (version %d, from %s) has no item %q%s", sc.ID, sc.Version, sc.EffectiveFrom.String(), f.Item, didYouMean(f.Item, ids))
				case !ok:
					l.verrf(u, ptr, "item %q of scorecard %s (version %d) is not scored from a number, so a formula cannot give its input", f.Item, sc.ID, sc.Version)
				}
			}
		}
	}
}

// day10 writes a civil day as the files do.
func day10(t civil.Date) string { return t.String() }

// overlapping returns the versions of a policy that are in effect on some
// day the policy with header h is.
func overlapping(hs *policy.Handbook, k policy.Kind, id string, h *policy.Header) []policy.Policy {
	var out []policy.Policy
	for _, v := range hs.Versions(k, id) {
		vh := v.Head()
		startsBeforeEnd := h.EffectiveUntil == nil || !vh.EffectiveFrom.After(*h.EffectiveUntil)
		endsAfterStart := vh.EffectiveUntil == nil || !vh.EffectiveUntil.Before(h.EffectiveFrom)
		if startsBeforeEnd && endsAfterStart {
			out = append(out, v)
		}
	}
	return out
}
