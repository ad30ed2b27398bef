package printf_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// stringer and the types below stand for the handbook's types with a
// String method (exact.Decimal, diag.Text, engine.Period, …) and its
// errors.
type stringer struct{ s string }

func (s stringer) String() string { return s.s }

type ptrStringer struct{ s string }

func (s *ptrStringer) String() string { return s.s }

type both struct{}

func (both) Error() string  { return "the error" }
func (both) String() string { return "the string" }

type panics struct{}

func (panics) String() string { panic("no string") }

type errPanics struct{}

func (errPanics) Error() string { panic(errors.New("no error")) }

// nested formats itself with printf, while printf formats it.
type nested struct{ n int }

func (x nested) String() string { return printf.Sprintf("<%05d|%q>", x.n, "中") }

// unknown is a type printf does not know: fmt prints it through reflect.
type unknown struct{ a int }

// named is a string type without a String method, as source.PeriodKind:
// fmt prints it through reflect, printf cannot.
type named string

// arg is a value to format, with the kind of value printf takes it for.
type arg struct {
	v    any
	kind string // "string", "int", "bool", "strings", "method", "nil", "unknown"
}

var args = []arg{
	{"", "string"}, {"abc", "string"}, {"中文字符", "string"}, {"a\"b\\c\n\t\x00é", "string"}, {"\xff invalid", "string"},
	{0, "int"}, {42, "int"}, {-7, "int"}, {math.MaxInt64, "int"}, {math.MinInt64, "int"},
	{int8(-128), "int"}, {int16(300), "int"}, {int32('中'), "int"}, {int32(-1), "int"}, {int64(-1 << 40), "int"},
	{uint(7), "int"}, {uint8(255), "int"}, {uint16(65535), "int"}, {uint32(0x10FFFF + 1), "int"}, {uint64(math.MaxUint64), "int"}, {uintptr(9), "int"},
	{true, "bool"}, {false, "bool"},
	{1.25, "unknown"}, {-0.05, "unknown"}, {0.0, "unknown"}, {99.95, "unknown"}, {math.Inf(1), "unknown"}, {math.NaN(), "unknown"}, // printf formats no floats
	{[]string{"a", "中文", `"q"`}, "strings"}, {[]string(nil), "strings"}, {[]string{}, "strings"},
	{stringer{"1.50"}, "method"}, {&stringer{"x"}, "method"}, {&ptrStringer{"p"}, "method"}, {errors.New("boom \"quoted\""), "method"}, {both{}, "method"},
	{(*stringer)(nil), "method"}, {(*ptrStringer)(nil), "method"}, {panics{}, "method"}, {errPanics{}, "method"},
	{nil, "nil"}, {error(nil), "nil"},
	{unknown{1}, "unknown"}, {named("monthly"), "unknown"}, {[]int{1}, "unknown"}, {float32(1.5), "unknown"}, {map[string]int{}, "unknown"},
}

// verbs are those printf implements and some it does not.
var verbs = []rune{'v', 's', 'q', 'd', 'f', 't', 'x', 'X', 'c', 'U', 'e', 'g', 'T', 'p', 'w', 'b', 'o', 'z', '!', 'é'}

// modifiers are flags, widths and precisions between % and the verb.
var modifiers = []string{"", "5", "-5", "05", "-05", "1", "12", "-24", ".0", ".1", ".2", ".3", "6.2", "-8.1", "08.1", "010.3", "+", "#", " ", "+5", "-+", "#-3"}

// supported says what printf formats as fmt does: the verbs it implements
// per kind of value, and on a basic type those fmt rejects (writing
// %!verb(type=value)); without the flags +, # and space.
func supported(kind string, verb rune, mod string) bool {
	if strings.ContainsAny(mod, "+# ") {
		return false
	}
	ours := map[string]string{"string": "vsq", "strings": "vsq", "int": "vdq", "bool": "tv", "method": "vsq"}
	fmts := map[string]string{"string": "vsqxX", "strings": "vsqxX", "int": "vdqboOxXcU", "bool": "tv"}
	switch kind {
	case "nil":
		return true
	case "method", "unknown":
		return strings.ContainsRune(ours[kind], verb)
	}
	// T and p are fmt's own, with reflect.
	return strings.ContainsRune(ours[kind], verb) || !strings.ContainsRune(fmts[kind], verb) && verb != 'T' && verb != 'p'
}

