package source

import (
	"reflect"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
)

func dec(s string) *exact.Decimal { d := exact.MustParse(s); return &d }

func TestIntervalContains(t *testing.T) {
	iv := Interval{Min: dec("90"), Below: dec("95")}
	for x, want := range map[string]bool{"89.99": false, "90": true, "94.6": true, "95": false} {
		if got := iv.Contains(exact.MustParse(x)); got != want {
			t.Errorf("[90,95) contains %s = %v, want %v", x, got, want)
		}
	}
	if open := (Interval{}); !open.Contains(exact.MustParse("-1")) {
		t.Error("an open interval contains everything")
	}
}

func TestBandsFind(t *testing.T) {
	b := &Bands{Rows: []BandRow{
		{Interval: Interval{Min: dec("95")}, Value: dec("1.2")},
		{Interval: Interval{Min: dec("90"), Below: dec("95")}, Value: dec("1.0")},
		{Interval: Interval{Below: dec("90")}, Value: dec("0")},
	}}
	for x, want := range map[string]string{"100": "1.2", "95": "1.2", "94.6": "1.0", "90": "1.0", "89.9": "0"} {
		if got := b.Find(exact.MustParse(x)).Value.String(); got != want {
			t.Errorf("K(%s) = %s, want %s", x, got, want)
		}
	}
}

// TestEveryFieldIsAKey: every exported field of a source type, but an
// embedded one (Header, Interval: their keys are the policy's own), is a
// key of the file, named by its toml tag. Bundles, rule diffs and number
// references go by these tags; a field without one would be silently
// skipped by them.
func TestEveryFieldIsAKey(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(t0 reflect.Type, path string)
	walk = func(ty reflect.Type, path string) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] || ty.PkgPath() != reflect.TypeFor[Header]().PkgPath() {
			return
		}
		seen[ty] = true
		for i := range ty.NumField() {
			f := ty.Field(i)
			if !f.IsExported() {
				continue
			}
			if tag := f.Tag.Get("toml"); !f.Anonymous && (tag == "" || tag == "-") {
				t.Errorf("%s.%s has no toml key", path, f.Name)
			}
			walk(f.Type, path+"."+f.Name)
		}
	}
	for _, k := range Kinds {
		walk(reflect.TypeOf(Empty(k)), string(k))
	}
	if len(seen) < 30 {
		t.Fatalf("walked only %d types", len(seen))
	}
}
