// Package batch computes a month's pay for a whole department from a CSV
// file: one row per person in, one row per person out with every component.
// A bad row is reported (file, row, column, reason) and kept in the output
// with its error; nothing is dropped and nothing is invented.
//
// Input columns:
//
//	person, role                    who (required)
//	scorecard.CARD.ITEM             an item's input: a number, true/false, a
//	                                level, a choice id, or check ids joined by |
//	scorecard.CARD.ITEM.NAME        a named input of a formula item
//	pay.NAME                        a pay-plan input: a number or true/false
//	points.EVENT                    occurrences of a points event
//	points.award.EVENT              discretionary awards, joined by |
//	points.ladder.LADDER            shortfalls as occurrence:rate[:met], joined by |
//	red_lines                       ids of red lines touched, joined by |
//
// Empty cells are absent inputs.
package batch

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// RowError is a problem with one row (and, where known, one column).
type RowError struct {
	File   string
	Row    int    // 1-based, counting the header as row 1
	Column string // the column's header, or "" for the whole row
	Reason string
}

func (e RowError) String() string {
	if e.Column == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Row, e.Reason)
	}
	return fmt.Sprintf("%s:%d: column %s: %s", e.File, e.Row, e.Column, e.Reason)
}

// Row is one computed person.
type Row struct {
	Person, Role string
	Result       engine.Result
	Err          string // set when the row could not be computed

	c *engine.Case // decoded, not yet computed
}

// Run reads the people of one period from r and computes each row. It
// returns every row (computed or with its error) and the row errors.
func Run(h *policy.Handbook, period engine.Period, file string, r io.Reader) ([]Row, []RowError, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: no header row: %w", file, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		header[i] = h
		if _, dup := col[h]; dup {
			return nil, nil, fmt.Errorf("%s:1: column %q appears twice", file, h)
		}
		col[h] = i
	}
	for _, need := range []string{"person", "role"} {
		if _, ok := col[need]; !ok {
			return nil, nil, fmt.Errorf("%s:1: no %q column", file, need)
		}
	}
	var rows []Row
	var lines []int
	var errs []RowError
	for n := 2; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs = append(errs, RowError{File: file, Row: pe.Line, Reason: pe.Err.Error()})
				rows, lines = append(rows, Row{Err: pe.Err.Error()}), append(lines, pe.Line)
				continue
			}
			return nil, nil, err
		}
		row, rerrs := one(h, period, file, n, header, rec)
		errs = append(errs, rerrs...)
		rows, lines = append(rows, row), append(lines, n)
	}
	errs = append(errs, compute(h, file, rows, lines)...)
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Row < errs[j].Row })
	return rows, errs, nil
}

// one decodes and computes one row.
func one(h *policy.Handbook, period engine.Period, file string, n int, header, rec []string) (Row, []RowError) {
	var errs []RowError
	bad := func(column, format string, args ...any) {
		errs = append(errs, RowError{File: file, Row: n, Column: column, Reason: fmt.Sprintf(format, args...)})
	}
	if len(rec) != len(header) {
		bad("", "%d cells, the header has %d", len(rec), len(header))
		return Row{Err: errs[0].Reason}, errs
	}
	c := engine.Case{Period: period, Scorecards: map[string]map[string]engine.ItemInput{}, NoTrace: true}
	day := period.Settled()
	for i, name := range header {
		v := strings.TrimSpace(rec[i])
		switch {
		case name == "person":
			c.Person = v
		case name == "role":
			c.Role = v
		case v == "":
			continue
		case name == "red_lines":
			c.RedLines = strings.Split(v, "|")
		case strings.HasPrefix(name, "pay."):
			x, err := value(v)
			if err != nil {
				bad(name, "%v", err)
				continue
			}
			if c.Pay == nil {
				c.Pay = map[string]formula.Value{}
			}
			c.Pay[strings.TrimPrefix(name, "pay.")] = x
		case strings.HasPrefix(name, "scorecard."):
			if err := scoreCell(h, day, c.Scorecards, strings.Split(strings.TrimPrefix(name, "scorecard."), "."), v); err != nil {
				bad(name, "%v", err)
			}
		case strings.HasPrefix(name, "points."):
			if c.Points == nil {
				c.Points = &engine.PointsInput{Events: map[string]int{}, Awards: map[string][]exact.Decimal{}}
			}
			if err := pointsCell(c.Points, strings.TrimPrefix(name, "points."), v); err != nil {
				bad(name, "%v", err)
			}
		default:
			bad(name, "unknown column (want person, role, scorecard.*, pay.*, points.*, red_lines)")
		}
	}
	if c.Person == "" {
		bad("person", "empty")
	}
	if len(errs) > 0 {
		return Row{Person: c.Person, Role: c.Role, Err: errs[0].String()}, errs
	}
	return Row{Person: c.Person, Role: c.Role, c: &c}, nil
}

