package explain

import (
	"cmp"
	"strings"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/printf"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Step writes what a trace step says, in Chinese.
func Step(s engine.Step) string { return Sentence(s.Say) }

// Sentence writes a sentence of a trace in Chinese; "" for none.
func Sentence(s engine.Sentence) string {
	switch s := s.(type) {
	case *engine.ItemScored:
		return item(s)
	case *engine.PartScored:
		return part(s)
	case *engine.TotalScored:
		return total(s)
	case *engine.BandFound:
		return band(s)
	case engine.RedLineTouched:
		return printf.Sprintf("触及电网指标「%s」：%s 公司有权%s。", s.Line.Title, s.Policy.PayEffect.Text, strings.Join(s.Policy.Consequences, "、"))
	case engine.LeaveNoted:
		return printf.Sprintf("%s，服务 %d 个月：%s", s.Rule.Title, s.Months, s.Rule.Text)
	case engine.ComponentWorked:
		return component(s)
	case engine.ParamTaken:
		return paramTaken(s)
	case engine.TableRowFound:
		tb := s.Table
		return printf.Sprintf("「%s」第 %d 行，%s，取 %s。", cmp.Or(tb.Title, tb.Name), s.Row+1, tb.Rows[s.Row].Words(""), s.Result)
	case engine.AmountAdded:
		text := printf.Sprintf("%s %s 元。", s.Title, s.Amount)
		if s.Withheld {
			text += " 因触及电网指标，本项暂停发放。"
		}
		return text
	case engine.PayTotal:
		if s.Total.Sign() < 0 {
			// A deduction from pay paid under the contract (the ledger's
			// 600 元) can exceed what the plan pays.
			return printf.Sprintf("本期应发合计 %s 元：各项相抵后为负，即从按劳动合同发放的工资中净扣 %s 元。", s.Total, s.Total.Neg())
		}
		return printf.Sprintf("本期应发合计 %s 元。", s.Total)
	case engine.PointsBase:
		return printf.Sprintf("基本分 %s 分。", s.Base)
	case engine.EventCounted:
		return printf.Sprintf("%s %d 次，每次 %s 分，计 %s 分。", s.Event.Title, s.Count, &s.Event.Points, s.Points)
	case engine.AwardGiven:
		return printf.Sprintf("%s，酌情加 %s 分（每次最多 %s 分）。", s.Event.Title, s.Points, s.Event.Max)
	case engine.LadderStep:
		return ladder(s)
	case engine.PointsFloor:
		return "得分不低于 0 分。"
	case engine.PointsTotal:
		return printf.Sprintf("本月得分 %s 分。", s.Total)
	case engine.LedgerSaid:
		return s.Quarter + "：" + ledger(&s)
	case engine.ItemFed:
		return itemFed(s)
	case engine.StandingFound:
		return standing(s)
	case nil:
	}
	return ""
}

// paramTaken says whose value of a personal parameter was used: 本人 (the
// person's own) or 方案默认 (the plan's value), with the range allowed.
func paramTaken(s engine.ParamTaken) string {
	pa := s.Param
	amount := func(x exact.Decimal) string {
		if pa.Kind == "money" {
			return x.String() + " 元"
		}
		return x.String() + "%"
	}
	span := ""
	if r := pa.Personal; r != nil {
		span = r.Min.String() + "～" + amount(r.Max)
		if pa.Kind != "money" {
			span = amount(r.Min) + "～" + amount(r.Max)
		}
	}
	if s.Own {
		return printf.Sprintf("%s取本人的数额 %s（方案默认 %s，本人数额可在 %s之间）。", pa.Label, amount(s.Value), amount(pa.Value), span)
	}
	return printf.Sprintf("%s取方案默认 %s：未给本人的数额（可在 %s之间另定）。", pa.Label, amount(s.Value), span)
}

// component says how a formula component's amount was worked out: the facts
// that chose the branches of the formula, the formula of the branches taken
// with names and then with values, the rounding when it changed the value,
// the rows of the tables looked up, what a departure did, and whether a red
// line holds it back or it goes to the team.
func component(s engine.ComponentWorked) string {
	c, x, amt, rule := s.Component, s.Worked, s.Rounded, s.Rule
	var b strings.Builder
	if c.Explain != "" {
		b.WriteString(c.Explain + " ")
	}
	if len(x.Reasons) > 0 {
		b.WriteString("因 " + strings.Join(x.Reasons, "；") + "，")
	}
	b.WriteString(c.Title + " = ")
	if x.Value.Num.Cmp(amt) != 0 {
		b.WriteString(equalities(x.Formula, x.Values, x.Value.Num.String()))
		printf.Fprintf(&b, "，按%s保留到 %s 元，为 %s 元。", roundingName(rule.Mode), exact.FromInt(1).Shift(-rule.Places), amt)
	} else {
		b.WriteString(equalities(x.Formula, x.Values, amt.String()) + " 元。")
	}
	for i := range s.Lookups {
		b.WriteString(lookup(&s.Lookups[i]))
	}
	if l := s.Leave; l != nil {
		switch l.Rule.Effect {
		case "forfeit":
			printf.Fprintf(&b, " 因%s，本项取消（原应发 %s 元）。", l.Rule.Title, &l.Full)
		case "prorate":
			printf.Fprintf(&b, " 因%s，按服务 %d 个月折算：%s × %d ÷ 12 = %s 元。", l.Rule.Title, l.Months, &l.Full, l.Months, &l.Amount)
		}
	}
	switch {
	case s.Withheld:
		b.WriteString(" 因触及电网指标，本项暂停发放。")
	case c.Kind == policy.Deduction && amt.Sign() != 0:
		printf.Fprintf(&b, " 本项是扣款，计入合计为 %s 元。", amt.Neg())
	case c.Kind == policy.Pool:
		b.WriteString(" 本项由本人分配给团队，不计入本人收入。")
	}
	return b.String()
}

// roundingName names a rounding mode in Chinese.
func roundingName(m exact.Rounding) string {
	switch m {
	case exact.HalfUp:
		return "四舍五入"
	case exact.HalfEven:
		return "四舍六入五成双"
	case exact.Down:
		return "舍去尾数"
	}
	return ""
}

// equalities writes a = b = c, leaving out a term that only repeats the
// next one (the same text, or the same number: 0 before 0.00).
func equalities(terms ...string) string {
	var out []string
	for _, t := range terms {
		if n := len(out); n > 0 && sameTerm(out[n-1], t) {
			out[n-1] = t
			continue
		}
		out = append(out, t)
	}
	return strings.Join(out, " = ")
}

func sameTerm(a, b string) bool {
	if a == b {
		return true
	}
	x, errX := exact.Parse(a)
	y, errY := exact.Parse(b)
	return errX == nil && errY == nil && x.Cmp(y) == 0
}

// lookup says which row of which table a lookup found.
func lookup(l *engine.Lookup) string {
	where := ""
	if l.Row != nil {
		where = "落在" + l.Row.Words("") + "，"
	}
	return printf.Sprintf("查「%s」：%s %s对应 %s。", l.Title, &l.Arg, where, &l.Result)
}

// ladder says what one shortfall of a ladder did.
func ladder(s engine.LadderStep) string {
	ld, sf, nst := s.Ladder, s.Shortfall, s.Nominal
	if s.Applied == nil {
		return printf.Sprintf("%s为 %s%%，不低于第 %d 次的阈值 %s%%，不算一次，不扣分。", ld.Title, sf.Rate, nst.Occurrence, nst.Below)
	}
	var failed []string
	for _, f := range s.Failed {
		failed = append(failed, printf.Sprintf("第 %d 档的附加条件「%s」", f.Occurrence, strings.TrimPrefix(f.Condition, "且")))
	}
	st := *s.Applied
	var b strings.Builder
	printf.Fprintf(&b, "第 %d 次%s低于 %s%%（%s%%）", sf.Occurrence, ld.Title, nst.Below, sf.Rate)
	switch {
	case len(failed) > 0:
		both := ""
		if len(failed) > 1 {
			both = "均"
		}
		printf.Fprintf(&b, "，计为第 %d 次；但%s%s不成立，按第 %d 档扣 %s 分", sf.Occurrence, strings.Join(failed, "、"), both, st.Occurrence, st.Points.Neg())
	case st.Condition != "":
		printf.Fprintf(&b, "%s，扣 %s 分", st.Condition, st.Points.Neg())
	default:
		printf.Fprintf(&b, "，扣 %s 分", st.Points.Neg())
	}
	printf.Fprintf(&b, "：%s。", strings.TrimSuffix(st.Consequence, "。"))
	return b.String()
}

// ledger says one line of a quarter's ledger. Its amounts go to printf as
// pointers, as in the other sentences where the step is at hand: a
// *exact.Decimal prints as the Decimal, and a pointer goes into an
// interface without a copy of the number (a copy is code at each argument:
// a fifth of this function, in the calculator's WebAssembly).
func ledger(s *engine.LedgerSaid) string {
	switch s.Case {
	case "exempt":
		return printf.Sprintf("本季不承担任务：不设基数和目标，不扣发固定工资，不计入台账差额，不发浮动工资；完成额 %s 元照常计提奖金。", &s.Eff)
	case "carry-in":
		return printf.Sprintf("本季完成额 %s 元加上季转入的超额 %s 元，按 %s 元核算。", &s.X, &s.Carry, &s.Eff)
	case "below-base":
		return printf.Sprintf("完成额 %s 元低于基数 %s 元：不发浮动工资、不计提奖金，扣发当季固定工资 %s 元；差额 %s 元须由以后季度补足。", &s.Eff, &s.Base, &s.Penalty, &s.Short)
	case "made-up":
		if s.Elsewhere.Sign() > 0 {
			return printf.Sprintf("用超出基数的 %s 元补足 %s 的基数差额，补发该季奖金（按其基数 %s 元减去该季另行计提的 %s 元，即 %s 元计提）。", &s.Fill, s.Other, &s.Base, &s.Elsewhere, &s.Accrued)
		}
		return printf.Sprintf("用超出基数的 %s 元补足 %s 的基数差额，补发该季奖金（按其基数 %s 元计提）。", &s.Fill, s.Other, &s.Base)
	case "partly-made-up":
		return printf.Sprintf("用超出基数的 %s 元补 %s 的基数差额，尚差 %s 元。", &s.Fill, s.Other, &s.Left)
	case "target", "above-cap":
		above := ""
		if s.Case == "above-cap" {
			above = "完成额达到 " + s.Cap.String() + " 元以上，原文未作规定，按达到目标处理并提交公司复核。"
		}
		return printf.Sprintf("完成额 %s 元达到目标 %s 元：发放浮动工资 %s 元，只按目标额计提奖金，超出的 %s 元转入下季核算。%s", &s.Adjusted, &s.Target, &s.Floating, &s.CarriedOut, above)
	case "base-to-target":
		return printf.Sprintf("完成额在基数 %s 元与目标 %s 元之间：不发浮动工资，按（补足后的余额 + 当季基数）%s 元计提奖金。", &s.Base, &s.Target, &s.Adjusted)
	case "bonus":
		parts := []string{printf.Sprintf("%s × %s", &s.Accrued, &s.Rate)}
		if s.Elsewhere.Sign() > 0 {
			parts[0] = printf.Sprintf("(%s − 另行计提的 %s) × %s", &s.Gross, &s.Elsewhere, &s.Rate)
		}
		if s.LateBase.Sign() > 0 {
			parts = append(parts, printf.Sprintf("补发 %s × %s", &s.LateBase, &s.Rate))
		}
		var where, lookups []string
		for _, d := range s.Derived {
			if text := derivation(d.Label, d.Worked); text != "" {
				where = append(where, text)
			}
		}
		for i := range s.Lookups {
			lookups = append(lookups, lookup(&s.Lookups[i]))
		}
		how := "。"
		if len(where) > 0 {
			how = "；其中" + strings.Join(where, "，") + "。"
		}
		return printf.Sprintf("季度奖金 = (%s) × 系数 %s = %s 元%s%s", strings.Join(parts, " + "), &s.Factor, &s.Bonus, how, strings.Join(lookups, ""))
	}
	return ""
}

// derivation writes "label value = formula = values (因 reasons)" for a
// ledger quantity computed by a formula, or "" when the formula is only a
// number.
func derivation(label string, x formula.Explanation) string {
	chain := equalities(x.Formula, x.Values, x.Value.Num.String())
	if !strings.Contains(chain, " = ") {
		return ""
	}
	d := label + " " + x.Value.Num.String() + " = " + strings.TrimSuffix(chain, " = "+x.Value.Num.String())
	if len(x.Reasons) > 0 {
		d += "（因 " + strings.Join(x.Reasons, "；") + "）"
	}
	return d
}

var hundred = exact.FromInt(100)

// part says how a part's points add up and scale to 100.
func part(s *engine.PartScored) string {
	text := printf.Sprintf("%s各项合计 %s 分", s.Part.Title, &s.Raw)
	if s.Raw.Cmp(s.Max) > 0 {
		text += printf.Sprintf("，超过满分 %s 分，按 %s 分计", &s.Max, &s.Max)
	}
	if s.Max.Cmp(hundred) != 0 {
		text += printf.Sprintf("，按百分制折算为 %s × 100 ÷ %s = %s 分", &s.Capped, &s.Max, &s.Score)
	}
	return text + "。"
}

// total says how the parts make the total.
func total(s *engine.TotalScored) string {
	terms := make([]string, len(s.Parts))
	for i, p := range s.Parts {
		terms[i] = printf.Sprintf("%s %s × %s%%", p.Title, &p.Score, &p.Share)
	}
	return printf.Sprintf("总分 = %s = %s 分。", strings.Join(terms, " + "), &s.Total)
}

// band says which row of a band table the total lands in.
func band(s *engine.BandFound) string {
	if s.Bands.Output == "coefficient" && s.Row.Value != nil {
		return printf.Sprintf("总分 %s 分落在%s，奖金系数 K = %s。", &s.Total, s.Row.Words("分"), s.Row.Value)
	}
	return printf.Sprintf("总分 %s 分落在%s，等级为「%s」。", &s.Total, s.Row.Words("分"), s.Row.Label)
}

// item says how an item got its points, in the words of its kind
// (policy.ScoringRule.Explain).
func item(s *engine.ItemScored) string {
	it := s.Item
	how := it.Rule.Explain(it, s.In)
	if s.Clause == "max" || s.Clause == "min" {
		how += "，按上下限取值"
	}
	return printf.Sprintf("%s：%s，得 %s 分。", it.Title, how, &s.Points)
}

// standing says how a standing's measure was worked out, the row of the
// action table it lands in, and what follows (末位管理).
func standing(s engine.StandingFound) string {
	var b strings.Builder
	if s.Standing.Explain != "" {
		b.WriteString(s.Standing.Explain + " ")
	}
	x := s.Worked
	what := cmp.Or(s.Bands.Measure, s.Standing.Title)
	if x.Value.Num.Cmp(s.Measure) != 0 {
		printf.Fprintf(&b, "%s = %s ≈ %s 分（四舍五入到 0.01 分）", what, equalities(x.Formula, x.Values), s.Measure)
	} else {
		printf.Fprintf(&b, "%s = %s 分", what, equalities(x.Formula, x.Values, x.Value.Num.String()))
	}
	printf.Fprintf(&b, "，落在%s，%s结果为「%s」", s.Row.Words("分"), s.Standing.Title, s.Row.Label)
	if c := strings.TrimSuffix(s.Row.Consequence, "。"); c != "" {
		b.WriteString("：" + c)
	}
	b.WriteString("。")
	return b.String()
}

// itemFed says how the pay plan computed an item's input from the pay
// inputs, and that a number given for it as well agrees.
func itemFed(s engine.ItemFed) string {
	label := s.Item.Title
	if s.Item.Input != nil && s.Item.Input.Label != "" {
		label = s.Item.Input.Label
	}
	x := s.Fed.Worked
	words := s.Fed.Feed.Expr.Words(func(n string) string { return s.Labels[n] }, func(string) string { return "" })
	got := s.Fed.Value.String()
	var b strings.Builder
	printf.Fprintf(&b, "%s由薪酬方案从填报的数据算出，不另填：%s = %s", label, words, equalities(x.Values, got))
	if x.Value.Num.Cmp(s.Fed.Value) != 0 {
		b.WriteString("（四舍五入到 0.01）")
	}
	if s.Fed.Given {
		b.WriteString("，与评分表上填的数相同")
	}
	b.WriteString("。")
	return b.String()
}
