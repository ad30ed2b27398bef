package source

import (
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
