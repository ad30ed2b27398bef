package exact

import (
	"errors"
	"math/big"
)

// dec is a decimal as apd (github.com/cockroachdb/apd/v3) represents one:
// a form, a sign, an exponent and a non-negative coefficient, its value
// (−1)^Negative × Coeff × 10^Exponent. The operations below are apd's, for
// the context exact computes in (34 digits, exponents within ±100,000,
// every condition but Rounded trapped), written anew on math/big: same
// coefficient, exponent, sign and conditions for every operand, which
// TestDecMatchesApd checks against apd itself on random operands. apd's
// package initialization computes its logarithm constants to a thousand
// digits, which took the browser's calculator about half of its start;
// exact needs none of them.
type dec struct {
	Form     form
	Negative bool
	Exponent int32
	Coeff    big.Int
}

// form is finite or not a number.
type form uint8

const (
	finite form = iota
	nan
)

// The context: precision and exponent limits, as apd's.
const (
	precision   = 34
	maxExponent = 100000
	minExponent = -100000
	etiny       = minExponent - (precision - 1)
)

// cond is what an operation reports, as apd's conditions, reduced to what
// exact tells apart: digits dropped (all zeros), digits lost, a zero
// clamped, and the conditions apd traps (an error).
type cond uint8

const (
	condRounded cond = 1 << iota
	condInexact
	condClamped
	condTrap
)

// errExponent is apd's error for an exponent beyond the limits.
var errExponent = errors.New("exponent out of range")

var (
	bigOne = big.NewInt(1)
	bigTen = big.NewInt(10)
)

// exp10 returns 10^n.
func exp10(n int64) *big.Int {
	if n >= 0 && n < int64(len(pow10)) {
		return new(big.Int).SetUint64(pow10[n])
	}
	return new(big.Int).Exp(bigTen, big.NewInt(n), nil)
}

// numDigits returns the number of decimal digits of b ≥ 0 (1 for 0).
func numDigits(b *big.Int) int64 {
	if b.IsUint64() {
		u := b.Uint64()
		n := int64(1)
		for n < int64(len(pow10)) && u >= pow10[n] {
			n++
		}
		return n
	}
	// From the bit length, with log10 2 taken a little low (0.301029995,
	// in integers: no float touches a number here), so that the estimate
	// is the count or one less; the comparison settles it.
	n := int64(b.BitLen()-1)*301029995/1000000000 + 1
	for b.Cmp(exp10(n)) >= 0 {
		n++
	}
	return n
}

func (d *dec) set(x *dec) {
	if d == x {
		return
	}
	d.Form, d.Negative, d.Exponent = x.Form, x.Negative, x.Exponent
	d.Coeff.Set(&x.Coeff)
}

// setInt64 is apd's SetInt64.
func (d *dec) setInt64(i int64) {
	d.Form, d.Negative, d.Exponent = finite, i < 0, 0
	d.Coeff.SetInt64(i)
	d.Coeff.Abs(&d.Coeff)
}

// sign is apd's Sign: 0 for a finite zero, else by the sign flag.
func (d *dec) sign() int {
	if d.Form == finite && d.Coeff.Sign() == 0 {
		return 0
	}
	if d.Negative {
		return -1
	}
	return 1
}

// cmp is apd's Cmp.
func (d *dec) cmp(x *dec) int {
	ds, xs := d.sign(), x.sign()
	switch {
	case ds < xs:
		return -1
	case ds > xs:
		return 1
	case ds == 0 && xs == 0:
		return 0
	}
	gt, lt := 1, -1
	if ds == -1 {
		gt, lt = -1, 1
	}
	if d.Exponent == x.Exponent {
		c := d.Coeff.Cmp(&x.Coeff)
		if ds < 0 {
			c = -c
		}
		return c
	}
	dn := numDigits(&d.Coeff) + int64(d.Exponent)
	xn := numDigits(&x.Coeff) + int64(x.Exponent)
	if dn < xn {
		return lt
	} else if dn > xn {
		return gt
	}
	var c int
	if d.Exponent < x.Exponent {
		s := new(big.Int).Mul(&x.Coeff, exp10(int64(x.Exponent)-int64(d.Exponent)))
		c = d.Coeff.Cmp(s)
	} else {
		s := new(big.Int).Mul(&d.Coeff, exp10(int64(d.Exponent)-int64(x.Exponent)))
		c = s.Cmp(&x.Coeff)
	}
	if ds < 0 {
		c = -c
	}
	return c
}

