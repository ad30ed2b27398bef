package batch

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/policy"
)

// RowError is a problem with one row (and, where known, one column).
type RowError struct {
	File   string
	Row    int    // the line the row starts on, the header being line 1
	Column string // the column as the header names it, or "" for the whole row
	Reason string // in English
	Zh     string // the reason in Chinese
}

// String formats the problem as file:row: reason, in English.
func (e RowError) String() string { return e.In(diag.English) }

// In formats the problem as String does, in language l; the column is
// named as the header names it in both.
func (e RowError) In(l diag.Lang) string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Row, e.local().In(l))
}

// local is the problem without file and row, as the row's error cell says it.
func (e RowError) local() diag.Text {
	reason := diag.Text{En: e.Reason, Zh: e.Zh}
	if e.Column == "" {
		return reason
	}
	return zh.Sprintf("column %s: %s", e.Column, reason)
}

// rowError is a RowError whose reason is a message of the catalog.
func rowError(file string, row int, column, format string, args ...any) RowError {
	t := zh.Sprintf(format, args...)
	return RowError{File: file, Row: row, Column: column, Reason: t.En, Zh: t.Zh}
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

// Zh is Error in Chinese.
func (e *HeaderError) Zh() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.In(diag.Chinese)
	}
	return strings.Join(lines, "\n")
}

// Row is one computed person.
type Row struct {
	Person, Role string // as the row gives them
	Result       engine.Result
	Err          string    // the row's problems, when it could not be computed
	ErrZh        string    // Err in Chinese
	role         *roleInfo // what the role cell names
	line         int       // the line the row starts on
}

// Config says how a payout reads its file and writes its output. The zero
// Config detects the file's encoding, writes UTF-8 with a byte-order mark
// (Excel opens it by double-click) and ends the output with totals.
type Config struct {
	Encoding Encoding // of the people file and of the output
	NoTotals bool     // leave out the totals rows
	// JSON writes a wire.Payout document (UTF-8, whatever Encoding says)
	// instead of CSV.
	JSON bool
	// Lang is the language of the rows' error cells: Chinese, the
	// clerk's, unless English is asked for.
	Lang diag.Lang
}

// Summary counts the rows of a payout.
type Summary struct {
	Rows, Failed int
}

// Run reads the people of one period from r and computes each row. It
// returns every row (computed or with its error) and the row errors. Rows
// are numbered by the line they start on, which is the spreadsheet's row
// unless a quoted cell spans lines. A header the rows cannot be read with
// is a *HeaderError; any other error is reading r's. Run holds the whole
// file and every result: Pay streams.
//
// Nothing is dropped: a line the CSV grammar refuses (a stray quote) is a
// row of its own with its error, its person and role read leniently, and
// reading goes on at the next line. Nothing passes silently: a row whose
// input the pay plan would refuse or leave unused, a second row for the
// same person, a role without a pay plan and a period in which the plan
// pays nothing are errors of their row, every one at once.
func Run(h *policy.Handbook, period engine.Period, file string, r io.Reader) ([]Row, []RowError, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	var rows []Row
	ru := &run{h: h, period: period, file: file, keep: true}
	_, errs, err := ru.do(bytes.NewReader(data), Config{Encoding: UTF8, NoTotals: true}, nil, func(ch *chunk) {
		rows = append(rows, ch.rows...)
	})
	return rows, errs, err
}

// Pay computes the people of one period from r and writes one row per
// person to w as Write does, streaming: rows are read, computed on every
// core and written in order, and memory does not grow with the number of
// rows (but for 16 bytes a row to find a person given twice). r is read
// twice: once for the roles and people it names, which give the output's
// columns, then for the rows.
func Pay(h *policy.Handbook, period engine.Period, file string, r io.ReadSeeker, w io.Writer, cfg Config) (Summary, []RowError, error) {
	ru := &run{h: h, period: period, file: file}
	return ru.do(r, cfg, w, nil)
}

// run is one payout of a file.
type run struct {
	h      *policy.Handbook
	period engine.Period
	file   string
	keep   bool // keep the computed rows (Run), not their output lines

	hd    *columns
	roles map[string]*roleInfo // by the role cell as written, trimmed
	order []*roleInfo          // in the order the file first names them
	seed  maphash.Seed
	twice map[uint64]bool // the hashes of names on more than one row
	dups  map[int][]int   // the rows of each person given more than once, by row
	lay   *layout
}

