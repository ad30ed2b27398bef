package coverage

import "github.com/kefu-hr/handbook/generator/diag"

// zh gives the messages of this package in Chinese (ProblemTexts,
// StatusText, Kind.Zh); TestEveryMessageIsInChinese keeps it complete.
// References (id@version#part) and clauses (rows[2]) stay as written.
var zh = diag.Catalog{
	"from %s, not yet in effect":         "%s 起生效，尚未生效",
	"in effect, or within the last year": "正在生效，或一年内生效过",
	"ended more than a year ago":         "已结束一年以上",
	"no worked case looks up %s %s (%s): a probe of the row alone does not count; add a case under testdata/cases whose pay formula reaches it": "没有算例查到 %s %s（%s）：只有边界探测查到这一行不算数；请在 testdata/cases 下加一个薪酬公式会查到它的算例",
	"no worked case or boundary probe exercises %s %s (%s): add a case under testdata/cases":                                                    "没有算例或边界探测用到 %s %s（%s）：请在 testdata/cases 下加一个算例",
	"no worked case computes %s (%s %s, %s): add a case under testdata/cases for a period it settles":                                           "没有算例计算 %s（%s %s，%s）：请在 testdata/cases 下加一个它所结算期间的算例",
	"from %s until %s": "%s 至 %s",
	"from %s":          "%s 起",
}

// String names the kind of clause in English: the kind itself. Messages
// (diag.Catalog, which formats without reflection) print it by this.
func (k Kind) String() string { return string(k) }

// Zh names the kind of clause in Chinese; as an argument of a
// diag.Catalog's Sprintf it gives the Chinese message this name.
func (k Kind) Zh() string {
	switch k {
	case KindItem:
		return "考核项目的计分规则"
	case KindBandRow:
		return "系数表的区间行"
	case KindEvent:
		return "积分事件"
	case KindLadder:
		return "阶梯的档位和兜底"
	case KindLedger:
		return "台账的分支"
	case KindComponent:
		return "薪酬项目"
	case KindTableRow:
		return "薪酬方案自带表格的行"
	case KindLeave:
		return "离职规则"
	case KindRedLine:
		return "电网指标"
	}
	return string(k)
}
