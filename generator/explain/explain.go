package explain

import (
	"fmt"
	"strings"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Step writes what a trace step says, in Chinese.
func Step(s engine.Step) string { return Sentence(s.Say) }

// Sentence writes a sentence of a trace in Chinese; "" for none.
func Sentence(s engine.Sentence) string {
	switch s := s.(type) {
	case engine.ItemScored:
		return item(s)
	case engine.PartScored:
		return part(s)
	case engine.TotalScored:
		return total(s)
	case engine.BandFound:
		return band(s)
	case engine.Text:
		return string(s)
	case nil:
	}
	return ""
}

var hundred = exact.FromInt(100)

// part says how a part's points add up and scale to 100.
func part(s engine.PartScored) string {
	text := fmt.Sprintf("%s各项合计 %s 分", s.Part.Title, s.Raw)
	if s.Raw.Cmp(s.Max) > 0 {
		text += fmt.Sprintf("，超过满分 %s 分，按 %s 分计", s.Max, s.Max)
	}
	if s.Max.Cmp(hundred) != 0 {
		text += fmt.Sprintf("，按百分制折算为 %s × 100 ÷ %s = %s 分", s.Capped, s.Max, s.Score)
	}
	return text + "。"
}

// total says how the parts make the total.
func total(s engine.TotalScored) string {
	terms := make([]string, len(s.Parts))
	for i, p := range s.Parts {
		terms[i] = fmt.Sprintf("%s %s × %s%%", p.Title, p.Score, p.Share)
	}
	return fmt.Sprintf("总分 = %s = %s 分。", strings.Join(terms, " + "), s.Total)
}

// band says which row of a band table the total lands in.
func band(s engine.BandFound) string {
	if s.Bands.Output == "coefficient" && s.Row.Value != nil {
		return fmt.Sprintf("总分 %s 分落在%s，奖金系数 K = %s。", s.Total, s.Row.Words("分"), s.Row.Value)
	}
	return fmt.Sprintf("总分 %s 分落在%s，等级为「%s」。", s.Total, s.Row.Words("分"), s.Row.Label)
}

// item says how an item got its points.
func item(s engine.ItemScored) string {
	it, in := s.Item, s.In
	label := it.Title
	if it.Input != nil {
		label = it.Input.Label
	}
	unit := it.Input.DisplayUnit()
	var how string
	switch r := it.Rule.(type) {
	case policy.TiersRule:
		x := *in.Value
		for _, t := range r.Tiers {
			if t.Contains(x) {
				how = fmt.Sprintf("%s为 %s，落在%s", label, policy.WithUnit(x, unit), t.Words(unit))
			}
		}
	case policy.YesNoRule:
		how = label + "：" + map[bool]string{true: "是", false: "否"}[*in.Yes]
	case policy.DeductionRule:
		how = fmt.Sprintf("满分 %s 分，%s %s，每个扣 %s 分（最低 %s 分）", r.Full, label, in.Value, r.Per, r.Floor)
	case policy.LinearRule:
		down := fmt.Sprintf("每低满 %s扣 %s 分", spaced(stepPhrase(r.Step, unit)), r.Down)
		if r.Down.Sign() == 0 {
			down = "低于基准不扣分"
		}
		how = fmt.Sprintf("%s为 %s，以 %s为基准得 %s 分，每高出满 %s加 %s 分、%s（%s～%s 分）", label, policy.WithUnit(*in.Value, unit), spaced(policy.WithUnit(r.Par, unit)), r.Base, spaced(stepPhrase(r.Step, unit)), r.Up, down, r.Min, r.Max)
	case policy.LevelsRule:
		how = fmt.Sprintf("评定为 %d 级", in.Level)
	case policy.ChoiceRule:
		for _, c := range r.Choices {
			if c.ID == in.Choice {
				how = "评定为“" + c.Text + "”"
			}
		}
	case policy.ChecklistRule:
		how = fmt.Sprintf("达到 %d 条要求", len(in.Checks))
	case policy.ProportionalRule:
		x := exact.Min(*in.Value, r.Scale)
		how = fmt.Sprintf("%s为 %s（满分 %s），按比例得 %s × %s ÷ %s", label, in.Value, r.Scale, r.Weight, x, r.Scale)
	case policy.FormulaRule:
		how = "按公式 " + r.Text + " 计算"
		vals := labelled{values: map[string]formula.Value{}, labels: map[string]string{}}
		for _, def := range r.Inputs {
			vals.values[def.Name] = in.Named[def.Name]
			vals.labels[def.Name] = def.Label
		}
		if x, err := r.Expr.Explain(vals); err == nil {
			how = fmt.Sprintf("按公式 %s = %s = %s", x.Formula, x.Values, x.Value.Text())
			if len(x.Reasons) > 0 {
				how = "因 " + strings.Join(x.Reasons, "；") + "，" + how
			}
		}
	case nil:
	}
	if s.Clause == "max" || s.Clause == "min" {
		how += "，按上下限取值"
	}
	return fmt.Sprintf("%s：%s，得 %s 分。", it.Title, how, s.Points)
}

// spaced puts a space after text that ends in a digit or %, so that the
// Chinese word after it does not touch it (100% 为基准, 0 元为基准).
func spaced(text string) string {
	if r := text[len(text)-1]; r >= '0' && r <= '9' || r == '%' {
		return text + " "
	}
	return text
}

// stepPhrase says "every step" of a linear item: 5 个百分点 for a percentage.
func stepPhrase(x exact.Decimal, unit string) string {
	if unit == "%" {
		return x.String() + " 个百分点"
	}
	return policy.WithUnit(x, unit)
}

// labelled gives a formula item's named inputs their values and labels.
type labelled struct {
	values map[string]formula.Value
	labels map[string]string
}

func (l labelled) Value(name string) (formula.Value, bool) { v, ok := l.values[name]; return v, ok }
func (l labelled) Label(name string) string                { return l.labels[name] }
func (l labelled) Lookup(table string, x exact.Decimal) (exact.Decimal, error) {
	return exact.Decimal{}, fmt.Errorf("no table %q here", table)
}
