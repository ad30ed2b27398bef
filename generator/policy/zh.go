package policy

import "github.com/kefu-hr/handbook/generator/diag"

// zh gives the messages of this package in Chinese (a NumberRef's errors
// are diag.Texts); TestEveryMessageIsInChinese keeps it complete. The
// scoring kinds' checks are translated where they are reported, by
// compile.
var zh = diag.CatalogOf([][2]string{
	{"%s: %v", "%s：%v"},
	{"%s is not set", "没有写 %s"},
	{"%s is not a number", "%s 不是数字"},
	{"nothing there", "那里什么也没有"},
	{"%q: a number has no keys", "%q：数字下面没有键"},
	{"no key %q", "没有键 %q"},
	{"no entry %q (an id, a name or an index from 0 to %d)", "没有条目 %q（应为 id、名字，或 0 到 %d 的序号）"},
	{"no %s %q", "没有%s %q"},

	// Scoring an item (Rule.Score): what a person typed, refused.
	{"unknown checks %q", "没有检查项 %q"},
	{"a check is given twice: %q", "有检查项写了两次：%q"},
	{"unknown choice %q", "没有选项 %q"},
	{"%s is not a whole number", "%s 不是整数"},
	{"no input %q", "没有输入 %q"},
	{"no table %q here", "这里没有表 %q"},
	{"level %d is outside 1–5", "等级 %d 不在 1–5 之内"},
	{"%s lands in no tier", "%s 不在任何一档内"},
	{"%s must not be negative", "%s 不能是负数"},
	{"%s is above the most possible, %s", "%s 超过了可能的最大值 %s"},
})

// NounZh names a kind of policy in Chinese, as Kind.Noun does in English.
func NounZh(k Kind) string {
	switch k {
	case KindRole:
		return "岗位"
	case KindCompetency:
		return "能力素质"
	case KindScorecard:
		return "考核表"
	case KindBands:
		return "系数表"
	case KindPayPlan:
		return "薪酬方案"
	case KindPoints:
		return "积分制度"
	case KindRedLines:
		return "电网指标制度"
	case KindRules:
		return "制度条文"
	}
	return string(k)
}