// compute computes the decoded rows on every core, keeping their order.
func compute(h *policy.Handbook, file string, rows []Row, lines []int) []RowError {
	errs := make([]*RowError, len(rows))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	chunk := (len(rows) + workers - 1) / workers
	for start := 0; start < len(rows); start += max(chunk, 1) {
		end := min(start+chunk, len(rows))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := start; i < end; i++ {
				r := &rows[i]
				if r.c == nil {
					continue
				}
				res, err := engine.Compute(h, *r.c)
				r.c = nil
				if err != nil {
					r.Err = err.Error()
					errs[i] = &RowError{File: file, Row: lines[i], Reason: err.Error()}
					continue
				}
				r.Result = res
			}
		}()
	}
	wg.Wait()
	var out []RowError
	for _, e := range errs {
		if e != nil {
			out = append(out, *e)
		}
	}
	return out
}

// value reads a number or true/false.
func value(s string) (formula.Value, error) {
	switch s {
	case "true", "是":
		return formula.Value{Bool: true, IsBool: true}, nil
	case "false", "否":
		return formula.Value{IsBool: true}, nil
	}
	x, err := exact.Parse(s)
	if err != nil {
		return formula.Value{}, fmt.Errorf("%q is not a number or true/false", s)
	}
	return formula.Value{Num: x}, nil
}

// scoreCell reads scorecard.CARD.ITEM[.NAME] into the case's inputs, typed by
// the item's scoring kind.
func scoreCell(h *policy.Handbook, day time.Time, cards map[string]map[string]engine.ItemInput, path []string, v string) error {
	if len(path) < 2 || len(path) > 3 {
		return errors.New("want scorecard.CARD.ITEM or scorecard.CARD.ITEM.NAME")
	}
	sc, _ := h.At(policy.KindScorecard, path[0], day).(*policy.Scorecard)
	if sc == nil {
		return fmt.Errorf("no scorecard %q", path[0])
	}
	var it *policy.Item
	for pi := range sc.Part {
		for ii := range sc.Part[pi].Item {
			if sc.Part[pi].Item[ii].ID == path[1] {
				it = &sc.Part[pi].Item[ii]
			}
		}
	}
	if it == nil {
		return fmt.Errorf("scorecard %s has no item %q", path[0], path[1])
	}
	if cards[path[0]] == nil {
		cards[path[0]] = map[string]engine.ItemInput{}
	}
	in := cards[path[0]][path[1]]
	switch {
	case it.Scoring == policy.ScoreFormula:
		if len(path) != 3 {
			return fmt.Errorf("item %s takes named inputs: scorecard.%s.%s.NAME", it.ID, path[0], path[1])
		}
		x, err := value(v)
		if err != nil {
			return err
		}
		if in.Named == nil {
			in.Named = map[string]formula.Value{}
		}
		in.Named[path[2]] = x
	case len(path) == 3:
		return fmt.Errorf("item %s has no named inputs", it.ID)
	case it.Scoring == policy.ScoreYesNo:
		x, err := value(v)
		if err != nil || !x.IsBool {
			return fmt.Errorf("item %s is scored yes/no: write true or false", it.ID)
		}
		in.Yes = &x.Bool
	case it.Scoring == policy.ScoreLevels:
		l, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("item %s is scored by level: write 1 to 5", it.ID)
		}
		in.Level = l
	case it.Scoring == policy.ScoreChoice:
		in.Choice = v
	case it.Scoring == policy.ScoreChecklist:
		in.Checks = strings.Split(v, "|")
	default:
		x, err := exact.Parse(v)
		if err != nil {
			return fmt.Errorf("%q is not a number", v)
		}
		in.Value = &x
	}
	cards[path[0]][path[1]] = in
	return nil
}

