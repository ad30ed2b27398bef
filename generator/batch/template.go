package batch

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Column is a column of a payout CSV with what to write in it.
type Column struct {
	Name string // the header, e.g. scorecard.kefu-zongjian-monthly.crm
	What string // in Chinese: the input's label, unit and how to write it
}

// Template lists the columns a payout of role for period needs: person and
// role, every item of every scorecard the plan uses in the period, every
// pay input the period's components use, the points system's events and
// ladders when it counts, red lines, departures where the plan has leave
// rules, and the earlier quarters of a ledger. It is what HR fills in.
func Template(h *policy.Handbook, period engine.Period, roleID string) ([]Column, error) {
	day := period.Settled()
	role, _ := h.At(policy.KindRole, roleID, day).(*policy.Role)
	if role == nil {
		return nil, fmt.Errorf("no role %q in effect on %s", roleID, day.Format("2006-01-02"))
	}
	if role.PayPlan == "" {
		return nil, fmt.Errorf("role %s has no pay plan: there is no pay to compute", role.ID)
	}
	plan, _ := h.At(policy.KindPayPlan, role.PayPlan, day).(*policy.PayPlan)
	if plan == nil {
		return nil, fmt.Errorf("role %s's pay plan %s is not in effect on %s", role.ID, role.PayPlan, day.Format("2006-01-02"))
	}
	if plan.Lines(period.Kind) == 0 {
		return nil, fmt.Errorf("pay plan %s pays nothing in a %s settlement", plan.ID, period.Kind)
	}
	cols := []Column{{"person", "姓名（每人一行）"}, {"role", "岗位：" + role.ID + "（" + role.Title + "）"}}
	var cards []string
	for _, id := range role.Scorecards {
		if usesCard(plan, period.Kind, id) {
			cards = append(cards, id)
		}
	}
	for _, id := range cards {
		sc, _ := h.At(policy.KindScorecard, id, day).(*policy.Scorecard)
		if sc == nil {
			continue
		}
		for pi := range sc.Part {
			for ii := range sc.Part[pi].Item {
				cols = append(cols, itemColumns(sc, &sc.Part[pi].Item[ii])...)
			}
		}
	}
	for _, def := range plan.Input {
		if !plan.Uses(period.Kind, def.Name) || def.Scorecard != "" && slices.Contains(cards, def.Scorecard) {
			continue
		}
		cols = append(cols, Column{"pay." + def.Name, def.Label + inputHint(def.Kind)})
	}
	if plan.PointsSystem != "" && engine.UsesScore(plan, period.Kind) {
		if ps, _ := h.At(policy.KindPoints, plan.PointsSystem, day).(*policy.Points); ps != nil {
			for _, e := range ps.Event {
				if e.Discretionary {
					cols = append(cols, Column{"points.award." + e.ID, e.Title + "：每次酌情加的分数，用 | 隔开"})
				} else {
					cols = append(cols, Column{"points." + e.ID, fmt.Sprintf("%s：本月次数（每次 %s 分）", e.Title, e.Points)})
				}
			}
			for _, l := range ps.Ladder {
				cols = append(cols, Column{"points.ladder." + l.ID, l.Title + "：本月每次不达标写 次数:比率，附加条件成立的加 :met=档次，用 | 隔开（如 3:67|4:68:met=3）"})
			}
		}
	}
	if plan.RedLines != "" {
		cols = append(cols, Column{"red_lines", "本期触及的电网指标代号，用 | 隔开；没有则留空"})
	}
	if len(plan.LeaveRule) > 0 && slices.ContainsFunc(plan.LeaveRule, func(lr policy.LeaveRule) bool { return leaveApplies(plan, &lr, period.Kind) }) {
		cols = append(cols, Column{"leave.case", "不满服务期离职的：voluntary（主动）或 dismissal（被动）；未离职留空"},
			Column{"leave.months", "离职的：本服务期已服务月数（0～12）"})
	}
	if period.Kind == "quarterly" && plan.HasLedger() {
		for q := 1; q < period.Quarter; q++ {
			label := engine.Period{Kind: "quarterly", Year: period.Year, Quarter: q}.String()
			cols = append(cols, Column{"history." + label + ".score", label + " 的考核总分（台账结转用）"})
			for _, def := range plan.Input {
				if plan.Uses("quarterly", def.Name) {
					cols = append(cols, Column{"history." + label + ".pay." + def.Name, label + " 的" + def.Label + inputHint(def.Kind)})
				}
			}
		}
	}
	return cols, nil
}

// leaveApplies reports whether a leave rule touches a component settled in period.
func leaveApplies(plan *policy.PayPlan, lr *policy.LeaveRule, period string) bool {
	for i := range plan.Component {
		if c := &plan.Component[i]; plan.PeriodOf(c) == period && slices.Contains(lr.Components, c.Name) {
			return true
		}
	}
	return false
}

// itemColumns are the columns of one scorecard item: one, or one per named
// input of a formula item.
func itemColumns(sc *policy.Scorecard, it *policy.Item) []Column {
	name := "scorecard." + sc.ID + "." + it.ID
	switch it.Scoring {
	case policy.ScoreFormula:
		var cols []Column
		for _, in := range it.Inputs {
			cols = append(cols, Column{name + "." + in.Name, it.Title + "：" + in.Label})
		}
		return cols
	case policy.ScoreYesNo:
		return []Column{{name, it.Title + "：" + it.Input.Label + "（是/否）"}}
	case policy.ScoreLevels:
		return []Column{{name, it.Title + "：行为等级 1～5"}}
	case policy.ScoreChoice:
		var ids []string
		for _, c := range it.Choices {
			ids = append(ids, c.ID)
		}
		return []Column{{name, it.Title + "：选一项，写其代号（" + strings.Join(ids, "、") + "）"}}
	case policy.ScoreChecklist:
		var ids []string
		for _, c := range it.Checks {
			ids = append(ids, c.ID)
		}
		return []Column{{name, it.Title + "：达到的要求代号，用 | 隔开（" + strings.Join(ids, "、") + "），一项也没有写 none"}}
	}
	what := it.Title
	if it.Input != nil {
		what += "：" + it.Input.Label
		if u := it.Input.DisplayUnit(); u != "" {
			what += "（" + u + "）"
		}
	}
	return []Column{{name, what}}
}

// inputHint says how to write a pay input of a kind.
func inputHint(kind string) string {
	switch kind {
	case "money":
		return "（元，如 12000.00）"
	case "percent":
		return "（百分数，写数字不写 %）"
	case "yesno":
		return "（是/否）"
	case "count":
		return "（次数/个数，整数）"
	}
	return ""
}
