package exact

import (
	"math/bits"
	"strconv"
)

// nat is a natural number: its 64-bit words, least significant first,
// without high zero words (0 has none). It is what dec's coefficient
// needs of math/big, whose package brings fmt and math/rand into every
// program that links it: add, subtract, multiply, long division (Knuth's
// algorithm D), compare, powers of ten, decimal text and parsing.
// TestNatMatchesBig and FuzzNat hold it to math/big.
//
// The operations follow math/big's nat: z.op(x, y) computes into z's
// memory when it has room and returns the result, which the caller
// assigns (z = z.add(x, y)). A result may share memory with z, never with
// an operand, except where a doc comment says so.
type nat []uint64

// norm drops z's high zero words.
func (z nat) norm() nat {
	i := len(z)
	for i > 0 && z[i-1] == 0 {
		i--
	}
	return z[:i]
}

// make returns z with length n, reusing z's memory when it has room.
func (z nat) make(n int) nat {
	if n <= cap(z) {
		return z[:n]
	}
	if n == 1 {
		return make(nat, 1)
	}
	return make(nat, n, n+4) // room to grow by a carry or two
}

// alias reports whether x and y share memory.
func alias(x, y nat) bool {
	return cap(x) > 0 && cap(y) > 0 && &x[0:cap(x)][cap(x)-1] == &y[0:cap(y)][cap(y)-1]
}

// setUint64 returns z = x.
func (z nat) setUint64(x uint64) nat {
	if x == 0 {
		return z[:0]
	}
	z = z.make(1)
	z[0] = x
	return z
}

// set returns a copy of x, in z's memory when it has room.
func (z nat) set(x nat) nat {
	z = z.make(len(x))
	copy(z, x)
	return z
}

// isUint64 reports whether x fits a uint64.
func (x nat) isUint64() bool { return len(x) <= 1 }

// uint64 returns the low word of x (x itself when isUint64).
func (x nat) uint64() uint64 {
	if len(x) == 0 {
		return 0
	}
	return x[0]
}

// odd reports whether x is odd.
func (x nat) odd() bool { return len(x) > 0 && x[0]&1 == 1 }

// bitLen returns the number of bits of x (0 for 0).
func (x nat) bitLen() int {
	if len(x) == 0 {
		return 0
	}
	return (len(x)-1)*64 + bits.Len64(x[len(x)-1])
}

