// Package batch computes a month's pay for a whole department from a CSV
// file: one row per person in, one row per person out with every component.
// A bad row is reported (file, row, column, reason) and kept in the output
// with its error; nothing is dropped and nothing is invented.
//
// Input columns:
//
//	person, role                    who (required)
//	scorecard.CARD.ITEM             an item's input: a number, true/false, a
//	                                level (1–5), a choice id, or check ids
//	                                joined by | (none, or 无, when none is met)
//	scorecard.CARD.ITEM.NAME        a named input of a formula item
//	pay.NAME                        a pay-plan input: a number or true/false
//	points.EVENT                    occurrences of a points event
//	points.award.EVENT              discretionary awards, joined by |
//	points.ladder.LADDER            shortfalls as occurrence:rate[:met=STEPS], joined
//	                                by |; STEPS are the steps whose extra condition
//	                                holds, joined by + (4:68:met=3+4)
//	red_lines                       ids of red lines touched, joined by |
//	leave.case, leave.months        a departure before the end of the service
//	                                period: voluntary (主动) or dismissal (被动),
//	                                and the months served (0–12); both or neither
//	history.YYYY-Qn.score           an earlier quarter of a ledger (quarterly
//	history.YYYY-Qn.pay.NAME        payouts): its score and its pay inputs, so
//	                                that shortfalls and excess carry over
//
// Empty cells are absent inputs. Numbers are plain (1000, -3.5), in the unit
// of their input: no thousands separators, no %, no exponent; true/false
// may be written 是/否. A column whose header is empty must stay empty; a
// line of nothing but commas or spaces is skipped. A row is named by the
// line it starts on.
package batch

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// RowError is a problem with one row (and, where known, one column).
type RowError struct {
	File   string
	Row    int    // the line the row starts on, the header being line 1
	Column string // the column's header, or "" for the whole row
	Reason string
}

func (e RowError) String() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Row, e.local())
}

// local is the problem without file and row, as the row's error cell says it.
func (e RowError) local() string {
	if e.Column == "" {
		return e.Reason
	}
	return fmt.Sprintf("column %s: %s", e.Column, e.Reason)
}

// HeaderError is a header row the file cannot be read with: every problem
// with it, each at row 1.
type HeaderError struct {
	Problems []RowError
}

// Error lists the header's problems, one per line.
func (e *HeaderError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Row is one computed person.
type Row struct {
	Person, Role string // as the row gives them
	Result       engine.Result
	Err          string // the row's problems, when it could not be computed

	c *engine.Case // decoded, not yet computed
}

// Run reads the people of one period from r and computes each row. It
// returns every row (computed or with its error) and the row errors. Rows
// are numbered by the line they start on, which is the spreadsheet's row
// unless a quoted cell spans lines. A header the rows cannot be read with
// is a *HeaderError; any other error is reading r's.
//
// Nothing is dropped: a line the CSV reader refuses (a stray quote) is a
// row of its own with its error, its person and role read leniently, and
// reading goes on at the next line. Nothing passes silently: a row whose
// input the pay plan would refuse or leave unused, a second row for the
// same person, a role without a pay plan and a period in which the plan
// pays nothing are errors of their row, every one at once.
func Run(h *policy.Handbook, period engine.Period, file string, r io.Reader) ([]Row, []RowError, error) {
	chunks, errs, err := runChunks(h, period, file, r, false)
	if err != nil {
		return nil, nil, err
	}
	rows, lines := gather(chunks, func(ch *chunk) []Row { return ch.rows })
	for _, d := range samePerson(file, rows, func(r *Row) string { return r.Person }, lines) {
		errs = append(errs, d.err)
		rows[d.row].Result = engine.Result{}
		rows[d.row].Err = prefixErr(d.err.local(), rows[d.row].Err)
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Row < errs[j].Row })
	return rows, errs, nil
}

// Summary counts the rows of a payout.
type Summary struct {
	Rows, Failed int
}

// Pay is Run followed by Write, for large files: each worker turns its
// computed rows into their output cells at once, so that no result is kept
// beyond its chunk. The output is the same as Write's for Run's rows.
func Pay(h *policy.Handbook, period engine.Period, file string, r io.Reader, w io.Writer) (Summary, []RowError, error) {
	chunks, errs, err := runChunks(h, period, file, r, true)
	if err != nil {
		return Summary{}, nil, err
	}
	out, lines := gather(chunks, func(ch *chunk) []outLine { return ch.out })
	for _, d := range samePerson(file, out, func(l *outLine) string { return l.cells[0] }, lines) {
		errs = append(errs, d.err)
		out[d.row] = failedLine(out[d.row], prefixErr(d.err.local(), out[d.row].err))
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Row < errs[j].Row })
	sum := Summary{Rows: len(out)}
	for i := range out {
		if out[i].err != "" {
			sum.Failed++
		}
	}
	return sum, errs, writeLines(w, out)
}

