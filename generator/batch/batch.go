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
	"bytes"
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
	cols, err := resolve(h, period, file, header)
	if err != nil {
		return nil, nil, err
	}
	// Items per scorecard, so that each row's input maps are made once at size.
	cards := map[string]int{}
	for _, name := range header {
		if rest, ok := strings.CutPrefix(name, "scorecard."); ok {
			card, _, _ := strings.Cut(rest, ".")
			cards[card]++
		}
		if strings.HasPrefix(name, "pay.") {
			cards[""]++ // the pay inputs
		}
	}
	// Rows are read here and computed on every core as they arrive, in
	// chunks; the chunks are put back in order at the end.
	type chunk struct {
		recs  [][]string // nil for a line the CSV reader refused
		lines []int
		rows  []Row
		errs  []RowError
	}
	const size = 512
	var (
		chunks []*chunk
		errs   []RowError
		wg     sync.WaitGroup
	)
	work := make(chan *chunk, runtime.GOMAXPROCS(0))
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var d decoded
			for ch := range work {
				ch.rows = make([]Row, len(ch.recs))
				for i, rec := range ch.recs {
					if rec == nil {
						ch.rows[i] = Row{Err: "malformed CSV line"}
						continue
					}
					var e []RowError
					ch.rows[i], e = one(h, period, file, ch.lines[i], header, cols, cards, rec, &d)
					ch.errs = append(ch.errs, e...)
				}
			}
		}()
	}
	cur := &chunk{}
	flush := func() {
		if len(cur.recs) > 0 {
			chunks = append(chunks, cur)
			work <- cur
			cur = &chunk{}
		}
	}
	var readErr error
	for n := 2; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line := n
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				readErr = err
				break
			}
			errs = append(errs, RowError{File: file, Row: pe.Line, Reason: pe.Err.Error()})
			rec, line = nil, pe.Line
		}
		cur.recs, cur.lines = append(cur.recs, rec), append(cur.lines, line)
		if len(cur.recs) == size {
			flush()
		}
	}
	flush()
	close(work)
	wg.Wait()
	if readErr != nil {
		return nil, nil, readErr
	}
	total := 0
	for _, ch := range chunks {
		total += len(ch.rows)
	}
	rows := make([]Row, 0, total)
	for _, ch := range chunks {
		rows = append(rows, ch.rows...)
		errs = append(errs, ch.errs...)
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Row < errs[j].Row })
	return rows, errs, nil
}

// cell decodes one cell into a row's case.
type cell func(d *decoded, v string) error

// decoded is a row being decoded: its case, and room for the numbers its
// items point to. A worker decodes its rows one after the other into the
// same decoded, whose maps and slices are cleared and reused: the engine's
// results keep nothing of their inputs.
type decoded struct {
	engine.Case
	nums   []exact.Decimal
	cards  map[string]map[string]engine.ItemInput // item inputs by card, kept across rows
	pay    map[string]formula.Value
	points engine.PointsInput
}

// reset readies d for the next row, keeping its storage.
func (d *decoded) reset(period engine.Period, cards map[string]int) {
	if d.cards == nil {
		d.cards = make(map[string]map[string]engine.ItemInput, len(cards))
		for card, n := range cards {
			if card == "" {
				d.pay = make(map[string]formula.Value, n)
			} else {
				d.cards[card] = make(map[string]engine.ItemInput, n)
			}
		}
		d.Scorecards = make(map[string]map[string]engine.ItemInput, len(cards))
		d.points = engine.PointsInput{Events: map[string]int{}, Awards: map[string][]exact.Decimal{}}
	}
	clear(d.Scorecards)
	for card, items := range d.cards {
		clear(items)
		d.Scorecards[card] = items
	}
	clear(d.pay)
	clear(d.points.Events)
	clear(d.points.Awards)
	d.points.Shortfalls = d.points.Shortfalls[:0]
	d.Case = engine.Case{Period: period, Scorecards: d.Scorecards, Pay: d.pay, NoTrace: true}
	d.nums = d.nums[:0]
}

// num keeps x for the row and returns where it is kept.
func (d *decoded) num(x exact.Decimal) *exact.Decimal {
	d.nums = append(d.nums, x) // made at size: pointers already given stay valid either way
	return &d.nums[len(d.nums)-1]
}

// resolve turns each column header into its decoder, once per file.
func resolve(h *policy.Handbook, period engine.Period, file string, header []string) ([]cell, error) {
	day := period.Settled()
	cols := make([]cell, len(header))
	for i, name := range header {
		switch {
		case name == "person":
			cols[i] = func(c *decoded, v string) error { c.Person = v; return nil }
		case name == "role":
			cols[i] = func(c *decoded, v string) error { c.Role = v; return nil }
		case name == "red_lines":
			cols[i] = func(c *decoded, v string) error { c.RedLines = strings.Split(v, "|"); return nil }
		case strings.HasPrefix(name, "pay."):
			key := strings.TrimPrefix(name, "pay.")
			cols[i] = func(c *decoded, v string) error {
				x, err := value(v)
				if err != nil {
					return err
				}
				if c.Pay == nil {
					c.Pay = map[string]formula.Value{}
				}
				c.Pay[key] = x
				return nil
			}
		case strings.HasPrefix(name, "scorecard."):
			f, err := scoreColumn(h, day, strings.Split(strings.TrimPrefix(name, "scorecard."), "."))
			if err != nil {
				return nil, fmt.Errorf("%s:1: column %s: %v", file, name, err)
			}
			cols[i] = f
		case strings.HasPrefix(name, "points."):
			key := strings.TrimPrefix(name, "points.")
			cols[i] = func(c *decoded, v string) error {
				if c.Points == nil {
					c.Points = &c.points
				}
				return pointsCell(c.Points, key, v)
			}
		default:
			return nil, fmt.Errorf("%s:1: unknown column %q (want person, role, scorecard.*, pay.*, points.*, red_lines)", file, name)
		}
	}
	return cols, nil
}

