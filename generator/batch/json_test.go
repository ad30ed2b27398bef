package batch

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/wire"
)

// TestJSONAgreesWithCSV pays the same files as CSV and as JSON (with and
// without totals) and checks that the JSON is one wire.Payout document
// whose rows and totals say what the CSV's do: every person, role, amount
// and error, in the file's order, each row at its line.
func TestJSONAgreesWithCSV(t *testing.T) {
	h := fixture.Handbook(t)
	per, _ := engine.ParsePeriod("2026-10")
	for name, in := range map[string]string{
		"director": people(700) + "bad,kefu-zongjian,x,,,,,,,,,,,,,\nshort,row\n",
		"reps":     reps(700),
		"empty":    header,
	} {
		for _, noTotals := range []bool{false, true} {
			rows, _, err := Run(h, per, "people.csv", strings.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if _, _, err := Pay(h, per, "people.csv", strings.NewReader(in), &out, Config{JSON: true, NoTotals: noTotals}); err != nil {
				t.Fatal(err)
			}
			var doc wire.Payout
			dec := json.NewDecoder(&out)
			dec.DisallowUnknownFields()
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("%s: not a payout document: %v", name, err)
			}
			if dec.More() {
				t.Errorf("%s: data after the document", name)
			}
			if doc.Wire != wire.Version || doc.Kind != wire.KindPayout || doc.Period != "2026-10" || doc.File != "people.csv" {
				t.Errorf("%s: head %+v", name, doc.Head)
			}
			if len(doc.Rows) != len(rows) {
				t.Fatalf("%s: %d rows in the JSON, %d computed", name, len(doc.Rows), len(rows))
			}
			totals := map[string]string{}
			for i, r := range rows {
				got := doc.Rows[i]
				want := wire.PayoutRow{Row: r.line, Person: r.Person, Role: r.Role, Error: r.Err}
				if got.Row != want.Row || got.Person != want.Person || got.Role != want.Role || got.Error != want.Error {
					t.Errorf("%s: row %d is %+v, want %+v", name, i, got, want)
				}
				if r.Err != "" {
					if got.Total != "" || len(got.Components) > 0 {
						t.Errorf("%s: row %d has an error and numbers", name, i)
					}
					continue
				}
				p := r.Result.Pay
				if got.Total != p.Total.String() || got.Plan != p.Plan || len(got.Components) != len(p.Components) {
					t.Errorf("%s: row %d pays %s in %d components, want %s in %d", name, i, got.Total, len(got.Components), p.Total, len(p.Components))
					continue
				}
				for j, c := range p.Components {
					if got.Components[j] != (wire.Amount{Name: c.Name, Amount: c.Amount.String()}) {
						t.Errorf("%s: row %d component %d is %+v, want %s %s", name, i, j, got.Components[j], c.Name, c.Amount)
					}
				}
				totals[r.Role] = p.Total.Add(decimalOf(t, totals[r.Role])).String()
			}
			if noTotals {
				if len(doc.Totals) > 0 || doc.All != nil {
					t.Errorf("%s: totals written with NoTotals", name)
				}
				continue
			}
			for _, tl := range doc.Totals {
				if want := totals[tl.Role]; tl.People > 0 && tl.Total != want {
					t.Errorf("%s: role %s totals %s, its rows sum to %s", name, tl.Role, tl.Total, want)
				}
			}
		}
	}
}

// decimalOf reads a decimal the test wrote ("" is zero).
func decimalOf(t *testing.T, s string) exact.Decimal {
	t.Helper()
	if s == "" {
		return exact.Decimal{}
	}
	d, err := exact.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
