package diff

import (
	"fmt"
	"strings"

	"github.com/kefu-hr/handbook/generator/exact"
)

// Changed reports whether anything differs: a case or a person's pay, or
// someone who could not be computed.
func (r *Report) Changed() bool {
	for _, c := range r.Cases {
		if c.Changed() || c.OldErr != "" || c.NewErr != "" {
			return true
		}
	}
	for _, rd := range r.Roles {
		if rd.Up > 0 || rd.Down > 0 || rd.Error > 0 {
			return true
		}
	}
	return false
}

// Markdown renders the report as GitHub-flavoured Markdown (headings, lists
// and pipe tables), Chinese first, for a pull request comment.
func (r *Report) Markdown() string {
	var b strings.Builder
	per := Settlements(r.Month)
	fmt.Fprintf(&b, "### 薪酬对比（pay diff）：%s与%s\n\n", r.OldName, r.NewName)
	fmt.Fprintf(&b, "调整前：%s；调整后：%s。结算期：%s 月度、%s 季度、%s 年度；合成人群 %d 人（种子 %d）；工作样例 %d 个。\n\n",
		r.OldName, r.NewName, per[0], per[1], per[2], r.People, r.Seed, len(r.Cases))
	if !r.Changed() {
		fmt.Fprintf(&b, "**薪酬结果无变化**：%d 个样例、%d 人的月度、季度、年度结算均与调整前相同。\n", len(r.Cases), r.People)
		return b.String()
	}
	r.writeCases(&b)
	r.writeRoles(&b)
	r.writeComponents(&b)
	r.writeFailures(&b)
	if len(r.Omitted) > 0 {
		var groups []string
		for i := 0; i < len(r.Omitted); {
			what := r.Omitted[i].What
			var names []string
			for ; i < len(r.Omitted) && r.Omitted[i].What == what; i++ {
				names = append(names, "`"+r.Omitted[i].Name+"`")
			}
			groups = append(groups, what+" "+strings.Join(names, "、"))
		}
		fmt.Fprintf(&b, "注：按调整前的制度计算时，略去了它没有的输入（%s）。\n", strings.Join(groups, "；"))
	}
	return b.String()
}

func (r *Report) writeCases(b *strings.Builder) {
	b.WriteString("#### 工作样例（worked cases）\n\n")
	same := 0
	var failed []CaseDiff
	header := false
	for _, c := range r.Cases {
		if c.OldErr != "" || c.NewErr != "" {
			failed = append(failed, c)
			continue
		}
		if !c.Changed() {
			same++
			continue
		}
		if !header {
			b.WriteString("| 样例 | 岗位 | 期间 | 调整前 | 调整后 | Δ |\n|---|---|---|--:|--:|--:|\n")
			header = true
		}
		var d string
		if c.Old != nil && c.New != nil {
			d = signed(c.New.Sub(*c.Old))
		}
		fmt.Fprintf(b, "| `%s` | `%s` | %s | %s | %s | %s |\n", c.Name, c.Role, c.Period, amount(c.Old), amount(c.New), orDash(d))
	}
	if header {
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "%d 个样例无变化。\n\n", same)
	if len(failed) > 0 {
		b.WriteString("无法计算的样例：\n\n")
		for _, c := range failed {
			if c.NewErr != "" {
				fmt.Fprintf(b, "- `%s`：按%s无法计算：%s\n", c.Name, r.NewName, oneLine(c.NewErr))
			}
			if c.OldErr != "" {
				fmt.Fprintf(b, "- `%s`：按%s无法计算：%s\n", c.Name, r.OldName, oneLine(c.OldErr))
			}
		}
		b.WriteString("\n")
	}
}

func (r *Report) writeRoles(b *strings.Builder) {
	b.WriteString("#### 按岗位（per role）\n\n")
	b.WriteString("每人的 Δ 是调整后减调整前的应发合计，月度、季度、年度三次结算相加；平均 Δ 四舍五入到 0.01 元。\n\n")
	b.WriteString("| 岗位 | 人数 | 涨 | 降 | 不变 | 无法计算 | 合计 Δ | 最多涨 | 最多降 | 平均 Δ |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, rd := range r.Roles {
		sum, gain, loss, mean := "—", "—", "—", "—"
		if rd.Up > 0 {
			gain = signed(rd.MaxGain)
		}
		if rd.Down > 0 {
			loss = signed(rd.MaxLoss)
		}
		if rd.Mean != nil {
			sum, mean = signed(rd.Total), signed(*rd.Mean)
		}
		fmt.Fprintf(b, "| `%s` %s | %d | %d | %d | %d | %d | %s | %s | %s | %s |\n",
			rd.Role, cell(rd.Title), rd.People, rd.Up, rd.Down, rd.Same, rd.Error, sum, gain, loss, mean)
	}
	b.WriteString("\n")
}

func (r *Report) writeComponents(b *strings.Builder) {
	b.WriteString("#### 按薪酬项目（per component）\n\n")
	same := 0
	header := false
	for _, c := range r.Components {
		if c.Changed == 0 && c.Old.Cmp(c.New) == 0 {
			same++
			continue
		}
		if !header {
			b.WriteString("金额按实发计：因触及电网指标暂停发放的部分不计。\n\n")
			b.WriteString("| 岗位 | 薪酬项目 | 结算期 | 调整前合计 | 调整后合计 | Δ | 涉及人数 |\n")
			b.WriteString("|---|---|---|--:|--:|--:|--:|\n")
			header = true
		}
		title := cell(c.Title)
		switch c.Kind {
		case "deduction":
			title += "（扣减）"
		case "pool":
			title += "（不计入本人）"
		}
		fmt.Fprintf(b, "| `%s` | `%s.%s` %s | %s | %s | %s | %s | %d |\n",
			c.Role, c.Plan, c.Name, title, c.Period, c.Old, c.New, signed(c.Delta()), c.Changed)
	}
	if header {
		b.WriteString("\n")
	}
	if header && same > 0 {
		fmt.Fprintf(b, "其余 %d 个薪酬项目无变化。\n\n", same)
	} else if !header {
		fmt.Fprintf(b, "%d 个薪酬项目均无变化。\n\n", same)
	}
}

// maxFailures is how many reasons for failing the report lists.
const maxFailures = 20

func (r *Report) writeFailures(b *strings.Builder) {
	if len(r.Failures) == 0 {
		return
	}
	b.WriteString("#### 无法计算（cannot compute）\n\n")
	for i, f := range r.Failures {
		if i == maxFailures {
			people := 0
			for _, f := range r.Failures[i:] {
				people += f.People
			}
			fmt.Fprintf(b, "- 其余 %d 种原因，共 %d 人。\n", len(r.Failures)-i, people)
			break
		}
		fmt.Fprintf(b, "- `%s`：%d 人按%s无法计算：%s\n", f.Role, f.People, f.Side, oneLine(f.Reason))
	}
	b.WriteString("\n")
}

// signed writes x with a + when it is positive.
func signed(x exact.Decimal) string {
	if x.Sign() > 0 {
		return "+" + x.String()
	}
	return x.String()
}

func amount(x *exact.Decimal) string {
	if x == nil {
		return "—"
	}
	return x.String()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// cell makes text safe inside a table cell.
func cell(s string) string {
	return strings.ReplaceAll(oneLine(s), "|", `\|`)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
