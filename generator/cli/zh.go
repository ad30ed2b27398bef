package cli

import (
	"io"
	"os"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/policy"
)

// lang is the language the environment asks messages in (diag.LangFromEnv:
// Chinese unless the locale is English).
func lang() diag.Lang { return diag.LangFromEnv(os.Getenv) }

// printf writes a message in the reader's language: format is its English,
// the catalog zh gives its Chinese (TestEveryMessageIsInChinese requires
// it). An argument that is a diag.Text gives each language its own.
func printf(w io.Writer, format string, args ...any) {
	io.WriteString(w, zh.Sprintf(format, args...).In(lang()))
}

// noun names a kind of policy in both languages.
func noun(k policy.Kind) diag.Text { return diag.Text{En: k.Noun(), Zh: policy.NounZh(k)} }

// errorf is a message in both languages as an error: its Error is the
// English; printed through printf, the reader's language.
func errorf(format string, args ...any) error { return zh.Sprintf(format, args...) }

// text is a message in both languages, from its English format.
func text(format string, args ...any) diag.Text { return zh.Sprintf(format, args...) }

// plural is a count's noun in both languages: the English singular or
// plural by n, the Chinese (measure word and noun) alike for any n.
func plural(n int, one, many, chinese string) diag.Text {
	if n == 1 {
		return diag.Text{En: one, Zh: chinese}
	}
	return diag.Text{En: many, Zh: chinese}
}

// usageZh is usage in Chinese: the same commands and flags, each line that
// starts a command written exactly as in usage (commandUsage finds a
// command's part by it).
const usageZh = `handbook 把客服部的人事制度变成经过检查的制度手册。

用法：
  handbook validate [--format text|json|github] [--against REV [--today DATE]]
                    [--cases dir | path ...]
        检查制度文件和算例。不写路径时，检查当前目录所在的仓库及其算例
        （testdata/cases，或 --cases 指定的目录）；不在仓库里时，检查
        本程序内置的制度。写了路径（文件或目录）时，只报告这些文件的
        问题，引用按所在仓库的其他文件解析；#:schema 行写 case.schema.json
        的文件是算例，calc 对算例做的检查这里都做。
        --against REV 另外拒绝追溯修改：某个版本在 git 版本 REV 时已经
        生效、且在今天（--today，默认取系统日期）或之前开始，它的规则
        被改了，而该版本没有记下日期在其开始日与今天之间的 [[correction]]。
  handbook new-version [--from DATE] [--today DATE] FILE
        在 FILE 旁边写出 FILE 中制度的下一个版本（NAME.vN.toml）：
        版本号加一、effective_from = DATE（默认下个月 1 日）的副本，
        并让 FILE 的版本在前一天结束。不会覆盖任何文件。
  handbook version [--format text|json]
        显示模块版本、本程序构建时的版本库修订号和内置制度的 SHA-256
        （在仓库里时还有仓库中制度的）。不在仓库里时，每个命令都用
        内置的制度，并在标准错误输出上说明。
  handbook build [-o dir] [--force] [--cases dir]
        检查全部制度并生成制度手册网站（默认 site/public）：带组织架构图
        的首页，每个岗位、每张考核表（可打印的表格）、每个薪酬方案一页
        （以 testdata/cases 或 --cases 中算出的算例为示例），电网指标、
        文字规定和决定登记表。
  handbook serve [--addr 127.0.0.1:8080] [--cases dir]
        在本机提供制度手册，边改边看：policies/、roles/、site/ 或算例有
        改动就重新生成并刷新打开的页面；制度有问题时在页面顶部显示
        （文件:行:列和那一行），仍提供上一次成功生成的网站。
  handbook calc [--format text|json] CASE.toml|CASE.json
        计算一个算例（见 testdata/cases），或一个 JSON 计算请求
        （{"wire": 1, "kind": "case", "period": …, "inputs": {PATH: TEXT}}，
        PATH 就是 payout CSV 的列），显示结果和每个数的计算过程。
        --format json 输出有版本号的数据格式
        （generator/wire/wire.schema.json），与 validate 相同。
  handbook payout --period PERIOD [-o payouts.csv] [--force]
                  [--encoding auto|utf-8|gbk] [--totals=false]
                  [--format csv|json] people.csv
        计算整个部门一个期间的薪酬：people.csv 每人一行，输出每人一行、
        列出每个薪酬项目，最后每个岗位一行合计；有问题的行会报告
        （文件、行、表头中的列名、原因），并带着错误保留在输出里。
        文件可以是 UTF-8（带或不带 BOM）或 GBK，即 Excel 保存的格式；
        输出是带 BOM 的 UTF-8，Excel 双击即可打开（用 --encoding 选择）；
        --format json 改为输出 wire 的 payout 文档。
  handbook payout --period PERIOD --template ROLE|ROLE,ROLE|DEPARTMENT|all
                  [-o people.csv] [--force] [--encoding auto|utf-8|gbk]
        写出这些岗位本期间发薪所需的空白 CSV：一行中文表头（payout 认得
        表头，也认得键名）和一行填写说明（payout 会跳过）；说明同时输出到
        标准错误输出。
  handbook coverage [--cases dir] [--format text|json]
        计算每个算例，列出没有任何算例用到的制度条款（档位行、区间行、
        积分事件、阶梯档、台账分支、薪酬项目、电网指标）（--format json：
        wire 的 coverage 文档）。
  handbook diff [--period YYYY-MM] [--people N] [--seed N] [--cases dir]
                [--format markdown|json] REV
        在 git 版本 REV 的制度和工作区的制度下，分别计算每个算例和一批
        模拟人员（默认 1000 人，分布在每个有薪酬方案的岗位），用 Markdown
        列出谁多拿或少拿多少，按岗位、按薪酬项目。比较的月份（及其所在
        季度和年度）默认取两边所有制度版本中最晚的 effective_from 所在
        的月份，使新版本在它的第一个月被比较。
        --format json 改为输出 wire 的 diff 文档。
  handbook help [COMMAND]
        显示本说明，或某个命令的用法和示例（与 handbook COMMAND --help
        相同）。

退出码：0 成功，1 制度有问题，2 用法错误或读写错误。
`

