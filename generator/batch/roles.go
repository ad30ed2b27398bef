package batch

import (
	"slices"
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// roleInfo is what a role cell names, looked up once per file and shared
// by every row that writes it so.
type roleInfo struct {
	id      string          // the role's id; "" when the cell names none
	title   string          // its Chinese title
	plan    *policy.PayPlan // the pay plan that pays it in the period, or nil
	problem diag.Text       // why the cell names no role
	// guess is, when the cell names no role, the id of the one role it
	// comes closest to ("" when none or several do): the row's other cells
	// are checked as that role's, so that mending the role does not reveal
	// a second error in the same row.
	guess                   string
	comps                   []compKey // the plan's components settled in the period
	stands                  []compKey // and its standings
	compTitles, standTitles []string  // the Chinese titles of comps and of stands
}

// resolveRole looks up a role cell: a role's id, its Chinese title or one
// of its aliases. A cell that names none gets the roles that come closest
// and the list of the roles paid in the period.
func (ru *run) resolveRole(cell string) *roleInfo {
	if cell == "" {
		return &roleInfo{}
	}
	day := ru.period.Settled()
	role, _ := ru.h.At(policy.KindRole, cell, day).(*policy.Role)
	if role == nil {
		for _, p := range ru.h.All() {
			r, ok := p.(*policy.Role)
			if !ok || !r.InEffect(day) {
				continue
			}
			if r.Title == cell || slices.Contains(r.Aliases, cell) {
				role = r
				break
			}
		}
	}
	if role == nil {
		problem, guess := ru.unknownRole(cell)
		return &roleInfo{problem: problem, guess: guess}
	}
	info := &roleInfo{id: role.ID, title: role.Title}
	if role.PayPlan == "" {
		return info
	}
	plan, _ := ru.h.At(policy.KindPayPlan, role.PayPlan, day).(*policy.PayPlan)
	if plan == nil || plan.Lines(ru.period.Kind) == 0 {
		return info
	}
	info.plan = plan
	for i := range plan.Component {
		if c := &plan.Component[i]; plan.PeriodOf(c) == ru.period.Kind {
			info.comps = append(info.comps, compKey{plan.ID, c.Name})
			info.compTitles = append(info.compTitles, c.Title)
		}
	}
	for i := range plan.Standing {
		if st := &plan.Standing[i]; plan.StandingPeriod(st) == ru.period.Kind {
			info.stands = append(info.stands, compKey{plan.ID, st.Name})
			info.standTitles = append(info.standTitles, st.Title)
		}
	}
	return info
}

// unknownRole says that a cell names no role, which roles it may have
// meant, and which roles are paid in the period; and the id of the role it
// meant, when exactly one comes closest.
func (ru *run) unknownRole(cell string) (diag.Text, string) {
	day := ru.period.Settled()
	var list, near, nearIDs []string
	best := -1
	for _, id := range paidRoles(ru.h, ru.period) {
		r := ru.h.At(policy.KindRole, id, day).(*policy.Role)
		list = append(list, r.ID+"（"+r.Title+"）")
		d := min(formula.Distance(cell, r.ID), formula.Distance(cell, r.Title))
		for _, a := range r.Aliases {
			d = min(d, formula.Distance(cell, a))
		}
		limit := max(2, len([]rune(cell))/3)
		switch {
		case d > limit:
		case best < 0 || d < best:
			best, near, nearIDs = d, []string{r.ID + "（" + r.Title + "）"}, []string{r.ID}
		case d == best:
			near = append(near, r.ID+"（"+r.Title+"）")
			nearIDs = append(nearIDs, r.ID)
		}
	}
	hint := diag.Text{}
	if len(near) > 0 {
		hint = zh.Sprintf("; did you mean %s?", orList(near))
	}
	guess := ""
	if len(nearIDs) == 1 {
		guess = nearIDs[0]
	}
	return zh.Sprintf("no role %q in effect on %s%s (roles paid in %s: %s; a role's id or its Chinese title)", cell, day.String(), hint, ru.period.String(), strings.Join(list, ", ")), guess
}
