package calculator

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/bundle"
)

// TestLoad: the calculator Load reads from the shipped handbook's bundle
// answers every worked case, and gives its form, as the one of the
// handbook itself, byte for byte; a bundle that is not one, or is cut
// short, is refused.
func TestLoad(t *testing.T) {
	native := shipped(t)
	data := bundle.Encode(native.Handbook())
	calc, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, wc := range workedCases(t, native.Handbook()) {
		if got, want := AppendAnswer(nil, calc.Compute(wc.req)), AppendAnswer(nil, native.Compute(wc.req)); string(got) != string(want) {
			t.Errorf("%s: the loaded calculator answers\n%s\nthe handbook's\n%s", wc.name, got, want)
		}
		got, err1 := calc.Fields(wc.req.Role, wc.req.Period)
		want, err2 := native.Fields(wc.req.Role, wc.req.Period)
		if err1 != nil || err2 != nil || string(AppendFields(nil, got)) != string(AppendFields(nil, want)) {
			t.Errorf("%s: the loaded calculator's form differs from the handbook's (%v, %v)", wc.name, err1, err2)
		}
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a bundle", []byte("<html>"), "not a handbook bundle"},
		{"cut short", data[:len(data)/2], "bundle:"},
		{"empty", nil, "not a handbook bundle"},
	} {
		if _, err := Load(c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Load says %v, want %q", c.name, err, c.want)
		}
	}
}

// BenchmarkLoad reads the shipped handbook's bundle, as the page's load
// does.
func BenchmarkLoad(b *testing.B) {
	data := bundle.Encode(shipped(b).Handbook())
	b.ResetTimer()
	for range b.N {
		if _, err := Load(data); err != nil {
			b.Fatal(err)
		}
	}
}
