package exact

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cockroachdb/apd/v3"
)

// apdCtx is the context exact computed in with apd, before dec.go took
// its place: the reference the tests compare with.
var apdCtx = apd.Context{
	Precision:   34,
	MaxExponent: apd.MaxExponent,
	MinExponent: apd.MinExponent,
	Traps:       apd.DefaultTraps,
	Rounding:    apd.RoundHalfEven,
}

// toApd is d as an apd.Decimal.
func toApd(d *dec) *apd.Decimal {
	a := &apd.Decimal{Negative: d.Negative, Exponent: d.Exponent}
	if d.Form == nan {
		a.Form = apd.NaN
	}
	a.Coeff.SetMathBigInt(toBig(d.Coeff))
	return a
}

// fromApd is a as a Decimal, its word recorded.
func fromApd(a *apd.Decimal) Decimal {
	var x Decimal
	x.d.Negative, x.d.Exponent = a.Negative, a.Exponent
	switch a.Form {
	case apd.Finite:
	case apd.NaN:
		x.d.Form = nan
	default:
		panic(fmt.Sprintf("form %v", a.Form))
	}
	x.d.Coeff = fromBig(new(big.Int).Abs(a.Coeff.MathBigInt()))
	x.note()
	return x
}

// The operations as exact wrote them with apd.
func refExact(z *apd.Decimal, cond apd.Condition, err error) Decimal {
	if err != nil || cond&^apd.Rounded != 0 || z.Form != apd.Finite {
		z.Form, z.Negative = apd.NaN, false
		z.Coeff.SetInt64(0)
		z.Exponent = 0
	}
	return fromApd(z)
}

func refAdd(x, y Decimal) Decimal {
	var z apd.Decimal
	c, err := apdCtx.Add(&z, toApd(x.full()), toApd(y.full()))
	return refExact(&z, c, err)
}

func refSub(x, y Decimal) Decimal {
	var z apd.Decimal
	c, err := apdCtx.Sub(&z, toApd(x.full()), toApd(y.full()))
	return refExact(&z, c, err)
}

func refMul(x, y Decimal) Decimal {
	var z apd.Decimal
	c, err := apdCtx.Mul(&z, toApd(x.full()), toApd(y.full()))
	return refExact(&z, c, err)
}

func refFloor(x Decimal) Decimal {
	var z apd.Decimal
	c, err := apdCtx.Floor(&z, toApd(x.full()))
	return refExact(&z, c, err)
}

func refQuo(x, y Decimal) (Decimal, error) {
	if _, ok := powerOfTen(y); ok {
		return x.Quo(y) // a shift, before and after: no division
	}
	var z apd.Decimal
	if _, err := apdCtx.Quo(&z, toApd(x.full()), toApd(y.full())); err != nil {
		return Decimal{}, err
	}
	z.Reduce(&z)
	return fromApd(&z), nil
}

func refRound(x Decimal, places int32, mode Rounding) Decimal {
	c := apdCtx
	c.Rounding = map[Rounding]apd.Rounder{HalfUp: apd.RoundHalfUp, HalfEven: apd.RoundHalfEven, Down: apd.RoundDown}[mode]
	var z apd.Decimal
	cond, err := c.Quantize(&z, toApd(x.full()), -places)
	return refExact(&z, cond&^(apd.Inexact|apd.Rounded), err)
}