// gather puts the chunks' rows (or lines) back in file order, with the
// line each starts on.
func gather[T any](chunks []*chunk, items func(*chunk) []T) ([]T, []int) {
	n := 0
	for _, ch := range chunks {
		n += len(ch.recs)
	}
	all, lines := make([]T, 0, n), make([]int, 0, n)
	for _, ch := range chunks {
		all = append(all, items(ch)...)
		for _, rec := range ch.recs {
			lines = append(lines, rec.line)
		}
	}
	return all, lines
}

// prefixErr puts a reason before a row's other reasons.
func prefixErr(reason, rest string) string {
	if rest == "" {
		return reason
	}
	return reason + "; " + rest
}

// chunk is a run of rows read together and computed on one core.
type chunk struct {
	recs []readRow
	rows []Row     // the computed rows (Run)
	out  []outLine // or their output cells (Pay)
	errs []RowError
}

// runChunks reads the rows of a payout file and computes them on every
// core as they arrive, in chunks, which it returns in order with the row
// errors. With compact, each chunk keeps its rows' output cells instead of
// the rows.
func runChunks(h *policy.Handbook, period engine.Period, file string, r io.Reader, compact bool) ([]*chunk, []RowError, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a spreadsheet's byte-order mark
	hd, err := readHeader(h, period, file, data)
	if err != nil {
		return nil, nil, err
	}
	const size = 512
	var (
		chunks []*chunk
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
				for i := range ch.recs {
					var e []RowError
					ch.rows[i], e = one(h, period, file, hd, &ch.recs[i], &d)
					ch.errs = append(ch.errs, e...)
				}
				if compact {
					ch.out = make([]outLine, len(ch.rows))
					for i := range ch.rows {
						ch.out[i] = lineOf(ch.rows[i])
					}
					ch.rows = nil
				}
				for i := range ch.recs {
					ch.recs[i].cells = nil // only the line numbers are needed from here on
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
	records(data, hd.end, hd.endLine, len(hd.names), func(rec readRow) {
		cur.recs = append(cur.recs, rec)
		if len(cur.recs) == size {
			flush()
		}
	})
	flush()
	close(work)
	wg.Wait()
	var errs []RowError
	for _, ch := range chunks {
		errs = append(errs, ch.errs...)
	}
	return chunks, errs, nil
}

// duplicate is a row of a person who has more than one row.
type duplicate struct {
	row int // index among the rows
	err RowError
}

// samePerson finds every row of a person who has more than one row: each
// would be paid, so each becomes an error.
func samePerson[T any](file string, rows []T, person func(*T) string, lines []int) []duplicate {
	// Most people have one row: remember the first, list only the others.
	first := make(map[string]int, len(rows))
	at := map[string][]int{}
	for i := range rows {
		p := strings.TrimSpace(person(&rows[i]))
		if p == "" {
			continue
		}
		if j, seen := first[p]; !seen {
			first[p] = i
		} else if at[p] == nil {
			at[p] = []int{j, i}
		} else {
			at[p] = append(at[p], i)
		}
	}
	var out []duplicate
	for p, is := range at { // every entry has two rows or more
		var where []string
		for _, i := range is {
			where = append(where, strconv.Itoa(lines[i]))
		}
		rowsAt := strings.Join(where[:len(where)-1], ", ") + " and " + where[len(where)-1]
		for _, i := range is {
			out = append(out, duplicate{i, RowError{File: file, Row: lines[i], Column: "person",
				Reason: fmt.Sprintf("%s is on rows %s: one row per person (tell people of the same name apart in this column)", p, rowsAt)}})
		}
	}
	return out
}

// readRow is one row as read: its cells, the line it starts on, and the
// CSV reader's complaint when it refused the line.
type readRow struct {
	cells []string
	line  int
	bad   string // why the CSV reader refused the line
	field int    // the cell it refused, or -1
}

// columns is a resolved header row.
type columns struct {
	names   []string
	cols    []cell // nil for a column without a header, which must stay empty
	person  int
	role    int
	cards   map[string]int // items per scorecard ("" counts the pay inputs)
	end     int            // the offset of the first row in the data
	endLine int            // the line the header ends on
}

// readHeader reads and resolves the header row, reporting every problem
// with it at once.
func readHeader(h *policy.Handbook, period engine.Period, file string, data []byte) (*columns, error) {
	bad := func(column, format string, args ...any) RowError {
		return RowError{File: file, Row: 1, Column: column, Reason: fmt.Sprintf(format, args...)}
	}
	cr := reader(data)
	names, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &HeaderError{[]RowError{bad("", "the file is empty: want a header row naming the columns, starting person,role")}}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return nil, &HeaderError{[]RowError{bad("", "malformed CSV on line %d, byte %d: %s", pe.Line, pe.Column, reason(pe.Err))}}
	}
	if err != nil {
		return nil, err
	}
	hd := &columns{names: names, cards: map[string]int{}, end: int(cr.InputOffset())}
	hd.endLine = bytes.Count(data[:hd.end], []byte("\n"))
	var problems []RowError
	first := map[string]int{}
	for i, name := range names {
		name = strings.TrimSpace(name)
		names[i] = name
		if name == "" {
			continue
		}
		if j, dup := first[name]; dup {
			problems = append(problems, bad(name, "appears twice, as columns %d and %d", j+1, i+1))
			continue
		}
		first[name] = i
	}
	if _, ok := first["person"]; !ok {
		problems = append(problems, bad("", `no "person" column`))
	}
	if _, ok := first["role"]; !ok {
		problems = append(problems, bad("", `no "role" column`))
	}
	hd.person, hd.role = first["person"], first["role"]
	cols, colProblems := resolve(h, period, names)
	for _, p := range colProblems {
		problems = append(problems, bad(p.column, "%s", p.reason))
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return first[problems[i].Column] < first[problems[j].Column] })
		return nil, &HeaderError{problems}
	}
	hd.cols = cols
	for _, name := range names {
		if rest, ok := strings.CutPrefix(name, "scorecard."); ok {
			card, _, _ := strings.Cut(rest, ".")
			hd.cards[card]++
		}
		if strings.HasPrefix(name, "pay.") {
			hd.cards[""]++ // the pay inputs
		}
	}
	return hd, nil
}

