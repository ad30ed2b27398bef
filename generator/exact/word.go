package exact

import (
	"math/bits"
	"strconv"
)

// Fast paths. Almost every number in a scorecard or a payslip has a
// coefficient of a few digits, yet apd's general algorithms count digits and
// round to the context's precision on every operation. When both operands'
// coefficients fit in a machine word (below 10^18) and the result does too,
// the operations below compute it with integer arithmetic and produce exactly
// what apd would: the same coefficient, exponent and sign, including the sign
// of zero (TestWordMatchesApd checks this against apd on random operands).
// Otherwise they report false and the caller falls back to apd.

// wordLimit bounds the coefficients the fast paths take.
const wordLimit = 1_000_000_000_000_000_000 // 10^18

// pow10 holds 10^0 … 10^19, every power of ten a uint64 can hold.
var pow10 = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// word returns x's coefficient when x is finite, its coefficient is below
// 10^18 and its exponent is modest.
func (x *Decimal) word() (uint64, bool) {
	if x.small {
		return x.w, true
	}
	return x.ask()
}

// ask asks apd what word would answer: for the zero value and for values
// beyond the fast paths.
func (x *Decimal) ask() (uint64, bool) {
	if x.lazy {
		return x.w, true
	}
	if x.d.Form != finite || !modest(x.d.Exponent) || !x.d.Coeff.isUint64() {
		return 0, false
	}
	m := x.d.Coeff.uint64()
	return m, m < wordLimit
}

// note records whether x's coefficient fits a word; every operation calls
// it (or sets w and small itself) on the Decimal it returns.
func (x *Decimal) note() { x.w, x.small = x.ask() }

// set makes z's coefficient c, recording it for word.
func (z *Decimal) set(c uint64) {
	z.w, z.small = c, c < wordLimit && modest(z.d.Exponent)
	if z.small {
		z.d.Form, z.lazy = finite, true // d.Coeff is written when needed (full)
		return
	}
	z.out().Coeff = z.d.Coeff.setUint64(c)
}

// modest reports whether an exponent is far from apd's limits (±100,000):
// the exponent of a sum or product of two modest numbers stays inside them,
// so that the fast paths never compute what apd would refuse.
func modest(e int32) bool { return e <= 1<<14 && e >= -1<<14 }

// align brings two word coefficients to the smaller of their exponents, as
// long as the scaled coefficient stays below 2^62 (so that a sum fits).
func align(a uint64, ea int32, b uint64, eb int32) (uint64, uint64, int32, bool) {
	switch {
	case ea == eb:
		return a, b, ea, true
	case ea > eb:
		a, ok := scale(a, ea-eb)
		return a, b, eb, ok
	default:
		b, ok := scale(b, eb-ea)
		return a, b, ea, ok
	}
}

// scale returns m × 10^n when it is below 2^62.
func scale(m uint64, n int32) (uint64, bool) {
	if n >= int32(len(pow10)) {
		return m, m == 0
	}
	hi, lo := bits.Mul64(m, pow10[n])
	return lo, hi == 0 && lo < 1<<62
}

// words returns both operands' coefficients when both fit a word.
func words(x, y *Decimal) (uint64, uint64, bool) {
	mx, okx := x.word()
	my, oky := y.word()
	return mx, my, okx && oky
}

// addWord computes x + y, with y's sign taken as yn (flipped for a
// subtraction), following apd's add: the sign of an exact zero difference
// is positive.
func addWord(x, y *Decimal, yn bool) (Decimal, bool) {
	mx, my, ok := words(x, y)
	if !ok {
		return Decimal{}, false
	}
	a, b, e, ok := align(mx, x.d.Exponent, my, y.d.Exponent)
	if !ok {
		return Decimal{}, false
	}
	var z Decimal
	z.d.Exponent = e
	xn := x.d.Negative
	switch {
	case xn == yn:
		z.set(a + b)
		z.d.Negative = xn
	case a >= b:
		z.set(a - b)
		z.d.Negative = xn && a != b
	default:
		z.set(b - a)
		z.d.Negative = !xn
	}
	return z, true
}

// mulWord computes x × y when the product's coefficient fits in a word.
func mulWord(x, y *Decimal) (Decimal, bool) {
	mx, my, ok := words(x, y)
	if !ok {
		return Decimal{}, false
	}
	hi, lo := bits.Mul64(mx, my)
	if hi != 0 {
		return Decimal{}, false
	}
	var z Decimal
	z.d.Exponent = x.d.Exponent + y.d.Exponent
	z.set(lo)
	z.d.Negative = x.d.Negative != y.d.Negative
	return z, true
}

// cmpWord compares x and y.
func cmpWord(x, y *Decimal) (int, bool) {
	mx, my, ok := words(x, y)
	if !ok {
		return 0, false
	}
	sx, sy := sign(mx, x.d.Negative), sign(my, y.d.Negative)
	if sx != sy || sx == 0 {
		return cmpInt(sx, sy), true
	}
	a, b, _, ok := align(mx, x.d.Exponent, my, y.d.Exponent)
	if !ok {
		return 0, false
	}
	return sx * cmpInt(a, b), true
}

func sign(m uint64, neg bool) int {
	switch {
	case m == 0:
		return 0
	case neg:
		return -1
	}
	return 1
}