// bigDecimal draws operands for the paths beyond a machine word: long
// coefficients (up to 80 digits, some with trailing zeros), exponents
// near the limits, zeros of both signs and not-a-numbers.
func bigDecimal(r *rand.Rand) Decimal {
	var x Decimal
	var b strings.Builder
	switch r.IntN(8) {
	case 0:
		b.WriteString("0")
	case 1:
		fmt.Fprintf(&b, "%d", r.Uint64N(1000))
	case 2:
		fmt.Fprintf(&b, "%d", r.Uint64())
	default:
		b.WriteString(fmt.Sprint(1 + r.IntN(9)))
		for range r.IntN(80) {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		for range r.IntN(3) * r.IntN(20) {
			b.WriteByte('0')
		}
	}
	x.d.Coeff, _ = x.d.Coeff.setString(b.String())
	switch r.IntN(200) {
	case 0:
		x.d.Exponent = int32(apd.MaxExponent - r.IntN(120))
	case 1:
		x.d.Exponent = int32(apd.MinExponent + r.IntN(120))
	case 2, 3, 4, 5:
		x.d.Exponent = int32(r.IntN(4_000)) - 2_000
	default:
		x.d.Exponent = int32(r.IntN(80)) - 50
	}
	x.d.Negative = r.IntN(2) == 0
	if r.IntN(40) == 0 {
		x.d.setNaN()
	}
	x.note()
	return x
}

// TestDecMatchesApd: every operation of Decimal, on operands of every
// size and exponent, gives exactly what it gave computed by apd (the same
// coefficient, exponent, sign and form; Quo the same error or none).
func TestDecMatchesApd(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	n := 20_000
	if testing.Short() {
		n = 4_000
	}
	for i := range n {
		var x, y Decimal
		if i%2 == 0 {
			x, y = bigDecimal(r), bigDecimal(r)
		} else {
			x, y = randomDecimal(r), bigDecimal(r)
			if r.IntN(2) == 0 {
				x, y = y, x
			}
		}
		check := func(op string, got, want Decimal) {
			t.Helper()
			if !same(got, want) {
				t.Fatalf("%s(%s, %s) = %s, apd gives %s", op, show(x), show(y), show(got), show(want))
			}
		}
		check("add", x.Add(y), refAdd(x, y))
		check("sub", x.Sub(y), refSub(x, y))
		check("mul", x.Mul(y), refMul(x, y))
		check("floor", x.Floor(), refFloor(x))
		check("neg", x.Neg(), func() Decimal { var z apd.Decimal; z.Neg(toApd(x.full())); return fromApd(&z) }())
		places := int32(r.IntN(60)) - 20
		if r.IntN(500) == 0 {
			places = int32(r.IntN(240_000)) - 120_000
		}
		for _, mode := range []Rounding{HalfUp, HalfEven, Down} {
			check("round "+string(mode)+fmt.Sprint(places), x.Round(places, mode), refRound(x, places, mode))
		}
		if y.Sign() != 0 {
			got, err := x.Quo(y)
			want, werr := refQuo(x, y)
			if (err == nil) != (werr == nil) {
				t.Fatalf("quo(%s, %s): error %v, apd's %v", show(x), show(y), err, werr)
			}
			check("quo", got, want)
		}
		if got, want := x.Cmp(y), toApd(x.full()).Cmp(toApd(y.full())); got != want {
			t.Fatalf("cmp(%s, %s) = %d, apd gives %d", show(x), show(y), got, want)
		}
		var ai, af apd.Decimal
		toApd(x.full()).Modf(&ai, &af)
		if got, want := x.IsInteger(), af.IsZero(); got != want {
			t.Fatalf("IsInteger(%s) = %v, apd says %v", show(x), got, want)
		}
		if got, want := x.String(), toApd(x.full()).Text('f'); got != want {
			t.Fatalf("String(%s) = %q, apd writes %q", show(x), got, want)
		}
		if got, want := x.Sign(), toApd(x.full()).Sign(); got != want {
			t.Fatalf("Sign(%s) = %d, apd says %d", show(x), got, want)
		}
	}
}

// TestParseMatchesApd: long decimals and extreme fractions read as apd
// read them, or are refused as apd refused them.
func TestParseMatchesApd(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 20_000 {
		var b strings.Builder
		if r.IntN(3) == 0 {
			b.WriteByte('-')
		}
		for range 1 + r.IntN(60) {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		if r.IntN(2) == 0 {
			b.WriteByte('.')
			n := 1 + r.IntN(60)
			if r.IntN(500) == 0 {
				n = 99_990 + r.IntN(20)
			}
			for range n {
				b.WriteByte(byte('0' + r.IntN(10)))
			}
		}
		s := b.String()
		if r.IntN(4) == 0 {
			s += "%"
		}
		got, err := Parse(s)
		var a apd.Decimal
		body := strings.TrimSuffix(s, "%")
		_, _, werr := a.SetString(body)
		if (err == nil) != (werr == nil) {
			t.Fatalf("Parse(%.40q…): error %v, apd's %v", s, err, werr)
		}
		if err != nil {
			if !errors.Is(err, ErrSyntax) {
				t.Fatalf("Parse(%.40q…): %v", s, err)
			}
			continue
		}
		if strings.HasSuffix(s, "%") {
			a.Exponent -= 2
		}
		if want := fromApd(&a); !same(got, want) {
			t.Fatalf("Parse(%.40q…) = %s, apd reads %s", s, show(got), show(want))
		}
	}
}

// TestNumDigits: the digit count of powers of ten, one less and one more,
// up to 100,000 digits.
func TestNumDigits(t *testing.T) {
	for _, n := range []int64{1, 2, 17, 18, 19, 20, 21, 33, 34, 35, 100, 1000, 4095, 4096, 99_999, 100_000} {
		p := exp10(n)
		if got := numDigits(p); got != n+1 {
			t.Errorf("numDigits(10^%d) = %d", n, got)
		}
		if got := numDigits(nat(nil).sub(p, natOne)); got != n {
			t.Errorf("numDigits(10^%d − 1) = %d", n, got)
		}
		if got := numDigits(nat(nil).add(p, natOne)); got != n+1 {
			t.Errorf("numDigits(10^%d + 1) = %d", n, got)
		}
	}
	if got := numDigits(nil); got != 1 {
		t.Errorf("numDigits(0) = %d", got)
	}
}

// TestAddFarApart: dec's add on operands whose exponents are far apart
// (where farApart lets it skip writing up to 100,000 zeros) gives what
// apd's gives: the same conditions and, when apd reports no error, the
// same coefficient, exponent and sign. The operands put the rounding
// digit just above, at and below the lower operand's digits, with a
// higher coefficient of one digit, 34, 35 and more, powers of ten among
// them (a difference one digit shorter than the sum), and the digits
// rounding drops at the maximum exponent, one more when rounding carries.
func TestAddFarApart(t *testing.T) {
	pow := func(n int) string { return "1" + strings.Repeat("0", n) }
	nines := func(n int) string { return strings.Repeat("9", n) }
	type operands struct {
		hi, lo string
		s      int64 // hi's exponent − lo's
		e      int32 // lo's exponent
	}
	var cases []operands
	his := []string{"1", "7", "5" + strings.Repeat("0", 34), pow(33), pow(34), pow(35), pow(40), nines(34), nines(35), nines(36), "12345678901234567890123456789012345678901234567890", "0"}
	los := []string{"0", "1", "4", "5", "6", "49", "50", "51", pow(20), nines(20), nines(60), pow(61), "123456789"}
	var shifts []int64
	for s := int64(55); s <= 75; s++ {
		shifts = append(shifts, s)
	}
	shifts = append(shifts, 100, 0) // 0: one of far, in turn
	far := []int64{1000, 99_999, 4000, 2000, 100_000, 3000}
	exponents := []int32{-20, 0, 7, minExponent, minExponent + 50}
	for _, h := range his {
		for _, l := range los {
			for _, s := range shifts {
				n := len(cases)
				if s == 0 {
					s = far[n%len(far)]
				}
				e := exponents[n%len(exponents)]
				cases = append(cases, operands{h, l, s, min(e, int32(maxExponent-s))})
			}
		}
	}
	for _, h := range []string{nines(34), nines(35), pow(34)} {
		for _, l := range []string{"0", "5"} {
			for _, s := range []int64{99_965, 99_966, 99_999, 100_000} {
				cases = append(cases, operands{h, l, s, minExponent})
			}
		}
	}
	for _, tt := range cases {
		var hi, lo dec
		hi.Coeff, _ = hi.Coeff.setString(tt.hi)
		lo.Coeff, _ = lo.Coeff.setString(tt.lo)
		hi.Exponent, lo.Exponent = tt.e+int32(tt.s), tt.e
		for _, signs := range [][2]bool{{false, false}, {false, true}, {true, false}} {
			hi.Negative, lo.Negative = signs[0], signs[1]
			for _, pair := range [][2]*dec{{&hi, &lo}, {&lo, &hi}} {
				x, y := pair[0], pair[1]
				for _, sub := range []bool{false, true} {
					var got dec
					c := got.add(x, y, sub)
					var want apd.Decimal
					op := apdCtx.Add
					if sub {
						op = apdCtx.Sub
					}
					wc, err := op(&want, toApd(x), toApd(y))
					name := fmt.Sprintf("%s×10^%d + %s×10^%d (neg %v, sub %v)", tt.hi, hi.Exponent, tt.lo, lo.Exponent, signs, sub)
					if (err != nil) != (c&condTrap != 0) {
						t.Fatalf("%s: conditions %b, apd's %v (%v)", name, c, wc, err)
					}
					if err != nil {
						continue
					}
					if (c&condInexact != 0) != (wc&apd.Inexact != 0) || (c&condRounded != 0) != (wc&apd.Rounded != 0) || (c&condClamped != 0) != (wc&apd.Clamped != 0) {
						t.Fatalf("%s: conditions %b, apd's %v", name, c, wc)
					}
					if w := toApd(&got); w.Exponent != want.Exponent || w.Negative != want.Negative || w.Coeff.Cmp(&want.Coeff) != 0 {
						t.Fatalf("%s = %s, apd gives %s", name, w, &want)
					}
				}
			}
		}
	}
}

// TestFromInt: FromInt writes an int64 as apd's SetInt64 does, the most
// negative included.
func TestFromInt(t *testing.T) {
	for _, i := range []int64{0, 1, -1, 42, -42, wordLimit - 1, wordLimit, -wordLimit, 1<<63 - 1, -1 << 63, -1<<63 + 1} {
		var a apd.Decimal
		a.SetInt64(i)
		if got, want := FromInt(i), fromApd(&a); !same(got, want) {
			t.Errorf("FromInt(%d) = %s, apd gives %s", i, show(got), show(want))
		}
	}
}
