package inputs

import (
	"slices"
	"strings"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Field is one input of a role's period: a CSV column, a line of a case
// file, a field of the calculator's form.
type Field struct {
	Path string // e.g. scorecard.kefu-zongjian-monthly.crm; see Form
	What string // in Chinese: the input's label, unit and how to write it
	// Label is the input's Chinese name, Kind what is written (see the
	// Kind constants), Unit its unit ("" for none).
	Label, Kind, Unit string
	// Bound is the range and precision of a number, nil when the field is
	// not a number; Max, when set, is the item's own maximum.
	Bound *Bound
	Max   *exact.Decimal
	// Options are what may be picked: choices, checks, red lines.
	Options []Option
}

// Header is the column header a template gives the field: its Chinese
// label, with its unit in brackets when it has one (CRM使用率（%）).
func (f Field) Header() string {
	if f.Unit == "" {
		return f.Label
	}
	if i := strings.LastIndex(f.Label, "（"); i >= 0 && strings.HasSuffix(f.Label, "）") && strings.Contains(f.Label[i:], f.Unit) {
		return f.Label // the label says its unit: 出勤率（实际出勤天数 ÷ 应出勤天数，%）
	}
	return f.Label + "（" + f.Unit + "）"
}

// Option is one thing a field lets the person pick.
type Option struct {
	ID, Text string
}

// The kinds of field.
const (
	KindText       = "text"       // free text: the person
	KindRole       = "role"       // a role id
	KindNumber     = "number"     // a number within Bound
	KindYesNo      = "yesno"      // true or false (是/否)
	KindLevel      = "level"      // a behaviour level, 1 to 5
	KindChoice     = "choice"     // one of Options
	KindChecks     = "checks"     // any of Options, or none
	KindCount      = "count"      // occurrences of a points event
	KindAwards     = "awards"     // points of discretionary awards
	KindShortfalls = "shortfalls" // the shortfalls of a ladder
	KindRedLines   = "redlines"   // any of Options
	KindLeave      = "leave"      // voluntary or dismissal
	KindMonths     = "months"     // months served, 0 to 12
)

// fields is a list of fields being made. Its methods append a field and
// return it for the rest to be set, until the next append: a field is
// written once, in place (each Field built and copied in at every call
// site made the calculator's WebAssembly larger by kilobytes).
type fields []Field

// field appends a field with its guide and kind.
func (fs *fields) field(path, what, label, kind string) *Field {
	*fs = append(*fs, Field{Path: path, What: what, Label: label, Kind: kind})
	return &(*fs)[len(*fs)-1]
}

// number appends a numeric field of an input kind (money, percent, …).
func (fs *fields) number(path, what, label, inputKind, unit string) *Field {
	f := fs.field(path, what, label, KindNumber)
	if b, ok := Bounds[inputKind]; ok {
		f.Bound = &b
		if unit == "" {
			unit = b.Unit
		}
	}
	if inputKind == "yesno" {
		f.Kind = KindYesNo
	}
	f.Unit = unit
	return f
}

// Fields lists the inputs a payout of role for period needs: person and
// role, every item of every scorecard the plan uses in the period, every
// pay input the period's components use, the points system's events and
// ladders when it counts, red lines, departures where the plan has leave
// rules, and the earlier quarters of a ledger. It is what HR fills in.
func Fields(h *policy.Handbook, period engine.Period, roleID string) ([]Field, error) {
	day := period.Settled()
	role, _ := h.At(policy.KindRole, roleID, day).(*policy.Role)
	if role == nil {
		return nil, errorf("no role %q in effect on %s", roleID, day.String())
	}
	if role.PayPlan == "" {
		return nil, errorf("role %s has no pay plan: there is no pay to compute", role.ID)
	}
	plan, _ := h.At(policy.KindPayPlan, role.PayPlan, day).(*policy.PayPlan)
	if plan == nil {
		return nil, errorf("role %s's pay plan %s is not in effect on %s", role.ID, role.PayPlan, day.String())
	}
	if plan.Lines(period.Kind) == 0 {
		return nil, errorf("pay plan %s pays nothing in %s", plan.ID, settlement(period.Kind))
	}
	var cols fields
	cols.field("person", "姓名（每人一行）", "姓名", KindText)
	cols.field("role", "岗位："+role.ID+"（"+role.Title+"）", "岗位", KindRole)
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
				it := &sc.Part[pi].Item[ii]
				n := len(cols)
				cols.item(sc, it)
				if id == plan.Scorecard && feeds(plan, it.ID) {
					for k := n; k < len(cols); k++ {
						cols[k].What += "（可留空：由本方案从填报的数据算出；填了须与算出的相同）"
					}
				}
			}
		}
	}
	for _, def := range plan.Input {
		if !plan.Uses(period.Kind, def.Name) || def.Scorecard != "" && slices.Contains(cards, def.Scorecard) {
			continue
		}
		f := cols.number("pay."+def.Name, def.Label+inputHint(def.Kind), def.Label, def.Kind, "")
		if def.Event != "" && plan.PointsSystem != "" && engine.UsesScore(plan, period.Kind) {
			f.What += printf.Sprintf("（可留空：由本月积分的 points.%s 次数得出；填了须与之相同）", def.Event)
		}
	}
	for _, pa := range plan.PersonalParams() {
		if plan.Uses(period.Kind, pa.Name) {
			cols.own(pa)
		}
	}
	if plan.PointsSystem != "" && engine.UsesScore(plan, period.Kind) {
		if ps, _ := h.At(policy.KindPoints, plan.PointsSystem, day).(*policy.Points); ps != nil {
			for _, e := range ps.Event {
				if e.Discretionary {
					cols.field("points.award."+e.ID, e.Title+"：每次酌情加的分数，用 | 隔开", e.Title, KindAwards)
				} else {
					cols.field("points."+e.ID, printf.Sprintf("%s：本月次数（每次 %s 分）", e.Title, e.Points), e.Title, KindCount).Unit = "次"
				}
			}
			for _, l := range ps.Ladder {
				cols.field("points.ladder."+l.ID, l.Title+"：本月每次不达标写 次数:比率，附加条件成立的加 :met=档次，用 | 隔开（如 3:67|4:68:met=3）", l.Title, KindShortfalls)
			}
		}
	}
	if plan.RedLines != "" {
		f := cols.field("red_lines", "本期触及的电网指标代号，用 | 隔开；没有则留空", "电网指标", KindRedLines)
		if rl, _ := h.At(policy.KindRedLines, plan.RedLines, day).(*policy.RedLines); rl != nil {
			for _, l := range rl.Line {
				f.Options = append(f.Options, Option{l.ID, l.Title})
			}
		}
	}
	if leaves(plan, period.Kind) {
		leave := cols.field("leave.case", "不满服务期离职的：voluntary（主动）或 dismissal（被动）；未离职留空", "离职", KindLeave)
		leave.Options = append(leave.Options, Option{"voluntary", "主动"}, Option{"dismissal", "被动"}) // appended: a literal would link an array type of its own
		cols.field("leave.months", "离职的：本服务期已服务月数（0～12）", "已服务月数", KindMonths).Unit = "月"
	}
	if period.Kind == policy.Quarterly && plan.HasLedger() {
		for q := 1; q < period.Quarter; q++ {
			label := engine.Period{Kind: policy.Quarterly, Year: period.Year, Quarter: q}.String()
			cols.number("history."+label+".score", label+" 的考核总分（台账结转用）", label+" 考核总分", "score", "")
			for _, def := range plan.Input {
				if plan.Uses(policy.Quarterly, def.Name) {
					cols.number("history."+label+".pay."+def.Name, label+" 的"+def.Label+inputHint(def.Kind), label+" "+def.Label, def.Kind, "")
				}
			}
			for _, pa := range plan.PersonalParams() {
				if plan.Uses(policy.Quarterly, pa.Name) {
					f := cols.own(pa)
					f.Path, f.Label = "history."+label+".own."+pa.Name, label+" "+pa.Label
					f.What = printf.Sprintf("%s 本人的%s（%s～%s；留空取本期的本人数额）", label, pa.Label, f.Bound.Min, f.Bound.Max)
				}
			}
		}
	}
	return cols, nil
}

