package load

import "github.com/kefu-hr/handbook/generator/diag"

// zh gives every message of this package in Chinese, the language the
// handbook's editors read (diag.Lang); compile's problems carry their own.
// TestEveryMessageIsInChinese checks that each format the package writes
// is here, with the same arguments, and that nothing here is unused. Keys,
// values and paths stay as the file writes them.
var zh = diag.Catalog{
	// load.go
	"file is not UTF-8 text": "文件不是 UTF-8 文本",
	"first line must name the schema, e.g. #:schema ../generator/schema/role.schema.json": "第一行须写明 schema，例如 #:schema ../generator/schema/role.schema.json",
	"unknown schema %q: want one of %s":                                                   "没有 schema %q：应为 %s 之一",
	"%q is a string, not a date: write the date without quotes, %s":                       "%q 是文本，不是日期：日期不加引号，写成 %s",
	"internal: %v": "内部错误：%v",
	"internal: key %q is allowed by the schema but not read by the loader": "内部错误：schema 允许键 %q，但加载程序没有读取它",
	"TOML syntax: %v":              "TOML 语法错误：%v",
	"TOML syntax: %s":              "TOML 语法错误：%s",
	"TOML syntax: invalid date %s": "TOML 语法错误：无效的日期 %s",
	"internal: schemas: %v":        "内部错误：schema：%v",
	"schema: %v":                   "schema：%v",
	"a worked case names the case schema, %s, not %s":        "算例须写明算例的 schema %s，而不是 %s",
	"impossible date %s: there is no month %d":               "不存在的日期 %s：没有 %d 月",
	"impossible date %s: %s %d has %d days":                  "不存在的日期 %[1]s：%[3]d 年 %[2]s只有 %[4]d 天",
	"use a date such as 2026-01-01, not a date-time or time": "请写日期，例如 2026-01-01，不要写日期时间或时刻",

	// schemapath.go
	"name the schema by its path relative to this file": "请用相对于本文件的路径写 schema",
	"write %s": "请写成 %s",
	"#:schema %s is a URL, which cannot be checked (the schemas are not published): %s": "#:schema %s 是网址，无法检查（schema 没有公开发布）：%s",
	"#:schema %s is an absolute path, which resolves on one machine only: %s":           "#:schema %s 是绝对路径，只在一台电脑上有效：%s",
	"there is no such file": "没有这个文件",
	"there is no %s":        "没有 %s",
	"#:schema %s does not resolve from this file: %s; %s":                        "#:schema %s 从本文件找不到：%s；%s",
	"in the repository it leads to %s":                                           "在仓库中它指向 %s",
	"it leads outside the repository":                                            "它指向仓库之外",
	"#:schema %s does not resolve from this file: %s, not to a schema in %s; %s": "#:schema %s 从本文件找不到：%s，而不是 %s 中的 schema；%s",

	// schemaerr.go
	"%s":                               "%s",
	"key %q is not allowed%s":          "不允许键 %q%s",
	"unknown key %q%s":                 "没有键 %q%s",
	"missing required key %q%s":        "缺少必需的键 %q%s",
	"%s, found %s":                     "%s，实际是 %s",
	"%s is not one of: %s":             "%s 不是以下之一：%s",
	"has %d entries, want at least %s": "有 %d 项，至少应有 %s 项",
	"has %d entries, want at most %s":  "有 %d 项，最多只能有 %s 项",
	"entries must not repeat: %s":      "各项不能重复：%s",
	"%s is out of range: %s":           "%s 超出范围：%s",
	"must not be empty":                "不能为空",
	"%s is not in the expected form%s": "%s 的格式不对%s",
	"%s is not an exact number: write an integer or a decimal string such as \"3.5\"":      "%s 不是精确数：请写整数，或带引号的小数，例如 \"3.5\"",
	"amount must not be negative: %s":                                                      "金额不能为负数：%s",
	"amount %s has more than two decimals: money is exact to the fen (0.01 元)":             "金额 %s 超过两位小数：金额精确到分（0.01 元）",
	"%s is not an amount in 元: write an integer or a string such as \"1200.00\"":           "%s 不是以元为单位的金额：请写整数，或带引号的金额，例如 \"1200.00\"",
	"rate must not be negative: %s":                                                        "比率不能为负数：%s",
	"%s is not a rate: write a percentage string such as \"5%%\"":                          "%s 不是比率：请写带引号的百分比，例如 \"5%%\"",
	"%s is not a valid id: use lower-case letters, digits and hyphens, e.g. kefu-zongjian": "%s 不是有效的 id：只用小写字母、数字和连字符，例如 kefu-zongjian",
	"%s is not a valid name: use lower-case letters, digits and _, starting with a letter": "%s 不是有效的名字：只用小写字母、数字和 _，以字母开头",
	"%s is not a seed file name such as \"000_43110d09609c800c.txt\"":                      "%s 不是种子文件名，应形如 \"000_43110d09609c800c.txt\"",
	"%s is not a date: write a TOML date such as 2026-01-01":                               "%s 不是日期：请写 TOML 日期，例如 2026-01-01",
	"expected text, found %s":                                                              "应为文本，实际是 %s",
	"%s is a TOML float, which is not exact: write it as a string (\"%s\") or an integer":  "%s 是 TOML 浮点数，不精确：请写成带引号的文本（\"%s\"）或整数",
	" (allowed: %s)":        "（可用的键：%s）",
	" (did you mean %q?)":   "（是否想写 %q？）",
	" when %s = %q":         "（当 %s = %q 时）",
	" when %s is given":     "（当写了 %s 时）",
	" when %s is not given": "（当没写 %s 时）",
}
