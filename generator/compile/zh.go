package compile

import (
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/policy"
)

// zh gives every message of this package in Chinese, the language the
// handbook's editors read (diag.Lang). TestEveryMessageIsInChinese checks
// that each format the package writes is here, with the same verbs, and
// that nothing here is unused. Keys, ids and values stay as the file
// writes them, so that a message can be searched for in the file.
var zh = diag.Catalog{
	// check.go
	"effective_until %s is before effective_from %s":                                  "effective_until %s 早于 effective_from %s",
	"duplicate %s %q (first at line %s)":                                              "%s %q 重复（第一次在第 %s 行）",
	"role %q reports to itself":                                                       "岗位 %q 汇报给了自己",
	"a rated KPI has no numeric target; remove target or use a comparator such as >=": "评定类（rated）KPI 没有数值目标：删去 target，或改用 >= 等比较方式",
	"KPI %q compares with %s but has no target":                                       "KPI %q 用 %s 比较，却没有 target",
	"role %q is promoted to itself":                                                   "岗位 %q 晋升到了自己",
	"empty interval: min %s is not below %s":                                          "区间为空：min %s 不小于 %s",
	"rows must go from best to worst: min %s is not below the previous row's min %s":  "各行须从高到低排列：min %s 不低于上一行的 min %s",
	"the first row is the best and must be open above: remove below = %s":             "第一行是最高档，上端须不封顶：删去 below = %s",
	"the last row must be open below (no min, or min = 0) so that every value lands in a row; values below %s land in no row": "最后一行下端须不设限（不写 min，或 min = 0），才能让每个数值都落在某一行；低于 %s 的数值没有落在任何一行",
	"row %d has no min, so it reaches down to every value below it: only the last row may be open below":                      "第 %d 行没有 min，会覆盖它以下的所有数值：只有最后一行可以下端不设限",
	"row %d has no below, so it overlaps the row above (which starts at %s): set below = %s":                                  "第 %d 行没有 below，与上一行（从 %s 起）重叠：请设 below = %s",
	"gap: values from %s up to %s land in no row":                                                                             "断档：从 %s 到 %s（不含）的数值没有落在任何一行",
	"overlap: values from %s up to %s land in two rows":                                                                       "重叠：从 %s 到 %s（不含）的数值同时落在两行",
	"item %q has no group, but part %q is divided into groups (%s)":                                                           "考核项 %q 没有 group，但部分 %q 分了组（%s）",
	"unknown group %q in part %q%s":                                                                                           "部分 %[2]q 中没有组 %[1]q%[3]s",
	"item weights of group %q sum to %s, want %s":                                                                             "组 %q 的考核项权重合计 %s，应为 %s",
	"group weights of part %q sum to %s, want %s":                                                                             "部分 %q 的各组权重合计 %s，应为 %s",
	"item weights of part %q sum to %s, want %s":                                                                              "部分 %q 的考核项权重合计 %s，应为 %s",
	"part shares sum to %s, want 100":                                                                                         "各部分占比合计 %s，应为 100",
	"internal: no scoring rule could be built for scoring = %q":                                                               "内部错误：无法为 scoring = %q 建立计分规则",
	"key %q does not apply to scoring = %q":                                                                                   "键 %q 不适用于 scoring = %q",
	"scoring = %q needs an input of kind %s, not %q":                                                                          "scoring = %q 需要 kind 为 %s 的输入，而不是 %q",
	"formula: the result must be a %s, not a %s":                                                                              "公式：结果须是 %s，而不是 %s",
	"formula: %s":         "公式：%s",
	" (did you mean %q?)": "（是否想写 %q？）",

	// the scoring kinds' checks (policy/kind_*.go, policy/rule.go)
	"per must be more than 0: it is the points deducted per unit":       "per 须大于 0：它是每单位扣的分数",
	"floor %s is above full %s":                                         "floor %s 高于 full %s",
	"level %d is outside 1–5":                                           "等级 %d 不在 1–5 之内",
	"level %d is given twice":                                           "等级 %d 写了两次",
	"levels must be listed 1 to 5 in order: found level %d in place %d": "等级须按 1 到 5 依次列出：第 %[2]d 位写的是等级 %[1]d",
	"level %d gives fewer points (%s) than the level below it (%s)":     "等级 %d 的分数（%s）低于比它低一级的等级（%s）",
	"step must be more than 0":                                          "step 须大于 0",
	"min %s is above base %s":                                           "min %s 高于 base %s",
	"scale must be more than 0":                                         "scale 须大于 0",
	"%s gives more points (%s) than the better tier above it (%s): a worse result must never score more": "%s 的分数（%s）高于上面更好的一档（%s）：结果更差，得分不能更高",
	"%s gives %s points, more than the weight %s plus bonus_max %s":                                      "%s 给 %s 分，超过了权重 %s 加 bonus_max %s",
	"%s gives %s points, more than the item's weight %s":                                                 "%s 给 %s 分，超过了该项的权重 %s",
	"%s must not be negative: %s":                                                                        "%s 不能为负数：%s",

	// check_pay.go
	"missing required key \"value\" when output = \"coefficient\"":                                               "output = \"coefficient\" 时必须有键 \"value\"",
	"coefficient must not be negative: %s":                                                                       "系数不能为负数：%s",
	"coefficient %s is higher than %s in the better row above: a better score must never lower the coefficient":  "系数 %s 高于上面更好一档的 %s：成绩越好，系数不能越低",
	"missing required key \"label\" when output = %q":                                                            "output = %q 时必须有键 \"label\"",
	"a pay plan takes its score from a scorecard or a points system, not both":                                   "薪酬方案的分数取自考核表或积分制度，二者只能选一",
	"%q is reserved in formulas: choose another name":                                                            "%q 是公式的保留字：请换一个名字",
	"name %q is already declared at line %s":                                                                     "名字 %q 已在第 %s 行声明过",
	"amount %s has more than two decimals: money is exact to the fen (0.01 元)":                                   "金额 %s 超过两位小数：金额精确到分（0.01 元）",
	"a count must be a whole number, not %s":                                                                     "次数/人数须是整数，而不是 %s",
	"only an input of kind \"count\" can count a points event, not one of kind %q":                               "只有 kind 为 \"count\" 的输入才能统计积分事件，kind %q 不行",
	"event %q: the pay plan has no points_system to count it in":                                                 "事件 %q：薪酬方案没有 points_system，无处统计",
	"only an input of kind \"score\" can take its value from a scorecard, not one of kind %q":                    "只有 kind 为 \"score\" 的输入才能取考核表的总分，kind %q 不行",
	"table %q is already declared":                                                                               "表 %q 已声明过",
	"table value must not be negative: %s":                                                                       "表中的值不能为负数：%s",
	"a ledger component has actual, base, target, rate, penalty, cap and factor instead of formula":              "台账（ledger）项目用 actual、base、target、rate、penalty、cap 和 factor，不写 formula",
	"a ledger component needs %s: the title of its payslip line (e.g. %s)":                                       "台账（ledger）项目需要 %s：它在工资条上那一行的名称（例如 %s）",
	"key %q applies only to kind = \"ledger\"":                                                                   "键 %q 只用于 kind = \"ledger\"",
	"item %q: the pay plan has no scorecard to feed":                                                             "考核项 %q：薪酬方案没有 scorecard，无从填入",
	"unknown component %q%s":                                                                                     "没有薪酬项目 %q%s",
	"a leave rule cannot change %q: a ledger settles quarter by quarter, and leaving is not one of its branches": "离职规则不能改变 %q：台账逐季结算，离职不是它的分支之一",
	"a parameter of kind %q cannot be personal: only %s are a person's own amounts":                              "kind 为 %q 的参数不能是个人数额：只有 %s 才是个人自己的数额",
	"%s has more than four decimals: a percentage is exact to 0.0001":                                            "%s 超过四位小数：百分比精确到 0.0001",
	"max %s is below min %s: the range is empty":                                                                 "max %s 小于 min %s：范围为空",
	"min %s is above the value %s: the range must hold the plan's value, the default of whoever is given none":   "min %s 大于 value %s：范围必须包含方案的数值，即未填个人数额者的默认值",
	"max %s is below the value %s: the range must hold the plan's value, the default of whoever is given none":   "max %s 小于 value %s：范围必须包含方案的数值，即未填个人数额者的默认值",

	// check_points.go
	"a deduction must have negative points, not %s":                                                    "扣分项的分值须为负数，而不是 %s",
	"an addition must not have negative points: %s":                                                    "加分项的分值不能为负数：%s",
	"an addition of 0 points does nothing; set discretionary = true and max for a discretionary award": "加 0 分的加分项没有作用；酌情奖励请设 discretionary = true 和 max",
	"a discretionary event needs max: the most points one occurrence may carry":                        "酌情（discretionary）事件需要 max：一次最多可加的分数",
	"max must be more than 0": "max 须大于 0",
	"steps must count occurrences 1, 2, 3 … in order: found %d in place %d":                                "各级须按第 1、2、3……次依次排列：第 %[2]d 位写的是 %[1]d",
	"a ladder step deducts points: %s must not be positive":                                                "阶梯的每一级都是扣分：%s 不能为正数",
	"the ladder must escalate: step %d deducts %s, less than step %d (%s)":                                 "阶梯须逐级加重：第 %d 级扣 %s，少于第 %d 级（%s）",
	"the threshold of step %d (%s) is lower than step %d (%s): a repeat must not be judged more leniently": "第 %d 级的门槛（%s）低于第 %d 级（%s）：再犯不能判得更宽",
	"%q is already a glossary word, at %s":                                                                 "%q 已是术语表中的词，见 %s",
	"%q is not kind/id: the kind is one of %s":                                                             "%q 不是 kind/id 的形式：kind 须是 %s 之一",

	// compile.go
	"internal: the policy is not a %s": "内部错误：该制度不是%s",

	// numbers.go
	"%q: only a text rule states a number by reference (the handbook fills it in nowhere else); write the number here": "%q：只有制度条文（rules）能引用数字（其他地方手册不会填入）；请在这里直接写数字",
	"%q does not name a number: write kind/id#path, e.g. payplan/kefu-daibiao-pay#param/quota_penalty/value":           "%q 没有指向一个数字：请写 kind/id#path，例如 payplan/kefu-daibiao-pay#param/quota_penalty/value",
	"%s: %v": "%s：%v",
	"%s":     "%s",
	"%s: version %d of %s %s, from %s, has no such number (%v), and these rules are still in effect then: give the rules a new version from %s":                               "%[1]s：%[3]s %[4]s 自 %[5]s 起的第 %[2]d 版没有这个数字（%[6]v），而这些条文那时仍然有效：请从 %[7]s 起为条文出新版本",
	"%s is %s in version %d, the one the text states, but %s in version %d of %s %s, from %s, and these rules are still in effect then: give the rules a new version from %s": "%[1]s 在条文所写的第 %[3]d 版中是 %[2]s，但在%[6]s %[7]s 自 %[8]s 起的第 %[5]d 版中是 %[4]s，而这些条文那时仍然有效：请从 %[9]s 起为条文出新版本",
	"a rule gives value or value_from, not both":                                                           "一条规则写 value 或 value_from，不能两个都写",
	"points system %s (version %d, from %s) has no fixed event %q%s":                                       "积分制度 %s（第 %d 版，自 %s 起）没有固定分值的事件 %q%s",
	"scorecard %s (version %d, from %s) has no item %q%s":                                                  "考核表 %s（第 %d 版，自 %s 起）没有考核项 %q%s",
	"item %q of scorecard %s (version %d) is not scored from a number, so a formula cannot give its input": "考核表 %[2]s（第 %[3]d 版）的考核项 %[1]q 不是按数值计分的，公式无法给出它的输入",

	// xref.go
	"effective period overlaps version %d of %s %q (%s, %s from %s): end it with effective_until": "有效期与%[2]s %[3]q 的第 %[1]d 版（%[4]s，自 %[6]s 起%[5]s）重叠：请用 effective_until 结束那一版",
	"until %s":                               "至 %s",
	"unknown %s %q%s":                        "没有%s %q%s",
	"duplicate %s %q version %d: also in %s": "%s %q 的第 %d 版重复：%s 中也有",
	"%s %s no version of %s %q: version %d ends on %s and version %d starts on %s; end version %d on %s, or start version %d on %s": "%[1]s %[3]s %[4]q %[2]s有效版本：第 %[5]d 版在 %[6]s 结束，第 %[7]d 版在 %[8]s 才开始；请让第 %[9]d 版在 %[10]s 结束，或让第 %[11]d 版在 %[12]s 开始",
	"%s to %s":                       "%s 至 %s",
	"band table %q gives %s, not %s": "系数表 %q 给出的是%s，不是%s",
	"standing %q is looked up %s, but band table %q is for a %s measure: give the standing period = %q": "名次（standing）%q 按 %s 查表，而系数表 %q 用于 %s 的指标：请给该名次设 period = %q",
	"%s %s version %d (%s)": "%s %s 第 %d 版（%s）",
	"%s names %s %q, whose first version starts on %s: from %s to %s it names a %s that is not in effect; start %s earlier, or start %s version %d later": "%[1]s 引用了%[2]s %[3]q，而它的第一版从 %[4]s 才开始：从 %[5]s 到 %[6]s，引用的%[7]s还未生效；请让 %[8]s 提前开始，或让 %[9]s 第 %[10]d 版推迟开始",
	"%s names %s %q, which ends on %s (%s): from %s %s it names a %s that is not in effect; give %s a next version, or end %s version %d too":             "%[1]s 引用了%[2]s %[3]q，而它在 %[4]s 结束（%[5]s）：从 %[6]s 起%[7]s，引用的%[8]s已不再有效；请为 %[9]s 出下一版，或让 %[10]s 第 %[11]d 版也同时结束",
	"to %s":               "至 %s",
	"from %s, open-ended": "自 %s 起，长期有效",
	"from %s until %s":    "自 %s 至 %s",
	"%s cycle: %s → %s":   "%s 形成循环：%s → %s",
}