// cmp compares x and y: −1, 0 or +1.
func (x nat) cmp(y nat) int {
	if len(x) != len(y) {
		if len(x) < len(y) {
			return -1
		}
		return 1
	}
	for i := len(x) - 1; i >= 0; i-- {
		if x[i] != y[i] {
			if x[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// add returns x + y. z may be x or y.
func (z nat) add(x, y nat) nat {
	if len(x) < len(y) {
		x, y = y, x
	}
	m, n := len(x), len(y)
	if n == 0 {
		return z.set(x)
	}
	z = z.make(m + 1)
	var c uint64
	for i := range n {
		z[i], c = bits.Add64(x[i], y[i], c)
	}
	for i := n; i < m; i++ {
		z[i], c = bits.Add64(x[i], 0, c)
	}
	z[m] = c
	return z.norm()
}

// sub returns x − y for x ≥ y; it panics otherwise. z may be x or y.
func (z nat) sub(x, y nat) nat {
	m, n := len(x), len(y)
	if m < n {
		panic("exact: nat underflow")
	}
	z = z.make(m)
	var b uint64
	for i := range n {
		z[i], b = bits.Sub64(x[i], y[i], b)
	}
	for i := n; i < m; i++ {
		z[i], b = bits.Sub64(x[i], 0, b)
	}
	if b != 0 {
		panic("exact: nat underflow")
	}
	return z.norm()
}

// mulAddWW returns x × y + r. z may be x.
func (z nat) mulAddWW(x nat, y, r uint64) nat {
	m := len(x)
	if m == 0 || y == 0 {
		return z.setUint64(r)
	}
	z = z.make(m + 1)
	z[m] = mulAddVWW(z[:m], x, y, r)
	return z.norm()
}

// mulAddVWW sets z = x × y + r and returns the carry word.
func mulAddVWW(z, x []uint64, y, r uint64) uint64 {
	c := r
	for i := range z {
		hi, lo := bits.Mul64(x[i], y)
		var cc uint64
		z[i], cc = bits.Add64(lo, c, 0)
		c = hi + cc // x·y + c < 2^128: no overflow
	}
	return c
}

// addMulVVW adds x × y to z (as long as x) and returns the carry word.
func addMulVVW(z, x []uint64, y uint64) uint64 {
	var c uint64
	for i := range z {
		hi, lo := bits.Mul64(x[i], y)
		var cc uint64
		lo, cc = bits.Add64(lo, z[i], 0)
		hi += cc
		z[i], cc = bits.Add64(lo, c, 0)
		c = hi + cc // x·y + z + c ≤ 2^128 − 1
	}
	return c
}

// mul returns x × y.
func (z nat) mul(x, y nat) nat {
	m, n := len(x), len(y)
	if m < n {
		x, y, m, n = y, x, n, m
	}
	if n == 0 {
		return z[:0]
	}
	if n == 1 {
		return z.mulAddWW(x, y[0], 0)
	}
	if alias(z, x) || alias(z, y) {
		z = nil
	}
	z = z.make(m + n)
	clear(z)
	for i, d := range y {
		if d != 0 {
			z[m+i] = addMulVVW(z[i:i+m], x, d)
		}
	}
	return z.norm()
}

// divW returns x ÷ y and x mod y for y ≠ 0. z may be x.
func (z nat) divW(x nat, y uint64) (nat, uint64) {
	z = z.make(len(x))
	var r uint64
	for i := len(x) - 1; i >= 0; i-- {
		z[i], r = bits.Div64(r, x[i], y)
	}
	return z.norm(), r
}

// modW returns x mod y for y ≠ 0.
func (x nat) modW(y uint64) uint64 {
	var r uint64
	for i := len(x) - 1; i >= 0; i-- {
		_, r = bits.Div64(r, x[i], y)
	}
	return r
}

// div returns u ÷ v and u mod v for v ≠ 0, the quotient in z's memory and
// the remainder in z2's (z and z2 must not share memory).
func (z nat) div(z2, u, v nat) (q, r nat) {
	if len(v) == 0 {
		panic("exact: division by zero")
	}
	if u.cmp(v) < 0 {
		return z[:0], z2.set(u)
	}
	if len(v) == 1 {
		var r0 uint64
		q, r0 = z.divW(u, v[0])
		return q, z2.setUint64(r0)
	}
	if alias(z, u) || alias(z, v) {
		z = nil
	}
	if alias(z2, u) || alias(z2, v) {
		z2 = nil
	}
	return z.divKnuth(z2, u, v)
}

// divKnuth is Knuth's algorithm D (The Art of Computer Programming, vol.
// 2, 4.3.1) for u ≥ v and v of two words or more: both are shifted left
// until v's high bit is set, so that each quotient word estimated from
// the two high words of the remainder and v's high word is at most two
// too large; a test on the next word removes most of that excess, and an
// add-back the rest.
func (z nat) divKnuth(z2, u, v nat) (q, r nat) {
	n, m := len(v), len(u)-len(v)
	s := uint(bits.LeadingZeros64(v[n-1]))
	vn := make(nat, n)
	shlVU(vn, v, s)
	un := z2.make(len(u) + 1)
	un[len(u)] = shlVU(un[:len(u)], u, s)
	q = z.make(m + 1)
	vtop, vnext := vn[n-1], vn[n-2]
	for j := m; j >= 0; j-- {
		// Estimate q̂ = (un[j+n]·B + un[j+n−1]) ÷ vtop, at most B − 1,
		// with its remainder r̂; un[j+n] ≤ vtop always.
		var qhat, rhat uint64
		ujn := un[j+n]
		rhatBig := false // r̂ ≥ B: the test below cannot succeed
		if ujn >= vtop {
			qhat = ^uint64(0)
			var c uint64
			rhat, c = bits.Add64(un[j+n-1], vtop, 0)
			rhatBig = c != 0
		} else {
			qhat, rhat = bits.Div64(ujn, un[j+n-1], vtop)
		}
		// While q̂·vnext > r̂·B + un[j+n−2], q̂ is too large.
		for !rhatBig {
			hi, lo := bits.Mul64(qhat, vnext)
			if hi < rhat || hi == rhat && lo <= un[j+n-2] {
				break
			}
			qhat--
			var c uint64
			rhat, c = bits.Add64(rhat, vtop, 0)
			rhatBig = c != 0
		}
		// un[j : j+n+1] −= q̂ × vn; q̂ is now at most one too large,
		// which the borrow says: then add vn back.
		c := subMulVVW(un[j:j+n], vn, qhat)
		var b uint64
		un[j+n], b = bits.Sub64(un[j+n], c, 0)
		if b != 0 {
			qhat--
			var c uint64
			for i := range n {
				un[j+i], c = bits.Add64(un[j+i], vn[i], c)
			}
			un[j+n] += c
		}
		q[j] = qhat
	}
	shrVU(un[:n], un[:n], s)
	return q.norm(), un[:n].norm()
}

// subMulVVW subtracts x × y from z (as long as x) and returns the word
// still to subtract above z.
func subMulVVW(z, x []uint64, y uint64) uint64 {
	var c uint64
	for i := range z {
		hi, lo := bits.Mul64(x[i], y)
		var cc uint64
		lo, cc = bits.Add64(lo, c, 0)
		hi += cc
		z[i], cc = bits.Sub64(z[i], lo, 0)
		c = hi + cc // when hi is 2^64 − 1, lo is 0 and there is no borrow
	}
	return c
}

// shlVU sets z = x << s for s < 64 and returns the bits shifted out.
// z may be x.
func shlVU(z, x []uint64, s uint) uint64 {
	n := len(x)
	if n == 0 {
		return 0
	}
	c := x[n-1] >> (64 - s) // 0 when s is 0: Go shifts past the width to 0
	for i := n - 1; i > 0; i-- {
		z[i] = x[i]<<s | x[i-1]>>(64-s)
	}
	z[0] = x[0] << s
	return c
}

// shrVU sets z = x >> s for s < 64. z may be x.
func shrVU(z, x []uint64, s uint) {
	n := len(x)
	for i := 0; i < n-1; i++ {
		z[i] = x[i]>>s | x[i+1]<<(64-s)
	}
	if n > 0 {
		z[n-1] = x[n-1] >> s
	}
}

// shl returns x << s.
func (z nat) shl(x nat, s uint) nat {
	if len(x) == 0 {
		return z[:0]
	}
	w := int(s / 64)
	if alias(z, x) {
		z = nil
	}
	z = z.make(len(x) + w + 1)
	clear(z[:w])
	z[len(z)-1] = shlVU(z[w:len(z)-1], x, s%64)
	return z.norm()
}

// pow5 is 5^27, the greatest power of five a word holds.
const (
	pow5Word = 7450580596923828125
	pow5Exp  = 27
)

// exp10 returns 10^n for n ≥ 0. Below 10^20 the result is shared and must
// not be written to.
func exp10(n int64) nat {
	if n < int64(len(pow10)) {
		return pow10[n : n+1 : n+1]
	}
	if n < 2*int64(len(pow10))-2 {
		hi, lo := bits.Mul64(pow10[19], pow10[n-19])
		return nat{lo, hi}
	}
	// 10^n = 5^n · 2^n, 5^n = (5^27)^k · 5^r: squarings and products
	// by one word, then a shift.
	k, r := n/pow5Exp, n%pow5Exp
	p := nat{1}
	for i := bits.Len64(uint64(k)) - 1; i >= 0; i-- {
		p = p.mul(p, p)
		if k>>uint(i)&1 == 1 {
			p = p.mulAddWW(p, pow5Word, 0)
		}
	}
	p = p.mulAddWW(p, pow5(r), 0)
	return nat(nil).shl(p, uint(n))
}

// pow5 returns 5^r for r ≤ 27.
func pow5(r int64) uint64 {
	p := uint64(1)
	for range r {
		p *= 5
	}
	return p
}

// cmpExp10 compares x with 10^n, n ≥ 0, computing 10^n only when x has
// more than two words.
func (x nat) cmpExp10(n int64) int {
	switch {
	case n < int64(len(pow10)):
		if len(x) > 1 {
			return 1
		}
		return cmpInt(x.uint64(), pow10[n])
	case n < 2*int64(len(pow10))-2:
		if len(x) != 2 {
			return cmpInt(len(x), 2)
		}
		hi, lo := bits.Mul64(pow10[19], pow10[n-19])
		if c := cmpInt(x[1], hi); c != 0 {
			return c
		}
		return cmpInt(x[0], lo)
	}
	// 10^n has at least n·log2(10) > 3n bits.
	if x.bitLen() <= int(3*n) {
		return -1
	}
	return x.cmp(exp10(n))
}

// setString returns the value of s, ASCII decimal digits, and whether s
// was that (not empty, nothing but digits).
func (z nat) setString(s string) (nat, bool) {
	if s == "" {
		return z[:0], false
	}
	z = z[:0]
	for len(s) > 0 {
		k := min(len(s), 19)
		var v uint64
		for i := range k {
			c := s[i]
			if c < '0' || c > '9' {
				return z[:0], false
			}
			v = v*10 + uint64(c-'0')
		}
		z = z.mulAddWW(z, pow10[k], v)
		s = s[k:]
	}
	return z, true
}

// append appends x's decimal digits to b ("0" for 0).
func (x nat) append(b []byte) []byte {
	if len(x) <= 1 {
		return strconv.AppendUint(b, x.uint64(), 10)
	}
	// Nineteen digits at a time, the lowest first.
	var chunks []uint64
	q := nat(nil).set(x)
	for len(q) > 0 {
		var r uint64
		q, r = q.divW(q, pow10[19])
		chunks = append(chunks, r)
	}
	b = strconv.AppendUint(b, chunks[len(chunks)-1], 10)
	for i := len(chunks) - 2; i >= 0; i-- {
		var buf [19]byte
		d := strconv.AppendUint(buf[:0], chunks[i], 10)
		for range 19 - len(d) {
			b = append(b, '0')
		}
		b = append(b, d...)
	}
	return b
}
