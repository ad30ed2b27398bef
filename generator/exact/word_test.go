package exact

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cockroachdb/apd/v3"
)

// randomDecimal draws operands that exercise the fast paths and their
// limits: zeros of both signs, small amounts, coefficients near 10^18 and
// beyond it, and exponents far apart.
func randomDecimal(r *rand.Rand) Decimal {
	var x Decimal
	switch r.IntN(6) {
	case 0:
		x.d.Coeff = x.d.Coeff.setUint64(0)
	case 1:
		x.d.Coeff = x.d.Coeff.setUint64(r.Uint64N(1000))
	case 2:
		x.d.Coeff = x.d.Coeff.setUint64(r.Uint64N(100_000_000))
	case 3:
		x.d.Coeff = x.d.Coeff.setUint64(wordLimit - 1 - r.Uint64N(1000))
	case 4:
		x.d.Coeff = x.d.Coeff.setUint64(r.Uint64())
	default:
		x.d.Coeff, _ = x.d.Coeff.setString(fmt.Sprintf("%d%018d", r.Uint64N(1000), r.Uint64N(wordLimit)))
	}
	x.d.Exponent = int32(r.IntN(30)) - 20
	if r.IntN(50) == 0 {
		x.d.Exponent = int32(r.IntN(120)) - 60 // far from the decimal point
	}
	x.d.Negative = r.IntN(2) == 0
	if r.IntN(2) == 0 {
		x.note() // half the operands come with their word recorded
	}
	return x
}

// same reports whether two decimals are identical, not merely equal: the
// same coefficient, exponent and sign.
func same(a, b Decimal) bool {
	a.full() // a coefficient not yet written is written, and must equal w
	b.full()
	if w, ok := a.ask(); a.small && (!ok || w != a.w) {
		return false // a recorded word that is not the coefficient
	}
	return a.d.Form == b.d.Form && a.d.Negative == b.d.Negative && a.d.Exponent == b.d.Exponent && a.d.Coeff.cmp(b.d.Coeff) == 0
}

func show(x Decimal) string {
	x.full()
	return fmt.Sprintf("%s (coeff %s, exp %d, neg %v, form %d)", x.d.text(), x.d.Coeff.append(nil), x.d.Exponent, x.d.Negative, x.d.Form)
}

// TestWordMatchesApd checks that every fast path produces exactly what apd
// produces, on a million random operand pairs.
func TestWordMatchesApd(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 1_000_000
	if testing.Short() {
		n = 50_000
	}
	taken := map[string]int{}
	for range n {
		x, y := randomDecimal(r), randomDecimal(r)
		check := func(op string, fast func() (Decimal, bool), slow func(z *apd.Decimal)) {
			z, ok := fast()
			if !ok {
				return
			}
			taken[op]++
			var w apd.Decimal
			slow(&w)
			want := fromApd(&w)
			if !same(z, want) {
				t.Fatalf("%s(%s, %s) = %s, apd gives %s", op, show(x), show(y), show(z), show(want))
			}
		}
		check("add", func() (Decimal, bool) { return addWord(&x, &y, y.d.Negative) }, func(z *apd.Decimal) { _, _ = apdCtx.Add(z, toApd(x.full()), toApd(y.full())) })
		check("sub", func() (Decimal, bool) { return addWord(&x, &y, !y.d.Negative) }, func(z *apd.Decimal) { _, _ = apdCtx.Sub(z, toApd(x.full()), toApd(y.full())) })
		check("mul", func() (Decimal, bool) { return mulWord(&x, &y) }, func(z *apd.Decimal) { _, _ = apdCtx.Mul(z, toApd(x.full()), toApd(y.full())) })
		places := int32(r.IntN(24)) - 4
		for _, mode := range []Rounding{HalfUp, HalfEven, Down} {
			check("round "+string(mode), func() (Decimal, bool) { return roundWord(&x, places, mode) }, func(z *apd.Decimal) {
				c := apdCtx
				c.Rounding = map[Rounding]apd.Rounder{HalfUp: apd.RoundHalfUp, HalfEven: apd.RoundHalfEven, Down: apd.RoundDown}[mode]
				_, _ = c.Quantize(z, toApd(x.full()), -places)
			})
		}
		if _, ok := x.word(); ok {
			taken["isinteger"]++
			var i, frac apd.Decimal
			toApd(x.full()).Modf(&i, &frac)
			if got, want := x.IsInteger(), frac.IsZero(); got != want {
				t.Fatalf("IsInteger(%s) = %v, apd's Modf says %v", show(x), got, want)
			}
		}
		if _, ok := x.word(); ok {
			taken["string"]++
			if got, want := x.String(), toApd(x.full()).Text('f'); got != want {
				t.Fatalf("String(%s) = %q, apd writes %q", show(x), got, want)
			}
		}
		if c, ok := cmpWord(&x, &y); ok {
			taken["cmp"]++
			if want := toApd(x.full()).Cmp(toApd(y.full())); c != want {
				t.Fatalf("cmp(%s, %s) = %d, apd gives %d", show(x), show(y), c, want)
			}
		}
	}
	// Each fast path must actually have been taken often, or the test
	// proves nothing.
	for _, op := range []string{"add", "sub", "mul", "cmp", "round half_up", "round half_even", "round down", "isinteger", "string"} {
		if taken[op] < n/10 {
			t.Errorf("fast path %s taken %d times in %d", op, taken[op], n)
		}
	}
}

