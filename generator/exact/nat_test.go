package exact

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// toBig is x as a big.Int, through bytes (big.Word's size varies).
func toBig(x nat) *big.Int {
	b := make([]byte, 8*len(x))
	for i, w := range x {
		for k := range 8 {
			b[len(b)-1-8*i-k] = byte(w >> (8 * k))
		}
	}
	return new(big.Int).SetBytes(b)
}

// fromBig is b ≥ 0 as a nat.
func fromBig(b *big.Int) nat {
	bs := b.Bytes()
	z := make(nat, (len(bs)+7)/8)
	for i, c := range bs {
		k := len(bs) - 1 - i // the byte's place, least significant first
		z[k/8] |= uint64(c) << (8 * (k % 8))
	}
	return z.norm()
}

// natFromBytes reads little-endian words from b, 8 bytes a word, the last
// word short when b is: the fuzz test's operands.
func natFromBytes(b []byte) nat {
	z := make(nat, (len(b)+7)/8)
	for i, c := range b {
		z[i/8] |= uint64(c) << (8 * (i % 8))
	}
	return z.norm()
}

// edgeWord draws the words on which carries, borrows, normalization and
// quotient corrections turn: 0, 1, 2^63 and its neighbours, 2^64 − 1,
// and random words.
func edgeWord(r *rand.Rand) uint64 {
	switch r.IntN(10) {
	case 0:
		return 0
	case 1:
		return 1
	case 2:
		return ^uint64(0)
	case 3:
		return 1 << 63
	case 4:
		return 1<<63 - 1
	case 5:
		return ^uint64(0) - 1
	case 6:
		return uint64(r.IntN(4))<<62 | uint64(r.IntN(3))
	default:
		return r.Uint64()
	}
}

// randomNat draws a number of up to max words of edge words.
func randomNat(r *rand.Rand, max int) nat {
	z := make(nat, r.IntN(max+1))
	for i := range z {
		z[i] = edgeWord(r)
	}
	return z.norm()
}

// checkNat fails unless got is normalized and equals want.
func checkNat(t *testing.T, op string, got nat, want *big.Int) {
	t.Helper()
	if len(got) > 0 && got[len(got)-1] == 0 {
		t.Fatalf("%s = %#x: not normalized", op, []uint64(got))
	}
	if toBig(got).Cmp(want) != 0 {
		t.Fatalf("%s = %s, math/big gives %s", op, toBig(got), want)
	}
}

// checkArith compares every operation of nat on x and y with math/big's.
func checkArith(t *testing.T, x, y nat) {
	t.Helper()
	bx, by := toBig(x), toBig(y)
	name := func(op string) string { return op + "(" + bx.Text(16) + ", " + by.Text(16) + ")" }
	if got, want := x.cmp(y), bx.Cmp(by); got != want {
		t.Fatalf("%s = %d, math/big gives %d", name("cmp"), got, want)
	}
	if got, want := x.bitLen(), bx.BitLen(); got != want {
		t.Fatalf("bitLen(%s) = %d, math/big gives %d", bx.Text(16), got, want)
	}
	checkNat(t, name("add"), nat(nil).add(x, y), new(big.Int).Add(bx, by))
	checkNat(t, name("mul"), nat(nil).mul(x, y), new(big.Int).Mul(bx, by))
	checkNat(t, name("square"), nat(nil).mul(x, x), new(big.Int).Mul(bx, bx))
	if bx.Cmp(by) >= 0 {
		checkNat(t, name("sub"), nat(nil).sub(x, y), new(big.Int).Sub(bx, by))
	}
	if len(y) > 0 {
		q, r := nat(nil).div(nil, x, y)
		wq, wr := new(big.Int).QuoRem(bx, by, new(big.Int))
		checkNat(t, name("quo"), q, wq)
		checkNat(t, name("rem"), r, wr)
		w := y[len(y)-1] // not 0
		q, rw := nat(nil).divW(x, w)
		wq, wr = new(big.Int).QuoRem(bx, new(big.Int).SetUint64(w), new(big.Int))
		checkNat(t, name("divW"), q, wq)
		if rw != wr.Uint64() || x.modW(w) != rw {
			t.Fatalf("%s: remainder %d, modW %d, math/big %s", name("divW"), rw, x.modW(w), wr)
		}
	}
	if len(y) > 0 {
		w, add := y[0], y[len(y)-1]
		want := new(big.Int).Mul(bx, new(big.Int).SetUint64(w))
		checkNat(t, name("mulAddWW"), nat(nil).mulAddWW(x, w, add), want.Add(want, new(big.Int).SetUint64(add)))
	}
	s := uint(y.uint64() % 200)
	checkNat(t, name("shl"), nat(nil).shl(x, s), new(big.Int).Lsh(bx, s))
	// Decimal text and back.
	text := string(x.append(nil))
	if want := bx.String(); text != want {
		t.Fatalf("append(%s) = %s", want, text)
	}
	if back, ok := nat(nil).setString(text); !ok || back.cmp(x) != 0 {
		t.Fatalf("setString(%s) = %s, %v", text, toBig(back), ok)
	}
}

