package source

import (
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// Words says the interval in Chinese, its bounds in unit: “90% 及以上、不满
// 95%”一档. Explanations and pages name a tier or band this way.
func (iv Interval) Words(unit string) string {
	lead := func(x exact.Decimal) string { // before 及以上
		if unit == "" {
			return x.String() + " "
		}
		return WithUnit(x, unit)
	}
	switch {
	case iv.Min != nil && iv.Below != nil:
		return printf.Sprintf("“%s及以上、不满 %s”一档", lead(*iv.Min), WithUnit(*iv.Below, unit))
	case iv.Min != nil:
		return printf.Sprintf("“%s及以上”一档", lead(*iv.Min))
	case iv.Below != nil:
		return printf.Sprintf("“不满 %s”一档", WithUnit(*iv.Below, unit))
	}
	return "唯一一档"
}

// WithUnit writes a number with its unit: 92, 92%, 3 天, 150000.00 元.
func WithUnit(x exact.Decimal, unit string) string {
	switch unit {
	case "":
		return x.String()
	case "%":
		return x.String() + "%"
	}
	return x.String() + " " + unit
}