// reader is the CSV reader of a people file.
func reader(data []byte) *csv.Reader {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	return cr
}

// records calls f with every row of data after the header (which ends at
// offset end, on line endLine, and has width columns), in order. A line the CSV reader refuses is
// a row of its own, with its problem and its cells read leniently; reading
// goes on at the line after it, so that an unclosed quote never swallows
// the rows below it.
func records(data []byte, end, endLine, width int, f func(readRow)) {
	var starts []int // the offset of each line, made on the first refusal
	off, base := end, endLine
	for off < len(data) {
		cr := reader(data[off:])
		for {
			cells, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			if err == nil && blank(cells) {
				continue // a line of spaces or of commas alone, as spreadsheets leave below the rows
			}
			if err == nil {
				line, _ := cr.FieldPos(0)
				f(readRow{cells: cells, line: base + line, field: -1})
				continue
			}
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return // reading from memory fails only by parsing
			}
			if starts == nil {
				starts = lineStarts(data)
			}
			line := base + pe.StartLine
			raw := data[starts[line-1]:]
			if next := line; next < len(starts) {
				raw = data[starts[line-1]:starts[next]]
			}
			rec := readRow{cells: lenient(raw, width), line: line, bad: "malformed CSV: " + reason(pe.Err), field: -1}
			if pe.Line == pe.StartLine {
				rec.field = len(lenient(raw[:min(max(pe.Column-1, 0), len(raw))], 0)) - 1
			}
			f(rec)
			if line >= len(starts) {
				return
			}
			off, base = starts[line], line
			break
		}
	}
}

// blank reports whether every cell is empty or spaces.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// lineStarts returns the offset at which each line of data starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lenient reads one line's cells as best it can: quotes are kept where the
// CSV reader refused them. When that does not give width cells (an
// unclosed quote takes the rest of the line), the line is cut at every
// comma, if that does.
func lenient(line []byte, width int) []string {
	line = bytes.TrimRight(line, "\r\n")
	cr := csv.NewReader(bytes.NewReader(line))
	cr.FieldsPerRecord, cr.LazyQuotes = -1, true
	cells, _ := cr.Read()
	if width > 0 && len(cells) != width {
		if cut := strings.Split(string(line), ","); len(cut) == width {
			return cut
		}
	}
	return cells
}

// reason says a CSV parse error in words that say how to mend it.
func reason(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return `a " inside a cell that does not start with one; quote the cell and double its quotes, e.g. "张""三"`
	case errors.Is(err, csv.ErrQuote):
		return `a quoted cell is not closed, or has text after its closing "; double a " inside a quoted cell`
	}
	return err.Error()
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

// leaveCases reads a leave.case cell.
var leaveCases = map[string]string{"voluntary": "voluntary", "主动": "voluntary", "dismissal": "dismissal", "被动": "dismissal"}

// leave returns the row's departure, made on first use; Months is -1 until
// a leave.months cell gives it.
func (d *decoded) leave() *engine.Leave {
	if d.Leave == nil {
		d.Leave = &engine.Leave{Months: -1}
	}
	return d.Leave
}