// neg is apd's Neg: a zero becomes positive.
func (d *dec) neg(x *dec) {
	d.set(x)
	if d.sign() == 0 {
		d.Negative = false
	} else {
		d.Negative = !d.Negative
	}
}

// modf is apd's Modf: the integral part (exponent ≥ 0) and the fraction,
// both with d's sign. Like apd's, it does not look at the form.
func (d *dec) modf(integ, frac *dec) {
	neg := d.Negative
	if d.Exponent > 0 {
		frac.Negative, frac.Exponent = neg, 0
		frac.Coeff.SetInt64(0)
		integ.set(d)
		return
	}
	nd := numDigits(&d.Coeff)
	e := -int64(d.Exponent)
	if e > nd {
		integ.Negative, integ.Exponent = neg, 0
		integ.Coeff.SetInt64(0)
		frac.set(d)
		return
	}
	c := new(big.Int).Set(&d.Coeff)
	integ.Exponent, integ.Negative = 0, neg
	integ.Coeff.QuoRem(c, exp10(e), &frac.Coeff)
	frac.Exponent, frac.Negative = d.Exponent, neg
}

// reduce is apd's Reduce: trailing zeros removed; a zero is a positive 0.
func (d *dec) reduce(x *dec) {
	if x.Form != finite {
		d.set(x)
		return
	}
	if x.sign() == 0 {
		d.setInt64(0)
		return
	}
	d.set(x)
	var q, r big.Int
	for {
		q.QuoRem(&d.Coeff, bigTen, &r)
		if r.Sign() != 0 {
			return
		}
		d.Coeff.Set(&q)
		d.Exponent++
	}
}

// setExponent is apd's setExponent: d's exponent becomes the sum of xs,
// checked against the limits (nd is d's digit count, or −1 for unknown).
func (d *dec) setExponent(nd int64, res cond, xs ...int64) cond {
	var sum int64
	for _, x := range xs {
		if x > maxExponent || x < minExponent {
			return condTrap
		}
		sum += x
	}
	r := int32(sum)
	if nd < 0 {
		nd = numDigits(&d.Coeff)
	}
	adj := sum + nd - 1
	if adj > maxExponent || adj < minExponent {
		return condTrap
	}
	v := int32(adj)
	if v < minExponent {
		if d.sign() != 0 {
			res |= condTrap // subnormal
		}
		if r < etiny {
			// apd rounds the coefficient to etiny; a value this small is
			// subnormal (trapped) or a zero, which is clamped.
			var tmp, integ, frac dec
			tmp.Coeff.Set(&d.Coeff)
			tmp.Exponent = r - etiny
			tmp.modf(&integ, &frac)
			if frac.Coeff.Sign() != 0 {
				res |= condInexact
				var f dec
				f.Coeff.Set(&frac.Coeff)
				f.Exponent = frac.Exponent
				if halfEvenAddOne(&integ.Coeff, f.cmpHalf()) {
					integ.Coeff.Add(&integ.Coeff, bigOne)
				}
			}
			if integ.Coeff.Sign() == 0 {
				res |= condClamped
			}
			r = etiny
			d.Coeff.Set(&integ.Coeff)
			res |= condRounded
		}
	} else if v > maxExponent {
		if d.sign() == 0 {
			res |= condClamped
			r = maxExponent
		} else {
			res |= condTrap // overflow
		}
	}
	d.Exponent = r
	return res
}

// cmpHalf compares a non-negative d with 0.5.
func (d *dec) cmpHalf() int {
	half := dec{Exponent: -1}
	half.Coeff.SetInt64(5)
	return d.cmp(&half)
}

// halfEvenAddOne is apd's RoundHalfEven.ShouldAddOne.
func halfEvenAddOne(result *big.Int, half int) bool {
	return half > 0 || half == 0 && result.Bit(0) == 1
}

// addOne reports whether rounding mode adds one to result, the fraction
// dropped being half (−1 below a half, 0 a half, +1 above).
func addOne(mode Rounding, result *big.Int, half int) bool {
	switch mode {
	case HalfEven:
		return halfEvenAddOne(result, half)
	case Down:
		return false
	}
	return half >= 0
}