func cmpInt[T int | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// roundWord rounds x to places decimals (apd's Quantize to −places), keeping
// x's sign even when the result is zero, as apd does.
func roundWord(x *Decimal, places int32, mode Rounding) (Decimal, bool) {
	m, ok := x.word()
	if !ok || !modest(-places) {
		return Decimal{}, false
	}
	var z Decimal
	z.d.Exponent = -places
	z.d.Negative = x.d.Negative
	e := x.d.Exponent
	if e >= -places {
		c, ok := scale(m, e+places)
		if !ok {
			return Decimal{}, false
		}
		z.set(c)
		return z, true
	}
	d := -places - e
	if d >= int32(len(pow10)) {
		return Decimal{}, false
	}
	p := pow10[d]
	q, r := m/p, m%p
	switch mode {
	case HalfEven:
		if r > p-r || r == p-r && q%2 == 1 {
			q++
		}
	case Down:
	default:
		if r >= p-r {
			q++
		}
	}
	z.set(q)
	return z, true
}

// parseWord reads a plain decimal (already checked by plain) of at most 18
// digits without apd's string machinery, as apd's SetString would: "-0" is
// a negative zero, "1.50" keeps its two decimals.
func parseWord(body string) (Decimal, bool) {
	var z Decimal
	neg := len(body) > 0 && body[0] == '-'
	if neg {
		body = body[1:]
	}
	var c uint64
	n := 0
	frac := int32(-1)
	for i := 0; i < len(body); i++ {
		if body[i] == '.' {
			frac = 0
			continue
		}
		if n++; n > 18 {
			return Decimal{}, false
		}
		c = c*10 + uint64(body[i]-'0')
		if frac >= 0 {
			frac++
		}
	}
	z.d.Exponent = -max(frac, 0)
	z.d.Negative = neg
	z.set(c)
	return z, true
}

// formatWord writes m × 10^e as apd's Text('f') does: no exponent, the
// scale kept ("3600.50"), trailing zeros for a positive exponent, a sign for
// a negative number (and for a negative zero).
func formatWord(m uint64, e int32, neg bool) string {
	var buf [48]byte
	return string(appendWord(buf[:0], m, e, neg))
}

// appendWord appends the text of m × 10^e, negated when neg, to b.
func appendWord(b []byte, m uint64, e int32, neg bool) []byte {
	var digitBuf [20]byte
	if neg {
		b = append(b, '-')
	}
	digits := strconv.AppendUint(digitBuf[:0], m, 10)
	switch {
	case e >= 0:
		b = append(b, digits...)
		for range e {
			b = append(b, '0')
		}
		return b
	case int(-e) < len(digits):
		point := len(digits) + int(e)
		b = append(b, digits[:point]...)
		b = append(b, '.')
		b = append(b, digits[point:]...)
	default:
		b = append(b, '0', '.')
		for range int(-e) - len(digits) {
			b = append(b, '0')
		}
		b = append(b, digits...)
	}
	return b
}

// scaledLimit bounds the integers Scaled returns and FromScaled takes:
// below 2^62 in magnitude, so that a sum of two of them fits an int64.
const scaledLimit = 1 << 62

// Scaled returns x × 10^places as an integer when that is exact (x has at
// most places decimals, or only zeros beyond them) and below 2^62 in
// magnitude; otherwise it reports false. Compiled scorecards use it to
// compute with scaled integers and fall back to Decimals when a number
// does not fit.
func (x *Decimal) Scaled(places int32) (int64, bool) {
	m, ok := x.word()
	if !ok || !modest(places) {
		return 0, false
	}
	e := x.d.Exponent + places
	var s uint64
	if e >= 0 {
		if s, ok = scale(m, e); !ok {
			return 0, false
		}
	} else {
		if -e >= int32(len(pow10)) {
			if m != 0 {
				return 0, false
			}
		} else {
			p := pow10[-e]
			if m%p != 0 {
				return 0, false
			}
			s = m / p
		}
	}
	if s >= scaledLimit {
		return 0, false
	}
	if x.d.Negative {
		return -int64(s), true
	}
	return int64(s), true
}

// FromScaled returns v × 10^−places, with exactly places decimals
// (FromScaled(7120, 2) is 71.20); the inverse of Scaled. A zero is
// positive.
func FromScaled(v int64, places int32) Decimal {
	var z Decimal
	z.d.Exponent = -places
	if v < 0 {
		z.d.Negative = true
		v = -v
	}
	if uint64(v) >= wordLimit || !modest(-places) {
		z.out().Coeff = z.d.Coeff.setUint64(uint64(v))
		z.note()
		return z
	}
	z.set(uint64(v))
	return z
}

// HasPlaces reports whether x has at most places decimals, or only zeros
// beyond them: whether x.Round(places, Down) equals x. It answers without
// rounding when x's coefficient fits a word.
func (x Decimal) HasPlaces(places int32) bool {
	if m, ok := x.word(); ok && modest(-places) {
		e := x.d.Exponent
		if e >= -places {
			if _, ok := scale(m, e+places); ok {
				return true
			}
		} else if d := -places - e; d < int32(len(pow10)) {
			return m%pow10[d] == 0
		}
	}
	return x.Round(places, Down).Cmp(x) == 0
}
