package batch

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/inputs"
)

// compKey is a component column: a plan and one of its components (or of
// its standings).
type compKey struct{ plan, name string }

// layout is the output's columns: person, role, plan, score, K, total, one
// column per component of the plans of the roles in the file, two per
// standing (the row's label, e.g. 末位, and the measure it went by),
// withheld, red lines and the row's error. The header row names them in
// Chinese, as a clerk reads them in Excel (姓名, 岗位, …, each component as
// its plan's title and its own); programs read --format json, which names
// components by their keys.
type layout struct {
	head  []string            // the header row
	comp  map[compKey]int     // the column of a component
	stand map[compKey]int     // the column of a standing's label; its measure is next
	cols  map[*roleInfo][]int // the column of each of a role's comps
	json  *jsonDoc            // writing JSON instead of CSV
	lang  diag.Lang           // of the error cells
}

// column returns the column of the i-th component of a row's pay: found by
// the role's components, in the plan's order, without a lookup by name.
func (l *layout) column(r *Row, cols []int, i int) (int, bool) {
	c := &r.Result.Pay.Components[i]
	if i < len(cols) && r.role.comps[i].name == c.Name {
		return cols[i], true
	}
	at, ok := l.comp[compKey{r.Result.Pay.Plan, c.Name}]
	return at, ok
}

// newLayout lays out the columns of the roles' plans: the plans by id, the
// components of each in the plan's order, then the standings likewise.
func newLayout(roles []*roleInfo) *layout {
	l := &layout{comp: map[compKey]int{}, stand: map[compKey]int{}}
	type column struct {
		key   compKey
		title string
	}
	var plans []string
	comps, stands := map[string][]column{}, map[string][]column{}
	seenPlan, seenComp, seenStand := map[string]bool{}, map[compKey]bool{}, map[compKey]bool{}
	for _, r := range roles {
		if r.plan == nil {
			continue
		}
		if !seenPlan[r.plan.ID] {
			seenPlan[r.plan.ID] = true
			plans = append(plans, r.plan.ID)
		}
		for i, k := range r.comps {
			if !seenComp[k] {
				seenComp[k] = true
				comps[k.plan] = append(comps[k.plan], column{k, r.plan.Title + "：" + r.compTitles[i]})
			}
		}
		for i, k := range r.stands {
			if !seenStand[k] {
				seenStand[k] = true
				stands[k.plan] = append(stands[k.plan], column{k, r.plan.Title + "：" + r.standTitles[i]})
			}
		}
	}
	sort.Strings(plans)
	l.head = []string{"姓名", "岗位", "薪酬方案", "考核得分", "奖金系数K", "应发合计（元）"}
	for _, p := range plans {
		for _, c := range comps[p] {
			l.comp[c.key] = len(l.head)
			l.head = append(l.head, c.title+"（元）")
		}
	}
	for _, p := range plans {
		for _, c := range stands[p] {
			l.stand[c.key] = len(l.head)
			l.head = append(l.head, c.title, c.title+"的依据")
		}
	}
	l.head = append(l.head, "暂停发放的项目", "触及的电网指标", "错误")
	l.cols = map[*roleInfo][]int{}
	for _, r := range roles {
		cols := make([]int, len(r.comps))
		for i, k := range r.comps {
			cols[i] = l.comp[k]
		}
		l.cols[r] = cols
	}
	return l
}

// headLine is the header row as CSV.
func (l *layout) headLine() []byte {
	if l.json != nil {
		return l.jsonHead()
	}
	var b bytes.Buffer
	w := newLineWriter(&b)
	_ = w.Write(l.head) // a bytes.Buffer takes every write
	w.Flush()
	return b.Bytes()
}

// newLineWriter writes CSV lines.
func newLineWriter(w io.Writer) *csv.Writer { return csv.NewWriter(w) }

// cell is one output cell: a text, or a number.
type cell struct {
	text  string
	num   exact.Decimal
	isNum bool
}