// own appends the field of a person's own value of a personal parameter:
// left empty, the plan's value applies.
func (fs *fields) own(pa *policy.Param) *Field {
	b := OwnBound(pa)
	unit, example := "%", pa.Value.String()
	if pa.Kind == "money" {
		unit = "元"
	}
	f := fs.field("own."+pa.Name, printf.Sprintf("本人的%s（%s，%s～%s；留空取方案默认 %s）", pa.Label, unit, b.Min, b.Max, example), pa.Label, KindNumber)
	f.Bound, f.Unit = &b, unit
	return f
}

// feeds reports whether a plan computes an item of its scorecard from its
// pay inputs.
func feeds(plan *policy.PayPlan, item string) bool {
	for i := range plan.Feed {
		if plan.Feed[i].Item == item {
			return true
		}
	}
	return false
}

// leaves reports whether a leave rule of a plan touches a component
// settled in period.
func leaves(plan *policy.PayPlan, period policy.PeriodKind) bool {
	for i := range plan.LeaveRule {
		if leaveApplies(plan, &plan.LeaveRule[i], period) {
			return true
		}
	}
	return false
}

// leaveApplies reports whether a leave rule touches a component settled in period.
func leaveApplies(plan *policy.PayPlan, lr *policy.LeaveRule, period policy.PeriodKind) bool {
	for i := range plan.Component {
		if c := &plan.Component[i]; plan.PeriodOf(c) == period && slices.Contains(lr.Components, c.Name) {
			return true
		}
	}
	return false
}