// payoutUsageZh is payoutUsage in Chinese.
const payoutUsageZh = `用法：handbook payout --period PERIOD [-o payouts.csv] [--force] [--encoding auto|utf-8|gbk] [--totals=false] [--format csv|json] people.csv
      handbook payout --period PERIOD --template ROLE|ROLE,ROLE|DEPARTMENT|all [-o people.csv] [--force] [--encoding auto|utf-8|gbk]

计算整个部门一个期间（PERIOD：月 2026-10、季度 2026-Q3 或年 2026）的薪酬：
people.csv 每人一行，输出每人一行、列出每个薪酬项目，最后每个岗位一行合计。
有问题的行会报告（文件、行、列、原因），并带着错误保留在输出里。
--template 写出这些岗位发薪所需的空白 CSV（中文表头和一行填写说明，payout
会跳过说明行），并在标准错误输出上列出每列的填写说明。ROLE 是岗位代码或
中文名称，DEPARTMENT 是部门名称，all 是所有发薪的岗位。
--format json 把同样的行和合计写成一个 JSON 文档（wire.schema.json 中的
payout 格式，UTF-8），供程序读取。

示例：
  handbook payout --period 2026-10 --template 客服部 -o people.csv
  handbook payout --period 2026-10 people.csv -o payouts.csv
`

