package formula

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
)

type scope map[string]Value

func (s scope) Value(n string) (Value, bool) { v, ok := s[n]; return v, ok }
func (s scope) Lookup(t string, x exact.Decimal) (exact.Decimal, error) {
	if t != "k" {
		return exact.Decimal{}, fmt.Errorf("no table %q", t)
	}
	if x.Cmp(exact.FromInt(95)) >= 0 {
		return exact.MustParse("1.2"), nil
	}
	return exact.MustParse("1.0"), nil
}

var env = Env{
	Names:  map[string]Type{"base": Num, "score": Num, "late_count": Num, "absent_days": Num, "met": Bool},
	Tables: func(n string) bool { return n == "k" },
}

func TestEval(t *testing.T) {
	s := scope{
		"base": {Num: exact.MustParse("3000.00")}, "score": {Num: exact.MustParse("96.5")},
		"late_count": {Num: exact.FromInt(5)}, "absent_days": {Num: exact.FromInt(1)}, "met": {Bool: true, IsBool: true},
	}
	for _, tt := range []struct{ src, want string }{
		{`base * lookup("k", score)`, "3600.000"},
		{`base * 80%`, "2400.0000"},
		{`max(0, 5 - absent_days - (if late_count >= 4 then 2 else if late_count >= 1 then 1 else 0))`, "2"},
		{`if met and not (score < 90) then 1 else 0`, "1"},
		{`min(3, 1, 2) + floor(2.7) - -1`, "4"},
		{`1 + 2 * 3`, "7"},
		{`(1 + 2) * 3`, "9"},
		{`10 / 4`, "2.5"},
		{`0.1 + 0.2`, "0.3"},
		{`if score >= 90 or met then 1 else 0`, "1"},
	} {
		e, err := Parse(tt.src)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.src, err)
		}
		if _, errs := Check(e, env); len(errs) > 0 {
			t.Fatalf("Check(%q): %v", tt.src, errs[0])
		}
		v, err := e.Eval(s)
		if err != nil {
			t.Fatalf("Eval(%q): %v", tt.src, err)
		}
		if v.IsBool || v.Num.String() != tt.want {
			t.Errorf("Eval(%q) = %v, want %s", tt.src, v.Num, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct {
		src string
		off int
		msg string
	}{
		{`base *`, 6, `expected a number, name or (, found end of formula`},
		{`(base`, 5, `expected ")", found end of formula`},
		{`base ^ 2`, 5, `unexpected character '^'`},
		{`if met then 1`, 13, `expected "else", found end of formula`},
		{`1 < 2 < 3`, 6, `comparisons cannot be chained; use and`},
		{`sqrt(4)`, 0, `unknown function "sqrt" (functions: floor, lookup, max, min)`},
		{`1.2.3`, 0, `malformed number "1.2.3"`},
		{`"k`, 0, `unterminated string`},
		{`base base`, 5, `unexpected "base" after the end of the expression`},
		{`then`, 0, `unexpected "then"`},
	} {
		_, err := Parse(tt.src)
		fe, ok := err.(*Error)
		if !ok || fe.Off != tt.off || fe.Msg != tt.msg {
			t.Errorf("Parse(%q) = %v, want offset %d: %s", tt.src, err, tt.off, tt.msg)
		}
	}
}

func TestCheckErrors(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{`bas * 2`, `0: undefined name "bas" (did you mean "base"?)`},
		{`zzz_unknown + 1`, `0: undefined name "zzz_unknown"`},
		{`met + 1`, `0: the operands of + must be a number, not a yes/no`},
		{`if base then 1 else 2`, `3: the condition of if must be a yes/no, not a number`},
		{`if met then 1 else met`, `19: the branches of if have different types: number and yes/no`},
		{`lookup("nope", score)`, `7: unknown table "nope"`},
		{`lookup(score, score)`, `7: the first argument of lookup must be a table name in quotes`},
		{`floor(1, 2)`, `0: floor takes one argument`},
		{`"k" + 1`, `0: a string may only name the table of lookup`},
		{`met == 1`, `4: cannot compare a yes/no with a number`},
		{`foo + bar`, `0: undefined name "foo"; 6: undefined name "bar" (did you mean "base"?)`},
	} {
		e, err := Parse(tt.src)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.src, err)
		}
		_, errs := Check(e, env)
		var got []string
		for _, e := range errs {
			got = append(got, fmt.Sprintf("%d: %s", e.Off, e.Msg))
		}
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("Check(%q) = %q, want %q", tt.src, strings.Join(got, "; "), tt.want)
		}
	}
}

func TestNamesAndTables(t *testing.T) {
	e, _ := Parse(`base * lookup("k", score) + base + lookup("k", 1)`)
	if got := fmt.Sprint(e.Names(), e.Tables()); got != "[base score] [k]" {
		t.Errorf("got %s", got)
	}
}

func TestDivisionByZeroIsAnError(t *testing.T) {
	e, _ := Parse(`1 / (base - base)`)
	if _, err := e.Eval(scope{"base": {Num: exact.FromInt(3)}}); err == nil {
		t.Error("want an error")
	}
}

// FuzzParse guards that no input makes the parser, checker or evaluator panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`base * lookup("k", score)`, `if met then 1 else 2`, `max(0, 5 - absent_days)`, `((`, `1 < 2 < 3`, `"`, `-`, `not not met`} {
		f.Add(s)
	}
	s := scope{"base": {Num: exact.FromInt(3)}, "score": {Num: exact.FromInt(90)}, "late_count": {}, "absent_days": {}, "met": {IsBool: true}}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			return
		}
		if _, errs := Check(e, env); len(errs) > 0 {
			return
		}
		_, _ = e.Eval(s)
	})
}

// TestEveryOperatorHasACode checks that Eval knows every binary operator the
// parser accepts (a missing code would evaluate as "and").
func TestEveryOperatorHasACode(t *testing.T) {
	for _, level := range levels {
		for _, op := range level {
			if code, ok := opCodeOf(op); !ok || opTexts[code] != op {
				t.Errorf("operator %q has no code", op)
			}
		}
	}
}