// chunk is a run of rows read together and computed on one core.
type chunk struct {
	recs   []readRow
	rows   []Row        // the computed rows (Run)
	out    bytes.Buffer // or their output lines (Pay)
	errs   []RowError
	missed map[missKey]*missed
	sums   totals
	failed int
	done   chan struct{}
}

// do reads the file twice (see Pay) and hands each computed chunk, in
// order, to sink (Run) or writes it to w (Pay).
func (ru *run) do(r io.ReadSeeker, cfg Config, w io.Writer, sink func(*chunk)) (Summary, []RowError, error) {
	enc := cfg.Encoding
	if enc == Auto {
		var err error
		if enc, err = Detect(ru.file, r); err != nil {
			return Summary{}, nil, err
		}
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return Summary{}, nil, err
		}
	}
	twice, err := ru.scan(decoder(r, enc))
	if err != nil {
		return Summary{}, nil, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return Summary{}, nil, err
	}
	if twice {
		if err := ru.findTwice(decoder(r, enc)); err != nil {
			return Summary{}, nil, err
		}
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return Summary{}, nil, err
		}
	}
	rr := &recordReader{br: newBufReader(decoder(r, enc))}
	rr.next(0) // the header
	if ru.hd.guide {
		rr.next(0)
	}
	ru.lay = newLayout(ru.order)
	outEnc := cfg.Encoding
	if cfg.JSON {
		ru.lay.json = &jsonDoc{period: ru.period.String(), file: ru.file, noTotals: cfg.NoTotals}
		outEnc = UTF8
	}
	ru.lay.lang = cfg.Lang
	var out io.WriteCloser
	if w != nil {
		var err error
		if out, err = encoder(w, outEnc); err != nil {
			return Summary{}, nil, err
		}
		if _, err := out.Write(ru.lay.headLine()); err != nil {
			return Summary{}, nil, err
		}
	}

	procs := runtime.GOMAXPROCS(0)
	work := make(chan *chunk, procs)
	inOrder := make(chan *chunk, 4*procs) // bounds the chunks in flight
	var wg sync.WaitGroup
	for range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wk := ru.newWorker()
			for ch := range work {
				wk.compute(ch)
				close(ch.done)
			}
		}()
	}
	pool := sync.Pool{New: func() any { return &chunk{} }}
	var (
		sum    Summary
		errs   []RowError
		missed = map[missKey]*missed{}
		sums   = totals{}
		werr   error
		wdone  = make(chan struct{})
	)
	go func() { // the writer: chunks in file order
		defer close(wdone)
		for ch := range inOrder {
			<-ch.done
			sum.Rows += len(ch.recs)
			sum.Failed += ch.failed
			errs = append(errs, ch.errs...)
			for k, m := range ch.missed {
				if all := missed[k]; all == nil {
					missed[k] = m
				} else {
					all.rows += m.rows
				}
			}
			sums.add(ch.sums)
			if sink != nil {
				sink(ch)
			}
			if out != nil && werr == nil {
				b := ch.out.Bytes()
				if ru.lay.json != nil && !ru.lay.json.begun && len(b) > 0 {
					b, ru.lay.json.begun = b[1:], true // the first row has no comma before it
				}
				_, werr = out.Write(b)
			}
			ch.recs, ch.rows, ch.errs, ch.missed, ch.failed = ch.recs[:0], nil, nil, nil, 0
			ch.out.Reset()
			clear(ch.sums)
			pool.Put(ch)
		}
	}()
	const size = 256
	cur := pool.Get().(*chunk)
	flush := func() {
		if len(cur.recs) == 0 {
			return
		}
		cur.done = make(chan struct{})
		inOrder <- cur
		work <- cur
		cur = pool.Get().(*chunk)
	}
	width := len(ru.hd.names)
	for {
		rec, ok := rr.next(width)
		if !ok {
			break
		}
		cur.recs = append(cur.recs, rec)
		if len(cur.recs) == size {
			flush()
		}
	}
	flush()
	close(work)
	close(inOrder)
	wg.Wait()
	<-wdone
	if rr.err != nil {
		return Summary{}, nil, rr.err
	}
	errs = append(ru.missedErrors(missed), errs...)
	if out != nil {
		if werr == nil && (!cfg.NoTotals || cfg.JSON) { // a JSON document is closed all the same
			_, werr = out.Write(ru.lay.totalLines(ru.order, sums, sum.Failed))
		}
		if werr == nil {
			werr = out.Close()
		}
	}
	return sum, errs, werr
}

