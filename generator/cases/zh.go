package cases

import "github.com/kefu-hr/handbook/generator/diag"

// zh gives every message of this package in Chinese (diag.Lang); the
// problems inputs.Check finds carry their own. TestEveryMessageIsInChinese
// checks that each format the package writes is here, with the same
// arguments, and that nothing here is unused. Keys and values stay as the
// case file writes them.
var zh = diag.Catalog{
	"%s":                        "%s",
	"%v":                        "%v",
	"%q is not an exact number": "%q 不是精确数",
	"%q: write the number without %%, in the unit of the input (%s for %s)":        "%q：请不带 %% 写数字，单位就是该输入的单位（%[3]s 写成 %[2]s）",
	"item %s is a checklist: write the ids of the checks met, e.g. [\"a\", \"b\"]": "项目 %s 是检查清单：请写做到的检查项的 id，例如 [\"a\", \"b\"]",
	"item %s is computed from named inputs: write { %s }":                          "项目 %s 由带名字的输入算得：请写 { %s }",
	"item %s is scored by choice: write the id of a description":                   "项目 %s 按描述选择计分：请写所选描述的 id",
	"item %s is scored by level: write 1 to 5":                                     "项目 %s 按等级计分：请写 1 到 5",
	"item %s is scored yes/no: write true or false":                                "项目 %s 按是/否计分：请写 true 或 false",
	"no role %q in effect on %s":                                                   "%[2]s 没有生效的岗位 %[1]q",
	"no scorecard %q in effect on %s":                                              "%[2]s 没有生效的考核表 %[1]q",
	"scorecard %s has no item %q":                                                  "考核表 %s 没有项目 %q",
	"scorecard %s is not one of role %s's (%s)":                                    "考核表 %[1]s 不是岗位 %[2]s 的考核表（它的考核表：%[3]s）",
	"want a number, found %v":                                                      "应为数字，实际是 %v",
	"the case does not compute: %v":                                                "算例算不出结果：%v",
}
