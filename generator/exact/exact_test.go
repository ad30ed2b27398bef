package exact

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"12", "12"}, {"-3.5", "-3.5"}, {"1200.00", "1200.00"}, {"5%", "0.05"}, {"0.5%", "0.005"}, {"100%", "1.00"},
	} {
		x, err := Parse(tt.in)
		if err != nil || x.String() != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %s", tt.in, x, err, tt.want)
		}
	}
	for _, bad := range []string{"", "-", "1e3", "NaN", "Inf", "1.", ".5", " 1", "1,000", "12.5.1", "%", "--1", "+1"} {
		if _, err := Parse(bad); !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%q) err = %v, want ErrSyntax", bad, err)
		}
	}
}

func TestArithmeticIsExact(t *testing.T) {
	// 0.1 + 0.2 is the classic float failure.
	if got := MustParse("0.1").Add(MustParse("0.2")).String(); got != "0.3" {
		t.Errorf("0.1+0.2 = %s", got)
	}
	// min(base*0.6 + perf*0.3, cap) gave 9840.070800000001 in float engines.
	v := MustParse("12000.118").Mul(MustParse("0.6")).Add(MustParse("8800.1").Mul(MustParse("0.3")))
	if got := v.String(); got != "9840.1008" {
		t.Errorf("got %s", got)
	}
	q, err := MustParse("100").Quo(MustParse("85"))
	if err != nil || q.String() != "1.176470588235294117647058823529412" {
		t.Errorf("100/85 = %s, %v", q, err)
	}
	if _, err := FromInt(1).Quo(Decimal{}); !errors.Is(err, ErrDivZero) {
		t.Errorf("1/0 err = %v", err)
	}
}

func TestRound(t *testing.T) {
	for _, tt := range []struct {
		in   string
		mode Rounding
		want string
	}{
		{"3600.505", HalfUp, "3600.51"},
		{"3600.5", HalfUp, "3600.50"},
		{"2.345", HalfEven, "2.34"},
		{"2.355", HalfEven, "2.36"},
		{"2.349", Down, "2.34"},
		{"-2.345", HalfUp, "-2.35"},
	} {
		if got := MustParse(tt.in).Round(2, tt.mode).String(); got != tt.want {
			t.Errorf("Round(%s, %s) = %s, want %s", tt.in, tt.mode, got, tt.want)
		}
	}
}

func TestFloorAndInteger(t *testing.T) {
	if got := MustParse("-1.5").Floor().String(); got != "-2" {
		t.Errorf("floor(-1.5) = %s", got)
	}
	if !MustParse("3.00").IsInteger() || MustParse("3.01").IsInteger() {
		t.Error("IsInteger")
	}
}

func TestShift(t *testing.T) {
	if got := MustParse("7120").Shift(-2).String(); got != "71.20" {
		t.Errorf("7120 shifted by -2 = %s", got)
	}
	if got := MustParse("1.5").Shift(3).Cmp(FromInt(1500)); got != 0 {
		t.Errorf("1.5 shifted by 3 ≠ 1500")
	}
}

func TestQuoByPowersOfTen(t *testing.T) {
	for _, tt := range []struct{ x, y, want string }{
		{"150000.00", "100", "1500.0000"}, {"5", "1000", "0.005"}, {"5", "1.00", "5"}, {"5", "20", "0.25"}, {"3", "10", "0.3"}, {"3", "0.1", "30"}, {"3", "-100", "-0.03"}, {"-7", "1", "-7"},
	} {
		q, err := MustParse(tt.x).Quo(MustParse(tt.y))
		if err != nil || q.Cmp(MustParse(tt.want)) != 0 {
			t.Errorf("%s / %s = %s, %v; want %s", tt.x, tt.y, q, err, tt.want)
		}
	}
}

// TestBeyondPrecisionIsNotFinite guards the payroll against a silently
// wrong number: a result that needs more than 34 significant digits is not
// finite (never rounded, never NaN passed off as a number), and neither is
// anything computed from it. Regression: a CSV cell of 10^35 gave "NaN" in
// the payout file.
func TestBeyondPrecisionIsNotFinite(t *testing.T) {
	huge := MustParse("100000000000000000000000000000000000") // 10^35, 36 digits
	big := MustParse("1234567890123456789012345678901234")    // 34 digits
	for _, tt := range []struct {
		name string
		x    Decimal
	}{
		{"34 digits × 11", big.Mul(FromInt(11))},
		{"10^35 + 1", huge.Add(FromInt(1))},
		{"34 digits + 0.1", big.Add(MustParse("0.1"))},
		{"34 digits − 0.1", big.Sub(MustParse("0.1"))},
		{"10^35 to the fen", huge.Round(2, HalfUp)},
		{"10^35 × 4%", huge.Mul(MustParse("4%")).Round(2, HalfUp)},
		{"from a not finite result", big.Add(MustParse("0.1")).Mul(Decimal{}).Add(FromInt(1))},
	} {
		if tt.x.IsFinite() {
			t.Errorf("%s = %s, want not finite", tt.name, tt.x)
		}
	}
	for _, tt := range []struct {
		name string
		x    Decimal
		want string
	}{
		{"34 digits × 1", big.Mul(FromInt(1)), "1234567890123456789012345678901234"},
		{"34 digits × 10 (exact: a zero dropped)", big.Mul(FromInt(10)), "12345678901234567890123456789012340"},
		{"rounding is not a failure", MustParse("2.345").Round(2, HalfUp), "2.35"},
		{"34 digits floored", MustParse("123456789012345678901234567890123.4").Floor(), "123456789012345678901234567890123"},
	} {
		if !tt.x.IsFinite() || tt.x.String() != tt.want {
			t.Errorf("%s = %s (finite %v), want %s", tt.name, tt.x, tt.x.IsFinite(), tt.want)
		}
	}
}
