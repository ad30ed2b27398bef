package batch

import (
	"sort"
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/policy"
)

// columns is a resolved header row.
type columns struct {
	names  []string     // each column's path ("" for a column without a header)
	shownN []string     // each column as the header names it
	form   *inputs.Form // a column without a header has no field and must stay empty
	person int
	role   int
	line   int               // the line of the header
	guide  bool              // the row after the header is the template's guide
	byPath map[string]string // the header's words for a path
	titles map[string]string // the template's header of every path a payout may have
}

// shown names a column the way the header does; a column the header lacks
// by the template's header, with its key.
func (hd *columns) shown(path string) string {
	if s, ok := hd.byPath[path]; ok {
		return s
	}
	if t := hd.titles[path]; t != "" && t != path {
		return t + " (" + path + ")"
	}
	return path
}

// has reports whether the header has a column for path, or for a part of
// it (scorecard.CARD has the card's items, points the points.* columns).
func (hd *columns) has(path string) bool {
	if _, ok := hd.byPath[path]; ok {
		return true
	}
	for p := range hd.byPath {
		if strings.HasPrefix(p, path+".") {
			return true
		}
	}
	return false
}

// guidePrefix starts the first cell of a template's guide row, which
// payout skips when it follows the header.
const guidePrefix = "说明"

// readHeader reads and resolves the header row (a column may be named by
// its key or by the template's Chinese header), and skips the template's
// guide row after it, reporting every problem with the header at once.
func (ru *run) readHeader(rr *recordReader) (*columns, error) {
	badAt := func(line int, column, format string, args ...any) RowError {
		return rowError(ru.file, line, column, format, args...)
	}
	rec, ok := rr.next(0)
	if rr.err != nil {
		return nil, rr.err
	}
	if !ok {
		return nil, &HeaderError{[]RowError{badAt(1, "", "the file is empty: want a header row naming the columns, starting person,role (or 姓名,岗位)")}}
	}
	if rec.bad.En != "" {
		return nil, &HeaderError{[]RowError{badAt(rec.line, "", "%s", rec.bad)}}
	}
	idx := newTitleIndex(ru.h, ru.period)
	hd := &columns{line: rec.line, byPath: map[string]string{}, titles: idx.titles}
	var problems []RowError
	first := map[string]int{}
	for i, raw := range rec.cells {
		name := strings.TrimSpace(raw)
		hd.shownN = append(hd.shownN, name)
		path, reason := idx.resolve(name)
		if reason.En != "" {
			problems = append(problems, badAt(rec.line, name, "%s", reason))
		}
		hd.names = append(hd.names, path)
		if path == "" {
			continue
		}
		if j, dup := first[path]; dup {
			problems = append(problems, badAt(rec.line, name, "appears twice, as columns %d and %d", j+1, i+1))
			continue
		}
		first[path] = i
		hd.byPath[path] = name
	}
	if _, ok := first["person"]; !ok {
		problems = append(problems, badAt(rec.line, "", `no "person" (姓名) column`))
	}
	if _, ok := first["role"]; !ok {
		problems = append(problems, badAt(rec.line, "", `no "role" (岗位) column`))
	}
	hd.person, hd.role = first["person"], first["role"]
	form, colProblems := inputs.NewForm(ru.h, ru.period, hd.names)
	for _, p := range colProblems {
		problems = append(problems, badAt(rec.line, hd.shown(p.Path), "%s", diag.Text{En: p.Reason, Zh: p.Zh}))
	}
	hd.form = form
	if len(problems) > 0 {
		at := func(p RowError) int {
			for i, s := range hd.shownN {
				if s == p.Column {
					return i
				}
			}
			return -1
		}
		sort.SliceStable(problems, func(i, j int) bool { return at(problems[i]) < at(problems[j]) })
		return nil, &HeaderError{problems}
	}
	if next, ok := rr.next(len(hd.names)); ok {
		if len(next.cells) > 0 && strings.HasPrefix(strings.TrimSpace(next.cells[0]), guidePrefix) {
			hd.guide = true
		} else {
			rr.unread(next)
		}
	}
	return hd, nil
}

// titleIndex finds the path of a column named by the template's header.
type titleIndex struct {
	byTitle map[string][]string // the paths of a header (more than one: ambiguous)
	titles  map[string]string   // the template's header of a path
}

// norm makes headers comparable: spaces trimmed, brackets full-width.
func norm(s string) string {
	return strings.NewReplacer("(", "（", ")", "）", " ", "", "\u3000", "").Replace(strings.TrimSpace(s))
}

// newTitleIndex indexes the Chinese headers of every field of every role
// paid in the period: its header with the unit and its label alone.
func newTitleIndex(h *policy.Handbook, period engine.Period) *titleIndex {
	idx := &titleIndex{byTitle: map[string][]string{}, titles: map[string]string{}}
	add := func(title, path string) {
		k := norm(title)
		for _, p := range idx.byTitle[k] {
			if p == path {
				return
			}
		}
		idx.byTitle[k] = append(idx.byTitle[k], path)
	}
	for _, id := range paidRoles(h, period) {
		fields, err := inputs.Fields(h, period, id)
		if err != nil {
			continue
		}
		for _, f := range fields {
			if _, ok := idx.titles[f.Path]; !ok {
				idx.titles[f.Path] = f.Header()
			}
			add(f.Header(), f.Path)
			add(f.Label, f.Path)
		}
	}
	return idx
}

// resolve returns the path a header names, and why it names none when it
// is a Chinese header of more than one column. A header that is neither a
// key nor a Chinese header is returned as it is, for the form to refuse.
func (idx *titleIndex) resolve(name string) (string, diag.Text) {
	if name == "" {
		return "", diag.Text{}
	}
	// The template writes an ambiguous header with its key: 客户满意度（%）〔scorecard.x.y〕.
	if i := strings.LastIndex(name, "〔"); i >= 0 && strings.HasSuffix(name, "〕") {
		return strings.TrimSpace(name[i+len("〔") : len(name)-len("〕")]), diag.Text{}
	}
	if _, isPath := idx.titles[name]; isPath {
		return name, diag.Text{}
	}
	switch paths := idx.byTitle[norm(name)]; len(paths) {
	case 0:
		return name, diag.Text{}
	case 1:
		return paths[0], diag.Text{}
	default:
		return "", zh.Sprintf("names %d columns: write one of %s", len(paths), strings.Join(paths, ", "))
	}
}

// title is the header a template gives a field: its Chinese header, with
// its key when another field has the same.
func (idx *titleIndex) title(f inputs.Field) string {
	if len(idx.byTitle[norm(f.Header())]) > 1 {
		return f.Header() + "〔" + f.Path + "〕"
	}
	return f.Header()
}

// paidRoles lists the roles in effect on the period's settlement day whose
// pay plan pays in the period, by id.
func paidRoles(h *policy.Handbook, period engine.Period) []string {
	day := period.Settled()
	var out []string
	seen := map[string]bool{}
	for _, p := range h.All() {
		hd := p.Head()
		if hd.Kind != policy.KindRole || seen[hd.ID] {
			continue
		}
		seen[hd.ID] = true
		role, _ := h.At(policy.KindRole, hd.ID, day).(*policy.Role)
		if role == nil || role.PayPlan == "" {
			continue
		}
		if plan, _ := h.At(policy.KindPayPlan, role.PayPlan, day).(*policy.PayPlan); plan != nil && plan.Lines(period.Kind) > 0 {
			out = append(out, role.ID)
		}
	}
	sort.Strings(out)
	return out
}
