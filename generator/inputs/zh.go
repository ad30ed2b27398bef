package inputs

import "github.com/kefu-hr/handbook/generator/diag"

// errorf is a message in both languages as an error (diag.Catalog.Errorf):
// its Error is the English, diag.ErrorIn gives the Chinese.
func errorf(format string, args ...any) error { return zh.Errorf(format, args...) }

// fieldProblem is a problem of a field, its reason in both languages.
func fieldProblem(path, format string, args ...any) FieldProblem {
	t := zh.Sprintf(format, args...)
	return FieldProblem{Path: path, Reason: t.En, Zh: t.Zh}
}

// fieldError is the problem of a field whose text err refuses, its reason
// in both languages.
func fieldError(path string, err error) FieldProblem {
	return FieldProblem{Path: path, Reason: err.Error(), Zh: diag.ErrorIn(err, diag.Chinese)}
}

// zh gives every message of this package in Chinese, the language of the
// clerks who fill in the forms and files (diag.Lang).
// TestEveryMessageIsInChinese checks that each format the package writes
// is here, with the same arguments, and that nothing here is unused. Paths
// (scorecard.CARD.ITEM), ids and the values typed stay as they are.
var zh = diag.Catalog{
	// encode.go
	"not a field of this form": "不是本表单的字段",

	// check.go
	"%d months served: write 0 to 12": "在职 %d 个月：请写 0 到 12",
	"%d occurrences: want 0 or more":  "%d 次：次数应为 0 或以上",
	"%s":                              "%s",
	"%v":                              "%v",
	"%s is %s, but the points of the month count event %s %d times: they must agree (or give only the points)": "%s 填的是 %s，但本月积分中事件 %s 有 %d 次：两者须一致（或只填积分）",
	"%s is a number, not yes/no":                                               "%s 是数值，不是是/否",
	"%s is yes/no: write true or false":                                        "%s 是是/否：请写 true 或 false",
	"%s is computed from %s as %s: %s; correct the inputs it is computed from": "%s 由 %s 算得 %s：%s；请改正它所依据的输入",
	"%s is discretionary: give the points of each award under awards":          "%s 是酌情加分事件：请在 awards 下逐次写分数",
	"%s is given, and computed from scorecard %s as well: give one of them":    "%s 填了数，又由考核表 %s 算出：只能二选一",
	"%s's score: %s":                                            "%s 的分数：%s",
	"%s: %v; it is computed from %s":                            "%s：%v；它由 %s 算得",
	"an empty red line id":                                      "电网指标代码为空",
	"award %s is outside 0–%s":                                  "加分 %s 超出 0–%s",
	"check %s is given twice":                                   "检查项 %s 写了两次",
	"history is used only in a quarterly settlement, not in %s": "history（往季数据）只用于季度结算，%s不用",
	"item %s has no check %q (its checks: %s)":                  "项目 %s 没有检查项 %q（它的检查项：%s）",
	"item %s has no input %q (its inputs: %s)":                  "项目 %s 没有输入 %q（它的输入：%s）",
	"no input given: item %s needs %s（%s）":                      "没有填：项目 %s 需要 %s（%s）",
	"no input given: list the checks met, of %s (when none is met: an empty list, or none in a payout CSV)":       "没有填：请列出做到的检查项（可选：%s；一项也没做到时写空列表，在发薪 CSV 中写 none）",
	"no input given: pay plan %s needs %s（%s）in %s":                                                               "没有填：薪酬方案 %[1]s 的%[4]s需要 %[2]s（%[3]s）",
	"no input given: pay plan %s needs %s（%s）in %s, or the inputs of scorecard %s":                                "没有填：薪酬方案 %[1]s 的%[4]s需要 %[2]s（%[3]s），或考核表 %[5]s 的各项输入",
	"no input given: pay plan %s needs %s（%s）in %s, or the month's points, which count it as event %s":            "没有填：薪酬方案 %[1]s 的%[4]s需要 %[2]s（%[3]s），或本月积分（按事件 %[5]s 计次）",
	"no points system %q in effect on %s":                                                                         "%[2]s 没有生效的积分制度 %[1]q",
	"no red-line policy %q in effect on %s":                                                                       "%[2]s 没有生效的电网指标制度 %[1]q",
	"no role %q in effect on %s":                                                                                  "%[2]s 没有生效的岗位 %[1]q",
	"no score given for %s: the ledger needs each earlier quarter's score":                                        "没有填 %s 的分数：台账需要此前每个季度的分数",
	"no scorecard %q in effect on %s":                                                                             "%[2]s 没有生效的考核表 %[1]q",
	"occurrence %d: want 1 or more":                                                                               "第 %d 次：次数应为 1 或以上",
	"parameter %s of pay plan %s is not personal: everyone has the plan's value":                                  "薪酬方案 %[2]s 的参数 %[1]s 不是个人参数：人人都取方案中的值",
	"pay plan %s does not use %s in %s":                                                                           "薪酬方案 %[1]s 的%[3]s不用 %[2]s",
	"pay plan %s does not use points in %s":                                                                       "薪酬方案 %[1]s 的%[2]s不用积分",
	"pay plan %s has no input %q":                                                                                 "薪酬方案 %s 没有输入 %q",
	"pay plan %s has no leave rule for %q (its cases: %s)":                                                        "薪酬方案 %s 没有关于 %q 的离职规则（它的离职情形：%s）",
	"pay plan %s has no leave rules: a departure changes none of its pay":                                         "薪酬方案 %s 没有离职规则：离职不影响它的任何薪酬",
	"pay plan %s has no personal parameter %q (its personal parameters: %s)":                                      "薪酬方案 %s 没有个人参数 %q（它的个人参数：%s）",
	"pay plan %s has no points system: points are not used":                                                       "薪酬方案 %s 没有积分制度：不用积分",
	"pay plan %s keeps no quarterly ledger: history is not used":                                                  "薪酬方案 %s 没有季度台账：不用 history（往季数据）",
	"pay plan %s names no red-line policy":                                                                        "薪酬方案 %s 没有指定电网指标制度",
	"pay plan %s needs the inputs of scorecard %s in %s":                                                          "薪酬方案 %[1]s 的%[3]s需要考核表 %[2]s 的各项输入",
	"pay plan %s needs the month under points system %s":                                                          "薪酬方案 %s 需要本月积分制度 %s 下的积分",
	"pay plan %s pays nothing in %s: its components are settled %s":                                               "薪酬方案 %[1]s 在%[2]s中不发任何薪酬：它的薪酬项目按%[3]s结算",
	"pay plan %s's %s rule changes no component settled in %s: give the departure with the settlement it changes": "薪酬方案 %[1]s 的 %[2]s 离职规则不影响%[3]s的任何薪酬项目：请在它影响的那次结算中填写离职",
	"points system %s has no discretionary event %q":                                                              "积分制度 %s 没有酌情加分事件 %q",
	"points system %s has no event %q":                                                                            "积分制度 %s 没有事件 %q",
	"points system %s has no ladder %q":                                                                           "积分制度 %s 没有阶梯 %q",
	"red line %s is given twice":                                                                                  "电网指标 %s 写了两次",
	"red-line policy %s has no red line %q":                                                                       "电网指标制度 %s 没有电网指标 %q",
	"role %s has no pay plan: nothing uses %s":                                                                    "岗位 %s 没有薪酬方案：%s 用不到",
	"role %s's pay plan %s is not in effect on %s":                                                                "岗位 %s 的薪酬方案 %s 在 %s 未生效",
	"scorecard %s has no item %q":                                                                                 "考核表 %s 没有项目 %q",
	"scorecard %s is not one of role %s's (%s)":                                                                   "考核表 %[1]s 不是岗位 %[2]s 的考核表（它的考核表：%[3]s）",
	"the rate: %s": "比率：%s",
	"want %s: history lists the quarters just before %s, oldest first": "应为 %s：history 按时间先后列出 %s 之前紧挨着的各季度",

	// bounds.go
	"%s has more than %d decimals: %s is exact to %s%s":      "%[1]s 超过 %[2]d 位小数：%[3]s精确到 %[4]s%[5]s",
	"%s is not a whole number: %s is counted in whole units": "%[1]s 不是整数：%[2]s只能是整数",
	"%s is outside the range of %s: %s to %s%s":              "%[1]s 超出%[2]s的范围：%[3]s 到 %[4]s%[5]s",

	// form.go, fields.go
	"%q has full-width characters (typed with a Chinese input method): type %q in half-width (switch the input method to English, or press Shift)": "%q 含全角字符（中文输入法打出的）：请用半角输入 %q（把输入法切换到英文，或按 Shift）",
	"%q is not a count (0, 1, 2 …)":                                                                         "%q 不是次数（0、1、2 …）",
	"%q is not a plain number (%s)":                                                                         "%q 不是普通数字（%s）",
	"%q is not a plain number (%s) nor true or false":                                                       "%q 不是普通数字（%s），也不是 true 或 false",
	"%q: an empty %s (join them by a single |)":                                                             "%q：有一个%s是空的（多个之间只用一个 | 隔开）",
	"%q: name the steps whose extra condition holds, e.g. 3:66:met=3 or 4:68:met=3+4":                       "%q：请写出附加条件成立的档，例如 3:66:met=3 或 4:68:met=3+4",
	"%q: the occurrence %q is not 1, 2, 3 …":                                                                "%q：次数 %q 不是 1、2、3 …",
	"%q: the rate: %v":                                                                                      "%q：比率：%v",
	"%q: the step %q in met= is not 1, 2, 3 … (steps are joined by +)":                                      "%q：met= 中的档 %q 不是 1、2、3 …（多个档用 + 连接）",
	"%q: want occurrence:rate or occurrence:rate:met=STEPS, e.g. 2:62 or 4:68:met=3+4":                      "%q：应写成 次数:比率 或 次数:比率:met=档，例如 2:62 或 4:68:met=3+4",
	"%q: write 0 for a month under the points system without any event (the events have their own columns)": "%q：本月在积分制度下没有任何事件时写 0（各事件有自己的列）",
	"%q: write the months served, 0 to 12":                                                                  "%q：请写在职月数，0 到 12",
	"%q: write the number without %%, in the unit of the input (%s for %s)":                                 "%q：请不带 %% 写数字，单位就是该输入的单位（%[3]s 写成 %[2]s）",
	"%q: write voluntary (主动) or dismissal (被动)":                                                            "%q：请写 voluntary（主动）或 dismissal（被动）",
	"%s (--period %s)": "%s（--period %s）",
	"%s (write 0 in a points.* cell for a month without events)":            "%s（本月没有积分事件时，在一个 points.* 单元格写 0）",
	"%s is not before the quarter paid, %s":                                 "%s 不在所发季度 %s 之前",
	"%s: a score is 0 to 100":                                               "%s：分数应为 0 到 100",
	"earlier quarters are given only for a quarterly payout, not for %s":    "只有季度发薪才填往季数据，%s 不填",
	"event %s is discretionary: give its awards' points in points.award.%s": "事件 %s 是酌情加分事件：请在 points.award.%s 中写每次的分数",
	"field %d has no path":                                                  "第 %d 个字段没有路径",
	"item %s has no input %q":                                               "项目 %s 没有输入 %q",
	"item %s has no named inputs":                                           "项目 %s 没有带名字的输入",
	"item %s is scored by level: write 1 to 5":                              "项目 %s 按等级计分：请写 1 到 5",
	"item %s is scored yes/no: write true or false":                         "项目 %s 按是/否计分：请写 true 或 false",
	"item %s takes named inputs: scorecard.%s.%s.NAME":                      "项目 %s 有带名字的输入：scorecard.%s.%s.NAME",
	"no pay plan in effect on %s has a personal parameter %q":               "%s 生效的薪酬方案都没有个人参数 %q",
	"no pay plan in effect on %s has an input %q":                           "%s 生效的薪酬方案都没有输入 %q",
	"no points system in effect on %s has a discretionary event %q":         "%s 生效的积分制度都没有酌情加分事件 %q",
	"no points system in effect on %s has a ladder %q":                      "%s 生效的积分制度都没有阶梯 %q",
	"no points system in effect on %s has an event %q":                      "%s 生效的积分制度都没有事件 %q",
	"pay plan %s does not use scorecard %s in this settlement (%s)":         "薪酬方案 %[1]s 在本次结算（%[3]s）中不用考核表 %[2]s",
	"pay plan %s pays nothing in %s":                                        "薪酬方案 %s 在%s中不发任何薪酬",
	"role %s has no pay plan: there is no pay to compute":                   "岗位 %s 没有薪酬方案：没有薪酬可算",
	"unknown column (want person, role, scorecard.*, pay.*, own.*, points, points.*, red_lines, leave.case, leave.months, history.*)": "没有这一列（应为 person、role、scorecard.*、pay.*、own.*、points、points.*、red_lines、leave.case、leave.months、history.*）",
	"want history.%s.score, history.%s.pay.NAME or history.%s.own.NAME":                                                               "应为 history.%s.score、history.%s.pay.NAME 或 history.%s.own.NAME",
	"want history.YYYY-Qn.score, history.YYYY-Qn.pay.NAME or history.YYYY-Qn.own.NAME, not history.%s":                                "应为 history.YYYY-Qn.score、history.YYYY-Qn.pay.NAME 或 history.YYYY-Qn.own.NAME，而不是 history.%s",
	"want scorecard.CARD.ITEM or scorecard.CARD.ITEM.NAME":                                                                            "应为 scorecard.CARD.ITEM 或 scorecard.CARD.ITEM.NAME",
}
