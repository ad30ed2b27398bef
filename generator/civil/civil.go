package civil

import (
	"errors"
	"strconv"
)

// Date is a day of the proleptic Gregorian calendar. The zero value is
// 0001-01-01, as time.Time's is, so that a zero date reads and travels
// (in a bundle) as it did when dates were time.Time values. Dates compare
// with ==, and order with Before, After and Compare.
type Date struct {
	n int // days since 0001-01-01
}

// daysTo1970 is the number of days from 0001-01-01 to 1970-01-01.
const daysTo1970 = 719162

// Of returns the date year-month-day, normalising a month or day outside
// its usual range as time.Date does: month 13 of 2026 is January 2027,
// day 0 of a month is the last day of the month before.
func Of(year, month, day int) Date {
	// Months outside 1..12 carry into the year.
	m := month - 1
	year += floorDiv(m, 12)
	m -= floorDiv(m, 12) * 12
	return Date{daysFromCivil(year, m+1, 1) + daysTo1970 + day - 1}
}

// New returns the date year-month-day, or false when there is no such day
// (month 13, 2026-02-29, day 0).
func New(year, month, day int) (Date, bool) {
	if month < 1 || month > 12 || day < 1 || day > DaysIn(year, month) {
		return Date{}, false
	}
	return Of(year, month, day), true
}

// DaysIn returns the number of days of a month (1 to 12) of a year.
func DaysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Parse reads a date written YYYY-MM-DD, four digits, two and two, as
// time.Parse(time.DateOnly, s) does and no more leniently: a day that does
// not exist (2026-02-30) is an error.
func Parse(s string) (Date, error) {
	if d, ok := parse(s); ok {
		return d, nil
	}
	return Date{}, errors.New("date " + strconv.Quote(s) + ": not a day written YYYY-MM-DD")
}

func parse(s string) (Date, bool) {
	if len(s) != len("2006-01-02") || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	y, ok1 := digits(s[:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, false
	}
	return New(y, m, d)
}

// digits reads a run of decimal digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Date returns the date's year, month (1 to 12) and day of the month.
func (d Date) Date() (year, month, day int) {
	return civilFromDays(d.n - daysTo1970)
}

// Year returns the date's year.
func (d Date) Year() int {
	y, _, _ := d.Date()
	return y
}

// Month returns the date's month, 1 to 12.
func (d Date) Month() int {
	_, m, _ := d.Date()
	return m
}

// Day returns the date's day of the month, 1 to 31.
func (d Date) Day() int {
	_, _, day := d.Date()
	return day
}

// AddDate returns the date years, months and days later (earlier, for
// negative numbers), normalised as time.Time.AddDate does: a month after
// 2026-01-31 is 2026-03-03.
func (d Date) AddDate(years, months, days int) Date {
	y, m, day := d.Date()
	return Of(y+years, m+months, day+days)
}

// IsZero reports whether d is the zero date, 0001-01-01.
func (d Date) IsZero() bool { return d.n == 0 }

// Before reports whether d is a day before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is a day after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Equal reports whether d and e are the same day (as d == e does).
func (d Date) Equal(e Date) bool { return d.n == e.n }

// Compare returns -1 if d is before e, +1 if it is after, 0 if the same
// day.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return +1
	}
	return 0
}

// String writes the date YYYY-MM-DD (time.DateOnly); a year outside 0 to
// 9999 is written as time.Time.Format writes it.
func (d Date) String() string { return string(d.Append(nil)) }

// Append appends the date written YYYY-MM-DD to b.
func (d Date) Append(b []byte) []byte {
	y, m, day := d.Date()
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	switch {
	case y < 10:
		b = append(b, "000"...)
	case y < 100:
		b = append(b, "00"...)
	case y < 1000:
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, int64(y), 10)
	return append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+day/10), byte('0'+day%10))
}

// UnmarshalTOML decodes a TOML local date (2026-01-01) for
// github.com/BurntSushi/toml, which hands it over as a time.Time in its
// location "date-local" (the value is read through the methods below, so
// that this package needs no time). Anything else is an error that says
// what was written instead: a string ("2026-01-01", in quotes), a local
// date-time or time, a date-time with an offset, a number.
func (d *Date) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		return errors.New(strconv.Quote(v) + " is a string, not a date")
	case tomlTime:
		switch zone, _ := v.Zone(); zone {
		case "date-local":
			e, ok := parse(v.Format("2006-01-02"))
			if !ok {
				return errors.New("date " + v.Format("2006-01-02") + " out of range")
			}
			*d = e
			return nil
		case "datetime-local":
			return errors.New(v.Format("2006-01-02T15:04:05.999999999") + " is a local date-time, not a date")
		case "time-local":
			return errors.New(v.Format("15:04:05.999999999") + " is a time of day, not a date")
		}
		return errors.New(v.Format("2006-01-02T15:04:05.999999999Z07:00") + " is a date-time, not a date")
	}
	return errors.New("not a date")
}

// tomlTime is what UnmarshalTOML reads of the time.Time that
// github.com/BurntSushi/toml decodes a TOML date, date-time or time into.
type tomlTime interface {
	Zone() (name string, offset int)
	Format(layout string) string
}

// floorDiv is a/b rounded down.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d, for
// a month 1 to 12 and any day (Howard Hinnant's days_from_civil).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400 // [0, 399]
	mp := (m + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil for a day of its month.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100) // [0, 365]
	mp := (5*doy + 2) / 153                  // [0, 11]
	d = doy - (153*mp+2)/5 + 1               // [1, 31]
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}