// TestSprintfIsFmt: every verb, flag, width and precision on every kind of
// value printf takes gives fmt.Sprintf's bytes; the rest gives
// %!verb(UNSUPPORTED), never something else.
func TestSprintfIsFmt(t *testing.T) {
	n := 0
	for _, a := range args {
		for _, verb := range verbs {
			for _, mod := range modifiers {
				format := "<%" + mod + string(verb) + ">"
				got := printf.Sprintf(format, a.v)
				if supported(a.kind, verb, mod) {
					n++
					if want := fmt.Sprintf(format, a.v); got != want {
						t.Errorf("Sprintf(%q, %#v) = %q, fmt gives %q", format, a.v, got, want)
					}
					continue
				}
				if got != "<%!"+string(verb)+"(UNSUPPORTED)>" {
					t.Errorf("Sprintf(%q, %#v) = %q, want %%!%c(UNSUPPORTED)", format, a.v, got, verb)
				}
			}
		}
	}
	if n < 3000 {
		t.Errorf("only %d cases compared with fmt", n)
	}
}

// TestSprintfFormats: argument indexes, * widths and precisions, and the
// mistakes fmt reports in the output (missing, extra and bad arguments,
// no verb), on the types printf takes.
func TestSprintfFormats(t *testing.T) {
	tests := []struct {
		format string
		args   []any
	}{
		{"", nil},
		{"plain", nil},
		{"100%%", nil},
		{"%5%|%-5%|%[3]%", []any{1}},
		{"%s:%d:%d", []any{"roles/a.toml", 12, 3}},
		{"%[2]s 的 %[1]s", []any{"x", "y"}},
		{"%[1]q 与 %[1]s、%[2]d", []any{"a", 2}},
		{"%[3]s%[1]s%[2]s", []any{"a", "b", "c"}},
		{"%.2[3]s%% of %[1]d/%[2]d", []any{3, 4, "75.0"}},
		{"%[2]d %d %d", []any{1, 2, 3}},
		{"%[2]*[1]d|", []any{12, 5}},
		{"%-*d|%*d|", []any{4, 1, -4, 2}},
		{"%.*d|%.*s|", []any{2, 3, 2, "中文字"}},
		{"%*d", []any{"x", 1}},
		{"%.*d", []any{"x", 1}},
		{"%.*d", []any{-1, 1}},
		{"%*d", []any{int64(3), 1}},
		{"%*d", []any{uint8(3), 1}},
		{"%*d", []any{10000000, 1}},
		{"%d %d", []any{1}},
		{"%d", []any{1, "two", uint8(3), nil, true, []string{"x"}}},
		{"%d", []any{1, unknown{}}},
		{"%[0]d", []any{1}},
		{"%[3]d", []any{1}},
		{"%[x]d", []any{1}},
		{"%[1]2d", []any{1}},
		{"%[1].2d", []any{1}},
		{"%[1", []any{1}},
		{"%", nil},
		{"%-", []any{1}},
		{"%5", []any{1}},
		{"%!", []any{1}},
		{"%é", []any{1}},
		{"%.d|%.s|%.q", []any{0, "abc", "x"}},
		{"%5.d|", []any{0}},
		{"%s", []any{[]string{"a", "b"}}},
		{"%5q", []any{[]string{"a", "b"}}},
		{"%04d-%02d-Q%d", []any{2024, 3, 1}},
		{"%5d | %s\n      | %s^\n", []any{12, "line", "  "}},
		{"  %-24s %8s / %-6s %s\n", []any{"item", stringer{"3.5"}, stringer{"10"}, "clause"}},
		{"%v %s %q", []any{errors.New("e"), both{}, stringer{"s"}}},
		{"%d %-12s %d %q", []any{1, nested{-42}, 3, nested{7}}},
		{"%s|%.3s", []any{strings.Repeat("长", 70000), strings.Repeat("x", 100000)}},
	}
	for _, tt := range tests {
		got := printf.Sprintf(tt.format, tt.args...)
		want := fmt.Sprintf(tt.format, tt.args...)
		if strings.Contains(got, "UNSUPPORTED") && strings.Contains(want, "unknown") {
			continue // fmt names the type; printf cannot
		}
		if got != want {
			t.Errorf("Sprintf(%q, %#v) = %q, fmt gives %q", tt.format, tt.args, got, want)
		}
	}
}