// zhWords gives the Chinese of the words and phrases this package passes
// into its messages as arguments (what a duplicate id is of, a unit of
// money, a band table's output …); word looks them up.
var zhWords = map[string]string{
	"KPI id": "KPI id", "group id": "组 id", "part id": "部分 id", "item id": "考核项 id", "standing name": "名次名称",
	"fed item": "填入的考核项", "provision id": "条款 id", "event id": "事件 id", "ladder id": "阶梯 id",
	"red line id": "电网指标 id", "duty id": "职责 id", "rule id": "规则 id", "period": "周期", "term id": "术语 id",
	"choice id": "选项 id", "check id": "检查项 id", "level": "等级",
	"amount": "金额", "rate": "比率", "percentage": "百分比", "count": "次数",
	"coefficients": "系数", "grades": "等级", "actions": "处理措施",
	"open-ended": "长期有效", "on": "一直",
	"the whole checklist": "整张检查清单", "input name": "输入名称", "the best tier": "最高一档",
}

// itemWord returns a word a scoring kind's check passes into its message
// (a key, "level 3", "choice \"a\"", "the whole checklist") in both
// languages.
func itemWord(a any) any {
	s, ok := a.(string)
	if !ok {
		return a
	}
	if zh, ok := zhWords[s]; ok {
		return diag.Text{En: s, Zh: zh}
	}
	if n, ok := strings.CutPrefix(s, "level "); ok {
		return diag.Text{En: s, Zh: "等级 " + n}
	}
	if n, ok := strings.CutPrefix(s, "tier "); ok {
		return diag.Text{En: s, Zh: "第 " + n + " 档"}
	}
	if id, ok := strings.CutPrefix(s, "choice "); ok {
		return diag.Text{En: s, Zh: "选项 " + id}
	}
	return a
}

// word returns a word or phrase of a message in both languages.
func word(en string) diag.Text {
	return diag.Text{En: en, Zh: zhWords[en]}
}

// noun returns the name of a kind of policy in both languages.
func noun(k policy.Kind) diag.Text {
	return diag.Text{En: k.Noun(), Zh: policy.NounZh(k)}
}