// TestParseWordMatchesApd checks the fast reading of short decimals against
// apd's SetString.
func TestParseWordMatchesApd(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	taken := 0
	for range 200_000 {
		var b []byte
		if r.IntN(3) == 0 {
			b = append(b, '-')
		}
		for range 1 + r.IntN(12) {
			b = append(b, byte('0'+r.IntN(10)))
		}
		if r.IntN(2) == 0 {
			b = append(b, '.')
			for range 1 + r.IntN(10) {
				b = append(b, byte('0'+r.IntN(10)))
			}
		}
		s := string(b)
		z, ok := parseWord(s)
		if !ok {
			continue
		}
		taken++
		var a apd.Decimal
		if _, _, err := a.SetString(s); err != nil {
			t.Fatal(err)
		}
		want := fromApd(&a)
		if !same(z, want) {
			t.Fatalf("parseWord(%q) = %s, apd reads %s", s, show(z), show(want))
		}
	}
	if taken < 100_000 {
		t.Errorf("fast path taken %d times", taken)
	}
}

func BenchmarkAdd(b *testing.B) {
	x, y := MustParse("1234.56"), MustParse("78.9")
	for b.Loop() {
		x.Add(y)
	}
}

func TestScaled(t *testing.T) {
	for _, tt := range []struct {
		in     string
		places int32
		want   int64
		ok     bool
	}{
		{"92", 4, 920000, true},
		{"-3.5", 2, -350, true},
		{"1.2345", 4, 12345, true},
		{"1.23456", 4, 0, false},
		{"1.23450", 4, 12345, true}, // only a zero beyond the places
		{"0", 4, 0, true},
		{"0.00000000000000000000", 4, 0, true},
		{"999999999999999999", 0, 999999999999999999, true},
		{"999999999999999999", 2, 0, false}, // beyond 2^62
		{"1000000000000000000000", 0, 0, false},
	} {
		x := MustParse(tt.in)
		got, ok := x.Scaled(tt.places)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s.Scaled(%d) = %d, %v; want %d, %v", tt.in, tt.places, got, ok, tt.want, tt.ok)
		}
		if ok {
			if back := FromScaled(got, tt.places); back.Cmp(x) != 0 {
				t.Errorf("FromScaled(%d, %d) = %s, want %s", got, tt.places, back, x)
			}
		}
	}
	for _, tt := range []struct {
		v      int64
		places int32
		want   string
	}{{7120, 2, "71.20"}, {0, 2, "0.00"}, {-5, 1, "-0.5"}, {1 << 61, 0, "2305843009213693952"}} {
		if got := FromScaled(tt.v, tt.places); got.String() != tt.want {
			t.Errorf("FromScaled(%d, %d) = %s, want %s", tt.v, tt.places, got, tt.want)
		}
		if got, want := FromScaled(tt.v, tt.places).String(), MustParse(tt.want).String(); got != want {
			t.Errorf("FromScaled(%d, %d) = %s, apd %s", tt.v, tt.places, got, want)
		}
	}
}

// TestHasPlaces checks HasPlaces against its definition, x.Round(places,
// Down) equal to x, on the operands of TestWordMatchesApd and a few by hand.
func TestHasPlaces(t *testing.T) {
	tests := []struct {
		x      string
		places int32
		want   bool
	}{
		{"12", 0, true},
		{"12.5", 0, false},
		{"12.50", 1, true},
		{"-0.001", 2, false},
		{"-0.000", 2, true},
		{"1234.5678", 4, true},
		{"1234.56789", 4, false},
		{"100000000000000000000000", 2, true},
	}
	for _, tt := range tests {
		if got := MustParse(tt.x).HasPlaces(tt.places); got != tt.want {
			t.Errorf("%s.HasPlaces(%d) = %v, want %v", tt.x, tt.places, got, tt.want)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		x, places := randomDecimal(r), int32(r.IntN(8))
		if got, want := x.HasPlaces(places), x.Round(places, Down).Cmp(x) == 0; got != want {
			t.Fatalf("%s.HasPlaces(%d) = %v, Round says %v", x, places, got, want)
		}
	}
}