// quarter returns the row's earlier quarter with this label, made on first
// use; quarters are kept oldest first.
func (d *decoded) quarter(label string) *engine.Quarter {
	for i := range d.History {
		if d.History[i].Label == label {
			return &d.History[i]
		}
	}
	i, _ := slices.BinarySearchFunc(d.History, label, func(q engine.Quarter, l string) int { return strings.Compare(q.Label, l) })
	d.History = slices.Insert(d.History, i, engine.Quarter{Label: label, Values: map[string]formula.Value{}})
	return &d.History[i]
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
	d.nums = append(d.nums, x) // a growing slice moves, but the pointers given before stay valid
	return &d.nums[len(d.nums)-1]
}

// colProblem is a problem with a column's header.
type colProblem struct{ column, reason string }

// resolve turns each column header into its decoder, once per file, and
// reports every header no policy in effect on the period's settlement day
// has a use for. A column without a header has no decoder.
func resolve(h *policy.Handbook, period engine.Period, header []string) ([]cell, []colProblem) {
	day := period.Settled()
	var problems []colProblem
	cols := make([]cell, len(header))
	for i, name := range header {
		switch {
		case name == "":
		case name == "person":
			cols[i] = func(c *decoded, v string) error { c.Person = v; return nil }
		case name == "role":
			cols[i] = func(c *decoded, v string) error { c.Role = v; return nil }
		case name == "red_lines":
			cols[i] = func(c *decoded, v string) error {
				ids, err := split(v, "red line id")
				c.RedLines = ids
				return err
			}
		case strings.HasPrefix(name, "pay."):
			key := strings.TrimPrefix(name, "pay.")
			if !payInput(h, day, key) {
				problems = append(problems, colProblem{name, fmt.Sprintf("no pay plan in effect on %s has an input %q", day.Format("2006-01-02"), key)})
				continue
			}
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
				problems = append(problems, colProblem{name, err.Error()})
				continue
			}
			cols[i] = f
		case strings.HasPrefix(name, "points."):
			key := strings.TrimPrefix(name, "points.")
			if err := pointsColumn(h, day, key); err != nil {
				problems = append(problems, colProblem{name, err.Error()})
				continue
			}
			cols[i] = func(c *decoded, v string) error {
				if c.Points == nil {
					c.Points = &c.points
				}
				return pointsCell(c.Points, key, v)
			}
		case name == "leave.case":
			cols[i] = func(c *decoded, v string) error {
				lc, ok := leaveCases[v]
				if !ok {
					return fmt.Errorf("%q: write voluntary (主动) or dismissal (被动)", v)
				}
				c.leave().Case = lc
				return nil
			}
		case name == "leave.months":
			cols[i] = func(c *decoded, v string) error {
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 || n > 12 || strings.HasPrefix(v, "+") {
					return fmt.Errorf("%q: write the months served, 0 to 12", v)
				}
				c.leave().Months = n
				return nil
			}
		case strings.HasPrefix(name, "history."):
			f, err := historyColumn(period, strings.TrimPrefix(name, "history."))
			if err != nil {
				problems = append(problems, colProblem{name, err.Error()})
				continue
			}
			cols[i] = f
		default:
			problems = append(problems, colProblem{name, "unknown column (want person, role, scorecard.*, pay.*, points.*, red_lines, leave.case, leave.months, history.*)"})
		}
	}
	return cols, problems
}

// historyColumn resolves a history.QUARTER.score or history.QUARTER.pay.NAME
// column: an earlier quarter of a ledger, which the ledger needs to carry
// shortfalls and excess into the quarter paid.
func historyColumn(period engine.Period, rest string) (cell, error) {
	label, field, _ := strings.Cut(rest, ".")
	q, err := engine.ParsePeriod(label)
	switch {
	case err != nil || q.Kind != "quarterly":
		return nil, fmt.Errorf("want history.YYYY-Qn.score or history.YYYY-Qn.pay.NAME, not history.%s", rest)
	case period.Kind != "quarterly":
		return nil, fmt.Errorf("earlier quarters are given only for a quarterly payout, not for %s", period)
	case !q.Start().Before(period.Start()):
		return nil, fmt.Errorf("%s is not before the quarter paid, %s", q, period)
	}
	name, isPay := strings.CutPrefix(field, "pay.")
	if field != "score" && (!isPay || name == "") {
		return nil, fmt.Errorf("want history.%s.score or history.%s.pay.NAME", label, label)
	}
	return func(c *decoded, v string) error {
		hq := c.quarter(q.String())
		if field == "score" {
			x, err := number(v)
			if err != nil {
				return err
			}
			if x.Sign() < 0 || x.Cmp(exact.FromInt(100)) > 0 {
				return fmt.Errorf("%s: a score is 0 to 100", v)
			}
			hq.Score = &x
			return nil
		}
		x, err := value(v)
		if err != nil {
			return err
		}
		hq.Values[name] = x
		return nil
	}, nil
}

