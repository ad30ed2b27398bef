package formula

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
)

// xscope is the scope of the explanation tests; table "k" gives 1.2 from 95 up.
var xscope = scope{
	"base": {Num: exact.MustParse("3000.00")}, "score": {Num: exact.MustParse("96.5")},
	"late_count": {Num: exact.FromInt(5)}, "absent_days": {Num: exact.FromInt(1)},
	"met": {Bool: true, IsBool: true}, "off": {IsBool: true},
	"debt": {Num: exact.FromInt(-20)}, "rate": {Num: exact.FromInt(5)},
	"target": {Num: exact.MustParse("8000000.00")}, "n": {Num: exact.FromInt(5)},
	"got": {Num: exact.MustParse("120000.00")},
}

var xenv = Env{
	Names: map[string]Type{"base": Num, "score": Num, "late_count": Num, "absent_days": Num, "met": Bool, "off": Bool,
		"debt": Num, "rate": Num, "target": Num, "n": Num, "got": Num},
	Tables: func(n string) bool { return n == "k" },
}

func TestExplain(t *testing.T) {
	for _, tt := range []struct {
		src, formula, values, value string
		reasons                     []string
		lookups                     string
	}{
		// names and numbers
		{src: `base`, formula: `base`, values: `3000.00`, value: `3000.00`},
		{src: `5%`, formula: `5%`, values: `5%`, value: `0.05`},
		{src: `base * 80%`, formula: `base × 80%`, values: `3000.00 × 80%`, value: `2400.0000`},
		// precedence: parentheses exactly where the grammar needs them
		{src: `1 + 2 * 3`, formula: `1 + 2 × 3`, values: `1 + 2 × 3`, value: `7`},
		{src: `(1 + 2) * 3`, formula: `(1 + 2) × 3`, values: `(1 + 2) × 3`, value: `9`},
		{src: `((1 - 2)) - 3`, formula: `1 - 2 - 3`, values: `1 - 2 - 3`, value: `-4`},
		{src: `1 - (2 - 3)`, formula: `1 - (2 - 3)`, values: `1 - (2 - 3)`, value: `2`},
		{src: `1 + (2 + 3)`, formula: `1 + (2 + 3)`, values: `1 + (2 + 3)`, value: `6`},
		{src: `(1 / 2) * 4`, formula: `1 ÷ 2 × 4`, values: `1 ÷ 2 × 4`, value: `2.0`},
		{src: `1 / (2 * 4)`, formula: `1 ÷ (2 × 4)`, values: `1 ÷ (2 × 4)`, value: `0.125`},
		{src: `(base + 1) / (n - 1)`, formula: `(base + 1) ÷ (n - 1)`, values: `(3000.00 + 1) ÷ (5 - 1)`, value: `750.25`},
		// minus signs
		{src: `-(base + 1)`, formula: `-(base + 1)`, values: `-(3000.00 + 1)`, value: `-3001.00`},
		{src: `-2 * 3`, formula: `-2 × 3`, values: `-2 × 3`, value: `-6`},
		{src: `-(2 * 3)`, formula: `-(2 × 3)`, values: `-(2 × 3)`, value: `-6`},
		{src: `1 - -2`, formula: `1 - (-2)`, values: `1 - (-2)`, value: `3`},
		{src: `- -rate`, formula: `-(-rate)`, values: `-(-5)`, value: `5`},
		{src: `base - debt`, formula: `base - debt`, values: `3000.00 - (-20)`, value: `3020.00`},
		{src: `debt * 2`, formula: `debt × 2`, values: `-20 × 2`, value: `-40`},
		{src: `-debt`, formula: `-debt`, values: `-(-20)`, value: `20`},
		// functions
		{src: `min(base, 2000) + floor(score)`, formula: `min(base, 2000) + floor(score)`, values: `min(3000.00, 2000) + floor(96.5)`, value: `2096`},
		{src: `max(0, got - target) * rate / 100`, formula: `max(0, got - target) × rate ÷ 100`, values: `max(0, 120000.00 - 8000000.00) × 5 ÷ 100`, value: `0.00`},
		{src: `floor(score / 2)`, formula: `floor(score ÷ 2)`, values: `floor(96.5 ÷ 2)`, value: `48`},
		// lookups: the result in place of the call
		{src: `base * lookup("k", score)`, formula: `base × lookup("k", score)`, values: `3000.00 × 1.2`, value: `3600.000`, lookups: `k(96.5)=1.2`},
		{src: `lookup("k", score - 10) + lookup("k", score) + lookup("k", score - 10)`, formula: `lookup("k", score - 10) + lookup("k", score) + lookup("k", score - 10)`,
			values: `1.0 + 1.2 + 1.0`, value: `3.2`, lookups: `k(86.5)=1.0 k(96.5)=1.2`},
		// if: the branch taken, and why
		{src: `if met then base else 0`, formula: `base`, values: `3000.00`, value: `3000.00`, reasons: []string{`met 为是`}},
		{src: `if off then base else 0`, formula: `0`, values: `0`, value: `0`, reasons: []string{`off 为否`}},
		{src: `if not off then 1 else 2`, formula: `1`, values: `1`, value: `1`, reasons: []string{`off 为否`}},
		{src: `if got >= floor(target / 12 / n * 100) / 100 then base else base * rate / 100`,
			formula: `base × rate ÷ 100`, values: `3000.00 × 5 ÷ 100`, value: `150.0000`,
			reasons: []string{`got 120000.00 < 133333.33（floor(8000000.00 ÷ 12 ÷ 5 × 100) ÷ 100）`}},
		{src: `2 * (if met then base + 1 else 0)`, formula: `2 × (base + 1)`, values: `2 × (3000.00 + 1)`, value: `6002.00`, reasons: []string{`met 为是`}},
		{src: `-(if met then -base else 0)`, formula: `-(-base)`, values: `-(-3000.00)`, value: `3000.00`, reasons: []string{`met 为是`}},
		{src: `max(0, 5 - absent_days - (if late_count >= 4 then 2 else if late_count >= 1 then 1 else 0))`,
			formula: `max(0, 5 - absent_days - 2)`, values: `max(0, 5 - 1 - 2)`, value: `2`, reasons: []string{`late_count 5 ≥ 4`}},
		{src: `if score >= 100 then 3 else if score >= 90 then 2 else 1`, formula: `2`, values: `2`, value: `2`,
			reasons: []string{`score 96.5 < 100`, `score 96.5 ≥ 90`}},
		{src: `(if met then 1 else 2) + (if met then 3 else 4)`, formula: `1 + 3`, values: `1 + 3`, value: `4`, reasons: []string{`met 为是`}},
		// comparisons are stated the way they hold
		{src: `if score > 90 then 1 else 0`, formula: `1`, values: `1`, value: `1`, reasons: []string{`score 96.5 > 90`}},
		{src: `if score > 100 then 1 else 0`, formula: `0`, values: `0`, value: `0`, reasons: []string{`score 96.5 ≤ 100`}},
		{src: `if score < 90 then 1 else 0`, formula: `0`, values: `0`, value: `0`, reasons: []string{`score 96.5 ≥ 90`}},
		{src: `if score <= 90 then 1 else 0`, formula: `0`, values: `0`, value: `0`, reasons: []string{`score 96.5 > 90`}},
		{src: `if n == 5 then 1 else 0`, formula: `1`, values: `1`, value: `1`, reasons: []string{`n 5 = 5`}},
		{src: `if n == 4 then 1 else 0`, formula: `0`, values: `0`, value: `0`, reasons: []string{`n 5 ≠ 4`}},
		{src: `if n != 5 then 1 else 0`, formula: `0`, values: `0`, value: `0`, reasons: []string{`n 5 = 5`}},
		{src: `if debt < 0 then 1 else 0`, formula: `1`, values: `1`, value: `1`, reasons: []string{`debt -20 < 0`}},
		{src: `if base * 2 >= 5000 then 1 else 0`, formula: `1`, values: `1`, value: `1`, reasons: []string{`6000.00（3000.00 × 2） ≥ 5000`}},
		{src: `if 1 + 2 > 2 then 1 else 0`, formula: `1`, values: `1`, value: `1`, reasons: []string{`3（1 + 2） > 2`}},
		{src: `if lookup("k", score) > 1 then 1 else 0`, formula: `1`, values: `1`, value: `1`, reasons: []string{`1.2 > 1`}, lookups: `k(96.5)=1.2`},
		{src: `if (if met then score else 0) >= 90 then 1 else 0`, formula: `1`, values: `1`, value: `1`, reasons: []string{`met 为是`, `score 96.5 ≥ 90`}},
		{src: `if if met then off else met then 1 else 2`, formula: `2`, values: `2`, value: `2`, reasons: []string{`met 为是`, `off 为否`}},
		{src: `if (score < 90) == off then 1 else 0`, formula: `1`, values: `1`, value: `1`, reasons: []string{`否（96.5 < 90） = off 否`}},
		// and/or: only what decided
		{src: `if met and score >= 90 then 1 else 0`, formula: `1`, values: `1`, value: `1`, reasons: []string{`met 为是 且 score 96.5 ≥ 90`}},
		{src: `if met and score < 90 then 1 else 0`, formula: `0`, values: `0`, value: `0`, reasons: []string{`score 96.5 ≥ 90`}},
		{src: `if off and score >= 90 then 1 else 0`, formula: `0`, values: `0`, value: `0`, reasons: []string{`off 为否`}},
		{src: `if met or score < 90 then 1 else 0`, formula: `1`, values: `1`, value: `1`, reasons: []string{`met 为是`}},
		{src: `if off or score >= 90 then 1 else 0`, formula: `1`, values: `1`, value: `1`, reasons: []string{`score 96.5 ≥ 90`}},
		{src: `if off or score < 90 then 1 else 0`, formula: `0`, values: `0`, value: `0`, reasons: []string{`off 为否 且 score 96.5 ≥ 90`}},
		{src: `if base >= 100 or (rate >= 120 and not off) then 100 else base`, formula: `100`, values: `100`, value: `100`, reasons: []string{`base 3000.00 ≥ 100`}},
		{src: `if base < 100 and rate >= 1 and not off then 1 else 0`, formula: `0`, values: `0`, value: `0`, reasons: []string{`base 3000.00 ≥ 100`}},
		{src: `if base >= 100 and rate >= 1 and not off then 1 else 0`, formula: `1`, values: `1`, value: `1`,
			reasons: []string{`base 3000.00 ≥ 100 且 rate 5 ≥ 1 且 off 为否`}},
		// yes/no formulas
		{src: `met and score >= 90`, formula: `met 且 score ≥ 90`, values: `是 且 96.5 ≥ 90`, value: `是`},
		{src: `off and score >= 90`, formula: `off`, values: `否`, value: `否`},
		{src: `met or off`, formula: `met`, values: `是`, value: `是`},
		{src: `off or met and met`, formula: `off 或 met 且 met`, values: `否 或 是 且 是`, value: `是`},
		{src: `met and (off or met)`, formula: `met 且 (off 或 met)`, values: `是 且 (否 或 是)`, value: `是`},
		{src: `not (score < 90)`, formula: `非 score < 90`, values: `非 96.5 < 90`, value: `是`},
		{src: `not (met and off)`, formula: `非 (met 且 off)`, values: `非 (是 且 否)`, value: `是`},
		{src: `(score < 90) == off`, formula: `(score < 90) = off`, values: `(96.5 < 90) = 否`, value: `是`},
		{src: `score - 1 < base * 2`, formula: `score - 1 < base × 2`, values: `96.5 - 1 < 3000.00 × 2`, value: `是`},
	} {
		e, err := Parse(tt.src)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.src, err)
		}
		if _, errs := Check(e, xenv); len(errs) > 0 {
			t.Fatalf("Check(%q): %v", tt.src, errs[0])
		}
		x, err := e.Explain(xscope)
		if err != nil {
			t.Fatalf("Explain(%q): %v", tt.src, err)
		}
		var lookups []string
		for _, l := range x.Lookups {
			lookups = append(lookups, fmt.Sprintf("%s(%s)=%s", l.Table, l.Arg, l.Result))
		}
		got := fmt.Sprintf("%s | %s | %s | %q | %s", x.Formula, x.Values, display.value(x.Value), x.Reasons, strings.Join(lookups, " "))
		want := fmt.Sprintf("%s | %s | %s | %q | %s", tt.formula, tt.values, tt.value, tt.reasons, tt.lookups)
		if got != want {
			t.Errorf("Explain(%q)\n got %s\nwant %s", tt.src, got, want)
		}
		checkExplain(t, e, xscope)
	}
}

