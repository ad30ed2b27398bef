package coverage

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Analysis is the coverage of a handbook's clauses and versions by its
// worked cases and by the generated boundary probes, as of a day.
type Analysis struct {
	Today   civil.Date
	Cases   int // worked cases computed
	Probes  int
	Clauses []ClauseCoverage
	// Versions lists every version of a pay plan, and of each scorecard,
	// points system and band table a pay plan computes with (the versions
	// that pay), with whether a worked case computes it.
	Versions []VersionCoverage
}

// ClauseCoverage is one clause and what reaches it.
type ClauseCoverage struct {
	Clause
	ByCase, ByProbe bool
}

// Covered reports whether the clause is reached as the gate asks: by a
// worked case, or by a probe except for the rows of a pay plan's own table
// (a probe of a row alone does not reach it through the formula).
func (c ClauseCoverage) Covered() bool { return c.ByCase || c.ByProbe && c.Kind != KindTableRow }

// VersionCoverage is one version that pays.
type VersionCoverage struct {
	Policy *policy.Header
	ByCase bool
}

// Ref is id@version.
func (v VersionCoverage) Ref() string { return ref(v.Policy, "") }

// InWindow reports whether the gate requires a version's coverage on day
// today: the version has started and is still in effect, or was within the
// last year. A version that starts later is reported but not required yet;
// from its first day, it is.
func InWindow(h *policy.Header, today civil.Date) bool {
	if h.EffectiveFrom.After(today) {
		return false
	}
	return h.EffectiveUntil == nil || !h.EffectiveUntil.Before(today.AddDate(-1, 0, 0))
}

// Status says where a version stands on day today, for reports.
func Status(h *policy.Header, today civil.Date) string { return StatusText(h, today).En }

// StatusText is Status in both languages.
func StatusText(h *policy.Header, today civil.Date) diag.Text {
	switch {
	case h.EffectiveFrom.After(today):
		return zh.Sprintf("from %s, not yet in effect", h.EffectiveFrom.String())
	case InWindow(h, today):
		return zh.Sprintf("in effect, or within the last year")
	}
	return zh.Sprintf("ended more than a year ago")
}

// Analyze measures what the worked cases' results and the probes reach.
func Analyze(h *policy.Handbook, results []engine.Result, probes []Probe, today civil.Date) Analysis {
	a := Analysis{Today: today, Cases: len(results), Probes: len(probes)}
	byCase := Exercised(results)
	byProbe := ProbeHits(probes)
	for _, c := range Clauses(h) {
		a.Clauses = append(a.Clauses, ClauseCoverage{Clause: c, ByCase: byCase[c.Key()], ByProbe: byProbe[c.Key()]})
	}
	computed := map[string]bool{} // id@version of every version a case computed
	for k := range byCase {
		r, _, _ := strings.Cut(k, " ")
		r, _, _ = strings.Cut(r, "#")
		computed[r] = true
	}
	for _, r := range results {
		for _, s := range r.Scores {
			computed[fmt.Sprintf("%s@%d", s.Scorecard, s.Version)] = true
		}
		if r.Points != nil {
			computed[fmt.Sprintf("%s@%d", r.Points.System, r.Points.Version)] = true
		}
		if r.Pay != nil {
			computed[fmt.Sprintf("%s@%d", r.Pay.Plan, r.Pay.Version)] = true
		}
	}
	for _, v := range paying(h) {
		a.Versions = append(a.Versions, VersionCoverage{Policy: v, ByCase: computed[ref(v, "")]})
	}
	return a
}

// paying returns the versions that pay: every pay plan version, and every
// version of a policy a pay plan version computes with (its scorecards,
// points system and the band tables of its lookups and of its scorecards)
// that is in effect at some time the plan version is.
func paying(h *policy.Handbook) []*policy.Header {
	seen := map[*policy.Header]bool{}
	var out []*policy.Header
	add := func(hd *policy.Header) {
		if !seen[hd] {
			seen[hd] = true
			out = append(out, hd)
		}
	}
	var follow func(from *policy.Header, p policy.Policy)
	follow = func(from *policy.Header, p policy.Policy) {
		for _, r := range policy.References(p) {
			if r.Kind != policy.KindScorecard && r.Kind != policy.KindPoints && !(r.Kind == policy.KindBands && r.Output == "coefficient") {
				continue
			}
			for _, v := range h.Versions(r.Kind, r.ID) {
				if hd := v.Head(); overlap(from, hd) && !seen[hd] {
					add(hd)
					follow(from, v)
				}
			}
		}
	}
	for _, p := range h.All() {
		if pp, ok := p.(*policy.PayPlan); ok {
			add(pp.Head())
			follow(pp.Head(), pp)
		}
	}
	slices.SortFunc(out, func(a, b *policy.Header) int { return strings.Compare(ref(a, ""), ref(b, "")) })
	return out
}

// overlap reports whether two versions are in effect on some common day.
func overlap(a, b *policy.Header) bool {
	endsBefore := func(x, y *policy.Header) bool {
		return x.EffectiveUntil != nil && x.EffectiveUntil.Before(y.EffectiveFrom)
	}
	return !endsBefore(a, b) && !endsBefore(b, a)
}

// Problems is the gate: for every version in the window (see InWindow),
// every clause reached by a worked case or a probe (the rows of a pay
// plan's own tables by a worked case), and every version that pays
// computed by a worked case, since probes alone never compute a payslip.
func (a Analysis) Problems() []string {
	texts := a.ProblemTexts()
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = t.En
	}
	return out
}

// ProblemTexts is Problems in both languages.
func (a Analysis) ProblemTexts() []diag.Text {
	var out []diag.Text
	for _, c := range a.Clauses {
		if c.Covered() || !InWindow(c.Policy, a.Today) {
			continue
		}
		if c.Kind == KindTableRow {
			out = append(out, zh.Sprintf("no worked case looks up %s %s (%s): a probe of the row alone does not count; add a case under testdata/cases whose pay formula reaches it", c.Ref, c.Clause.Clause, c.What))
			continue
		}
		out = append(out, zh.Sprintf("no worked case or boundary probe exercises %s %s (%s): add a case under testdata/cases", c.Ref, c.Clause.Clause, c.What))
	}
	for _, v := range a.Versions {
		if !v.ByCase && InWindow(v.Policy, a.Today) {
			noun := diag.Text{En: v.Policy.Kind.Noun(), Zh: policy.NounZh(v.Policy.Kind)}
			out = append(out, zh.Sprintf("no worked case computes %s (%s %s, %s): add a case under testdata/cases for a period it settles", v.Ref(), noun, v.Policy.File, span(v.Policy)))
		}
	}
	return out
}

func span(h *policy.Header) diag.Text {
	if h.EffectiveUntil != nil {
		return zh.Sprintf("from %s until %s", h.EffectiveFrom.String(), h.EffectiveUntil.String())
	}
	return zh.Sprintf("from %s", h.EffectiveFrom.String())
}

// Counts returns the clauses covered by worked cases alone, and by cases
// and probes as the gate counts them, of all clauses; per kind when kind is
// not "".
func (a Analysis) Counts(kind Kind) (byCase, covered, total int) {
	for _, c := range a.Clauses {
		if kind != "" && c.Kind != kind {
			continue
		}
		total++
		if c.ByCase {
			byCase++
		}
		if c.Covered() {
			covered++
		}
	}
	return byCase, covered, total
}