// item appends the fields of one scorecard item, by the shape of its
// input (policy.ScoringRule.Field): one, or one per named input of a
// formula item.
func (fs *fields) item(sc *policy.Scorecard, it *policy.Item) {
	name := "scorecard." + sc.ID + "." + it.ID
	switch f := shapeOf(it); f.Shape {
	case policy.ShapeNamed:
		for _, in := range it.Inputs {
			fs.number(name+"."+in.Name, it.Title+"："+in.Label, it.Title+"："+in.Label, in.Kind, in.DisplayUnit()).Max = in.Max
		}
		return
	case policy.ShapeYesNo:
		fs.field(name, it.Title+"："+it.Input.Label+"（是/否）", it.Title, KindYesNo)
		return
	case policy.ShapeLevel:
		fs.field(name, it.Title+"：行为等级 1～5", it.Title, KindLevel).Unit = "级"
		return
	case policy.ShapePick, policy.ShapeChecks:
		what, kind := "：选一项，写其代号（", KindChoice
		if f.Shape == policy.ShapeChecks {
			what, kind = "：达到的要求代号，用 | 隔开（", KindChecks
		}
		var ids []string
		fd := fs.field(name, "", it.Title, kind)
		for _, c := range f.Options {
			ids = append(ids, c.ID)
			fd.Options = append(fd.Options, Option{c.ID, c.Text})
		}
		fd.What = it.Title + what + strings.Join(ids, "、") + "）"
		if kind == KindChecks {
			fd.What += "，一项也没有写 none"
		}
		return
	case policy.ShapeNumber:
	}
	what := it.Title
	kind, unit := "", ""
	if it.Input != nil {
		what += "：" + it.Input.Label
		if u := it.Input.DisplayUnit(); u != "" {
			what += "（" + u + "）"
		}
		kind, unit = it.Input.Kind, it.Input.DisplayUnit()
	}
	f := fs.number(name, what, it.Title, kind, unit)
	f.Kind = KindNumber
	if it.Input != nil {
		f.Max = it.Input.Max
	}
}

// shapeOf describes an item's input; a number for an item not compiled.
func shapeOf(it *policy.Item) policy.Field {
	if it.Rule == nil {
		return policy.Field{Shape: policy.ShapeNumber}
	}
	return it.Rule.Field(it)
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
