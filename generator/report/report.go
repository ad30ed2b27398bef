package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/explain"
	"github.com/kefu-hr/handbook/generator/internal/printf"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Text writes a result as a readable report.
func Text(w io.Writer, title string, r engine.Result) {
	printf.Fprintf(w, "案例：%s\n", title)
	printf.Fprintf(w, "人员：%s　岗位：%s@%d　期间：%s\n", or(r.Person, "—"), r.Role, r.RoleVersion, r.Period)
	for _, s := range r.Scores {
		printf.Fprintf(w, "\n== 评分表 %s@%d\n", s.Scorecard, s.Version)
		for _, it := range s.Items {
			printf.Fprintf(w, "  %-24s %8s / %-6s %s\n", it.ID, it.Points, it.Max, clauseLabel(it.Clause))
		}
		for _, p := range s.Parts {
			printf.Fprintf(w, "  [%s] %s 分（满分 %s）→ 百分制 %s × %s%%\n", p.Title, p.Raw, p.Points, p.Score, p.Share)
		}
		// K and grade are shown when the scorecard names their tables; a pay
		// plan may still look the total up itself (its trace says so).
		line := "  总分 " + s.Total.String()
		if s.K != nil {
			line += "　奖金系数 K " + s.K.String()
		}
		if s.Grade != "" {
			line += "　等级 " + s.Grade
		}
		printf.Fprintf(w, "%s\n", line)
		steps(w, s.Trace)
	}
	if p := r.Points; p != nil {
		printf.Fprintf(w, "\n== 积分 %s@%d\n  得分 %s\n", p.System, p.Version, p.Total)
		for _, c := range p.Consequences {
			printf.Fprintf(w, "  后果：%s\n", c)
		}
		steps(w, p.Trace)
	}
	if len(r.Ledger) > 0 {
		printf.Fprintf(w, "\n== 季度台账\n  %-8s %-14s %12s %12s %12s %10s %10s %12s %s\n", "季度", "分支", "完成额", "上季转入", "计提基数", "奖金", "扣发", "转入下季", "未补足")
		for _, e := range r.Ledger {
			var open []string
			for _, o := range e.Outstanding {
				open = append(open, o.Quarter+":"+o.Amount.String())
			}
			printf.Fprintf(w, "  %-8s %-14s %12s %12s %12s %10s %10s %12s %s\n", e.Quarter, e.Branch, e.Actual, e.CarriedIn,
				e.Accrued.Add(e.LateBase), e.Bonus, e.Penalty, e.CarriedOut, or(strings.Join(open, " "), "—"))
		}
	}
	for _, st := range r.Standings {
		printf.Fprintf(w, "\n== %s %s@%d\n  %s %s　结果 %s\n", st.Title, st.Bands, st.BandsVersion, or(st.MeasureTitle, "得分"), st.Measure, st.Label)
		for _, c := range st.Consequences {
			printf.Fprintf(w, "  后果：%s\n", c)
		}
		steps(w, st.Trace)
	}
	if p := r.Pay; p != nil {
		printf.Fprintf(w, "\n== 薪酬 %s@%d\n", p.Plan, p.Version)
		for _, c := range p.Components {
			mark := ""
			switch {
			case c.Withheld:
				mark = "（暂停发放）"
			case c.Kind == policy.Deduction:
				mark = "（扣款）"
			case c.Kind == policy.Pool:
				mark = "（分配给团队）"
			}
			title := c.Title
			if mark != "" && strings.HasSuffix(title, "）") {
				// 超额奖励（由客户总监内部分配，分配给团队）, not （…）（…）.
				title = strings.TrimSuffix(title, "）") + "，" + strings.TrimPrefix(mark, "（")
				mark = ""
			}
			printf.Fprintf(w, "  %-28s %12s %s%s\n", c.Name, signed(c), title, mark)
		}
		for i, h := range p.RedLines {
			printf.Fprintf(w, "  触及电网指标：%s（%s）\n", h.Title, h.ID)
			if i == len(p.RedLines)-1 {
				printf.Fprintf(w, "    对薪酬的影响：%s\n    公司可采取的措施：%s\n", h.Effect, strings.Join(h.Consequences, "、"))
			}
		}
		printf.Fprintf(w, "  合计 %s 元\n", p.Total)
		steps(w, p.Trace)
	}
}

func steps(w io.Writer, trace []engine.Step) {
	printf.Fprintf(w, "  计算过程：\n")
	for _, s := range trace {
		clause := ""
		if s.Clause != "" {
			clause = " [" + clauseText(s.Clause) + "]"
		}
		inputs := ""
		if len(s.Operands) > 0 {
			inputs = " {" + operands(s.Operands) + "}"
		}
		printf.Fprintf(w, "    %s%s%s = %s\n      %s\n", s.Ref, clause, inputs, s.Value, explain.Step(s))
	}
}

// operands lists the values a step used as people name them: each by its
// Chinese label (the name the formula or policy writes where it has none),
// e.g. 绩效工资基数=4000.00 for performance_base.
func operands(ops []engine.Operand) string {
	parts := make([]string, len(ops))
	for i, o := range ops {
		if o.Label != "" {
			o.Name = o.Label
		}
		parts[i] = o.String()
	}
	return strings.Join(parts, ", ")
}

// signed is a component's amount as it counts in the total: a deduction
// with its minus sign (-38.00), unless it is zero.
func signed(c engine.ComponentResult) string {
	if c.Kind == policy.Deduction && c.Amount.Sign() != 0 {
		return c.Amount.Neg().String()
	}
	return c.Amount.String()
}

// clauseText names a clause as people count: a behaviour level by its
// number (levels[3] is 等级 4), a tier or band row by its place (tiers[0]
// is 第 1 档). Other clauses are shown as they are.
func clauseText(c string) string {
	for _, k := range clauseCounts {
		rest, ok := strings.CutPrefix(c, k.key)
		if !ok {
			continue
		}
		num, tail, ok := strings.Cut(rest, "]")
		if n, err := strconv.Atoi(num); ok && err == nil && tail == "" {
			return k.before + strconv.Itoa(n+1) + k.after
		}
	}
	return c
}

// clauseCounts are the clauses clauseText counts: the prefix of the
// clause's id and the words around the count.
var clauseCounts = [...]struct{ key, before, after string }{{"levels[", "等级 ", ""}, {"tiers[", "第 ", " 档"}, {"rows[", "第 ", " 行"}, {"choices[", "第 ", " 项"}}

// clauseWords name the clauses of the scoring kinds in the score table as
// a reader says them; the trace keeps their ids, which the policies use.
// (A list, not a map: a map literal is built by code when the package
// starts, a list of constants is data.)
var clauseWords = [...]struct{ clause, words string }{
	{"yes", "是"}, {"no", "否"}, // yes/no items
	{"full", "满分"}, {"deducted", "扣分"}, {"floor", "扣至最低分"}, // deductions
	{"proportional", "按完成比例"}, {"formula", "按公式"}, {"checks", "逐项核对"},
	{"par", "达到基准"}, {"above", "高于基准"}, {"below", "低于基准"}, {"bonus", "加分"},
}

// clauseLabel is a clause as the score table shows it: in words, or as
// clauseText counts it.
func clauseLabel(c string) string {
	for _, w := range clauseWords {
		if w.clause == c {
			return w.words
		}
	}
	return clauseText(c)
}

func or(s, dflt string) string {
	if s == "" {
		return dflt
	}
	return s
}
