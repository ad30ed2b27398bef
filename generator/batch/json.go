package batch

import (
	"encoding/json"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/wire"
)

// jsonDoc is the state of a payout written as a wire.Payout document: its
// head, then each row as ",\n" and the row (the writer drops the comma
// before the first), then the totals, which close it.
type jsonDoc struct {
	period, file string
	noTotals     bool
	begun        bool // a row has been written (by the writer, in order)
}

// jsonHead opens the document, up to its rows.
func (l *layout) jsonHead() []byte {
	b := []byte(`{"wire":`)
	b = appendJSON(b, wire.Version)
	b = append(b, `,"kind":"`+wire.KindPayout+`","period":`...)
	b = appendJSON(b, l.json.period)
	b = append(b, `,"file":`...)
	b = appendJSON(b, l.json.file)
	return append(b, `,"rows":[`...)
}

// jsonLine appends a row (see wire.PayoutRow), after a comma and a line
// break.
func (l *layout) jsonLine(b []byte, r *Row) []byte {
	row := wire.PayoutRow{Row: r.line, Person: r.Person, Role: r.Role, Error: r.Err}
	if r.Err == "" {
		if len(r.Result.Scores) > 0 {
			s := &r.Result.Scores[0]
			row.Score = s.Total.String()
			if s.K != nil {
				row.K = s.K.String()
			}
		}
		if r.Result.Points != nil {
			row.Score = r.Result.Points.Total.String()
		}
		if p := r.Result.Pay; p != nil {
			row.Plan, row.Total = p.Plan, p.Total.String()
			for _, c := range p.Components {
				row.Components = append(row.Components, wire.Amount{Name: c.Name, Amount: c.Amount.String()})
				if c.Withheld {
					row.Withheld = append(row.Withheld, c.Name)
				}
			}
			for _, rl := range p.RedLines {
				row.RedLines = append(row.RedLines, rl.ID)
			}
			for _, st := range r.Result.Standings {
				row.Standings = append(row.Standings, wire.PayoutStanding{Name: st.Name, Label: st.Label, Measure: st.Measure.String()})
			}
		}
	}
	b = append(b, ",\n"...)
	return appendJSON(b, row)
}

// jsonTotals closes the document with the totals of each role, in the
// order given, and of every role (All) when the CSV would have a 总计 line.
func (l *layout) jsonTotals(roles []*roleInfo, t totals, failedAll int) []byte {
	totals := []wire.PayoutTotal{}
	var all *wire.PayoutTotal
	if !l.json.noTotals {
		var sum exact.Decimal
		people, failed := 0, 0
		for _, r := range roles {
			s := t[r]
			if s == nil {
				continue
			}
			line := wire.PayoutTotal{Role: r.id, Plan: r.plan.ID, People: s.rows, Failed: s.failed, Total: s.total.String()}
			for _, k := range r.comps { // in the plan's order, as in a row
				if at, ok := l.comp[k]; ok && s.has[at] {
					line.Components = append(line.Components, wire.Amount{Name: k.name, Amount: s.comps[at].String()})
				}
			}
			totals = append(totals, line)
			sum = sum.Add(s.total)
			people, failed = people+s.rows, failed+s.failed
		}
		if len(totals) > 1 || failedAll > failed {
			all = &wire.PayoutTotal{People: people, Failed: failedAll, Total: sum.String()}
		}
	}
	b := []byte("\n],\"totals\":")
	b = appendJSON(b, totals)
	if all != nil {
		b = append(b, `,"all":`...)
		b = appendJSON(b, all)
	}
	return append(b, "}\n"...)
}

// appendJSON appends v as compact JSON. The values are the wire's own
// types, which always marshal.
func appendJSON(b []byte, v any) []byte {
	j, err := json.Marshal(v)
	if err != nil {
		panic("batch: " + err.Error()) // a wire type that does not marshal is a defect
	}
	return append(b, j...)
}
