package formula

import "github.com/kefu-hr/handbook/generator/diag"

// zh gives the messages of this package in Chinese (Error.Zh);
// TestEveryMessageIsInChinese keeps it complete. Names, operators and
// functions stay as a formula writes them.
var zh = diag.Catalog{
	"unterminated string":     "字符串没有结束引号",
	"unexpected character %q": "不认识的字符 %q",
	"expected %q, found %s":   "此处应为 %q，实际是 %s",
	"end of formula":          "公式结尾",
	"string %q":               "字符串 %q",
	"%q":                      "%q",
	"unexpected %s after the end of the expression":               "表达式已结束，后面多出 %s",
	"comparisons cannot be chained; use and":                      "比较不能连写；请用 and 连接",
	"malformed number %q":                                         "数字写法有误：%q",
	"unexpected %q":                                               "此处不应出现 %q",
	"unknown function %q (functions: floor, lookup, max, min)":    "没有函数 %q（可用的函数：floor、lookup、max、min）",
	"expected a number, name or (, found %s":                      "此处应为数字、名字或 (，实际是 %s",
	"%s must be a %s, not a %s":                                   "%s须是%s，而不是%s",
	"a string may only name the table of lookup":                  "字符串只能用来写 lookup 的表名",
	"undefined name %q%s":                                         "没有定义名字 %q%s",
	" (did you mean %q?)":                                         "（是否想写 %q？）",
	"cannot compare a %s with a %s":                               "%s不能与%s比较",
	"the branches of if have different types: %s and %s":          "if 的两个分支类型不同：%s和%s",
	"%s takes %s":                                                 "%s 需要%s",
	"one or more arguments":                                       "一个或多个参数",
	"one argument":                                                "一个参数",
	"two arguments":                                               "两个参数",
	"the first argument of lookup must be a table name in quotes": "lookup 的第一个参数须是带引号的表名",
	"unknown table %q":                                            "没有表 %q",
	"the operand of not":                                          "not 的操作数",
	"the operand of -":                                            "负号 - 的操作数",
	"the operands of %s":                                          "%s 的操作数",
	"the condition of if":                                         "if 的条件",
	"the second argument of lookup":                               "lookup 的第二个参数",
	"the arguments of %s":                                         "%s 的参数",
}
