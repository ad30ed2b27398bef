package load

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kefu-hr/handbook/generator/policy"
)

// prepare indexes what per-file checks need to know about other files: the
// ids of bands policies whose rows carry numbers.
func (l *loader) prepare() {
	l.coeffBands = map[string]bool{}
	for _, u := range l.units {
		if b, ok := u.pol.(*policy.Bands); ok && b.Output == "coefficient" {
			l.coeffBands[b.ID] = true
		}
	}
}

// crossCheck runs the checks that span files: duplicate ids, overlapping
// versions, references and cycles.
func (l *loader) crossCheck() {
	byKind := map[policy.Kind]map[string][]*unit{}
	for _, u := range l.units {
		h := u.pol.Head()
		if byKind[h.Kind] == nil {
			byKind[h.Kind] = map[string][]*unit{}
		}
		byKind[h.Kind][h.ID] = append(byKind[h.Kind][h.ID], u)
	}
	// Duplicates and overlapping effective periods among versions of one id.
	for _, k := range policy.Kinds {
		for _, id := range sortedIDs(byKind[k]) {
			us := byKind[k][id]
			sort.SliceStable(us, func(i, j int) bool { return us[i].pol.Head().EffectiveFrom.Before(us[j].pol.Head().EffectiveFrom) })
			for i, a := range us {
				for _, b := range us[i+1:] {
					ha, hb := a.pol.Head(), b.pol.Head()
					if ha.Version == hb.Version {
						l.verrf(b, "/version", "duplicate %s %q version %d: also in %s", k.Noun(), id, hb.Version, a.pos("/version"))
						continue
					}
					if ha.EffectiveUntil == nil || !ha.EffectiveUntil.Before(hb.EffectiveFrom) {
						until := "open-ended"
						if ha.EffectiveUntil != nil {
							until = "until " + ha.EffectiveUntil.Format("2006-01-02")
						}
						l.verrf(b, "/effective_from", "effective period overlaps version %d of %s %q (%s, %s from %s): end it with effective_until",
							ha.Version, k.Noun(), id, a.pos("/effective_from"), until, ha.EffectiveFrom.Format("2006-01-02"))
					}
				}
			}
		}
	}

	ref := func(u *unit, ptr string, k policy.Kind, id string) {
		if id == "" {
			return
		}
		if _, ok := byKind[k][id]; !ok && !l.broken[k][id] {
			l.verrf(u, ptr, "unknown %s %q%s", k.Noun(), id, didYouMean(id, sortedIDs(byKind[k])))
		}
	}
	for _, u := range l.units {
		switch p := u.pol.(type) {
		case *policy.Role:
			for i, to := range p.ReportsTo {
				ref(u, fmt.Sprintf("/reports_to/%d", i), policy.KindRole, to)
			}
			for i, s := range p.Scorecards {
				ref(u, fmt.Sprintf("/scorecards/%d", i), policy.KindScorecard, s)
			}
			ref(u, "/pay_plan", policy.KindPayPlan, p.PayPlan)
			if p.Promotion != nil {
				ref(u, "/promotion/to", policy.KindRole, p.Promotion.To)
			}
		case *policy.Scorecard:
			l.bandsRef(u, "/bands", byKind, p.Bands, "coefficient")
			l.bandsRef(u, "/grades", byKind, p.Grades, "grade")
			for pi, part := range p.Part {
				for ii, it := range part.Item {
					ref(u, fmt.Sprintf("/part/%d/item/%d/competency", pi, ii), policy.KindCompetency, it.Competency)
				}
			}
		case *policy.PayPlan:
			ref(u, "/scorecard", policy.KindScorecard, p.Scorecard)
			ref(u, "/points_system", policy.KindPoints, p.PointsSystem)
			ref(u, "/red_lines", policy.KindRedLines, p.RedLines)
			for i, in := range p.Input {
				ref(u, fmt.Sprintf("/input/%d/scorecard", i), policy.KindScorecard, in.Scorecard)
			}
		case *policy.Rules:
			for i, r := range p.Rule {
				for j, id := range r.AppliesTo {
					ref(u, fmt.Sprintf("/rule/%d/applies_to/%d", i, j), policy.KindRole, id)
				}
			}
		}
	}
	l.cycles(byKind[policy.KindRole], "reports_to", func(r *policy.Role) []string { return r.ReportsTo })
	l.cycles(byKind[policy.KindRole], "promotion", func(r *policy.Role) []string {
		if r.Promotion == nil {
			return nil
		}
		return []string{r.Promotion.To}
	})
}

// bandsRef checks a reference to a bands policy with the given output.
func (l *loader) bandsRef(u *unit, ptr string, byKind map[policy.Kind]map[string][]*unit, id, output string) {
	if id == "" {
		return
	}
	us, ok := byKind[policy.KindBands][id]
	if !ok && l.broken[policy.KindBands][id] {
		return
	}
	if !ok {
		l.verrf(u, ptr, "unknown band table %q%s", id, didYouMean(id, sortedIDs(byKind[policy.KindBands])))
		return
	}
	if got := us[0].pol.(*policy.Bands).Output; got != output {
		l.verrf(u, ptr, "band table %q gives %s, not %s", id, plural(got), plural(output))
	}
}

func plural(output string) string {
	return map[string]string{"coefficient": "coefficients", "grade": "grades", "action": "actions"}[output]
}

// cycles reports cycles in a graph of roles given by edges, once per cycle,
// at the role of the cycle that sorts first.
func (l *loader) cycles(roles map[string][]*unit, key string, edges func(*policy.Role) []string) {
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var stack []string
	reported := map[string]bool{}
	var visit func(id string)
	visit = func(id string) {
		color[id] = grey
		stack = append(stack, id)
		for _, us := range roles[id] {
			for _, next := range edges(us.pol.(*policy.Role)) {
				if _, ok := roles[next]; !ok || next == id {
					continue // unknown ids and self-links have their own messages
				}
				switch color[next] {
				case white:
					visit(next)
				case grey:
					i := len(stack) - 1
					for stack[i] != next {
						i--
					}
					cyc := append([]string(nil), stack[i:]...)
					// Start the cycle at its smallest id so it is reported once.
					min := 0
					for j, c := range cyc {
						if c < cyc[min] {
							min = j
						}
					}
					cyc = append(cyc[min:], cyc[:min]...)
					sig := strings.Join(cyc, ">")
					if !reported[sig] {
						reported[sig] = true
						u := roles[cyc[0]][0]
						l.errf(u, "/"+key, "%s cycle: %s → %s", strings.ReplaceAll(key, "_", "-"), strings.Join(cyc, " → "), cyc[0])
					}
				}
			}
		}
		stack = stack[:len(stack)-1]
		color[id] = black
	}
	for _, id := range sortedIDs(roles) {
		if color[id] == white {
			visit(id)
		}
	}
}

func sortedIDs(m map[string][]*unit) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