// TestFloatUnsupported: a float, which fmt formats and printf does not,
// is reported with every verb, as an extra argument, and as the argument
// of a bad verb, never formatted otherwise.
func TestFloatUnsupported(t *testing.T) {
	extra := "%d" // not a constant: vet would refuse the extra argument
	tests := []struct {
		format string
		args   []any
		want   string
	}{
		{"%f", []any{1.5}, "%!f(UNSUPPORTED)"},
		{"%.1f%%", []any{99.95}, "%!f(UNSUPPORTED)%"},
		{"%v", []any{0.1}, "%!v(UNSUPPORTED)"},
		{"%g|%e|%s", []any{1e21, -0.5, math.NaN()}, "%!g(UNSUPPORTED)|%!e(UNSUPPORTED)|%!s(UNSUPPORTED)"},
		{"%5.2[2]f|%[1]d", []any{7, 2.5}, "%!f(UNSUPPORTED)|7"},
		{"%d", []any{float32(2)}, "%!d(UNSUPPORTED)"},
		{extra, []any{1, 2.5}, "1%!(EXTRA UNSUPPORTED)"},
		{extra, []any{1, "x", 2.5}, "1%!(EXTRA string=x, UNSUPPORTED)"},
	}
	for _, tt := range tests {
		if got := printf.Sprintf(tt.format, tt.args...); got != tt.want {
			t.Errorf("Sprintf(%q, %v) = %q, want %q", tt.format, tt.args, got, tt.want)
		}
	}
}

// TestExtraUnknown: an extra argument of a type printf does not know is
// reported, without its type.
func TestExtraUnknown(t *testing.T) {
	format := "%d" // not a constant: vet would refuse the extra argument
	if got, want := printf.Sprintf(format, 1, unknown{}), "1%!(EXTRA UNSUPPORTED)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestFprintfAppendf: Fprintf writes and Appendf appends what Sprintf
// returns.
func TestFprintfAppendf(t *testing.T) {
	tests := []struct {
		format string
		args   []any
	}{
		{"%s=%d", []any{"a", 1}},
		{"%-6s|%q", []any{"中", "x"}},
	}
	for _, tt := range tests {
		want := printf.Sprintf(tt.format, tt.args...)
		var b bytes.Buffer
		n, err := printf.Fprintf(&b, tt.format, tt.args...)
		if err != nil || n != len(want) || b.String() != want {
			t.Errorf("Fprintf(%q) wrote %q (%d, %v), want %q", tt.format, b.String(), n, err, want)
		}
		if got := string(printf.Appendf([]byte("pre:"), tt.format, tt.args...)); got != "pre:"+want {
			t.Errorf("Appendf(%q) = %q, want %q", tt.format, got, "pre:"+want)
		}
	}
}

// TestPanicInString: a String method that panics on something other than
// a nil pointer is reported as fmt reports it.
func TestPanicInString(t *testing.T) {
	for _, a := range []any{panics{}, errPanics{}} {
		if got, want := printf.Sprintf("%s|%-3v", a, a), fmt.Sprintf("%s|%-3v", a, a); got != want {
			t.Errorf("got %q, fmt gives %q", got, want)
		}
	}
}
