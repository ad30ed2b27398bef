package bundle

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/compile"
	"github.com/kefu-hr/handbook/generator/load"
)

// BenchmarkDecode splits what the calculator's "bundle loaded" costs (Decode
// of the shipped bundle) into reading the policies and compiling them.
func BenchmarkDecode(b *testing.B) {
	h, err := load.ShippedHandbook()
	if err != nil {
		b.Fatal(err)
	}
	data := Encode(h)
	b.Run("policies", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := DecodePolicies(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("compile", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			ps, err := DecodePolicies(data)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, problems := compile.Compile(ps, nil); len(problems) > 0 {
				b.Fatal(problems)
			}
		}
	})
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, problems, err := Decode(data); err != nil || len(problems) > 0 {
				b.Fatal(err, problems)
			}
		}
	})
}

// BenchmarkEncode is the encoding of the shipped handbook, as handbook
// build writes the site's bundle.
func BenchmarkEncode(b *testing.B) {
	h, err := load.ShippedHandbook()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Encode(h)
	}
}