// TestNatMatchesBig holds every operation of nat to math/big's on random
// numbers of up to eight words made of edge words (see edgeWord): carries
// and borrows across words, divisors of every high word (1 included, the
// greatest normalization shift), and each correction of algorithm D.
func TestNatMatchesBig(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	for range n {
		checkArith(t, randomNat(r, 8), randomNat(r, 8))
	}
}

// TestNatCases holds nat to math/big on numbers written out: zeros, one
// word, carries through every word, a divisor whose high word is 1, and
// divisions found (by counting, once) to take each correction of
// algorithm D: a first estimate of B − 1, a second estimate lowered
// once and twice by the test on the next word, and an add-back.
func TestNatCases(t *testing.T) {
	const max = ^uint64(0)
	const h = 1 << 63
	for _, tt := range []struct {
		name string
		x, y nat
	}{
		{"zeros", nil, nil},
		{"zero and one word", nil, nat{7}},
		{"one word", nat{max}, nat{max}},
		{"one word by one", nat{12345}, nat{1}},
		{"carry through every word", nat{max, max, max, max}, nat{1}},
		{"borrow through every word", nat{0, 0, 0, 1}, nat{1}},
		{"equal", nat{3, 4, 5}, nat{3, 4, 5}},
		{"divisor high word 1", nat{max, max, max, max, 5}, nat{max, 1}},
		{"divisor high word 1, three words", nat{1, 2, 3, 4, 5, 6}, nat{max, max, 1}},
		{"dividend one word above", nat{5, 6, 7}, nat{1, 1}},
		{"divisor 2^64", nat{0, 0, 0, 1}, nat{0, 1}},
		{"estimate B−1", nat{h, 1, h}, nat{h, h}},
		{"estimate B−1, again", nat{h - 1, max, 1, h}, nat{h, h}},
		{"estimate B−1, four words", nat{max - 1, 0x806f039e9b0d5f3a, 0, 1, h - 1, 1}, nat{0x7665cfeeac064b, 0, h + h/2, h - 1}},
		{"estimate lowered once", nat{0x1b1dddf615d787b2, h, 0x8964bbcbb04a144e, max}, nat{0x7a77b759f284a5f1, 0x62f745ba5d30ce1c}},
		{"estimate lowered once, again", nat{0x5bfc183b7d224188, 0x42774b04232d05bc, 0x44f59a42913975c}, nat{0xe6a7b74a3d4af966, 0x2d0f90bfc3b3e006}},
		{"estimate lowered twice", nat{2, 0xa938094314021691, h - 1, max}, nat{h - 1, max, h}},
		{"estimate lowered twice, again", nat{max - 1, 0x60ebc6e178e959c, 0x6779654770107446}, nat{0xf7a6e8f950948bfb, h}},
		{"add back", nat{0xa3809dd6cb29202a, max - 1, h + h/2 + 2, 0xc2d07d37d7a0e954, max, 0x6f0f56bd828417bc}, nat{1, h, max, max}},
		{"add back, again", nat{0xbe355bf2cde35ed3, 0x434129e5c2de40d, max, h}, nat{0xb9788ec3c80be56d, max, h}},
		{"add back, a third", nat{h, 0, 1, 0, h}, nat{0x1512faaf9000a128, 0x5569cf66b6a83956, 0, h}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkArith(t, tt.x, tt.y)
			checkArith(t, tt.y, tt.x)
		})
	}
}

// TestNatAliasing: the results that may share an operand's memory (z = x
// for add, sub, mulAddWW, divW; any z for mul and div) are right.
func TestNatAliasing(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 20_000 {
		x, y := randomNat(r, 6), randomNat(r, 6)
		bx, by := toBig(x), toBig(y)
		cp := func(a nat) nat { return append(make(nat, 0, len(a)+8), a...) } // room to compute in place
		checkNat(t, "add into x", cp(x).add2(y), new(big.Int).Add(bx, by))
		if z := cp(y); true {
			checkNat(t, "add into y", z.add(x, z), new(big.Int).Add(bx, by))
		}
		if bx.Cmp(by) >= 0 {
			z := cp(x)
			checkNat(t, "sub into x", z.sub(z, y), new(big.Int).Sub(bx, by))
		}
		if z := cp(x); true {
			checkNat(t, "mul into x", z.mul(z, y), new(big.Int).Mul(bx, by))
		}
		if z := cp(x); true {
			checkNat(t, "square", z.mul(z, z), new(big.Int).Mul(bx, bx))
		}
		if z := cp(x); true {
			checkNat(t, "mulAddWW into x", z.mulAddWW(z, 10, 3), new(big.Int).Add(new(big.Int).Mul(bx, big.NewInt(10)), big.NewInt(3)))
		}
		if len(y) > 0 {
			z, z2 := cp(x), cp(y)
			wq, wr := new(big.Int).QuoRem(bx, by, new(big.Int))
			q, rem := z.div(z2, z, z2)
			checkNat(t, "quo into x", q, wq)
			checkNat(t, "rem into y", rem, wr)
			z = cp(x)
			q, w := z.divW(z, y[len(y)-1])
			wq, wr = new(big.Int).QuoRem(bx, new(big.Int).SetUint64(y[len(y)-1]), new(big.Int))
			checkNat(t, "divW into x", q, wq)
			if w != wr.Uint64() {
				t.Fatalf("divW into x: remainder %d, math/big %s", w, wr)
			}
		}
	}
}

