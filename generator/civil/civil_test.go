package civil

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// toTime is d as time.Time, at midnight UTC.
func toTime(d Date) time.Time {
	y, m, day := d.Date()
	return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// TestAgreesWithTime walks every day from 1600 to 2400 and holds each
// method to what package time does with the same day.
func TestAgreesWithTime(t *testing.T) {
	start := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2400, 12, 31, 0, 0, 0, 0, time.UTC)
	d := Of(1600, 1, 1)
	prev := d.AddDate(0, 0, -1)
	for tt := start; !tt.After(end); tt = tt.AddDate(0, 0, 1) {
		y, m, day := tt.Date()
		if got, want := d.String(), tt.Format(time.DateOnly); got != want {
			t.Fatalf("String() = %q, want %q", got, want)
		}
		if gy, gm, gd := d.Date(); gy != y || gm != int(m) || gd != day || d.Year() != y || d.Month() != int(m) || d.Day() != day {
			t.Fatalf("%s: Date() = %d, %d, %d", tt.Format(time.DateOnly), gy, gm, gd)
		}
		if e := Of(y, int(m), day); e != d {
			t.Fatalf("Of(%d, %d, %d) = %v, want %v", y, m, day, e, d)
		}
		if e, ok := New(y, int(m), day); !ok || e != d {
			t.Fatalf("New(%d, %d, %d) = %v, %v", y, m, day, e, ok)
		}
		if e, err := Parse(tt.Format(time.DateOnly)); err != nil || e != d {
			t.Fatalf("Parse(%q) = %v, %v", tt.Format(time.DateOnly), e, err)
		}
		if DaysIn(y, int(m)) != time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() {
			t.Fatalf("DaysIn(%d, %d) = %d", y, m, DaysIn(y, int(m)))
		}
		for _, a := range [][3]int{{0, 1, -1}, {0, 3, -1}, {1, 0, -1}, {0, 1, 0}, {-1, 0, 0}, {0, 0, 1}, {0, 0, -1}, {0, -13, 40}} {
			if got, want := d.AddDate(a[0], a[1], a[2]), tt.AddDate(a[0], a[1], a[2]); !toTime(got).Equal(want) {
				t.Fatalf("%s.AddDate%v = %v, want %s", d, a, got, want.Format(time.DateOnly))
			}
		}
		if !prev.Before(d) || prev.After(d) || !d.After(prev) || prev.Equal(d) || prev.Compare(d) != -1 || d.Compare(prev) != 1 || d.Compare(d) != 0 || !d.Equal(d) {
			t.Fatalf("%v and %v compare wrong", prev, d)
		}
		prev, d = d, d.AddDate(0, 0, 1)
	}
}

// FuzzOf holds Of's normalisation of months and days outside their range
// to time.Date's.
func FuzzOf(f *testing.F) {
	f.Add(2026, 13, 1)
	f.Add(2026, 0, 0)
	f.Add(2024, 2, 30)
	f.Add(2000, -25, -400)
	f.Fuzz(func(t *testing.T, y, m, d int) {
		if y < -100000 || y > 100000 || m < -100000 || m > 100000 || d < -10000000 || d > 10000000 {
			return
		}
		want := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		got := Of(y, m, d)
		if !toTime(got).Equal(want) || got.String() != want.Format(time.DateOnly) {
			t.Fatalf("Of(%d, %d, %d) = %v, want %s", y, m, d, got, want.Format(time.DateOnly))
		}
	})
}

func TestZero(t *testing.T) {
	var z Date
	if !z.IsZero() || z.String() != (time.Time{}).Format(time.DateOnly) || z != Of(1, 1, 1) {
		t.Errorf("zero date %v, IsZero %v", z, z.IsZero())
	}
	if Of(1, 1, 2).IsZero() || Of(2026, 1, 1).IsZero() {
		t.Error("a later day is zero")
	}
	if d, err := Parse("0001-01-01"); err != nil || !d.IsZero() {
		t.Errorf("Parse(0001-01-01) = %v, %v", d, err)
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" for an error
	}{
		{"2026-01-01", "2026-01-01"},
		{"2024-02-29", "2024-02-29"},
		{"2000-02-29", "2000-02-29"},
		{"0000-01-01", "0000-01-01"},
		{"9999-12-31", "9999-12-31"},
		{"1900-02-29", ""},
		{"2026-02-29", ""},
		{"2026-04-31", ""},
		{"2026-13-01", ""},
		{"2026-00-01", ""},
		{"2026-01-00", ""},
		{"2026-1-01", ""},
		{"2026-01-1", ""},
		{"26-01-01", ""},
		{"2026/01/01", ""},
		{"2026-01-01T00:00:00Z", ""},
		{" 2026-01-01", ""},
		{"+026-01-01", ""},
		{"２026-01-01", ""},
		{"", ""},
		{"20260101", ""},
		{"2026-01-01 ", ""},
		{"2026-01-0a", ""},
		{"2026-01-32", ""},
		{"2024-02-30", ""},
		{"2026-00-10", ""},
	} {
		d, err := Parse(tc.in)
		_, terr := time.Parse(time.DateOnly, tc.in)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("Parse(%q) = %v, want an error", tc.in, d)
		case tc.want == "" && err.Error() != `date "`+tc.in+`": not a day written YYYY-MM-DD`:
			t.Errorf("Parse(%q) error %q", tc.in, err)
		case tc.want != "" && (err != nil || d.String() != tc.want):
			t.Errorf("Parse(%q) = %v, %v, want %s", tc.in, d, err, tc.want)
		}
		if (err == nil) != (terr == nil) {
			t.Errorf("Parse(%q): error %v, time.Parse's %v", tc.in, err, terr)
		}
	}
}

