package exact

import "testing"

// The general path (dec.go) on amounts beyond a machine word, and a
// division, which always takes it.
func BenchmarkGeneral(b *testing.B) {
	x, y := MustParse("123456789012345678901234.5678"), MustParse("98765432109876.54321")
	seven := FromInt(7)
	for _, bb := range []struct {
		name string
		f    func()
	}{
		{"Add", func() { x.Add(y) }},
		{"Mul", func() { x.Mul(y) }},
		{"Quo", func() { _, _ = FromInt(100).Quo(seven) }},
		{"QuoLong", func() { _, _ = x.Quo(y) }},
		{"Round", func() { x.Round(2, HalfUp) }},
		{"String", func() { _ = x.String() }},
		{"Parse", func() { MustParse("123456789012345678901234.5678") }},
	} {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				bb.f()
			}
		})
	}
}
