package gitrev

import "github.com/kefu-hr/handbook/generator/diag"

// zh gives the messages a person may act on in Chinese (diag.Lang): a
// revision that is not there, a checkout that is not a repository. git's
// own failures are shown as git wrote them. TestEveryMessageIsInChinese
// keeps it complete.
var zh = diag.Catalog{
	"git is needed to read revision %s: %v":                  "读取版本 %s 需要 git：%v",
	"unknown revision %s":                                    "没有版本 %s",
	"%s is not in a git repository: %v":                      "%s 不在 git 仓库中：%v",
	"revision %s is a %s, not a commit":                      "版本 %s 是 %s，不是提交（commit）",
	"unknown revision %s: the repository has no commits yet": "没有版本 %s：仓库还没有任何提交",
}
