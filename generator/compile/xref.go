package compile

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/internal/printf"
	"github.com/kefu-hr/handbook/generator/policy"
)

// prepare indexes what per-file checks need to know about other files: the
// ids of bands policies whose rows carry numbers.
func (l *compiler) prepare() {
	l.coeffBands = map[string]bool{}
	for _, u := range l.units {
		if b, ok := u.pol.(*policy.Bands); ok && b.Output == "coefficient" {
			l.coeffBands[b.ID] = true
		}
	}
}

// crossCheck runs the checks that span files: duplicate ids, overlapping
// versions, references and cycles.
func (l *compiler) crossCheck() {
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
			l.duplicates(k, id, us)
			for i, a := range us {
				for _, b := range us[i+1:] {
					ha, hb := a.pol.Head(), b.pol.Head()
					if ha.Version == hb.Version {
						continue // reported by duplicates
					}
					if i+1 < len(us) && b == us[i+1] && ha.EffectiveUntil != nil && ha.EffectiveUntil.AddDate(0, 0, 1).Before(hb.EffectiveFrom) {
						l.versionGap(a, b)
					}
					if ha.EffectiveUntil == nil || !ha.EffectiveUntil.Before(hb.EffectiveFrom) {
						until := word("open-ended")
						if ha.EffectiveUntil != nil {
							until = zh.Sprintf("until %s", ha.EffectiveUntil.String())
						}
						l.verrf(b, "/effective_from", "effective period overlaps version %d of %s %q (%s, %s from %s): end it with effective_until",
							ha.Version, noun(k), id, a.pos("/effective_from"), until, ha.EffectiveFrom.String())
					}
				}
			}
		}
	}

	for _, u := range l.units {
		for _, r := range policy.References(u.pol) {
			vs, known := byKind[r.Kind][r.ID]
			switch {
			case known:
				if r.Output != "" && !strings.HasPrefix(r.Ptr, "/component/") {
					l.bandsOutput(u, r, vs[0].pol.(*policy.Bands))
				}
				if p, ok := u.pol.(*policy.PayPlan); ok && strings.HasPrefix(r.Ptr, "/standing/") {
					l.standingPeriod(u, p, r, vs[0].pol.(*policy.Bands))
				}
				l.coversPeriod(u, r, vs)
			case strings.HasPrefix(r.Ptr, "/component/"):
				// A formula's unknown table is reported where it is parsed.
			case !l.broken[r.Kind][r.ID]:
				l.verrf(u, r.Ptr, "unknown %s %q%s", noun(r.Kind), r.ID, didYouMean(r.ID, sortedIDs(byKind[r.Kind])))
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

// duplicates reports every file among the versions us of one id that has
// the same version as another, at each of them, naming the others: the
// file just copied or edited is named whichever sorts first.
func (l *compiler) duplicates(k policy.Kind, id string, us []*unit) {
	for _, a := range us {
		var others []string
		for _, b := range us {
			if b != a && b.pol.Head().Version == a.pol.Head().Version {
				others = append(others, b.pos("/version"))
			}
		}
		if len(others) > 0 {
			sort.Strings(others)
			l.verrf(a, "/version", "duplicate %s %q version %d: also in %s", noun(k), id, a.pol.Head().Version, strings.Join(others, ", "))
		}
	}
}

// versionGap reports the days between two consecutive versions that no
// version covers, at the end of the first and the start of the second: a
// period settled in the gap has no rule.
func (l *compiler) versionGap(a, b *unit) {
	ha, hb := a.pol.Head(), b.pol.Head()
	from, to := ha.EffectiveUntil.AddDate(0, 0, 1), hb.EffectiveFrom.AddDate(0, 0, -1)
	msg := zh.Sprintf("%s %s no version of %s %q: version %d ends on %s and version %d starts on %s; end version %d on %s, or start version %d on %s",
		days(from, to), hasHave(from, to), noun(ha.Kind), ha.ID, ha.Version, day(*ha.EffectiveUntil), hb.Version, day(hb.EffectiveFrom),
		ha.Version, day(to), hb.Version, day(from))
	l.verrf(a, "/effective_until", "%s", msg)
	l.verrf(b, "/effective_from", "%s", msg)
}

// days names a run of days as people do: "December 2026" for a whole
// month, "December 2026 to February 2027" for whole months, else the dates.
func days(from, to civil.Date) diag.Text {
	if from.Day() == 1 && to.AddDate(0, 0, 1).Day() == 1 {
		month := func(t civil.Date) diag.Text {
			y := strconv.Itoa(t.Year())
			return diag.Text{En: monthNames[t.Month()-1] + " " + y, Zh: y + "年" + strconv.Itoa(t.Month()) + "月"}
		}
		if from.Year() == to.Year() && from.Month() == to.Month() {
			return month(from)
		}
		return zh.Sprintf("%s to %s", month(from), month(to))
	}
	if from.Equal(to) {
		return diag.Text{En: day(from), Zh: day(from)}
	}
	return zh.Sprintf("%s to %s", day(from), day(to))
}

// hasHave is "has" for a single day or month and "have" for a run.
func hasHave(from, to civil.Date) diag.Text {
	if from.Equal(to) || from.Day() == 1 && to.AddDate(0, 0, 1).Day() == 1 && from.Year() == to.Year() && from.Month() == to.Month() {
		return diag.Text{En: "has", Zh: "没有"}
	}
	return diag.Text{En: "have", Zh: "都没有"}
}

// bandsOutput checks that a band table named for coefficients or grades
// gives them.
func (l *compiler) bandsOutput(u *unit, r policy.Reference, b *policy.Bands) {
	if b.Output != r.Output {
		l.verrf(u, r.Ptr, "band table %q gives %s, not %s", r.ID, word(plural(b.Output)), word(plural(r.Output)))
	}
}

// standingPeriod checks that a standing is looked up in the period its band
// table is for (末位管理 is quarterly).
func (l *compiler) standingPeriod(u *unit, p *policy.PayPlan, r policy.Reference, b *policy.Bands) {
	for i := range p.Standing {
		st := &p.Standing[i]
		if printf.Sprintf("/standing/%d/bands", i) != r.Ptr || b.Period == "" {
			continue
		}
		if got := p.StandingPeriod(st); got != b.Period {
			l.verrf(u, r.Ptr, "standing %q is looked up %s, but band table %q is for a %s measure: give the standing period = %q", st.Name, string(got), b.ID, string(b.Period), string(b.Period))
		}
	}
}

// coversPeriod checks that the policy a reference names is in effect on
// every day the policy that names it is: a policy ended (or not yet begun)
// while another still names it would fail every computation of those days.
// Gaps between its own versions have their own message (versionGaps).
func (l *compiler) coversPeriod(u *unit, r policy.Reference, vs []*unit) {
	h := u.pol.Head()
	first, last := vs[0].pol.Head(), vs[len(vs)-1].pol.Head()
	for _, v := range vs {
		if hv := v.pol.Head(); hv.EffectiveFrom.Before(first.EffectiveFrom) {
			first = hv
		}
		if hv := v.pol.Head(); last.EffectiveUntil != nil && (hv.EffectiveUntil == nil || hv.EffectiveUntil.After(*last.EffectiveUntil)) {
			last = hv
		}
	}
	for _, v := range append([]*unit{u}, vs...) {
		if hv := v.pol.Head(); hv.EffectiveUntil != nil && hv.EffectiveUntil.Before(hv.EffectiveFrom) {
			return // an impossible period has its own message
		}
	}
	// what names the policy in a message: written only for one, since
	// formatting it for every reference had been a tenth of the time the
	// browser's calculator took to compile its bundle.
	what := func() diag.Text { return zh.Sprintf("%s %s version %d (%s)", noun(h.Kind), h.ID, h.Version, span(h)) }
	if h.EffectiveFrom.Before(first.EffectiveFrom) {
		l.verrf(u, r.Ptr, "%s names %s %q, whose first version starts on %s: from %s to %s it names a %s that is not in effect; start %s earlier, or start %s version %d later",
			what(), noun(r.Kind), r.ID, day(first.EffectiveFrom), day(h.EffectiveFrom), day(first.EffectiveFrom.AddDate(0, 0, -1)), noun(r.Kind), r.ID, h.ID, h.Version)
	}
	if last.EffectiveUntil != nil && (h.EffectiveUntil == nil || h.EffectiveUntil.After(*last.EffectiveUntil)) {
		end := word("on")
		if h.EffectiveUntil != nil {
			end = zh.Sprintf("to %s", day(*h.EffectiveUntil))
		}
		l.verrf(u, r.Ptr, "%s names %s %q, which ends on %s (%s): from %s %s it names a %s that is not in effect; give %s a next version, or end %s version %d too",
			what(), r.Kind.Noun(), r.ID, day(*last.EffectiveUntil), last.File, day(last.EffectiveUntil.AddDate(0, 0, 1)), end, noun(r.Kind), r.ID, h.ID, h.Version)
	}
}

// span writes a version's effective period: from 2026-01-01, open-ended or
// until a day.
func span(h *policy.Header) diag.Text {
	if h.EffectiveUntil == nil {
		return zh.Sprintf("from %s, open-ended", day(h.EffectiveFrom))
	}
	return zh.Sprintf("from %s until %s", day(h.EffectiveFrom), day(*h.EffectiveUntil))
}

func day(t civil.Date) string { return t.String() }

// monthNames are the months' English names, as time.Month.String writes
// them.
var monthNames = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func plural(output string) string {
	return map[string]string{"coefficient": "coefficients", "grade": "grades", "action": "actions"}[output]
}

// cycles reports cycles in a graph of roles given by edges, at every role of
// the cycle (each version whose edges take part in it), the cycle written
// from that role: the file just edited is named whichever id sorts first.
func (l *compiler) cycles(roles map[string][]*unit, key string, edges func(*policy.Role) []string) {
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
						for j, from := range cyc {
							to := cyc[(j+1)%len(cyc)]
							round := append(append([]string(nil), cyc[j:]...), cyc[:j]...)
							for _, u := range roles[from] {
								if slices.Contains(edges(u.pol.(*policy.Role)), to) {
									l.errf(u, "/"+key, "%s cycle: %s → %s", strings.ReplaceAll(key, "_", "-"), strings.Join(round, " → "), from)
								}
							}
						}
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
