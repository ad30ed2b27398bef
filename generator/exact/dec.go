package exact

import "errors"

// dec is a decimal as apd (github.com/cockroachdb/apd/v3) represents one:
// a form, a sign, an exponent and a non-negative coefficient, its value
// (−1)^Negative × Coeff × 10^Exponent. The operations below are apd's, for
// the context exact computes in (34 digits, exponents within ±100,000,
// every condition but Rounded trapped), written anew on nat (nat.go): same
// coefficient, exponent, sign and conditions for every operand, which
// TestDecMatchesApd checks against apd itself on random operands. apd's
// package initialization computes its logarithm constants to a thousand
// digits, which took the browser's calculator about half of its start;
// exact needs none of them.
type dec struct {
	Form     form
	Negative bool
	Exponent int32
	Coeff    nat
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

// natOne is 1.
var natOne = nat{1}

// errExponent is apd's error for an exponent beyond the limits.
var errExponent = errors.New("exponent out of range")

// numDigits returns the number of decimal digits of b (1 for 0).
func numDigits(b nat) int64 {
	if b.isUint64() {
		u := b.uint64()
		n := int64(1)
		for n < int64(len(pow10)) && u >= pow10[n] {
			n++
		}
		return n
	}
	// From the bit length, with log10 2 taken a little low (0.301029995,
	// in integers: no float touches a number here), so that the estimate
	// is the count or one less; the comparison settles it.
	n := int64(b.bitLen()-1)*301029995/1000000000 + 1
	for b.cmpExp10(n) >= 0 {
		n++
	}
	return n
}

func (d *dec) set(x *dec) {
	if d == x {
		return
	}
	d.Form, d.Negative, d.Exponent = x.Form, x.Negative, x.Exponent
	d.Coeff = d.Coeff.set(x.Coeff)
}

// setInt64 is apd's SetInt64.
func (d *dec) setInt64(i int64) {
	d.Form, d.Negative, d.Exponent = finite, i < 0, 0
	u := uint64(i)
	if i < 0 {
		u = -u
	}
	d.Coeff = d.Coeff.setUint64(u)
}

// sign is apd's Sign: 0 for a finite zero, else by the sign flag.
func (d *dec) sign() int {
	if d.Form == finite && len(d.Coeff) == 0 {
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
		c := d.Coeff.cmp(x.Coeff)
		if ds < 0 {
			c = -c
		}
		return c
	}
	dn := numDigits(d.Coeff) + int64(d.Exponent)
	xn := numDigits(x.Coeff) + int64(x.Exponent)
	if dn < xn {
		return lt
	} else if dn > xn {
		return gt
	}
	var c int
	if d.Exponent < x.Exponent {
		s := nat(nil).mul(x.Coeff, exp10(int64(x.Exponent)-int64(d.Exponent)))
		c = d.Coeff.cmp(s)
	} else {
		s := nat(nil).mul(d.Coeff, exp10(int64(d.Exponent)-int64(x.Exponent)))
		c = s.cmp(x.Coeff)
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
		frac.Coeff = frac.Coeff[:0]
		integ.set(d)
		return
	}
	nd := numDigits(d.Coeff)
	e := -int64(d.Exponent)
	if e > nd {
		integ.Negative, integ.Exponent = neg, 0
		integ.Coeff = integ.Coeff[:0]
		frac.set(d)
		return
	}
	exp := d.Exponent
	integ.Exponent, integ.Negative = 0, neg
	// div computes into fresh memory when integ or frac is d.
	integ.Coeff, frac.Coeff = integ.Coeff.div(frac.Coeff, d.Coeff, exp10(e))
	frac.Exponent, frac.Negative = exp, neg
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
	for d.Coeff.modW(10) == 0 {
		d.Coeff, _ = d.Coeff.divW(d.Coeff, 10)
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
		nd = numDigits(d.Coeff)
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
			tmp.Coeff = tmp.Coeff.set(d.Coeff)
			tmp.Exponent = r - etiny
			tmp.modf(&integ, &frac)
			if len(frac.Coeff) != 0 {
				res |= condInexact
				var f dec
				f.Coeff = f.Coeff.set(frac.Coeff)
				f.Exponent = frac.Exponent
				if halfEvenAddOne(integ.Coeff, f.cmpHalf()) {
					integ.Coeff = integ.Coeff.add(integ.Coeff, natOne)
				}
			}
			if len(integ.Coeff) == 0 {
				res |= condClamped
			}
			r = etiny
			d.Coeff = d.Coeff.set(integ.Coeff)
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
	half.Coeff = half.Coeff.setUint64(5)
	return d.cmp(&half)
}

// halfEvenAddOne is apd's RoundHalfEven.ShouldAddOne.
func halfEvenAddOne(result nat, half int) bool {
	return half > 0 || half == 0 && result.odd()
}

// addOne reports whether rounding mode adds one to result, the fraction
// dropped being half (−1 below a half, 0 a half, +1 above).
func addOne(mode Rounding, result nat, half int) bool {
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
	nd := numDigits(d.Coeff)
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
		p := exp10(diff)
		y, m := nat(nil).div(nil, d.Coeff, p)
		if len(m) != 0 {
			res |= condInexact
			// m × 10^−diff against a half: 2m against 10^diff.
			half := m.add(m, m).cmp(p)
			if addOne(mode, y, half) {
				n := numDigits(y)
				y = y.add(y, natOne)
				if numDigits(y) > n {
					y, _ = y.divW(y, 10)
					diff++
				}
			}
		}
		d.Coeff = y
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
	a, b := x.Coeff, y.Coeff
	e := x.Exponent
	var t int64 // see farApart
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
		e = lo.Exponent
		b = lo.Coeff
		if t = farApart(hi, lo, s); t > 0 {
			s -= t
			e += int32(t)
			if len(b) != 0 {
				b = natOne
			}
		}
		a = nil // 0 × 10^s
		if len(hi.Coeff) != 0 {
			a = nat(nil).mul(hi.Coeff, exp10(s))
		}
		if swapped {
			a, b = b, a
		}
	}
	// The result is computed in fresh memory: d may be x or y.
	var c nat
	neg := xn
	if xn == yn {
		c = c.add(a, b)
	} else {
		switch a.cmp(b) {
		case -1:
			neg = !neg
			c = c.sub(b, a)
		case 0:
			neg = false
		default:
			c = c.sub(a, b)
		}
	}
	d.Coeff = c
	d.Negative, d.Exponent, d.Form = neg, e, finite
	res := d.round(precision, HalfEven)
	if t > 0 && res&condTrap == 0 && int64(d.Exponent)-int64(e)+t > maxExponent {
		return res | condTrap // apd's rounding drops t more digits
	}
	return res
}

// farApart returns by how many digits add may bring its operands' exponents
// closer without changing its result, when they are s apart (s > 0; hi has
// the greater exponent): 0 when it may not. Apd writes hi's coefficient
// out with s zeros, up to 100,000 of them, before it rounds the sum to 34
// digits; when hi is not zero and the rounding drops every digit of lo and
// at least one above them, the sum rounds as it would with lo's
// coefficient replaced by a single unit (or kept at zero) t digits higher
// and hi's exponent t lower, t ≤ s−2 and at least two digits below the
// ones rounding drops:
//
// Let U = 10^hi.Exponent, X = hi's value (a multiple of U), δ = lo's value
// or the unit, with 0 ≤ δ < U/10, and Q the unit of the last digit kept
// (both sums have the same digit count, H+s or, for X − δ with hi a power
// of ten and δ > 0, H+s−1, and so the same Q). X is a multiple of Q (U ≥
// Q) or of Q/10 at least (U < Q); then for 0 < δ < Q/10, X ± δ lies
// strictly inside one interval between multiples of Q/2, the same for
// every such δ, which is all rounding looks at, and it is inexact either
// way; for δ = 0 the sums are the same number. Rounding checks each
// exponent against the limits (checked here) and the count of digits it
// drops, t more for apd's sum than for add's: add checks that count
// after rounding.
func farApart(hi, lo *dec, s int64) int64 {
	if s < 64 || len(hi.Coeff) == 0 || int64(lo.Exponent) < minExponent || int64(hi.Exponent) > maxExponent {
		return 0
	}
	h := numDigits(hi.Coeff)
	dropped := h + s - precision - 1 // at least the digits round drops
	if len(lo.Coeff) == 0 {
		// X alone: rounding must still drop a digit.
		return max(min(s, dropped), 0)
	}
	// lo below U/10 and below Q/10, and the unit too.
	if numDigits(lo.Coeff) > min(s, dropped)-1 {
		return 0
	}
	return max(min(s, dropped)-2, 0)
}

// mul is apd's Context.Mul.
func (d *dec) mul(x, y *dec) cond {
	if x.Form != finite || y.Form != finite {
		d.setNaN()
		return 0
	}
	d.Coeff = nat(nil).mul(x.Coeff, y.Coeff) // d may be x or y
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
	dividend, divisor := x.Coeff, y.Coeff
	ndDiff := numDigits(dividend) - numDigits(divisor)
	if ndDiff < 0 {
		dividend = nat(nil).mul(dividend, exp10(-ndDiff))
	} else if ndDiff > 0 {
		divisor = nat(nil).mul(divisor, exp10(ndDiff))
	}
	adjCoeffs := -ndDiff
	if dividend.cmp(divisor) < 0 {
		dividend = nat(nil).mulAddWW(dividend, 10, 0)
		adjCoeffs++
	}
	adjExp10 := int64(precision - 1)
	dividend = nat(nil).mul(dividend, exp10(adjExp10))
	q, rem := nat(nil).div(nil, dividend, divisor)
	d.Coeff = q // d may be x or y: q is fresh memory
	d.Form, d.Negative = finite, neg
	nd := numDigits(d.Coeff)
	if len(rem) != 0 {
		adj := shift - adjCoeffs - adjExp10 + nd - 1
		if adj >= minExponent {
			res |= condInexact | condRounded
			rem = rem.add(rem, rem)
			if halfEvenAddOne(d.Coeff, rem.cmp(divisor)) {
				d.Coeff = d.Coeff.add(d.Coeff, natOne)
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
		// A nonzero coefficient with more than precision digits once
		// scaled fails below: no need to write 10^−diff out.
		if len(d.Coeff) != 0 && numDigits(d.Coeff)-int64(diff) > precision {
			d.setNaN()
			return condTrap
		}
		d.Coeff = d.Coeff.mul(d.Coeff, exp10(-int64(diff)))
	case diff > 0:
		p := int32(numDigits(d.Coeff)) - diff
		if p < 0 {
			if d.sign() != 0 {
				d.Coeff = d.Coeff[:0]
				res = condInexact | condRounded
			}
		} else {
			d.Exponent = -diff
			res = d.round(int64(p), mode) // even at precision 0
			if d.Exponent > 0 {
				d.Coeff = d.Coeff.mulAddWW(d.Coeff, 10, 0)
			}
		}
	}
	d.Exponent = exp
checked:
	if numDigits(d.Coeff) > precision || exp > maxExponent {
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
	d.Coeff = d.Coeff[:0]
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
	var ok bool
	if d.Coeff, ok = d.Coeff.setString(digits); !ok {
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
	digits := d.Coeff.append(nil)
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