// zh gives every message the command writes in Chinese (printf, errorf,
// text); TestEveryMessageIsInChinese checks that each is here, with the
// same arguments, and that nothing here is unused. Commands, flags, key
// paths, file names and column names stay as they are typed.
var zh = diag.Catalog{
	// cli.go
	"Usage:\n":                                   "用法：\n",
	"\nExamples:\n":                              "\n示例：\n",
	"handbook help: unknown command %q\n\n":      "handbook help：没有命令 %q\n\n",
	"handbook: unknown command %q\n\n":           "handbook：没有命令 %q\n\n",
	"checkout %s":                                "仓库 %s",
	"%s and the worked cases in %s":              "%s 及 %s 中的算例",
	"handbook %s: %v\n":                          "handbook %s：%v\n",
	"handbook %s: using %s\n":                    "handbook %s：使用%s\n",
	"handbook %s: %d problems in the policies\n": "handbook %s：制度中有 %d 个问题\n",
	"handbook validate: --cases applies only without paths (name the case files or their directory instead)\n": "handbook validate：--cases 只能在不写路径时使用（请直接写算例文件或其目录）\n",
	"handbook validate: unknown format %q (want text, json or github)\n":                                       "handbook validate：没有格式 %q（应为 text、json 或 github）\n",
	"handbook payout: --format %s: want csv or json; a template is always CSV\n":                               "handbook payout：--format %s：应为 csv 或 json；模板总是 CSV\n",
	"handbook coverage: --format %s: want text or json\n":                                                      "handbook coverage：--format %s：应为 text 或 json\n",
	"handbook diff: --format %s: want markdown or json\n":                                                      "handbook diff：--format %s：应为 markdown 或 json\n",
	"handbook validate: %v\n":                                            "handbook validate：%v\n",
	"handbook validate: --today applies only with --against REV\n":       "handbook validate：--today 只能与 --against REV 一起使用\n",
	"handbook validate: no .toml files in %s\n":                          "handbook validate：%s 中没有 .toml 文件\n",
	"handbook validate: --against %s: %v\n":                              "handbook validate：--against %s：%v\n",
	"%d %s in %d %s\n":                                                   "%[3]d %[4]s中共有 %[1]d %[2]s\n",
	"ok: %d %s checked (%s)%s\n":                                         "通过：已检查 %d %s（%s）%s\n",
	"; no retroactive edit against %s as of %s":                          "；截至 %[2]s，相对 %[1]s 没有追溯修改",
	"--cases %s: not a directory":                                        "--cases %s：不是目录",
	"--today %q: want a day, YYYY-MM-DD":                                 "--today %q：应为日期，格式 YYYY-MM-DD",
	"not in a checkout (no directory above has both policies and roles)": "不在仓库中（上级目录中没有同时含 policies 和 roles 的目录）",

	// flags.go
	"handbook %s: %s\n": "handbook %s：%s\n",
	"(handbook help %s prints the usage of the command)\n": "（用法见 handbook help %s）\n",
	"unknown flag %s":       "没有选项 %s",
	"flag %s needs a value": "选项 %s 后面要写一个值",
	"invalid value %s for flag %s: want true or false": "选项 %[2]s 的值 %[1]s 无效：应为 true 或 false",
	"invalid value %s for flag %s":                     "选项 %[2]s 的值 %[1]s 无效",

	// version.go
	"usage: handbook version [--format text|json]\n":                        "用法：handbook version [--format text|json]\n",
	"handbook version: %v\n":                                                "handbook version：%v\n",
	"the policies built into this binary (revision %s, policies sha256 %s)": "本程序内置的制度（修订号 %s，制度 sha256 %s）",

	// calc.go
	"handbook calc: unknown format %q (want text or json)\n":          "handbook calc：没有格式 %q（应为 text 或 json）\n",
	"usage: handbook calc [--format text|json] CASE.toml|CASE.json\n": "用法：handbook calc [--format text|json] CASE.toml|CASE.json（详见 handbook help calc）\n",
	"handbook calc: %v\n": "handbook calc：%v\n",
	"%s: %v\n":            "%s：%v\n",
	"%s: inputs.%s: %s\n": "%s：inputs.%s：%s\n",

	// payout.go
	"handbook payout: %v\n":                                          "handbook payout：%v\n",
	"handbook payout: --encoding: %v\n":                              "handbook payout：--encoding：%v\n",
	"handbook payout: %s is a directory\n":                           "handbook payout：%s 是目录，不是文件\n",
	"handbook payout: %d %s in the header of %s; nothing computed\n": "handbook payout：%[3]s 的表头有 %[1]d %[2]s，未计算任何一行\n",
	"%v\nhandbook payout: nothing computed\n":                        "%v\nhandbook payout：未计算任何一行\n",
	"%d %s, %d computed, %d with errors\n":                           "共 %d %s，算出 %d 行，%d 行有错误\n",
	"%d columns for %s, %s (one row per person; the second row is this guide, which payout skips):\n": "%[2]s，%[3]s，共 %[1]d 列（每人一行；第二行是下面这份填写说明，payout 会跳过）：\n",
	"  %-52s %s\n":                         "  %-52s %s\n",
	"handbook payout: -o %s: %s\n":         "handbook payout：-o %s：%s\n",
	"is a directory; name a file":          "是目录，请写一个文件名",
	"is the input file; name another file": "就是输入文件，请换一个文件名",
	"exists; use --force to overwrite it":  "已存在；要覆盖请加 --force",
	"%v":                                   "%v",
	"no directory %s":                      "没有目录 %s",
	"%s was made while the batch ran; nothing written (use --force to overwrite it)": "%s 在计算期间被创建了；未写入（要覆盖请加 --force）",

	// coverage.go
	"handbook coverage: %v\n": "handbook coverage：%v\n",
	"clause coverage as of %s, by %d worked cases and %d generated boundary probes:\n":                                    "条款覆盖率（截至 %s，%d 个算例和 %d 个自动生成的边界探测）：\n",
	"  by the worked cases: %d of %d clauses (%s%%)\n":                                                                    "  算例覆盖：%[2]d 条中的 %[1]d 条（%[3]s%%）\n",
	"  by the worked cases and the probes: %d of %d clauses (%s%%)\n":                                                     "  算例和边界探测覆盖：%[2]d 条中的 %[1]d 条（%[3]s%%）\n",
	"  %s: %d by cases, %d with probes, of %d\n":                                                                          "  %s：共 %[4]d 条，算例覆盖 %[2]d 条，算例和边界探测共覆盖 %[3]d 条\n",
	"versions that pay: %d, computed by a worked case: %d\n":                                                              "发薪的制度版本：%d 个，有算例计算的：%d 个\n",
	"  not computed by any worked case: %s (%s, %s)\n":                                                                    "  没有算例计算：%s（%s，%s）\n",
	"  not exercised: %s %s (%s) [%s]\n":                                                                                  "  未覆盖：%s %s（%s）[%s]\n",
	"coverage gate: passed (every clause and every version that pays, in effect or within the last year, is exercised)\n": "覆盖率门槛：通过（正在生效或一年内生效过的每个条款、每个发薪的版本都有覆盖）\n",
	"coverage gate: %d %s (go test fails on these):\n":                                                                    "覆盖率门槛：%d %s（go test 会因此失败）：\n",
	"  %s\n": "  %s\n",

	// diff.go
	"usage: handbook diff [--period YYYY-MM] [--people N] [--seed N] [--cases dir] [--format markdown|json] REV\n": "用法：handbook diff [--period YYYY-MM] [--people N] [--seed N] [--cases dir] [--format markdown|json] REV（REV 是要比较的 git 版本，例如 origin/main；详见 handbook help diff）\n",
	"handbook diff: --people %d: want 1 to %d (default %d)\n":                                                      "handbook diff：--people %d：应为 1 到 %d（默认 %d）\n",
	"handbook diff: --period %q: want a month, YYYY-MM\n":                                                          "handbook diff：--period %q：应为月份，格式 YYYY-MM\n",
	"handbook diff: %v\n": "handbook diff：%v\n",
	"handbook diff: not in a checkout (no directory above has both policies and roles)\n":                          "handbook diff：不在仓库中（上级目录中没有同时含 policies 和 roles 的目录）\n",
	"handbook diff: %d problems in the policies at %s\n":                                                           "handbook diff：%[2]s 的制度中有 %[1]d 个问题\n",
	"handbook diff: no role with a pay plan is in effect in %s at %s or in the working tree: nothing to compare\n": "handbook diff：%[1]s 在 %[2]s 和工作区都没有生效的、有薪酬方案的岗位：没有可比较的\n",
	"handbook diff: %d %s cannot be computed under the working tree (listed in the report)\n":                      "handbook diff：有 %d %s在工作区的制度下算不出来（已列在报告中）\n",
	"--cases %s: no worked cases (*.toml) in it":                                                                   "--cases %s：其中没有算例（*.toml）",

	// build.go, wasm.go
	"handbook build: unexpected arguments %q\n":                                                              "handbook build：多余的参数 %q\n",
	"handbook build: nothing written\n":                                                                      "handbook build：未写入任何文件\n",
	"handbook build: %v\n":                                                                                   "handbook build：%v\n",
	"wrote %d pages to %s (%d policies from %s, %d worked examples)\n":                                       "已写出 %[1]d 个页面到 %[2]s（%[4]s 的 %[3]d 项制度，%[5]d 个算例）\n",
	"handbook build: %d problems in the worked cases\n":                                                      "handbook build：算例中有 %d 个问题\n",
	"%s is not empty and was not written by handbook build; use --force to write into it anyway":             "%s 不是空目录，也不是 handbook build 写的；仍要写入请加 --force",
	"handbook build: not in a checkout: the calculator's WebAssembly is not built (its pages will say so)\n": "handbook build：不在仓库中：没有生成计算器的 WebAssembly（计算器页面会说明）\n",
	"handbook build: no cmd/calculator in the checkout: the calculator is not built\n":                       "handbook build：仓库中没有 cmd/calculator：没有生成计算器\n",

	// serve.go
	"handbook serve: unexpected arguments %q\n": "handbook serve：多余的参数 %q\n",
	"handbook serve: %v\n":                      "handbook serve：%v\n",
	"handbook serve: not in a checkout (serve watches policies/, roles/ and site/; outside a checkout use handbook build)\n": "handbook serve：不在仓库中（serve 监视 policies/、roles/ 和 site/；不在仓库中请用 handbook build）\n",
	"serving the handbook at http://%s/ (Ctrl-C stops)\n":                                                                    "制度手册已在 http://%s/ 提供（按 Ctrl-C 停止）\n",
	"handbook serve: the build failed; serving the last good site:\n%s\n":                                                    "handbook serve：生成失败；仍提供上一次成功生成的网站：\n%s\n",
	"handbook serve: built %d pages\n":                                                                                       "handbook serve：已生成 %d 个页面\n",
	"%d problems in the policies":                                                                                            "制度中有 %d 个问题",
	"the worked cases do not compute":                                                                                        "算例算不出结果",

	// newversion.go
	"usage: handbook new-version [--from YYYY-MM-DD] [--today YYYY-MM-DD] FILE\n": "用法：handbook new-version [--from YYYY-MM-DD] [--today YYYY-MM-DD] FILE（FILE 是要出新版本的制度文件；详见 handbook help new-version）\n",
	"handbook new-version: %s\n":        "handbook new-version：%s\n",
	"--from %q: want a day, YYYY-MM-DD": "--from %q：应为日期，格式 YYYY-MM-DD",
	"--from %s is not after today (%s): a new version changes the future only; to change a rule for periods already started, edit the version and record a [[correction]] (date, reason, approved_by)": "--from %s 不晚于今天（%s）：新版本只改变将来；要改已经开始的期间的规则，请修改该版本并记下 [[correction]]（date、reason、approved_by）",
	"%s: the first line names no policy schema: not a policy file":                              "%s：第一行没有写明制度的 schema：不是制度文件",
	"%s is version %d of %q, but version %d exists (%s): make the next version from the latest": "%s 是 %[3]q 的第 %[2]d 版，但已有第 %[4]d 版（%[5]s）：请从最新版本出下一版",
	"%s: %v": "%s：%v",
	"%s exists: nothing written (a version file is never overwritten)":                                                 "%s 已存在：未写入（版本文件从不覆盖）",
	"wrote %s: version %d of %s %q from %s\nended version %d in %s on %s\nnext: edit %s, then run handbook validate\n": "已写出 %[1]s：%[3]s %[4]q 的第 %[2]d 版，自 %[5]s 起生效\n%[7]s 中的第 %[6]d 版于 %[8]s 结束\n下一步：编辑 %[9]s，然后运行 handbook validate\n",
}
