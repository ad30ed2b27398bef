package compile

import (
	"fmt"

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