func TestExplainErrors(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{`nobody + 1`, `no value for "nobody"`},
		{`1 / (base - base)`, `division by zero`},
		{`lookup("nope", 1)`, `no table "nope"`},
		{`if met then 1 / 0 else 0`, `division by zero`},
		// Unchecked formulas fail instead of panicking.
		{`lookup(1, 2)`, errLookup.Error()},
		{`lookup("k")`, errLookup.Error()},
		{`"k"`, errType.Error()},
	} {
		e, err := Parse(tt.src)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.src, err)
		}
		if _, err := e.Explain(xscope); err == nil || err.Error() != tt.want {
			t.Errorf("Explain(%q) = %v, want %s", tt.src, err, tt.want)
		}
	}
}

// checkExplain checks what holds for every checked formula: Explain fails
// exactly where Eval fails and gives the same value; written in the source
// language, its Formula and Values parse and evaluate to that value too.
func checkExplain(t *testing.T, e *Expr, s scope) {
	t.Helper()
	want, werr := e.Eval(s)
	x, err := e.Explain(s)
	if (err == nil) != (werr == nil) {
		t.Fatalf("%q: Eval error %v, Explain error %v", e, werr, err)
	}
	if err != nil {
		return
	}
	if !same(x.Value, want) {
		t.Fatalf("%q: Explain value %v, Eval value %v", e, x.Value, want)
	}
	src, err := explain(e.root, s, source)
	if err != nil {
		t.Fatalf("%q: source style: %v", e, err)
	}
	withBools := scope{"true": {Bool: true, IsBool: true}, "false": {IsBool: true}}
	for k, v := range s {
		withBools[k] = v
	}
	for _, text := range []string{src.Formula, src.Values} {
		r, err := Parse(text)
		if err != nil {
			t.Fatalf("%q explained as %q, which does not parse: %v", e, text, err)
		}
		got, err := r.Eval(withBools)
		if err != nil || !same(got, want) {
			t.Fatalf("%q explained as %q, which gives %v (%v), want %v", e, text, got, err, want)
		}
	}
}