// line appends a row's line to b, using rec for its cells.
func (l *layout) line(b []byte, rec []cell, r *Row) []byte {
	if l.json != nil {
		return l.jsonLine(b, r)
	}
	clear(rec)
	txt := func(i int, s string) { rec[i] = cell{text: s} }
	num := func(i int, x exact.Decimal) { rec[i] = cell{num: x, isNum: true} }
	txt(0, r.Person)
	txt(1, r.Role)
	n := len(rec)
	if l.lang == diag.Chinese && r.ErrZh != "" {
		txt(n-1, r.ErrZh)
	} else {
		txt(n-1, r.Err)
	}
	if r.Err == "" {
		if len(r.Result.Scores) > 0 {
			s := &r.Result.Scores[0]
			num(3, s.Total)
			if s.K != nil {
				num(4, *s.K)
			}
		}
		if r.Result.Points != nil {
			num(3, r.Result.Points.Total)
		}
		if p := r.Result.Pay; p != nil {
			if r.role != nil && r.role.plan != nil {
				txt(2, r.role.plan.Title) // the plan that computed the row, as the header names it
			} else {
				txt(2, p.Plan)
			}
			num(5, p.Total)
			var withheld, lines []string
			cols := l.cols[r.role]
			for i, c := range p.Components {
				if at, ok := l.column(r, cols, i); ok {
					num(at, c.Amount)
				}
				if c.Withheld {
					withheld = append(withheld, c.Title)
				}
			}
			for _, rl := range p.RedLines {
				lines = append(lines, rl.Title)
			}
			txt(n-3, strings.Join(withheld, "|"))
			txt(n-2, strings.Join(lines, "|"))
			for _, st := range r.Result.Standings {
				if at, ok := l.stand[compKey{p.Plan, st.Name}]; ok {
					txt(at, st.Label)
					num(at+1, st.Measure)
				}
			}
		}
	}
	for i := range rec {
		if i > 0 {
			b = append(b, ',')
		}
		if rec[i].isNum {
			b = rec[i].num.Append(b)
		} else {
			b = appendCSV(b, rec[i].text)
		}
	}
	return append(b, '\n')
}