// scan reads the file a first time: its header, the roles its rows name
// and the people given twice (by a hash of each name: 8 bytes a row; when
// two rows have the same hash, findTwice reads the file once more).
func (ru *run) scan(r io.Reader) (twice bool, err error) {
	rr := &recordReader{br: newBufReader(r)}
	hd, err := ru.readHeader(rr)
	if err != nil {
		return false, err
	}
	ru.hd = hd
	ru.roles = map[string]*roleInfo{}
	ru.seed = maphash.MakeSeed()
	var (
		blocks [][]uint64
		cur    []uint64
		n      int
	)
	width := len(hd.names)
	rr.light = []int{hd.role, hd.person}
	for {
		rec, ok := rr.next(width)
		if !ok {
			break
		}
		var role, person []byte
		if rec.cells == nil {
			role, person = rr.view[0], rr.view[1]
		} else {
			if hd.role < len(rec.cells) {
				role = []byte(rec.cells[hd.role])
			}
			if hd.person < len(rec.cells) {
				person = []byte(rec.cells[hd.person])
			}
		}
		role = bytes.TrimSpace(role)
		if info, seen := ru.roles[string(role)]; !seen || info == nil {
			cell := string(role)
			info := ru.resolveRole(cell)
			// A role written by its id and by its title is one role.
			if i := slices.IndexFunc(ru.order, func(o *roleInfo) bool { return o.id == info.id }); i >= 0 {
				info = ru.order[i]
			} else if info.plan != nil {
				ru.order = append(ru.order, info)
			}
			ru.roles[cell] = info
		}
		if p := bytes.TrimSpace(person); len(p) > 0 {
			if len(cur) == cap(cur) {
				if cur != nil {
					blocks = append(blocks, cur)
				}
				cur = make([]uint64, 0, 1<<14)
			}
			cur = append(cur, maphash.Bytes(ru.seed, p))
			n++
		}
	}
	if rr.err != nil {
		return false, rr.err
	}
	all := make([]uint64, 0, n)
	for _, b := range append(blocks, cur) {
		all = append(all, b...)
	}
	slices.Sort(all)
	for i := 1; i < len(all); i++ {
		if all[i] == all[i-1] {
			if ru.twice == nil {
				ru.twice = map[uint64]bool{}
			}
			ru.twice[all[i]] = true
		}
	}
	return ru.twice != nil, nil
}

// findTwice reads the file once more for the rows of the names whose hash
// two rows share, and keeps, for each row of a person given twice, the
// rows of that person.
func (ru *run) findTwice(r io.Reader) error {
	rr := &recordReader{br: newBufReader(r)}
	rr.next(0) // the header
	if ru.hd.guide {
		rr.next(0)
	}
	byName := map[string][]int{}
	width := len(ru.hd.names)
	for {
		rec, ok := rr.next(width)
		if !ok {
			break
		}
		if ru.hd.person < len(rec.cells) {
			if p := strings.TrimSpace(rec.cells[ru.hd.person]); p != "" && ru.twice[maphash.Bytes(ru.seed, []byte(p))] {
				byName[p] = append(byName[p], rec.line)
			}
		}
	}
	ru.dups = map[int][]int{}
	for _, rows := range byName {
		if len(rows) > 1 {
			for _, l := range rows {
				ru.dups[l] = rows
			}
		}
	}
	return rr.err
}

// worker computes chunks on one core, reusing its storage from row to row.
type worker struct {
	ru  *run
	e   *inputs.Entry
	sc  engine.Scratch
	rec []cell // an output line's cells
	buf []byte // and the line
}

func (ru *run) newWorker() *worker {
	return &worker{ru: ru, e: ru.hd.form.NewEntry(), rec: make([]cell, len(ru.lay.head))}
}