// pointsCell reads a points.* cell.
func pointsCell(p *engine.PointsInput, name, v string) error {
	switch {
	case strings.HasPrefix(name, "award."):
		for _, s := range strings.Split(v, "|") {
			x, err := exact.Parse(s)
			if err != nil {
				return fmt.Errorf("%q is not a number", s)
			}
			id := strings.TrimPrefix(name, "award.")
			p.Awards[id] = append(p.Awards[id], x)
		}
	case strings.HasPrefix(name, "ladder."):
		for _, s := range strings.Split(v, "|") {
			parts := strings.Split(s, ":")
			if len(parts) < 2 || len(parts) > 3 {
				return fmt.Errorf("%q: want occurrence:rate or occurrence:rate:met", s)
			}
			occ, err := strconv.Atoi(parts[0])
			rate, err2 := exact.Parse(parts[1])
			if err != nil || err2 != nil {
				return fmt.Errorf("%q: want occurrence:rate, e.g. 2:62", s)
			}
			p.Shortfalls = append(p.Shortfalls, engine.LadderShortfall{Ladder: strings.TrimPrefix(name, "ladder."),
				Occurrence: occ, Rate: rate, ConditionMet: len(parts) == 3 && parts[2] == "met"})
		}
	default:
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return fmt.Errorf("%q is not a count", v)
		}
		p.Events[name] = n
	}
	return nil
}

// Write writes the computed rows as CSV: person, role, plan, score, K,
// total, one column per component met in any row (plan.component), and the
// row's error. A bad row keeps its person and error and no numbers.
func Write(w io.Writer, rows []Row) error {
	seen := map[string]bool{}
	var comps []string
	for _, r := range rows {
		if r.Result.Pay == nil {
			continue
		}
		for _, c := range r.Result.Pay.Components {
			k := r.Result.Pay.Plan + "." + c.Name
			if !seen[k] {
				seen[k] = true
				comps = append(comps, k)
			}
		}
	}
	sort.Strings(comps)
	cw := csv.NewWriter(w)
	head := append([]string{"person", "role", "plan", "score", "k", "total"}, comps...)
	if err := cw.Write(append(head, "withheld", "red_lines", "error")); err != nil {
		return err
	}
	for _, r := range rows {
		rec := make([]string, len(head)+3)
		rec[0], rec[1] = r.Person, r.Role
		if r.Err != "" {
			rec[len(rec)-1] = r.Err
			if err := cw.Write(rec); err != nil {
				return err
			}
			continue
		}
		if len(r.Result.Scores) > 0 {
			s := r.Result.Scores[0]
			rec[3] = s.Total.String()
			if s.K != nil {
				rec[4] = s.K.String()
			}
		}
		if r.Result.Points != nil {
			rec[3] = r.Result.Points.Total.String()
		}
		if p := r.Result.Pay; p != nil {
			rec[2] = p.Plan
			rec[5] = p.Total.String()
			var withheld, lines []string
			for _, c := range p.Components {
				i := sort.SearchStrings(comps, p.Plan+"."+c.Name)
				rec[6+i] = c.Amount.String()
				if c.Withheld {
					withheld = append(withheld, c.Name)
				}
			}
			for _, l := range p.RedLines {
				lines = append(lines, l.ID)
			}
			rec[len(rec)-3] = strings.Join(withheld, "|")
			rec[len(rec)-2] = strings.Join(lines, "|")
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
