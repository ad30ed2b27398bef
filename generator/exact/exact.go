package exact

import (
	"errors"
	"strconv"
	"strings"
)

// Decimal is an exact decimal number. The zero value is 0. Decimals are
// values: operations return new Decimals and never modify their operands.
type Decimal struct {
	d dec
	// w is d's coefficient when small is set: every operation that makes
	// a Decimal records whether its coefficient fits a machine word, so
	// that the fast paths (word.go) need not look at the coefficient. The zero value has
	// small unset, which only means "not recorded".
	w     uint64
	small bool
	// lazy means that d.Coeff has not been written: w holds the
	// coefficient (set by the fast paths). Writing a multi-word coefficient
	// allocates, and most Decimals never need one; full writes it out
	// before anything reads d as a whole, out before anything writes it.
	lazy bool
}

// full returns x's dec with its coefficient written out, for the general
// operations (dec.go).
func (x *Decimal) full() *dec {
	if x.lazy {
		x.d.Coeff = x.d.Coeff.setUint64(x.w)
		x.lazy = false
	}
	return &x.d
}

// out returns z's dec for a general operation to write its result into.
func (z *Decimal) out() *dec {
	z.lazy = false
	return &z.d
}

// Arithmetic is apd's (github.com/cockroachdb/apd/v3) in the context of
// decimal128: 34 significant digits, so that sums and products of amounts
// in 元 are exact; division rounds to 34 digits, half-even (dec.go computes
// exactly what apd does, without linking apd).
//
// Add, Sub, Mul, Floor and Round never round silently and never fail
// silently: a result that would need more than 34 digits, or any other
// condition apd reports, makes the result not finite (see IsFinite), and
// every later operation on it stays not finite. Callers that compute
// amounts check IsFinite before they use a result.

// ErrSyntax is returned by Parse for text that is not a plain decimal.
var ErrSyntax = errors.New("not an exact decimal")

// Parse reads a plain decimal: an optional minus sign, digits, and an optional
// fraction ("12", "-3.5", "1200.00"). Exponents, NaN, infinities, signs
// without digits and spaces are refused. A trailing percent sign divides by
// 100 ("5%" is 0.05).
func Parse(s string) (Decimal, error) {
	pct := strings.HasSuffix(s, "%")
	body := strings.TrimSuffix(s, "%")
	if !plain(body) {
		return Decimal{}, syntaxError(s)
	}
	x, ok := parseWord(body) // which records its word
	if !ok {
		if err := x.out().setString(body); err != nil {
			return Decimal{}, syntaxError(s)
		}
	}
	if pct {
		x.d.Exponent -= 2
	}
	if !ok || pct {
		x.note()
	}
	return x, nil
}

// syntaxError is ErrSyntax for s: its text quoted as %q quotes it,
// followed by ErrSyntax's.
type syntaxError string

func (e syntaxError) Error() string { return strconv.Quote(string(e)) + ": " + ErrSyntax.Error() }

// Unwrap makes errors.Is(err, ErrSyntax) true.
func (e syntaxError) Unwrap() error { return ErrSyntax }

// plain reports whether s is -?digits(.digits)?.
func plain(s string) bool {
	s = strings.TrimPrefix(s, "-")
	i := digits(s)
	if i == 0 {
		return false
	}
	if i == len(s) {
		return true
	}
	frac := s[i+1:]
	return s[i] == '.' && frac != "" && digits(frac) == len(frac)
}

// digits returns the length of the run of ASCII digits s starts with.
func digits(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return i
		}
	}
	return len(s)
}

// MustParse is Parse for constants known to be valid; it panics otherwise.
func MustParse(s string) Decimal {
	x, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return x
}

// FromInt returns the decimal value of i.
func FromInt(i int64) Decimal {
	var x Decimal
	x.out().setInt64(i)
	x.note()
	return x
}

// UnmarshalText implements encoding.TextUnmarshaler, so that TOML integers and
// decimal strings decode directly into a Decimal.
func (x *Decimal) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*x = v
	return nil
}

// MarshalText implements encoding.TextMarshaler.
func (x Decimal) MarshalText() ([]byte, error) { return []byte(x.String()), nil }

// String formats the decimal without exponent, keeping its scale ("3600.50").
// Append appends x's text, as String writes it, to b.
func (x Decimal) Append(b []byte) []byte {
	if m, ok := x.word(); ok {
		return appendWord(b, m, x.d.Exponent, x.d.Negative)
	}
	return append(b, x.full().text()...)
}

func (x Decimal) String() string {
	if m, ok := x.word(); ok {
		return formatWord(m, x.d.Exponent, x.d.Negative)
	}
	return x.full().text()
}

// Cmp compares x and y: -1, 0 or +1.
func (x Decimal) Cmp(y Decimal) int {
	if c, ok := cmpWord(&x, &y); ok {
		return c
	}
	return x.full().cmp(y.full())
}

// IsFinite reports whether x is a number: false for the result of an
// operation that could not be carried out exactly (see ctx), and for
// anything computed from such a result.
func (x Decimal) IsFinite() bool { return x.d.Form == finite }