// round is apd's Rounder.Round to p digits.
func (d *dec) round(p int64, mode Rounding) cond {
	nd := numDigits(&d.Coeff)
	var res cond
	if adj := int64(d.Exponent) + nd - 1; d.sign() != 0 && adj < minExponent {
		return condTrap | d.setExponent(nd, condTrap, int64(d.Exponent))
	}
	diff := nd - p
	if diff > 0 {
		if diff > maxExponent {
			return condTrap
		}
		res |= condRounded
		var y, m big.Int
		y.QuoRem(&d.Coeff, exp10(diff), &m)
		if m.Sign() != 0 {
			res |= condInexact
			// m × 10^−diff against a half: 2m against 10^diff.
			half := new(big.Int).Lsh(&m, 1).Cmp(exp10(diff))
			if addOne(mode, &y, half) {
				n := numDigits(&y)
				y.Add(&y, bigOne)
				if numDigits(&y) > n {
					y.Quo(&y, bigTen)
					diff++
				}
			}
		}
		d.Coeff.Set(&y)
		nd = -1
	} else {
		diff = 0
	}
	return res | d.setExponent(nd, res, int64(d.Exponent), diff)
}

// add is apd's Context.Add (Sub when subtract is set).
func (d *dec) add(x, y *dec, subtract bool) cond {
	if x.Form != finite || y.Form != finite {
		d.setNaN()
		return 0
	}
	xn, yn := x.Negative, y.Negative != subtract
	a, b := &x.Coeff, &y.Coeff
	e := x.Exponent
	if x.Exponent != y.Exponent {
		hi, lo := x, y
		swapped := false
		if x.Exponent < y.Exponent {
			hi, lo, swapped = y, x, true
		}
		s := int64(hi.Exponent) - int64(lo.Exponent)
		if s > maxExponent {
			d.setNaN()
			return condTrap // apd: an error
		}
		scaled := new(big.Int).Mul(&hi.Coeff, exp10(s))
		a, b = scaled, &lo.Coeff
		if swapped {
			a, b = b, a
		}
		e = lo.Exponent
	}
	var c big.Int
	neg := xn
	if xn == yn {
		c.Add(a, b)
	} else {
		c.Sub(a, b)
		switch c.Sign() {
		case -1:
			neg = !neg
			c.Neg(&c)
		case 0:
			neg = false
		}
	}
	d.Coeff.Set(&c)
	d.Negative, d.Exponent, d.Form = neg, e, finite
	return d.round(precision, HalfEven)
}

// mul is apd's Context.Mul.
func (d *dec) mul(x, y *dec) cond {
	if x.Form != finite || y.Form != finite {
		d.setNaN()
		return 0
	}
	var c big.Int
	c.Mul(&x.Coeff, &y.Coeff)
	d.Coeff.Set(&c)
	d.Negative = x.Negative != y.Negative
	d.Form = finite
	res := d.setExponent(-1, 0, int64(x.Exponent), int64(y.Exponent))
	return res | d.round(precision, HalfEven)
}

// quo is apd's Context.Quo for y ≠ 0: the quotient to 34 digits, rounded
// half-even; the error is apd's for a result beyond the exponent limits.
func (d *dec) quo(x, y *dec) error {
	if x.Form != finite || y.Form != finite {
		d.setNaN()
		return nil
	}
	neg := x.Negative != y.Negative
	shift := int64(x.Exponent) - int64(y.Exponent)
	var res cond
	if x.sign() == 0 {
		d.setInt64(0)
		d.Negative = neg
		res |= d.setExponent(-1, res, shift)
		return trapError(res)
	}
	var dividend, divisor big.Int
	dividend.Set(&x.Coeff)
	divisor.Set(&y.Coeff)
	ndDiff := numDigits(&dividend) - numDigits(&divisor)
	if ndDiff < 0 {
		dividend.Mul(&dividend, exp10(-ndDiff))
	} else if ndDiff > 0 {
		divisor.Mul(&divisor, exp10(ndDiff))
	}
	adjCoeffs := -ndDiff
	if dividend.Cmp(&divisor) < 0 {
		dividend.Mul(&dividend, bigTen)
		adjCoeffs++
	}
	adjExp10 := int64(precision - 1)
	dividend.Mul(&dividend, exp10(adjExp10))
	var q, rem big.Int
	q.QuoRem(&dividend, &divisor, &rem)
	d.Coeff.Set(&q)
	d.Form, d.Negative = finite, neg
	nd := numDigits(&d.Coeff)
	if rem.Sign() != 0 {
		adj := shift - adjCoeffs - adjExp10 + nd - 1
		if adj >= minExponent {
			res |= condInexact | condRounded
			rem.Lsh(&rem, 1)
			if halfEvenAddOne(&d.Coeff, rem.Cmp(&divisor)) {
				d.Coeff.Add(&d.Coeff, bigOne)
				nd = -1
			}
		}
	}
	res |= d.setExponent(nd, res, shift, -adjCoeffs, -adjExp10)
	return trapError(res)
}

