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

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/inputs"
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
			d := hd.form.NewEntry()
			var sc engine.Scratch
			for ch := range work {
				ch.rows = make([]Row, len(ch.recs))
				for i := range ch.recs {
					var e []RowError
					ch.rows[i], e = one(h, period, file, hd, &ch.recs[i], d, &sc)
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
	form    *inputs.Form // a column without a header has no field and must stay empty
	person  int
	role    int
	end     int // the offset of the first row in the data
	endLine int // the line the header ends on
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
	hd := &columns{names: names, end: int(cr.InputOffset())}
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
	form, colProblems := inputs.NewForm(h, period, names)
	for _, p := range colProblems {
		problems = append(problems, bad(p.Path, "%s", p.Reason))
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return first[problems[i].Column] < first[problems[j].Column] })
		return nil, &HeaderError{problems}
	}
	hd.form = form
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

// one decodes, checks and computes one row. Every problem of the row is
// reported; a row with a problem is not computed.
func one(h *policy.Handbook, period engine.Period, file string, hd *columns, rec *readRow, c *inputs.Entry, sc *engine.Scratch) (Row, []RowError) {
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
	hd.form.Reset(c)
	decodeErr := map[string]bool{}
	for i, v := range cells[:len(hd.names)] {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if !hd.form.Field(i) {
			bad("", "column %d has no header, yet this row has %q in it", i+1, v)
			continue
		}
		if err := hd.form.Set(c, i, v); err != nil {
			bad(hd.names[i], "%v", err)
			decodeErr[hd.names[i]] = true
		}
	}
	hd.form.Finish(c)
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
		res, err = sc.Compute(h, *c.Case())
	}
	for _, p := range hd.form.Check(c, len(errs) == 0 && err == nil) {
		if !covered(decodeErr, p.Path) {
			bad(p.Path, "%s", p.Reason)
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

// Write writes the computed rows as CSV: person, role, plan, score, K,
// total, one column per component met in any row (plan.component), two per
// standing met in any row (standing.plan.name with the row's label, e.g. 末位,
// and standing.plan.name.measure with the measure looked up; quarterly rows
// of 客服代表 have 末位管理), withheld, red lines and the row's error. A bad row keeps its person and error and no numbers.
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
	stands                  []standing
	withheld, redLines, err string
}

// compAmount is a component's amount in a row.
type compAmount struct {
	key    compKey
	amount string
}

// compKey is a component column: a plan and one of its components (or of
// its standings).
type compKey struct{ plan, name string }

// standing is a standing's label and measure in a row.
type standing struct {
	key            compKey
	label, measure string
}

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
		for _, st := range r.Result.Standings {
			l.stands = append(l.stands, standing{compKey{p.Plan, st.Name}, st.Label, st.Measure.String()})
		}
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
// sorted), two per standing met in any line (standing.plan.name and
// standing.plan.name.measure, sorted), withheld, red lines and error.
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
	standAt := map[compKey]int{}
	var stands []string
	for i := range out {
		for _, st := range out[i].stands {
			if _, ok := standAt[st.key]; !ok {
				standAt[st.key] = 0
				stands = append(stands, "standing."+st.key.plan+"."+st.key.name)
			}
		}
	}
	sort.Strings(stands)
	for k := range standAt {
		standAt[k], _ = slices.BinarySearch(stands, "standing."+k.plan+"."+k.name)
	}
	head := append([]string{"person", "role", "plan", "score", "k", "total"}, comps...)
	for _, st := range stands {
		head = append(head, st, st+".measure")
	}
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
					for _, st := range l.stands {
						at := 6 + len(comps) + 2*standAt[st.key]
						rec[at], rec[at+1] = st.label, st.measure
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
