package policy

import "github.com/kefu-hr/handbook/generator/internal/printf"

// Reference is what one policy names of another: the kind and id of the
// policy named, and the JSON pointer of the key that names it.
type Reference struct {
	Kind Kind
	ID   string
	Ptr  string
	// Output, for a reference to a band table, is what its rows must give
	// (coefficient, grade or action); "" otherwise.
	Output string
}

// References lists the policies p names, in the order of its keys: a role's
// manager, scorecards, pay plan and promotion; a scorecard's band tables and
// competencies; a pay plan's scorecards, points system, red lines and the
// band tables its formulas and standings look up (a plan's own tables are
// not policies); a rule's roles; a glossary term's policies. Formulas are
// read as parsed, so a pay plan's lookups are
// listed only once it has been checked.
func References(p Policy) []Reference {
	var out []Reference
	add := func(k Kind, id, ptr string) {
		if id != "" {
			out = append(out, Reference{Kind: k, ID: id, Ptr: ptr})
		}
	}
	switch p := p.(type) {
	case *Role:
		for i, to := range p.ReportsTo {
			add(KindRole, to, printf.Sprintf("/reports_to/%d", i))
		}
		for i, s := range p.Scorecards {
			add(KindScorecard, s, printf.Sprintf("/scorecards/%d", i))
		}
		add(KindPayPlan, p.PayPlan, "/pay_plan")
		if p.Promotion != nil {
			add(KindRole, p.Promotion.To, "/promotion/to")
		}
	case *Scorecard:
		if p.Bands != "" {
			out = append(out, Reference{Kind: KindBands, ID: p.Bands, Ptr: "/bands", Output: "coefficient"})
		}
		if p.Grades != "" {
			out = append(out, Reference{Kind: KindBands, ID: p.Grades, Ptr: "/grades", Output: "grade"})
		}
		for pi, part := range p.Part {
			for ii, it := range part.Item {
				add(KindCompetency, it.Competency, printf.Sprintf("/part/%d/item/%d/competency", pi, ii))
			}
		}
	case *PayPlan:
		add(KindScorecard, p.Scorecard, "/scorecard")
		add(KindPoints, p.PointsSystem, "/points_system")
		add(KindRedLines, p.RedLines, "/red_lines")
		for i, in := range p.Input {
			add(KindScorecard, in.Scorecard, printf.Sprintf("/input/%d/scorecard", i))
		}
		local := map[string]bool{}
		for _, t := range p.Table {
			local[t.Name] = true
		}
		for i := range p.Component {
			c := &p.Component[i]
			for _, k := range append([]string{"formula"}, append(LedgerKeys, LedgerOptional...)...) {
				e := c.Exprs[k]
				if e == nil {
					continue
				}
				for _, t := range e.Tables() {
					if !local[t] {
						out = append(out, Reference{Kind: KindBands, ID: t, Ptr: printf.Sprintf("/component/%d/%s", i, k), Output: "coefficient"})
					}
				}
			}
		}
		for i, s := range p.Standing {
			if s.Bands != "" {
				out = append(out, Reference{Kind: KindBands, ID: s.Bands, Ptr: printf.Sprintf("/standing/%d/bands", i), Output: "action"})
			}
		}
	case *Rules:
		for i, r := range p.Rule {
			for j, id := range r.AppliesTo {
				add(KindRole, id, printf.Sprintf("/rule/%d/applies_to/%d", i, j))
			}
		}
		for i, t := range p.Term {
			for j, see := range t.See {
				if k, id, ok := SeeRef(see); ok {
					add(k, id, printf.Sprintf("/term/%d/see/%d", i, j))
				}
			}
		}
	}
	return out
}