// add2 is z.add(z, y), for TestNatAliasing.
func (z nat) add2(y nat) nat { return z.add(z, y) }

// TestExp10 compares 10^n and the comparisons with it with math/big's,
// around every place where exp10 and cmpExp10 change method (one word,
// two words, powers of 5^27) and far beyond.
func TestExp10(t *testing.T) {
	ten := big.NewInt(10)
	for _, n := range []int64{0, 1, 18, 19, 20, 21, 36, 37, 38, 39, 40, 53, 54, 55, 80, 100, 333, 1000, 4321, 100_000} {
		want := new(big.Int).Exp(ten, big.NewInt(n), nil)
		p := exp10(n)
		checkNat(t, "exp10", p, want)
		for _, d := range []int64{-1, 0, 1} {
			x := fromBig(new(big.Int).Add(want, big.NewInt(d)))
			if got := x.cmpExp10(n); got != int(d) {
				t.Errorf("cmpExp10(10^%d%+d, %d) = %d", n, d, n, got)
			}
		}
		for _, x := range []nat{nil, {1}, {max64}, {0, 1}, {max64, max64}, {0, 0, 1}} {
			if got, want := x.cmpExp10(n), toBig(x).Cmp(want); got != want {
				t.Errorf("cmpExp10(%s, %d) = %d, math/big %d", toBig(x), n, got, want)
			}
		}
	}
}

const max64 = ^uint64(0)

// TestNatText: decimal text at the lengths where append and setString
// change chunks, and setString's refusals.
func TestNatText(t *testing.T) {
	for _, s := range []string{"0", "1", "9999999999999999999", "10000000000000000000", "18446744073709551615", "18446744073709551616",
		strings.Repeat("9", 38), "1" + strings.Repeat("0", 38), "1" + strings.Repeat("0", 57), strings.Repeat("1234567890", 30), "000000000000000000000000012"} {
		x, ok := nat(nil).setString(s)
		want, _ := new(big.Int).SetString(s, 10)
		if !ok {
			t.Fatalf("setString(%s) refused", s)
		}
		checkNat(t, "setString("+s+")", x, want)
		if got := string(x.append(nil)); got != want.String() {
			t.Errorf("append(%s) = %s", want, got)
		}
	}
	for _, s := range []string{"", "-1", "+1", "1_000", "12a", " 1", "1.5", strings.Repeat("1", 30) + "x"} {
		if _, ok := nat(nil).setString(s); ok {
			t.Errorf("setString(%q) accepted", s)
		}
	}
}

// FuzzNat holds multiplication, squaring and division (both long division
// and by a word) to math/big's on any two numbers.
func FuzzNat(f *testing.F) {
	f.Add([]byte{1}, []byte{1})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0x80, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80}, []byte{0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x80})
	f.Add([]byte(strings.Repeat("\xff", 40)), []byte("\xff\xff\xff\xff\xff\xff\xff\xff\x01"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		x, y := natFromBytes(a), natFromBytes(b)
		bx, by := toBig(x), toBig(y)
		checkNat(t, "mul", nat(nil).mul(x, y), new(big.Int).Mul(bx, by))
		checkNat(t, "square", nat(nil).mul(x, x), new(big.Int).Mul(bx, bx))
		if len(y) == 0 {
			return
		}
		q, r := nat(nil).div(nil, x, y)
		wq, wr := new(big.Int).QuoRem(bx, by, new(big.Int))
		checkNat(t, "quo", q, wq)
		checkNat(t, "rem", r, wr)
		q, w := nat(nil).divW(x, y[len(y)-1])
		wq, wr = new(big.Int).QuoRem(bx, new(big.Int).SetUint64(y[len(y)-1]), new(big.Int))
		checkNat(t, "divW", q, wq)
		if w != wr.Uint64() {
			t.Fatalf("divW remainder %d, math/big %s", w, wr)
		}
	})
}