// exact finishes an operation whose result is in z: when the operation
// reports a condition (an inexact result, an overflow), z becomes not
// finite instead of silently wrong.
func (z *Decimal) exact(c cond) {
	// Rounded alone means digits were dropped that were all zeros: the
	// value is exact.
	if c&^condRounded != 0 || z.d.Form != finite {
		z.out().setNaN()
	}
	z.note()
}

// Sign returns -1, 0 or +1.
func (x Decimal) Sign() int {
	if x.lazy { // finite, its coefficient in w
		switch {
		case x.w == 0:
			return 0
		case x.d.Negative:
			return -1
		}
		return 1
	}
	return x.d.sign()
}

// IsInteger reports whether x has no fractional part.
func (x Decimal) IsInteger() bool {
	if m, ok := x.word(); ok {
		if e := x.d.Exponent; e >= 0 || m == 0 {
			return true
		} else if -e < int32(len(pow10)) {
			return m%pow10[-e] == 0
		}
	}
	var i, frac dec
	x.full().modf(&i, &frac)
	return frac.sign() == 0
}

// Add returns x + y.
func (x Decimal) Add(y Decimal) Decimal {
	if z, ok := addWord(&x, &y, y.d.Negative); ok {
		return z
	}
	var z Decimal
	z.exact(z.out().add(x.full(), y.full(), false))
	return z
}

// Sub returns x − y.
func (x Decimal) Sub(y Decimal) Decimal {
	if z, ok := addWord(&x, &y, !y.d.Negative); ok {
		return z
	}
	var z Decimal
	z.exact(z.out().add(x.full(), y.full(), true))
	return z
}

// Mul returns x × y.
func (x Decimal) Mul(y Decimal) Decimal {
	if z, ok := mulWord(&x, &y); ok {
		return z
	}
	var z Decimal
	z.exact(z.out().mul(x.full(), y.full()))
	return z
}

// ErrDivZero is returned by Quo when dividing by zero.
var ErrDivZero = errors.New("division by zero")

// Quo returns x ÷ y to 34 significant digits.
func (x Decimal) Quo(y Decimal) (Decimal, error) {
	if y.Sign() == 0 {
		return Decimal{}, ErrDivZero
	}
	// Dividing by a power of ten (100 for percentages) is a shift: exact,
	// and much cheaper than a 34-digit division.
	if k, ok := powerOfTen(y); ok {
		z := x.Shift(-y.d.Exponent - k)
		if y.d.Negative {
			z = z.Neg()
		}
		return z, nil
	}
	var z Decimal
	if err := z.out().quo(x.full(), y.full()); err != nil {
		return Decimal{}, err
	}
	z.d.reduce(&z.d)
	z.note()
	return z, nil
}

// Shift returns x × 10^n, exactly: Shift(-2) divides by 100 without a
// division.
func (x Decimal) Shift(n int32) Decimal {
	var z Decimal
	if x.lazy {
		z = x // the coefficient is in w; d holds no memory to share
	} else {
		z.d.set(&x.d)
	}
	z.d.Exponent += n
	z.w, z.small = x.w, x.small && modest(z.d.Exponent)
	if z.lazy && !z.small {
		z.full()
	}
	return z
}

// powerOfTen reports whether y's coefficient is 10^k, and k.
func powerOfTen(y Decimal) (int32, bool) {
	c, ok := y.word()
	if !ok {
		d := y.full()
		if !d.Coeff.isUint64() {
			return 0, false
		}
		c = d.Coeff.uint64()
	}
	var k int32
	for c >= 10 && c%10 == 0 {
		c /= 10
		k++
	}
	return k, c == 1
}

// Neg returns −x.
func (x Decimal) Neg() Decimal {
	var z Decimal
	if x.lazy { // as dec's neg: a zero becomes positive
		z = x
		z.d.Negative = x.w != 0 && !x.d.Negative
		return z
	}
	z.d.neg(&x.d)
	z.w, z.small = x.w, x.small
	return z
}

// Floor returns the greatest integer not above x.
func (x Decimal) Floor() Decimal {
	var z Decimal
	z.exact(z.out().floor(x.full()))
	return z
}

// Rounding is a declared rounding rule.
type Rounding string

// The rounding modes a policy may declare.
const (
	HalfUp   Rounding = "half_up"   // 四舍五入, the default
	HalfEven Rounding = "half_even" // banker's rounding
	Down     Rounding = "down"      // truncate toward zero
)

// Round rounds x to places decimal places with the given mode; the result
// keeps exactly places decimals ("3600.50").
func (x Decimal) Round(places int32, mode Rounding) Decimal {
	if z, ok := roundWord(&x, places, mode); ok {
		return z
	}
	var z Decimal
	c := z.out().quantize(x.full(), -places, mode)
	// Rounding is what Round is for: only a failure makes z not finite.
	z.exact(c &^ (condInexact | condRounded))
	return z
}

// Min returns the smaller of x and y.
func Min(x, y Decimal) Decimal {
	if x.Cmp(y) <= 0 {
		return x
	}
	return y
}

// Max returns the larger of x and y.
func Max(x, y Decimal) Decimal {
	if x.Cmp(y) >= 0 {
		return x
	}
	return y
}