// trapError is the error apd returns for the conditions it traps.
func trapError(c cond) error {
	if c&condTrap != 0 {
		return errExponent
	}
	return nil
}

// floor is apd's Context.Floor.
func (d *dec) floor(x *dec) cond {
	var frac dec
	x.modf(d, &frac)
	if frac.sign() < 0 {
		var one dec
		one.setInt64(1)
		return d.add(d, &one, true)
	}
	return 0
}

// quantize is apd's Context.Quantize to exponent exp with mode.
func (d *dec) quantize(x *dec, exp int32, mode Rounding) cond {
	if x.Form != finite {
		d.setNaN()
		return 0
	}
	if exp < etiny {
		d.setNaN()
		return condTrap
	}
	var res cond
	diff := exp - x.Exponent
	d.set(x)
	switch {
	case diff < 0:
		if diff < minExponent {
			res = condTrap
			goto checked
		}
		d.Coeff.Mul(&d.Coeff, exp10(-int64(diff)))
	case diff > 0:
		p := int32(numDigits(&d.Coeff)) - diff
		if p < 0 {
			if d.sign() != 0 {
				d.Coeff.SetInt64(0)
				res = condInexact | condRounded
			}
		} else {
			d.Exponent = -diff
			res = d.round(int64(p), mode) // even at precision 0
			if d.Exponent > 0 {
				d.Coeff.Mul(&d.Coeff, bigTen)
			}
		}
	}
	d.Exponent = exp
checked:
	if numDigits(&d.Coeff) > precision || exp > maxExponent {
		d.setNaN()
		return condTrap
	}
	// Quantize makes a NaN of a result whose rounding overflowed or
	// underflowed, and reports any other trapped condition as an error:
	// not finite either way.
	if r := d.round(precision, mode); r&condTrap != 0 {
		d.setNaN()
		return condTrap
	} else {
		return res | r
	}
}

// setNaN makes d not a number.
func (d *dec) setNaN() {
	d.Form, d.Negative, d.Exponent = nan, false, 0
	d.Coeff.SetInt64(0)
}

// setString reads a plain decimal (checked by plain), as apd's SetString
// does: digits, an optional fraction, a sign; the exponent checked against
// the limits.
func (d *dec) setString(s string) error {
	d.Negative = len(s) > 0 && s[0] == '-'
	if d.Negative {
		s = s[1:]
	}
	d.Exponent, d.Form = 0, finite
	var exp int64
	digits := s
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			exp = -int64(len(s) - i - 1)
			digits = s[:i] + s[i+1:]
			break
		}
	}
	if _, ok := d.Coeff.SetString(digits, 10); !ok {
		d.setNaN()
		return errors.New("parse mantissa: " + digits)
	}
	// apd's SetString rounds at precision 0, which only checks the
	// exponent.
	if c := d.setExponent(-1, 0, exp); c&condTrap != 0 {
		return errExponent
	}
	return nil
}

// text is apd's Text('f').
func (d *dec) text() string {
	var b []byte
	if d.Negative {
		b = append(b, '-')
	}
	if d.Form == nan {
		return string(append(b, "NaN"...))
	}
	digits := d.Coeff.Append(nil, 10)
	e := d.Exponent
	switch {
	case e < 0 && -int(e)-len(digits) >= 0:
		b = append(b, "0."...)
		for range -int(e) - len(digits) {
			b = append(b, '0')
		}
		b = append(b, digits...)
	case e < 0:
		off := len(digits) + int(e)
		b = append(b, digits[:off]...)
		b = append(b, '.')
		b = append(b, digits[off:]...)
	default:
		b = append(b, digits...)
		for range e {
			b = append(b, '0')
		}
	}
	return string(b)
}