// same reports whether two values are identical, digits and all.
func same(a, b Value) bool {
	return a.IsBool == b.IsBool && a.Bool == b.Bool && a.Num.String() == b.Num.String()
}

// FuzzExplain guards that Explain never panics on a parsed formula and
// agrees with Eval on every checked one (see checkExplain).
func FuzzExplain(f *testing.F) {
	for _, s := range []string{
		`base * lookup("k", score)`, `if met then 1 else 2`, `max(0, 5 - absent_days)`, `- -debt`, `1 - (2 - 3) * -debt`,
		`if got >= floor(target / 12 / n * 100) / 100 then base else base * rate / 100`,
		`if off or score < 90 then 1 else if met and not off then 2 else 3`, `(score < 90) == off`,
		`not (met and off)`, `lookup(1, 2)`, `floor(1, 2)`, `min()`, `"k"`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			return
		}
		if _, errs := Check(e, xenv); len(errs) > 0 {
			_, _ = e.Explain(xscope) // must not panic
			return
		}
		checkExplain(t, e, xscope)
	})
}

// labelScope is a scope with labels for some of its names.
type labelScope struct {
	scope
	labels map[string]string
}

func (l labelScope) Label(n string) string { return l.labels[n] }

// TestExplainLabels checks that facts and the formula name values by their
// labels where the scope gives one (as Words shows a formula on the
// handbook's pages), and by their names where it gives none.
func TestExplainLabels(t *testing.T) {
	e, err := Parse("if rate >= 100 and not probation then pay else pay * rate / 100")
	if err != nil {
		t.Fatal(err)
	}
	s := labelScope{scope{"rate": {Num: exact.MustParse("90")}, "probation": {IsBool: true, Bool: true}, "pay": {Num: exact.MustParse("500")}},
		map[string]string{"rate": "基本量达成率", "probation": ""}}
	x, err := e.Explain(s)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(x.Reasons, "；"), "基本量达成率 90 < 100"; got != want {
		t.Errorf("reasons %q, want %q", got, want)
	}
	if got, want := x.Formula, "pay × 基本量达成率 ÷ 100"; got != want {
		t.Errorf("formula %q, want %q", got, want)
	}
}
