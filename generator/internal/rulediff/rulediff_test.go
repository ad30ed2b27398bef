package rulediff

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	_ "github.com/kefu-hr/handbook/generator/golden" // the -update flag
)

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(s, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDiff(t *testing.T) {
	const base = `id = "p"
version = 1
effective_from = 2026-01-01
[[note]]
about = "a"
[[param]]
name = "fixed"
value = "8000.00"
[[component]]
name = "fixed"
formula = "fixed"
tiers = [{ min = "90", points = 20 }, { below = "90", points = 0 }]
`
	for _, tt := range []struct {
		name, old, new string
		want           []string
	}{
		{"the same", base, base, nil},
		{"notes are skipped", base, strings.Replace(base, `about = "a"`, `about = "b"`, 1), nil},
		{"a value", base, strings.Replace(base, `"8000.00"`, `"8200.00"`, 1),
			[]string{`param[0].value: "8000.00" → "8200.00"`}},
		{"a string for an integer is a change", base, strings.Replace(base, `points = 20`, `points = "20"`, 1),
			[]string{`component[0].tiers[0].points: 20 → "20"`}},
		{"a tier added", base, strings.Replace(base, `{ min = "90", points = 20 }`, `{ min = "95", points = 20 }, { min = "90", below = "95", points = 10 }`, 1),
			[]string{`component[0].tiers[0].min: "90" → "95"`, `component[0].tiers[1].below: "90" → "95"`, `component[0].tiers[1].min: added "90"`,
				`component[0].tiers[1].points: 0 → 10`, `component[0].tiers[2]: added { below, points }`}},
		{"a date", base, strings.Replace(base, "effective_from = 2026-01-01", "effective_from = 2026-01-01\neffective_until = 2026-12-31", 1),
			[]string{`effective_until: added 2026-12-31`}},
		{"a key removed", base, strings.Replace(base, "formula = \"fixed\"\n", "", 1),
			[]string{`component[0].formula: removed (was "fixed")`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Diff(decode(t, tt.old), decode(t, tt.new), "note") {
				got = append(got, c.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