// compute computes a chunk's rows, and formats them unless they are kept.
func (wk *worker) compute(ch *chunk) {
	ru := wk.ru
	if ch.sums == nil {
		ch.sums = totals{}
	}
	if ru.keep {
		ch.rows = make([]Row, len(ch.recs))
	}
	for i := range ch.recs {
		row, errs := wk.one(&ch.recs[i], ch)
		ch.errs = append(ch.errs, errs...)
		if row.Err != "" {
			ch.failed++
		}
		if ru.keep {
			ch.rows[i] = row
			continue
		}
		wk.buf = ru.lay.line(wk.buf[:0], wk.rec, &row)
		ch.out.Write(wk.buf)
		ch.sums.count(ru.lay, &row)
	}
}

// one decodes, checks and computes one row. Every problem of the row is
// reported; a row with a problem is not computed.
func (wk *worker) one(rec *readRow, ch *chunk) (Row, []RowError) {
	ru, hd, c := wk.ru, wk.ru.hd, wk.e
	var errs []RowError
	bad := func(column, format string, args ...any) {
		errs = append(errs, rowError(ru.file, rec.line, hd.shown(column), format, args...))
	}
	cells := rec.cells
	row := Row{line: rec.line}
	if hd.person < len(cells) {
		row.Person = cells[hd.person]
	}
	if hd.role < len(cells) {
		row.Role = strings.TrimSpace(cells[hd.role])
		row.role = ru.roles[row.Role]
	}
	if others := ru.dups[rec.line]; others != nil {
		where := make([]string, len(others))
		for i, l := range others {
			where[i] = strconv.Itoa(l)
		}
		rowsAt := zh.Sprintf("%s and %s", strings.Join(where[:len(where)-1], ", "), where[len(where)-1])
		bad("person", "%s is on rows %s: one row per person (tell people of the same name apart in this column)", strings.TrimSpace(row.Person), rowsAt)
	}
	switch {
	case rec.bad.En != "":
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
	var decodeErr map[string]bool // the columns that did not decode; made for the first
	failedAt := func(column string) {
		if decodeErr == nil {
			decodeErr = map[string]bool{}
		}
		decodeErr[column] = true
	}
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
			failedAt(hd.names[i])
		}
	}
	hd.form.Finish(c)
	guessed := "" // the role the row's cells are checked as, when its cell names none
	if c.Person == "" {
		bad("person", "empty")
	}
	switch {
	case c.Role == "":
		bad("role", "empty")
		failedAt("role")
	case row.role != nil && row.role.problem.En != "":
		bad("role", "%s", row.role.problem)
		failedAt("role")
		if g := row.role.guess; g != "" {
			// Check the other cells as the role the cell most likely
			// means: its problems are reported now, not after the role
			// is mended.
			c.Case().Role = g
			guessed = g
		}
	case row.role != nil:
		c.Case().Role = row.role.id
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
		res, err = wk.sc.Compute(ru.h, *c.Case())
	}
	var missing []string // columns the header lacks, for the row's error cell
	for _, p := range hd.form.Check(c, len(errs) == 0 && err == nil) {
		if covered(decodeErr, p.Path) {
			continue
		}
		if guessed != "" {
			// Only what the cells say: a column the header lacks is the
			// header's problem, and the header is not the guessed role's.
			if !p.Missing {
				bad(p.Path, "%s (checked as %s, the role the role column probably means)", diag.Text{En: p.Reason, Zh: p.Zh}, guessed)
			}
			continue
		}
		if p.Missing && !hd.has(p.Path) {
			// A column the header lacks is reported once, for the header.
			k := missKey{p.Path, p.Reason, p.Zh}
			if ch.missed == nil {
				ch.missed = map[missKey]*missed{}
			}
			if m := ch.missed[k]; m != nil {
				m.rows++
			} else {
				ch.missed[k] = &missed{first: rec.line, rows: 1}
			}
			missing = append(missing, hd.shown(p.Path))
			continue
		}
		bad(p.Path, "%s", diag.Text{En: p.Reason, Zh: p.Zh})
	}
	if len(missing) > 0 {
		// The row's error cell says so; the header's problem is reported once.
		note := rowError("", 0, "", "the header has no column %s (see row %d)", strings.Join(missing, ", "), hd.line)
		row, _ = failed(row, append(errs, note))
		return row, errs
	}
	if len(errs) > 0 {
		return failed(row, errs)
	}
	if err != nil {
		bad("", "%s", ru.explain(err, c))
		return failed(row, errs)
	}
	row.Result = res
	return row, nil
}