// inEffect returns the policies of kind k in effect on day, one version each.
func inEffect(h *policy.Handbook, k policy.Kind, day time.Time) []policy.Policy {
	seen := map[string]bool{}
	var out []policy.Policy
	for _, p := range h.All() {
		hd := p.Head()
		if hd.Kind != k || seen[hd.ID] {
			continue
		}
		seen[hd.ID] = true
		if at := h.At(k, hd.ID, day); at != nil {
			out = append(out, at)
		}
	}
	return out
}

// payInput reports whether a pay plan in effect on day has the input name.
func payInput(h *policy.Handbook, day time.Time, name string) bool {
	for _, p := range inEffect(h, policy.KindPayPlan, day) {
		for _, in := range p.(*policy.PayPlan).Input {
			if in.Name == name {
				return true
			}
		}
	}
	return false
}

// pointsColumn checks that a points system in effect on day has what a
// points.EVENT, points.award.EVENT or points.ladder.LADDER column names.
func pointsColumn(h *policy.Handbook, day time.Time, key string) error {
	systems := inEffect(h, policy.KindPoints, day)
	award, isAward := strings.CutPrefix(key, "award.")
	ladder, isLadder := strings.CutPrefix(key, "ladder.")
	for _, p := range systems {
		ps := p.(*policy.Points)
		for _, e := range ps.Event {
			switch {
			case isAward && e.ID == award && e.Discretionary, !isAward && !isLadder && e.ID == key && !e.Discretionary:
				return nil
			case !isAward && !isLadder && e.ID == key:
				return fmt.Errorf("event %s is discretionary: give its awards' points in points.award.%s", key, key)
			}
		}
		for _, l := range ps.Ladder {
			if isLadder && l.ID == ladder {
				return nil
			}
		}
	}
	switch {
	case isAward:
		return fmt.Errorf("no points system in effect on %s has a discretionary event %q", day.Format("2006-01-02"), award)
	case isLadder:
		return fmt.Errorf("no points system in effect on %s has a ladder %q", day.Format("2006-01-02"), ladder)
	}
	return fmt.Errorf("no points system in effect on %s has an event %q", day.Format("2006-01-02"), key)
}