// appendCSV appends a cell as encoding/csv writes it: quoted when it holds
// a comma, a quote or a line break or starts with a space, its quotes
// doubled.
func appendCSV(b []byte, s string) []byte {
	if s == "" {
		return b
	}
	if !strings.ContainsAny(s, ",\"\r\n") && s[0] != ' ' && s[0] != '\t' {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			b = append(b, '"', '"')
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue // csv.Writer writes \r\n as \n
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// Write writes rows as Pay writes them (in UTF-8, without a byte-order
// mark): the header (see layout), one line per row (a bad row keeps its
// person and error and no numbers), and the totals of each role.
func Write(w io.Writer, rows []Row) error {
	var roles []*roleInfo
	for i := range rows {
		if r := rows[i].role; r != nil && r.plan != nil && !slices.Contains(roles, r) {
			roles = append(roles, r)
		}
	}
	l := newLayout(roles)
	var b bytes.Buffer
	b.Write(l.headLine())
	rec := make([]cell, len(l.head))
	sums := totals{}
	var line []byte
	for i := range rows {
		line = l.line(line[:0], rec, &rows[i])
		b.Write(line)
		sums.count(l, &rows[i])
	}
	failedAll := 0
	for i := range rows {
		if rows[i].Err != "" {
			failedAll++
		}
	}
	b.Write(l.totalLines(roles, sums, failedAll))
	_, err := w.Write(b.Bytes())
	return err
}

// totals are the sums of a file's computed rows, by role.
type totals map[*roleInfo]*roleSum

// roleSum is the sums of one role's rows.
type roleSum struct {
	rows, failed int
	total        exact.Decimal
	comps        []exact.Decimal // by column of the layout
	has          []bool          // the columns summed
}

// count adds a row to the totals of its role.
func (t totals) count(l *layout, r *Row) {
	if r.role == nil || r.role.plan == nil {
		return
	}
	s := t[r.role]
	if s == nil {
		s = &roleSum{comps: make([]exact.Decimal, len(l.head)), has: make([]bool, len(l.head))}
		t[r.role] = s
	}
	p := r.Result.Pay
	if r.Err != "" || p == nil {
		s.failed++
		return
	}
	s.rows++
	s.total = s.total.Add(p.Total)
	cols := l.cols[r.role]
	for i, c := range p.Components {
		if at, ok := l.column(r, cols, i); ok {
			s.comps[at] = s.comps[at].Add(c.Amount)
			s.has[at] = true
		}
	}
}

// add adds the totals of o.
func (t totals) add(o totals) {
	for r, os := range o {
		s := t[r]
		if s == nil {
			t[r] = os
			continue
		}
		s.rows += os.rows
		s.failed += os.failed
		s.total = s.total.Add(os.total)
		for at, x := range os.comps {
			if os.has[at] {
				s.comps[at] = s.comps[at].Add(x)
				s.has[at] = true
			}
		}
	}
}

// totalLines writes a line of totals per role, in the order given
// (person 合计, the role's id and plan, its total and the sum of each of
// its components, in the error column how many people are counted), and
// one of the total of all roles (总计) when there are several or when rows
// of no role failed, which counts every row that failed.
func (l *layout) totalLines(roles []*roleInfo, t totals, failedAll int) []byte {
	if l.json != nil {
		return l.jsonTotals(roles, t, failedAll)
	}
	var b bytes.Buffer
	w := newLineWriter(&b)
	rec := make([]string, len(l.head))
	n := len(rec)
	var all exact.Decimal
	people, failed, lines := 0, 0, 0
	for _, r := range roles {
		s := t[r]
		if s == nil {
			continue
		}
		clear(rec)
		rec[0], rec[1], rec[2] = "合计", r.title, r.plan.Title
		if s.rows > 0 {
			rec[5] = s.total.String()
			for at, x := range s.comps {
				if s.has[at] {
					rec[at] = x.String()
				}
			}
		}
		rec[n-1] = counted(s.rows, s.failed)
		_ = w.Write(rec)
		all = all.Add(s.total)
		people, failed, lines = people+s.rows, failed+s.failed, lines+1
	}
	if lines > 1 || failedAll > failed {
		clear(rec)
		rec[0], rec[5], rec[n-1] = "总计", all.String(), counted(people, failedAll)
		_ = w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// counted says how many rows a total counts, and how many it leaves out.
func counted(rows, failed int) string {
	s := fmt.Sprintf("%d 人", rows)
	if failed > 0 {
		s += fmt.Sprintf("；另有 %d 行有错误，未计入", failed)
	}
	return s
}

// missKey is a column the header lacks and what needs it.
type missKey struct{ path, reason, zh string }

// missed counts the rows that need a column the header lacks.
type missed struct{ first, rows int }

// missedErrors reports each column the header lacks once, at the header,
// with the rows that need it.
func (ru *run) missedErrors(m map[missKey]*missed) []RowError {
	keys := make([]missKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].path != keys[j].path {
			return keys[i].path < keys[j].path
		}
		return keys[i].reason < keys[j].reason
	})
	var out []RowError
	for _, k := range keys {
		n := m[k]
		rows := zh.Sprintf("row %d", n.first)
		if n.rows > 1 {
			rows = zh.Sprintf("%d rows, the first on row %d", n.rows, n.first)
		}
		out = append(out, rowError(ru.file, ru.hd.line, "", "no column %s: %s (%s); add the column", ru.hd.shown(k.path), diag.Text{En: strings.TrimPrefix(k.reason, "no input given: "), Zh: strings.TrimPrefix(k.zh, "没有填：")}, rows))
	}
	return out
}

// negative matches the engine's refusal of a formula that goes negative.
var negative = regexp.MustCompile(`^pay plan (\S+): (\S+): the formula gives a negative amount`)

// explain says why the engine refused a row; for a formula that goes
// negative, it names the columns the formula is computed from, with what
// the row gives them.
func (ru *run) explain(err error, e *inputs.Entry) diag.Text {
	msg := diag.TextOf(err)
	var ie *engine.InputError
	if errors.As(err, &ie) {
		return msg
	}
	m := negative.FindStringSubmatch(msg.En)
	if m == nil {
		return msg
	}
	c := e.Case()
	var from []string
	for _, info := range ru.order {
		if info.plan == nil || info.plan.ID != m[1] {
			continue
		}
		for i := range info.plan.Component {
			comp := &info.plan.Component[i]
			if comp.Name != m[2] || comp.Exprs["formula"] == nil {
				continue
			}
			for _, name := range comp.Exprs["formula"].Names() {
				if v, ok := c.Pay[name]; ok && ru.hd.has("pay."+name) {
					from = append(from, ru.hd.shown("pay."+name)+" = "+v.Text())
				}
				if v, ok := c.Own[name]; ok && ru.hd.has("own."+name) {
					from = append(from, ru.hd.shown("own."+name)+" = "+v.String())
				}
			}
		}
		break
	}
	if len(from) == 0 {
		return msg
	}
	return zh.Sprintf("%s; it is computed from %s: check these cells", msg, strings.Join(from, ", "))
}

// failed is a row that could not be computed, with all its problems.
func failed(row Row, errs []RowError) (Row, []RowError) {
	msgs, zhs := make([]string, len(errs)), make([]string, len(errs))
	for i, e := range errs {
		t := e.local()
		msgs[i], zhs[i] = t.En, t.Zh
	}
	row.Err, row.ErrZh = strings.Join(msgs, "; "), strings.Join(zhs, "；")
	return row, errs
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

// blank reports whether every cell is empty or spaces.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// reason says a CSV parse error in words that say how to mend it.
func reason(err error) diag.Text {
	switch {
	case errors.Is(err, errBareQuote):
		return zh.Sprintf(`a " inside a cell that does not start with one; quote the cell and double its quotes, e.g. "张""三"`)
	case errors.Is(err, errUnclosed), errors.Is(err, errAfter):
		return zh.Sprintf(`a quoted cell is not closed, or has text after its closing "; double a " inside a quoted cell`)
	}
	return diag.TextOf(err)
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