func TestString(t *testing.T) {
	for _, tc := range []struct {
		y, m, d int
		want    string
	}{
		{2026, 1, 1, "2026-01-01"},
		{2026, 12, 31, "2026-12-31"},
		{999, 3, 4, "0999-03-04"},
		{12, 3, 4, "0012-03-04"},
		{0, 1, 1, "0000-01-01"},
		{-1, 1, 1, "-0001-01-01"},
		{-1234, 5, 6, "-1234-05-06"},
		{12345, 5, 6, "12345-05-06"},
	} {
		d := Of(tc.y, tc.m, tc.d)
		if got := d.String(); got != tc.want {
			t.Errorf("Of(%d, %d, %d).String() = %q, want %q", tc.y, tc.m, tc.d, got, tc.want)
		}
		if got := toTime(d).Format(time.DateOnly); got != tc.want {
			t.Errorf("time formats %d-%d-%d %q, want %q", tc.y, tc.m, tc.d, got, tc.want)
		}
		if got := string(d.Append([]byte("x"))); got != "x"+tc.want {
			t.Errorf("Append = %q", got)
		}
	}
}

func TestNew(t *testing.T) {
	for _, tc := range []struct {
		y, m, d int
		ok      bool
	}{
		{2026, 1, 31, true},
		{2026, 2, 28, true},
		{2026, 2, 29, false},
		{2024, 2, 29, true},
		{2100, 2, 29, false},
		{2000, 2, 29, true},
		{2026, 4, 30, true},
		{2026, 4, 31, false},
		{2026, 0, 1, false},
		{2026, 13, 1, false},
		{2026, 1, 0, false},
		{2026, 1, 32, false},
	} {
		d, ok := New(tc.y, tc.m, tc.d)
		if ok != tc.ok || ok && d != Of(tc.y, tc.m, tc.d) || !ok && d != (Date{}) {
			t.Errorf("New(%d, %d, %d) = %v, %v, want ok %v", tc.y, tc.m, tc.d, d, ok, tc.ok)
		}
	}
}

// TestTOML decodes dates with github.com/BurntSushi/toml, as the loader
// does: a local date decodes, and everything else is refused saying what
// it is. The local zone must not matter: the decoder puts local dates in
// a zone with the machine's offset.
func TestTOML(t *testing.T) {
	for _, tz := range []string{"UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati"} {
		loc, err := time.LoadLocation(tz)
		if err != nil {
			t.Logf("no zone %s: %v", tz, err)
			continue
		}
		t.Run(tz, func(t *testing.T) { testTOML(t, loc) })
	}
}

func testTOML(t *testing.T, loc *time.Location) {
	saved := time.Local
	time.Local = loc
	defer func() { time.Local = saved }()
	type doc struct {
		D Date  `toml:"d"`
		P *Date `toml:"p"`
	}
	for _, tc := range []struct {
		src     string
		want    string // D and P; "" when an error is wanted
		wantErr string
	}{
		{"d = 2026-01-01\np = 2026-12-31", "2026-01-01 2026-12-31", ""},
		{"d = 0001-01-01", "0001-01-01 nil", ""},
		{"d = 2024-02-29", "2024-02-29 nil", ""},
		{"p = 9999-12-31", "0001-01-01 9999-12-31", ""},
		{`d = "2026-01-01"`, "", `"2026-01-01" is a string, not a date`},
		{"d = 2026-01-01T08:30:00", "", "2026-01-01T08:30:00 is a local date-time, not a date"},
		{"d = 2026-01-01T00:00:00Z", "", "2026-01-01T00:00:00Z is a date-time, not a date"},
		{"d = 2026-01-01T00:00:00+08:00", "", "2026-01-01T00:00:00+08:00 is a date-time, not a date"},
		{"d = 08:30:00", "", "08:30:00 is a time of day, not a date"},
		{"d = 20260101", "", "not a date"},
		{"d = true", "", "not a date"},
	} {
		var v doc
		_, err := toml.Decode(tc.src, &v)
		if tc.wantErr != "" {
			var pe toml.ParseError
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: error %v, want %q", tc.src, err, tc.wantErr)
			} else if !errors.As(err, &pe) || pe.Message != tc.wantErr || pe.LastKey != "d" {
				t.Errorf("%s: error %#v, want a ParseError at d saying %q", tc.src, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.src, err)
			continue
		}
		p := "nil"
		if v.P != nil {
			p = v.P.String()
		}
		if got := v.D.String() + " " + p; got != tc.want {
			t.Errorf("%s: decoded %s, want %s", tc.src, got, tc.want)
		}
	}
}