// one decodes, checks and computes one row. Every problem of the row is
// reported; a row with a problem is not computed.
func one(h *policy.Handbook, period engine.Period, file string, hd *columns, rec *readRow, c *decoded) (Row, []RowError) {
	var errs []RowError
	bad := func(column, format string, args ...any) {
		errs = append(errs, RowError{File: file, Row: rec.line, Column: column, Reason: fmt.Sprintf(format, args...)})
	}
	cells := rec.cells
	var row Row
	if hd.person < len(cells) {
		row.Person = cells[hd.person]
	}
	if hd.role < len(cells) {
		row.Role = strings.TrimSpace(cells[hd.role])
	}
	switch {
	case rec.bad != "":
		column := ""
		if rec.field >= 0 && rec.field < len(hd.names) {
			column = hd.names[rec.field]
		}
		bad(column, "%s", rec.bad)
		return failed(row, errs)
	case len(cells) < len(hd.names):
		bad("", "%d cells, the header has %d: a cell is missing, or a line break splits the row", len(cells), len(hd.names))
		return failed(row, errs)
	}
	for i := len(hd.names); i < len(cells); i++ {
		if v := strings.TrimSpace(cells[i]); v != "" {
			bad("", "cell %d (%q) is beyond the header's %d columns", i+1, v, len(hd.names))
		}
	}
	c.reset(period, hd.cards)
	decodeErr := map[string]bool{}
	for i, v := range cells[:len(hd.names)] {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if hd.cols[i] == nil {
			bad("", "column %d has no header, yet this row has %q in it", i+1, v)
			continue
		}
		if err := hd.cols[i](c, v); err != nil {
			bad(hd.names[i], "%v", err)
			decodeErr[hd.names[i]] = true
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
	if c.Role == "" {
		bad("role", "empty")
		decodeErr["role"] = true
	}
	if l := c.Leave; l != nil && (l.Case == "" || l.Months < 0) && !decodeErr["leave.case"] && !decodeErr["leave.months"] {
		bad("leave.case", "a departure needs both leave.case and leave.months")
	}
	// A row that decoded is computed first; the checks then look only for
	// what computing cannot see, unless computing failed, when they place
	// its reasons at their columns.
	var res engine.Result
	var err error
	if len(errs) == 0 {
		res, err = engine.Compute(h, c.Case)
	}
	for _, e := range check(h, period, hd, c, len(errs) == 0 && err == nil) {
		if !covered(decodeErr, e.Column) {
			bad(e.Column, "%s", e.Reason)
		}
	}
	if len(errs) > 0 {
		return failed(row, errs)
	}
	if err != nil {
		bad("", "%v", err)
		return failed(row, errs)
	}
	row.Result = res
	return row, nil
}

// covered reports whether a problem at column is one already reported at
// a column it names or contains (a cell that could not be read is also
// missing from its scorecard).
func covered(decodeErr map[string]bool, column string) bool {
	for c := range decodeErr {
		if c == column || strings.HasPrefix(c, column+".") {
			return true
		}
	}
	return false
}

// failed is a row that could not be computed, with all its problems.
func failed(row Row, errs []RowError) (Row, []RowError) {
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.local()
	}
	row.Err = strings.Join(msgs, "; ")
	return row, errs
}

// check checks a decoded row against its role and pay plan (see
// cases.Check) and places each problem at its column. For a payout, a role
// must have a pay plan, and a scorecard the plan does not use in the period
// is refused: its score would be computed and shown nowhere.
func check(h *policy.Handbook, period engine.Period, hd *columns, c *decoded, computed bool) []RowError {
	var out []RowError
	at := func(column, reason string) { out = append(out, RowError{Column: column, Reason: reason}) }
	d := period.Settled()
	unused := map[string]bool{}
	if role, _ := h.At(policy.KindRole, c.Role, d).(*policy.Role); role != nil {
		if role.PayPlan == "" {
			at("role", fmt.Sprintf("role %s has no pay plan: there is no pay to compute", role.ID))
			return out
		}
		if plan, _ := h.At(policy.KindPayPlan, role.PayPlan, d).(*policy.PayPlan); plan != nil && plan.Lines(period.Kind) > 0 {
			for card := range c.Scorecards { // sorted below
				if slices.Contains(role.Scorecards, card) && !usesCard(plan, period.Kind, card) {
					at("scorecard."+card, fmt.Sprintf("pay plan %s does not use scorecard %s in this settlement (%s)", plan.ID, card, period.Kind))
					unused[card] = true
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Column < out[j].Column })
	checkCase := cases.Check
	if computed {
		checkCase = cases.CheckComputed
	}
	for _, p := range checkCase(h, &c.Case) {
		if len(p.Path) >= 2 && p.Path[0] == "scorecard" && unused[p.Path[1]] {
			continue
		}
		reason := p.Message
		if len(p.Path) == 1 && p.Path[0] == "points" && c.Points == nil {
			reason += " (write 0 in a points.* cell for a month without events)"
		}
		if len(p.Path) == 1 && p.Path[0] == "period" {
			reason += fmt.Sprintf(" (--period %s)", period)
		}
		at(column(hd, c, p.Path), reason)
	}
	return out
}

// usesCard reports whether a plan uses a scorecard's total in a period:
// as its score, or as an input that names the scorecard.
func usesCard(plan *policy.PayPlan, period, card string) bool {
	if card == plan.Scorecard && engine.UsesScore(plan, period) {
		return true
	}
	for _, def := range plan.Input {
		if def.Scorecard == card && plan.Uses(period, def.Name) {
			return true
		}
	}
	return false
}

// column names the column of a case input path (see cases.Problem).
func column(hd *columns, c *decoded, path []string) string {
	switch path[0] {
	case "role", "red_lines":
		return path[0]
	case "leave":
		if len(path) > 1 && path[1] == "months" {
			return "leave.months"
		}
		return "leave.case"
	case "history":
		// ["history", N, "pay", NAME], ["history", N, "score"] or ["history", N, "period"]
		i, err := strconv.Atoi(path[min(1, len(path)-1)])
		if err != nil || i >= len(c.History) || len(path) < 3 {
			return "history"
		}
		col := "history." + c.History[i].Label + "." + strings.Join(path[2:], ".")
		if path[2] == "period" {
			return "history." + c.History[i].Label
		}
		return col
	case "pay":
		if len(path) > 1 {
			return "pay." + path[1]
		}
		return "pay"
	case "scorecard":
		col := strings.Join(path, ".")
		if len(path) == 4 && !slices.Contains(hd.names, col) {
			if _, err := strconv.Atoi(path[3]); err == nil {
				return strings.Join(path[:3], ".") // a check of a checklist
			}
		}
		return col // for a named input of a formula item, the column to add
	case "points":
		switch {
		case len(path) < 3:
			return "points"
		case path[1] == "events":
			return "points." + path[2]
		case path[1] == "awards":
			return "points.award." + path[2]
		case path[1] == "shortfalls":
			if i, err := strconv.Atoi(path[2]); err == nil && c.Points != nil && i < len(c.Points.Shortfalls) {
				return "points.ladder." + c.Points.Shortfalls[i].Ladder
			}
		}
		return "points"
	}
	return ""
}

// value reads a number or true/false (是/否).
func value(s string) (formula.Value, error) {
	switch s {
	case "true", "是":
		return formula.Value{Bool: true, IsBool: true}, nil
	case "false", "否":
		return formula.Value{IsBool: true}, nil
	}
	if strings.HasSuffix(s, "%") {
		_, err := number(s)
		return formula.Value{}, err
	}
	x, err := exact.Parse(s)
	if err != nil {
		return formula.Value{}, fmt.Errorf("%q is not a plain number (%s) nor true or false", s, plainNumber)
	}
	return formula.Value{Num: x}, nil
}

// number reads a plain decimal number, in the unit of its input.
func number(s string) (exact.Decimal, error) {
	if strings.HasSuffix(s, "%") {
		return exact.Decimal{}, fmt.Errorf("%q: write the number without %%, in the unit of the input (%s for %s)", s, strings.TrimSuffix(s, "%"), s)
	}
	x, err := exact.Parse(s)
	if err != nil {
		return exact.Decimal{}, fmt.Errorf("%q is not a plain number (%s)", s, plainNumber)
	}
	return x, nil
}

// plainNumber says how to write a number.
const plainNumber = "digits, a leading - and a decimal point: 1000, -3.5; no separators, + or exponent"

// count reads a whole number of at least min, written in digits only.
func count(s string, min int) (int, bool) {
	if s == "" || strings.Trim(s, "0123456789") != "" || len(s) > 9 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= min
}

// split splits a cell of ids joined by |, refusing an empty id.
func split(v, what string) ([]string, error) {
	ids := strings.Split(v, "|")
	for i := range ids {
		ids[i] = strings.TrimSpace(ids[i])
		if ids[i] == "" {
			return nil, fmt.Errorf("%q: an empty %s (join them by a single |)", v, what)
		}
	}
	return ids, nil
}

// scoreColumn resolves a scorecard.CARD.ITEM[.NAME] column to a decoder
// typed by the item's scoring kind.
func scoreColumn(h *policy.Handbook, day time.Time, path []string) (cell, error) {
	if len(path) < 2 || len(path) > 3 {
		return nil, errors.New("want scorecard.CARD.ITEM or scorecard.CARD.ITEM.NAME")
	}
	sc, _ := h.At(policy.KindScorecard, path[0], day).(*policy.Scorecard)
	if sc == nil {
		return nil, fmt.Errorf("no scorecard %q in effect on %s", path[0], day.Format("2006-01-02"))
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
	case it.Scoring == policy.ScoreFormula && !slices.ContainsFunc(it.Inputs, func(in policy.Input) bool { return in.Name == path[2] }):
		return nil, fmt.Errorf("item %s has no input %q", it.ID, path[2])
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
			l, ok := count(v, 1)
			if !ok || l > 5 {
				return fmt.Errorf("item %s is scored by level: write 1 to 5", it.ID)
			}
			in.Level = l
		case policy.ScoreChoice:
			in.Choice = v
		case policy.ScoreChecklist:
			if v == "none" || v == "无" {
				in.Checks = []string{}
				break
			}
			ids, err := split(v, "check id")
			if err != nil {
				return err
			}
			in.Checks = ids
		default:
			x, err := number(v)
			if err != nil {
				return err
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
		id := strings.TrimPrefix(name, "award.")
		parts, err := split(v, "award")
		if err != nil {
			return err
		}
		for _, s := range parts {
			x, err := number(s)
			if err != nil {
				return err
			}
			p.Awards[id] = append(p.Awards[id], x)
		}
	case strings.HasPrefix(name, "ladder."):
		parts, err := split(v, "shortfall")
		if err != nil {
			return err
		}
		for _, s := range parts {
			f := strings.Split(s, ":")
			if len(f) == 3 && f[2] == "met" {
				return fmt.Errorf("%q: name the steps whose extra condition holds, e.g. 3:66:met=3 or 4:68:met=3+4", s)
			}
			if len(f) < 2 || len(f) > 3 || (len(f) == 3 && !strings.HasPrefix(f[2], "met=")) {
				return fmt.Errorf("%q: want occurrence:rate or occurrence:rate:met=STEPS, e.g. 2:62 or 4:68:met=3+4", s)
			}
			occ, ok := count(f[0], 1)
			if !ok {
				return fmt.Errorf("%q: the occurrence %q is not 1, 2, 3 …", s, f[0])
			}
			rate, err := number(f[1])
			if err != nil {
				return fmt.Errorf("%q: the rate: %w", s, err)
			}
			var met []int
			if len(f) == 3 {
				for _, x := range strings.Split(strings.TrimPrefix(f[2], "met="), "+") {
					n, ok := count(x, 1)
					if !ok {
						return fmt.Errorf("%q: the step %q in met= is not 1, 2, 3 … (steps are joined by +)", s, x)
					}
					met = append(met, n)
				}
			}
			p.Shortfalls = append(p.Shortfalls, engine.LadderShortfall{Ladder: strings.TrimPrefix(name, "ladder."),
				Occurrence: occ, Rate: rate, Met: met})
		}
	default:
		n, ok := count(v, 0)
		if !ok {
			return fmt.Errorf("%q is not a count (0, 1, 2 …)", v)
		}
		p.Events[name] = n
	}
	return nil
}

// Write writes the computed rows as CSV: person, role, plan, score, K,
// total, one column per component met in any row (plan.component), and the
// row's error. A bad row keeps its person and error and no numbers.
func Write(w io.Writer, rows []Row) error {
	out := make([]outLine, len(rows))
	for i := range rows {
		out[i] = lineOf(rows[i])
	}
	return writeLines(w, out)
}

// outLine is a row's output before the component columns are known: its
// fixed cells and its components' amounts.
type outLine struct {
	cells                   [6]string // person, role, plan, score, k, total
	comps                   []compAmount
	withheld, redLines, err string
}

// compAmount is a component's amount in a row.
type compAmount struct {
	key    compKey
	amount string
}

// compKey is a component column: a plan and one of its components.
type compKey struct{ plan, name string }

// lineOf formats a row's cells.
func lineOf(r Row) outLine {
	l := outLine{err: r.Err}
	l.cells[0], l.cells[1] = r.Person, r.Role
	if r.Err != "" {
		return l
	}
	if len(r.Result.Scores) > 0 {
		s := &r.Result.Scores[0]
		l.cells[3] = s.Total.String()
		if s.K != nil {
			l.cells[4] = s.K.String()
		}
	}
	if r.Result.Points != nil {
		l.cells[3] = r.Result.Points.Total.String()
	}
	if p := r.Result.Pay; p != nil {
		l.cells[2] = p.Plan
		l.cells[5] = p.Total.String()
		l.comps = make([]compAmount, len(p.Components))
		var withheld, lines []string
		for i, c := range p.Components {
			l.comps[i] = compAmount{compKey{p.Plan, c.Name}, c.Amount.String()}
			if c.Withheld {
				withheld = append(withheld, c.Name)
			}
		}
		for _, rl := range p.RedLines {
			lines = append(lines, rl.ID)
		}
		l.withheld = strings.Join(withheld, "|")
		l.redLines = strings.Join(lines, "|")
	}
	return l
}

// failedLine is a line turned into an error: its person and role, and the
// reason.
func failedLine(l outLine, reason string) outLine {
	return outLine{cells: [6]string{l.cells[0], l.cells[1]}, err: reason}
}

// writeLines writes the header and the lines: person, role, plan, score,
// K, total, one column per component met in any line (plan.component,
// sorted), withheld, red lines and error.
func writeLines(w io.Writer, out []outLine) error {
	seen := map[compKey]int{}
	var keys []compKey
	for i := range out {
		for _, c := range out[i].comps {
			if _, ok := seen[c.key]; !ok {
				seen[c.key] = 0
				keys = append(keys, c.key)
			}
		}
	}
	comps := make([]string, len(keys))
	for i, k := range keys {
		comps[i] = k.plan + "." + k.name
	}
	sort.Strings(comps)
	for _, k := range keys {
		seen[k], _ = slices.BinarySearch(comps, k.plan+"."+k.name)
	}
	head := append([]string{"person", "role", "plan", "score", "k", "total"}, comps...)
	head = append(head, "withheld", "red_lines", "error")
	// Lines are formatted on every core, a block each, and written in order.
	blocks := make([]bytes.Buffer, (len(out)+blockRows-1)/blockRows+1)
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
			rec := make([]string, len(head))
			for b := range next {
				cw := csv.NewWriter(&blocks[b])
				for i := (b - 1) * blockRows; i < min(b*blockRows, len(out)); i++ {
					l := &out[i]
					clear(rec)
					copy(rec, l.cells[:])
					for _, c := range l.comps {
						rec[6+seen[c.key]] = c.amount
					}
					n := len(rec)
					rec[n-3], rec[n-2], rec[n-1] = l.withheld, l.redLines, l.err
					_ = cw.Write(rec)
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

// blockRows is how many rows are formatted at a time on one core.
const blockRows = 2048
