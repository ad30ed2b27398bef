package policy

import (
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/source"
)

func TestNumberRef(t *testing.T) {
	d := func(s string) *exact.Decimal { x := exact.MustParse(s); return &x }
	plan := FromSource(KindPayPlan, "p.toml", &source.PayPlan{Header: source.Header{ID: "p"},
		Param: []Param{{Name: "base_pay", Value: *d("4000.00")}, {Name: "rate", Value: *d("5")}},
		Table: []Table{{Name: "t", Rows: []TableRow{{Interval: Interval{Min: d("90")}, Value: *d("1.2")}}}},
	})
	for _, tt := range []struct {
		ref, want, err string
	}{
		{"payplan/p#param/base_pay/value", "4000.00", ""},
		{"payplan/p#param/1/value", "5", ""},
		{"payplan/p#table/t/rows/0/min", "90", ""},
		{"payplan/p#table/t/rows/0/below", "", "table/t/rows/0/below is not set"},
		{"payplan/p#param/base_pay/label", "", "param/base_pay/label is not a number"},
		{"payplan/p#param/nope/value", "", `param/nope: no entry "nope" (an id, a name or an index from 0 to 1)`},
		{"payplan/p#nope", "", `nope: no key "nope"`},
		{"payplan/p#param/base_pay/value/x", "", `param/base_pay/value/x: "x": a number has no keys`},
	} {
		r, ok := ParseNumberRef(tt.ref)
		if !ok {
			t.Fatalf("ParseNumberRef(%q) failed", tt.ref)
		}
		if r.String() != tt.ref {
			t.Errorf("String() = %q, want %q", r.String(), tt.ref)
		}
		got, err := r.Number(plan)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: error %v, want %q", tt.ref, err, tt.err)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("%s = %s, %v; want %s", tt.ref, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "payplan/p", "payplan/p#", "pay/p#x", "p#x", "payplan/#x"} {
		if _, ok := ParseNumberRef(bad); ok {
			t.Errorf("ParseNumberRef(%q) accepted", bad)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for in, want := range map[string]string{
		"8000000.00": "8,000,000", "133333.33": "133,333.33", "60": "60", "0.5": "0.5",
		"1000": "1,000", "999": "999", "-1500.50": "-1,500.50", "100.00": "100", "0": "0",
	} {
		if got := FormatNumber(exact.MustParse(in)); got != want {
			t.Errorf("FormatNumber(%s) = %s, want %s", in, got, want)
		}
	}
}
