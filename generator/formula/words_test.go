package formula

import "testing"

func TestWords(t *testing.T) {
	labels := map[string]string{"base_pay": "基本工资", "collections": "当月回款额", "rate": "比例", "score": "考核得分", "met": "已达标"}
	label := func(n string) string { return labels[n] }
	title := func(n string) string { return map[string]string{"k": "奖金系数表"}[n] }
	for _, tt := range []struct{ src, want string }{
		{"base_pay * rate / 100", "基本工资 × 比例 ÷ 100"},
		{"(base_pay + 5) * 2", "（基本工资 + 5） × 2"},
		{"base_pay - (collections - 1)", "基本工资 - （当月回款额 - 1）"},
		{`base_pay * lookup("k", score)`, "基本工资 × 查「奖金系数表」（考核得分）"},
		{"if collections >= 100 then base_pay else base_pay * 80%", "若 当月回款额 ≥ 100，则 基本工资；否则 基本工资 × 80%"},
		{"max(0, collections) * unknown_name", "取较大者（0，当月回款额） × unknown_name"},
		{"if not met and score < 60 then 0 else 1", "若 非 已达标 且 考核得分 < 60，则 0；否则 1"},
		{"-collections", "−当月回款额"},
	} {
		e, err := Parse(tt.src)
		if err != nil {
			t.Fatalf("%s: %v", tt.src, err)
		}
		if got := e.Words(label, title); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}