// one decodes and computes one row.
func one(h *policy.Handbook, period engine.Period, file string, n int, header []string, cols []cell, cards map[string]int, rec []string, c *decoded) (Row, []RowError) {
	var errs []RowError
	bad := func(column, format string, args ...any) {
		errs = append(errs, RowError{File: file, Row: n, Column: column, Reason: fmt.Sprintf(format, args...)})
	}
	if len(rec) != len(header) {
		bad("", "%d cells, the header has %d", len(rec), len(header))
		return Row{Err: errs[0].Reason}, errs
	}
	c.reset(period, cards)
	for i, v := range rec {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if err := cols[i](c, v); err != nil {
			bad(header[i], "%v", err)
		}
	}
	for card, items := range c.Scorecards {
		if len(items) == 0 {
			delete(c.Scorecards, card) // the row gives nothing for this card
		}
	}
	if len(c.Pay) == 0 {
		c.Pay = nil
	}
	if c.Person == "" {
		bad("person", "empty")
	}
	if len(errs) > 0 {
		return Row{Person: c.Person, Role: c.Role, Err: errs[0].String()}, errs
	}
	res, err := engine.Compute(h, c.Case)
	if err != nil {
		bad("", "%v", err)
		return Row{Person: c.Person, Role: c.Role, Err: err.Error()}, errs
	}
	return Row{Person: c.Person, Role: c.Role, Result: res}, nil
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

// scoreColumn resolves a scorecard.CARD.ITEM[.NAME] column to a decoder
// typed by the item's scoring kind.
func scoreColumn(h *policy.Handbook, day time.Time, path []string) (cell, error) {
	if len(path) < 2 || len(path) > 3 {
		return nil, errors.New("want scorecard.CARD.ITEM or scorecard.CARD.ITEM.NAME")
	}
	sc, _ := h.At(policy.KindScorecard, path[0], day).(*policy.Scorecard)
	if sc == nil {
		return nil, fmt.Errorf("no scorecard %q", path[0])
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
		return nil, fmt.Errorf("scorecard %s has no item %q", path[0], path[1])
	}
	switch {
	case it.Scoring == policy.ScoreFormula && len(path) != 3:
		return nil, fmt.Errorf("item %s takes named inputs: scorecard.%s.%s.NAME", it.ID, path[0], path[1])
	case it.Scoring != policy.ScoreFormula && len(path) == 3:
		return nil, fmt.Errorf("item %s has no named inputs", it.ID)
	}
	card, id := path[0], path[1]
	return func(c *decoded, v string) error {
		in := c.Scorecards[card][id]
		switch it.Scoring {
		case policy.ScoreFormula:
			x, err := value(v)
			if err != nil {
				return err
			}
			if in.Named == nil {
				in.Named = map[string]formula.Value{}
			}
			in.Named[path[2]] = x
		case policy.ScoreYesNo:
			x, err := value(v)
			if err != nil || !x.IsBool {
				return fmt.Errorf("item %s is scored yes/no: write true or false", it.ID)
			}
			in.Yes = &x.Bool
		case policy.ScoreLevels:
			l, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("item %s is scored by level: write 1 to 5", it.ID)
			}
			in.Level = l
		case policy.ScoreChoice:
			in.Choice = v
		case policy.ScoreChecklist:
			in.Checks = strings.Split(v, "|")
		default:
			x, err := exact.Parse(v)
			if err != nil {
				return fmt.Errorf("%q is not a number", v)
			}
			in.Value = c.num(x)
		}
		c.Scorecards[card][id] = in
		return nil
	}, nil
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
	head := append([]string{"person", "role", "plan", "score", "k", "total"}, comps...)
	head = append(head, "withheld", "red_lines", "error")
	// Rows are formatted on every core, a block each, and written in order.
	blocks := make([]bytes.Buffer, (len(rows)+blockRows-1)/blockRows+1)
	hw := csv.NewWriter(&blocks[0])
	_ = hw.Write(head) // a bytes.Buffer takes every write
	hw.Flush()
	var wg sync.WaitGroup
	next := make(chan int, len(blocks))
	for b := 1; b < len(blocks); b++ {
		next <- b
	}
	close(next)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range next {
				cw := csv.NewWriter(&blocks[b])
				for _, r := range rows[(b-1)*blockRows : min(b*blockRows, len(rows))] {
					_ = cw.Write(record(comps, len(head), r))
				}
				cw.Flush()
			}
		}()
	}
	wg.Wait()
	for i := range blocks {
		if _, err := w.Write(blocks[i].Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// blockRows is how many rows Write formats at a time on one core.
const blockRows = 2048

// record is one output row: n cells, components placed by comps.
func record(comps []string, n int, r Row) []string {
	rec := make([]string, n)
	rec[0], rec[1] = r.Person, r.Role
	if r.Err != "" {
		rec[n-1] = r.Err
		return rec
	}
	if len(r.Result.Scores) > 0 {
		s := &r.Result.Scores[0]
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
		rec[n-3] = strings.Join(withheld, "|")
		rec[n-2] = strings.Join(lines, "|")
	}
	return rec
}
