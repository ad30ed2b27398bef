package batch

import (
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
)

// zh gives every message of this package in Chinese, the language of the
// clerks who fill in the people file (diag.Lang): its problems on standard
// error and, unless Config.Lang asks for English, its rows' error cells.
// TestEveryMessageIsInChinese checks that each format the package writes
// is here, with the same arguments, and that nothing here is unused.
// Columns are named as the header names them; values as the file gives
// them.
var zh = diag.Catalog{
	"%s":            "%s",
	"%v":            "%v",
	"%s and %s":     "%s 和 %s",
	"column %s: %s": "%s 列：%s",
	"empty":         "没有填",
	"%d cells, the header has %d: a cell is missing, or a line break splits the row": "有 %d 个单元格，表头有 %d 列：少了一个单元格，或者一个换行把这一行拆开了",
	"%d rows, the first on row %d": "%d 行，第一行是第 %d 行",
	"row %d":                       "第 %d 行",
	"%s is on rows %s: one row per person (tell people of the same name apart in this column)": "%s 出现在第 %s 行：每人只能一行（同名的人请在这一列区分开）",
	"%s; it is computed from %s: check these cells":                                            "%s；它由 %s 算得：请检查这些单元格",
	"; did you mean %s?": "；是否想写 %s？",
	"%s (checked as %s, the role the role column probably means)":                                            "%s（按岗位列多半想写的 %s 检查）",
	"a \" inside a cell that does not start with one; quote the cell and double its quotes, e.g. \"张\"\"三\"": "单元格中间有 \"，但单元格不是以 \" 开头；请给整个单元格加引号，并把里面的引号写两遍，例如 \"张\"\"三\"",
	"a departure needs both leave.case and leave.months":                                                     "离职需要同时填写 leave.case 和 leave.months",
	"a quoted cell is not closed, or has text after its closing \"; double a \" inside a quoted cell":        "带引号的单元格没有结束引号，或者结束引号 \" 后面还有文字；带引号的单元格里的 \" 要写两遍",
	"appears twice, as columns %d and %d":                                                                    "出现了两次：第 %d 列和第 %d 列",
	"cell %d (%q) is beyond the header's %d columns":                                                         "第 %[1]d 个单元格（%[2]q）超出了表头的 %[3]d 列",
	"column %d has no header, yet this row has %q in it":                                                     "第 %d 列没有表头，这一行却在其中写了 %q",
	"is UTF-16 text (Excel's “Unicode 文本”), not a CSV file: %s":                                              "是 UTF-16 文本（Excel 的 “Unicode 文本”），不是 CSV 文件：%s",
	"is an Excel 97–2003 workbook (.xls), not a CSV file: %s":                                                "是 Excel 97–2003 工作簿（.xls），不是 CSV 文件：%s",
	"is an Excel workbook (.xlsx), not a CSV file: %s":                                                       "是 Excel 工作簿（.xlsx），不是 CSV 文件：%s",
	"line %d is neither UTF-8 nor GBK/GB18030 text: %s":                                                      "第 %d 行既不是 UTF-8 也不是 GBK/GB18030 文本：%s",
	"malformed CSV: %s":                     "CSV 格式错误：%s",
	"names %d columns: write one of %s":     "对应 %d 列：请写其中之一：%s",
	"no \"person\" (姓名) column":             "没有 \"person\"（姓名）列",
	"no \"role\" (岗位) column":               "没有 \"role\"（岗位）列",
	"no column %s: %s (%s); add the column": "没有 %s 列：%s（%s）；请加上这一列",
	"no role %q in effect on %s%s (roles paid in %s: %s; a role's id or its Chinese title)":    "%[2]s 没有生效的岗位 %[1]q%[3]s（%[4]s 发薪的岗位：%[5]s；写岗位代码或中文名称）",
	"the file is empty: want a header row naming the columns, starting person,role (or 姓名,岗位)": "文件是空的：第一行应是列出各列的表头，以 person,role（或 姓名,岗位）开头",
	"the header has no column %s (see row %d)":                                                 "表头没有 %s 列（见第 %d 行）",
	"unknown encoding %q (want auto, utf-8, gbk or gb18030)":                                   "没有编码 %q（应为 auto、utf-8、gbk 或 gb18030）",
}

// orList joins alternatives: "a or b", a 或 b.
func orList(s []string) diag.Text {
	return diag.Text{En: strings.Join(s, " or "), Zh: strings.Join(s, " 或 ")}
}
