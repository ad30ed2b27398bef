package edit

import (
	"strings"
	"testing"
	"time"

	_ "github.com/kefu-hr/handbook/generator/golden" // the -update flag
)

const src = `#:schema ../../generator/schema/payplan.schema.json
id = "p" # the plan
version = 1
effective_from = 2026-01-01
title = "t"

[[correction]]
date = 2026-02-01
reason = "r"
approved_by = "a"

[[param]]
name = "base"
value = "3000.00" # 元
tiers = [
  { min = "90", points = 20 }, # best
  { below = "90", points = 0 },
]
formula = 'a + "b"'
`

func TestSet(t *testing.T) {
	for _, tt := range []struct{ ptr, value, want string }{
		{"/param/0/value", `"3200.00"`, `value = "3200.00" # 元`},
		{"/version", "2", "version = 2\n"},
		{"/id", `"q"`, `id = "q" # the plan`},
		{"/param/0/tiers", `[{ below = "1", points = 0 }]`, "tiers = [{ below = \"1\", points = 0 }]\nformula"},
		{"/param/0/tiers/0/min", `"95"`, `{ min = "95", points = 20 }, # best`},
		{"/param/0/formula", `"x"`, "formula = \"x\"\n"},
	} {
		f, err := New([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Set(tt.ptr, tt.value); err != nil {
			t.Fatalf("%s: %v", tt.ptr, err)
		}
		got := string(f.Bytes())
		old, err := f0(tt.ptr)
		if err != nil {
			t.Fatal(err)
		}
		// Only the value changed: the rest of the file is as written.
		if !strings.Contains(got, tt.want) || strings.Replace(src, old, tt.value, 1) != got {
			t.Errorf("%s = %s:\n%s", tt.ptr, tt.value, got)
		}
	}
	f, _ := New([]byte(src))
	if err := f.Set("/nosuch", "1"); err == nil {
		t.Error("a missing key was set")
	}
	if err := f.Set("/param/0/value", `"unclosed`); err == nil {
		t.Error("an edit that breaks the TOML was made")
	}
}

// f0 returns the text of a value in src.
func f0(ptr string) (string, error) {
	f, err := New([]byte(src))
	if err != nil {
		return "", err
	}
	return f.Value(ptr)
}

func TestNextVersion(t *testing.T) {
	next, old, err := NextVersion([]byte(src), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	n, o := string(next), string(old)
	for _, want := range []string{"version = 2\n", "effective_from = 2027-01-01\n", `id = "p" # the plan`, "[[param]]"} {
		if !strings.Contains(n, want) {
			t.Errorf("next version lacks %q:\n%s", want, n)
		}
	}
	if strings.Contains(n, "correction") || strings.Contains(n, "effective_until") {
		t.Errorf("next version keeps the old version's correction or end:\n%s", n)
	}
	if !strings.Contains(o, "effective_from = 2026-01-01\neffective_until = 2026-12-31\ntitle") || !strings.Contains(o, "[[correction]]") {
		t.Errorf("old version:\n%s", o)
	}
	ended := strings.Replace(src, "effective_from = 2026-01-01\n", "effective_from = 2026-01-01\neffective_until = 2027-06-30\n", 1)
	next, old, err = NextVersion([]byte(ended), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || !strings.Contains(string(next), "effective_until = 2027-06-30") || !strings.Contains(string(old), "effective_until = 2026-12-31") {
		t.Errorf("an ended version: %v\n%s\n%s", err, next, old)
	}
	for _, tt := range []struct{ src, from, want string }{
		{src, "2026-01-01", "must start after that"},
		{ended, "2027-08-01", "would leave the days between with no version; start it on 2027-07-01"},
		{"id = 1", "2027-01-01", "no version"},
	} {
		from, _ := time.Parse("2006-01-02", tt.from)
		if _, _, err := NextVersion([]byte(tt.src), from); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("from %s: %v, want %q", tt.from, err, tt.want)
		}
	}
}
