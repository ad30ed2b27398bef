package inputs

import (
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Bound is the range and precision a number entered for one kind of input
// may have. Nothing outside it reaches the engine: the bounds keep every
// sum and product of a payslip well inside the 34 significant digits of
// exact arithmetic, and refuse what no person's month can be (a collection
// of 10^35 元, 0.001 元, a count of 2.5).
type Bound struct {
	Min, Max exact.Decimal
	Places   int32  // the most decimals
	What     string // how messages name a value of the kind
	WhatZh   string // What in Chinese
	Unit     string // the unit written after the bounds, "" for none
}

// Bounds gives the bound of each kind of numeric input (the kinds of a pay
// plan's inputs and of a scorecard item's input). A yes/no input has none.
var Bounds = map[string]Bound{
	"money":   {Min: exact.MustParse("-999999999999.99"), Max: exact.MustParse("999999999999.99"), Places: 2, What: "an amount", WhatZh: "金额", Unit: "元"},
	"percent": {Min: exact.FromInt(0), Max: exact.FromInt(10000), Places: 4, What: "a percentage", WhatZh: "百分比", Unit: "%"},
	"count":   {Min: exact.FromInt(0), Max: exact.FromInt(1000000), Places: 0, What: "a count"},
	"hours":   {Min: exact.FromInt(0), Max: exact.FromInt(100000), Places: 2, What: "a number of hours", WhatZh: "小时数", Unit: "小时"},
	"score":   {Min: exact.FromInt(0), Max: exact.FromInt(100), Places: 2, What: "a score", WhatZh: "分数", Unit: "分"},
	"points":  {Min: exact.FromInt(0), Max: exact.FromInt(1000), Places: 2, What: "a points-system score", WhatZh: "积分", Unit: "分"},
}

// OwnBound is the bound of a person's own value of a personal parameter:
// the parameter's range, to the fen for money and to 0.0001 for a
// percentage or rate (which a pay plan writes in percent).
func OwnBound(pa *policy.Param) Bound {
	b := Bounds["percent"]
	if pa.Kind == "money" {
		b = Bounds["money"]
	}
	if r := pa.Personal; r != nil {
		b.Min, b.Max = r.Min, r.Max
	}
	b.What = "own " + pa.Name
	b.WhatZh = "本人的 " + pa.Name
	return b
}

// CheckBound checks a number given for an input of the kind against its
// bound, and says what is wrong in a sentence; "" when it is within it (or
// the kind has no bound).
func CheckBound(kind string, x exact.Decimal) string { return CheckBoundText(kind, x).En }

// CheckBoundText is CheckBound in both languages.
func CheckBoundText(kind string, x exact.Decimal) diag.Text {
	b, ok := Bounds[kind]
	if !ok {
		return diag.Text{}
	}
	return b.CheckText(x)
}

// Check checks a number against the bound, and says what is wrong in a
// sentence; "" when it is within it.
func (b Bound) Check(x exact.Decimal) string { return b.CheckText(x).En }

// CheckText is Check in both languages (an empty Text when x is within
// the bound). Nothing is formatted unless x is outside it.
func (b Bound) CheckText(x exact.Decimal) diag.Text {
	what := diag.Text{En: b.What, Zh: b.WhatZh}
	switch {
	case x.Cmp(b.Min) < 0 || x.Cmp(b.Max) > 0:
		return zh.Sprintf("%s is outside the range of %s: %s to %s%s", x, what, b.Min, b.Max, b.unit())
	case b.Places == 0 && !x.IsInteger():
		return zh.Sprintf("%s is not a whole number: %s is counted in whole units", x, what)
	case !x.HasPlaces(b.Places):
		return zh.Sprintf("%s has more than %d decimals: %s is exact to %s%s", x, b.Places, what, exact.FromInt(1).Shift(-b.Places), b.unit())
	}
	return diag.Text{}
}

// unit is the unit as messages write it after a number: " 元", or "".
func (b *Bound) unit() string {
	if b.Unit == "" {
		return ""
	}
	return " " + b.Unit
}
