package inputs

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/sorted"
	"github.com/kefu-hr/handbook/generator/policy"
)

// FieldProblem is a problem with one field of an entry (a CSV column, a
// form field), named by its path; Path "" is the entry as a whole.
type FieldProblem struct {
	Path   string
	Reason string // in English
	Zh     string // the reason in Chinese
	// Missing is set when the field is not given at all.
	Missing bool
}

// Form decodes entries whose fields are given as text, one field per path
// (the paths of Fields: person, role, scorecard.CARD.ITEM[.NAME], pay.NAME,
// own.NAME, points.EVENT, points.award.EVENT, points.ladder.LADDER, red_lines,
// leave.case, leave.months, history.YYYY-Qn.score, history.YYYY-Qn.pay.NAME,
// history.YYYY-Qn.own.NAME),
// for one period under one handbook. A CSV header, a case file and the
// calculator's form are each a list of such paths.
type Form struct {
	h      *policy.Handbook
	period engine.Period
	day    civil.Date // the period's settlement day
	paths  []string
	cells  []cell              // nil for an empty path, whose value must stay empty
	cards  []string            // the scorecards of the paths, by their index in decoded.cards
	items  []int               // the paths of each of them
	cardSC []*policy.Scorecard // and the version in effect, whose items are decoded.slots
	pays   int                 // the pay paths
}

// NewForm resolves paths for period, reporting every path no policy in
// effect on the period's settlement day has a use for. An empty path has no
// field.
func NewForm(h *policy.Handbook, period engine.Period, paths []string) (*Form, []FieldProblem) {
	f := &Form{h: h, period: period, day: period.Settled(), paths: paths}
	cells, problems := resolve(h, period, paths, f.card)
	if len(problems) > 0 {
		return nil, problems
	}
	f.cells = cells
	for _, name := range paths {
		if strings.HasPrefix(name, "pay.") {
			f.pays++
		}
	}
	return f, nil
}

// card returns the index of a scorecard's items in decoded.cards, counting
// one more path for it.
func (f *Form) card(sc *policy.Scorecard) int {
	k := slices.Index(f.cards, sc.ID)
	if k < 0 {
		k = len(f.cards)
		f.cards, f.items, f.cardSC = append(f.cards, sc.ID), append(f.items, 0), append(f.cardSC, sc)
	}
	f.items[k]++
	return k
}

// Paths returns the form's field paths, in order.
func (f *Form) Paths() []string { return f.paths }

// Field reports whether the i-th path is a field (not empty).
func (f *Form) Field(i int) bool { return f.cells[i] != nil }

// Entry is one entry being decoded: a person's case for the form's period.
// Entries are reused: Reset clears one for the next person, keeping its
// storage, since the engine's results keep nothing of their inputs.
type Entry struct {
	decoded
	memo Lookups // the policies the checks of this entry's form looked up
	k    checker // the checker of its checks, kept for its storage
}

// NewEntry returns an empty entry for the form.
func (f *Form) NewEntry() *Entry {
	e := &Entry{}
	f.Reset(e)
	return e
}

// Reset clears e for the next entry.
func (f *Form) Reset(e *Entry) { e.reset(f) }

// Set decodes the text v of the i-th field into e; v is trimmed, and must
// not be empty (an empty field is an absent input).
func (f *Form) Set(e *Entry, i int, v string) error {
	if f.cells[i] == nil {
		return errorf("field %d has no path", i+1)
	}
	return f.cells[i](&e.decoded, v)
}

// Finish ends the decoding of an entry: scorecards and pay inputs that no
// field gave are dropped, so that the case says only what was entered.
func (f *Form) Finish(e *Entry) {
	for card, items := range e.Scorecards {
		if len(items) == 0 {
			delete(e.Scorecards, card)
		}
	}
	if len(e.Pay) == 0 {
		e.Pay = nil
	}
}

// Case returns the entry's case for the engine. Its item inputs are
// changed only by Set: the checks read them as Set kept them.
func (e *Entry) Case() *engine.Case { return &e.decoded.Case }

// cell decodes one cell into a row's case.
type cell func(d *decoded, v string) error

// decoded is a row being decoded: its case, and room for the numbers its
// items point to. A worker decodes its rows one after the other into the
// same decoded, whose maps and slices are cleared and reused: the engine's
// results keep nothing of their inputs.
type decoded struct {
	engine.Case
	nums  []exact.Decimal
	flags []bool
	cards []map[string]engine.ItemInput // item inputs by the form's card index, kept across rows
	// The same inputs by the card's items in order (parts, then items), and
	// which are given: the checks find them without a lookup by id.
	slots  [][]engine.ItemInput
	given  [][]bool
	pay    map[string]formula.Value
	own    map[string]exact.Decimal
	points engine.PointsInput
}

// leaveCase reads a leave.case cell.
func leaveCase(v string) (policy.LeaveCase, bool) {
	switch v {
	case "voluntary", "主动":
		return policy.Voluntary, true
	case "dismissal", "被动":
		return policy.Dismissal, true
	}
	return "", false
}

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
	i := 0
	for i < len(d.History) && d.History[i].Label < label {
		i++
	}
	d.History = append(d.History, engine.Quarter{})
	copy(d.History[i+1:], d.History[i:])
	d.History[i] = engine.Quarter{Label: label, Values: map[string]formula.Value{}}
	return &d.History[i]
}

// reset readies d for the next row, keeping its storage.
func (d *decoded) reset(f *Form) {
	if d.Scorecards == nil {
		d.cards = make([]map[string]engine.ItemInput, len(f.cards))
		d.slots, d.given = make([][]engine.ItemInput, len(f.cards)), make([][]bool, len(f.cards))
		for k, n := range f.items {
			d.cards[k] = make(map[string]engine.ItemInput, n)
			n := itemCount(f.cardSC[k])
			d.slots[k], d.given[k] = make([]engine.ItemInput, n), make([]bool, n)
		}
		if f.pays > 0 {
			d.pay = make(map[string]formula.Value, f.pays)
		}
		d.Scorecards = make(map[string]map[string]engine.ItemInput, len(f.cards))
		d.points = engine.PointsInput{Events: map[string]int{}, Awards: map[string][]exact.Decimal{}}
	}
	clear(d.Scorecards)
	for k, items := range d.cards {
		clear(items)
		clear(d.slots[k])
		clear(d.given[k])
		d.Scorecards[f.cards[k]] = items
	}
	clear(d.pay)
	clear(d.own)
	clear(d.points.Events)
	clear(d.points.Awards)
	d.points.Shortfalls = d.points.Shortfalls[:0]
	d.Case = engine.Case{Period: f.period, Scorecards: d.Scorecards, Pay: d.pay, NoTrace: true}
	d.nums = d.nums[:0]
	d.flags = d.flags[:0]
}

// num keeps x for the row and returns where it is kept.
func (d *decoded) num(x exact.Decimal) *exact.Decimal {
	d.nums = append(d.nums, x) // a growing slice moves, but the pointers given before stay valid
	return &d.nums[len(d.nums)-1]
}

// itemCount counts a scorecard's items.
func itemCount(sc *policy.Scorecard) int {
	n := 0
	for pi := range sc.Part {
		n += len(sc.Part[pi].Item)
	}
	return n
}

// flag keeps b for the row and returns where it is kept, as num does.
func (d *decoded) flag(b bool) *bool {
	d.flags = append(d.flags, b)
	return &d.flags[len(d.flags)-1]
}

// resolve turns each column header into its decoder, once per file, and
// reports every header no policy in effect on the period's settlement day
// has a use for. A column without a header has no decoder.
func resolve(h *policy.Handbook, period engine.Period, header []string, card func(sc *policy.Scorecard) int) ([]cell, []FieldProblem) {
	day := period.Settled()
	var problems []FieldProblem
	cols := make([]cell, len(header))
	for i, name := range header {
		switch {
		case name == "":
		case name == "person":
			cols[i] = func(c *decoded, v string) error { c.Person = v; return nil }
		case name == "role":
			cols[i] = func(c *decoded, v string) error { c.Role = v; return nil }
		case name == "red_lines":
			byTitle := map[string]string{} // a red line may be named by its Chinese title
			for _, p := range inEffect(h, policy.KindRedLines, day) {
				for _, l := range p.(*policy.RedLines).Line {
					byTitle[l.Title] = l.ID
				}
			}
			cols[i] = func(c *decoded, v string) error {
				ids, err := split(v, "red line id")
				for k, id := range ids {
					if byID, ok := byTitle[id]; ok {
						ids[k] = byID
					}
				}
				c.RedLines = ids
				return err
			}
		case strings.HasPrefix(name, "pay."):
			key := strings.TrimPrefix(name, "pay.")
			if !payInput(h, day, key) {
				problems = append(problems, fieldProblem(name, "no pay plan in effect on %s has an input %q", day.String(), key))
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
		case strings.HasPrefix(name, "own."):
			key := strings.TrimPrefix(name, "own.")
			if !personalParam(h, day, key) {
				problems = append(problems, fieldProblem(name, "no pay plan in effect on %s has a personal parameter %q", day.String(), key))
				continue
			}
			cols[i] = func(c *decoded, v string) error {
				x, err := number(v)
				if err != nil {
					return err
				}
				if c.Own == nil {
					if c.own == nil {
						c.own = map[string]exact.Decimal{}
					}
					c.Own = c.own
				}
				c.Own[key] = x
				return nil
			}
		case strings.HasPrefix(name, "scorecard."):
			f, err := scoreColumn(h, day, strings.Split(strings.TrimPrefix(name, "scorecard."), "."), card)
			if err != nil {
				problems = append(problems, fieldError(name, err))
				continue
			}
			cols[i] = f
		case name == "points":
			cols[i] = func(c *decoded, v string) error {
				if v != "0" {
					return errorf("%q: write 0 for a month under the points system without any event (the events have their own columns)", v)
				}
				if c.Points == nil {
					c.Points = &c.points
				}
				return nil
			}
		case strings.HasPrefix(name, "points."):
			key := strings.TrimPrefix(name, "points.")
			if err := pointsColumn(h, day, key); err != nil {
				problems = append(problems, fieldError(name, err))
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
				lc, ok := leaveCase(v)
				if !ok {
					return errorf("%q: write voluntary (主动) or dismissal (被动)", v)
				}
				c.leave().Case = lc
				return nil
			}
		case name == "leave.months":
			cols[i] = func(c *decoded, v string) error {
				if err := halfWidth(v); err != nil {
					return err
				}
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 || n > 12 || strings.HasPrefix(v, "+") {
					return errorf("%q: write the months served, 0 to 12", v)
				}
				c.leave().Months = n
				return nil
			}
		case strings.HasPrefix(name, "history."):
			f, err := historyColumn(period, strings.TrimPrefix(name, "history."))
			if err != nil {
				problems = append(problems, fieldError(name, err))
				continue
			}
			cols[i] = f
		default:
			problems = append(problems, fieldProblem(name, "unknown column (want person, role, scorecard.*, pay.*, own.*, points, points.*, red_lines, leave.case, leave.months, history.*)"))
		}
	}
	return cols, problems
}

// historyColumn resolves a history.QUARTER.score, history.QUARTER.pay.NAME
// or history.QUARTER.own.NAME column: an earlier quarter of a ledger, which
// the ledger needs to carry shortfalls and excess into the quarter paid
// (an own value of that quarter, such as its target, replaces the row's).
func historyColumn(period engine.Period, rest string) (cell, error) {
	label, field, _ := strings.Cut(rest, ".")
	q, err := engine.ParsePeriod(label)
	switch {
	case err != nil || q.Kind != policy.Quarterly:
		return nil, errorf("want history.YYYY-Qn.score, history.YYYY-Qn.pay.NAME or history.YYYY-Qn.own.NAME, not history.%s", rest)
	case period.Kind != policy.Quarterly:
		return nil, errorf("earlier quarters are given only for a quarterly payout, not for %s", period)
	case !q.Start().Before(period.Start()):
		return nil, errorf("%s is not before the quarter paid, %s", q, period)
	}
	name, isPay := strings.CutPrefix(field, "pay.")
	ownName, isOwn := strings.CutPrefix(field, "own.")
	if field != "score" && (!isPay || name == "") && (!isOwn || ownName == "") {
		return nil, errorf("want history.%s.score, history.%s.pay.NAME or history.%s.own.NAME", label, label, label)
	}
	return func(c *decoded, v string) error {
		hq := c.quarter(q.String())
		if field == "score" {
			x, err := number(v)
			if err != nil {
				return err
			}
			if x.Sign() < 0 || x.Cmp(exact.FromInt(100)) > 0 {
				return errorf("%s: a score is 0 to 100", v)
			}
			hq.Score = &x
			return nil
		}
		if isOwn {
			x, err := number(v)
			if err != nil {
				return err
			}
			if hq.Own == nil {
				hq.Own = map[string]exact.Decimal{}
			}
			hq.Own[ownName] = x
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
func inEffect(h *policy.Handbook, k policy.Kind, day civil.Date) []policy.Policy {
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
func payInput(h *policy.Handbook, day civil.Date, name string) bool {
	for _, p := range inEffect(h, policy.KindPayPlan, day) {
		if hasInput(p.(*policy.PayPlan), name) {
			return true
		}
	}
	return false
}

// personalParam reports whether a pay plan in effect on day has a personal
// parameter name.
func personalParam(h *policy.Handbook, day civil.Date, name string) bool {
	for _, p := range inEffect(h, policy.KindPayPlan, day) {
		if p.(*policy.PayPlan).PersonalParam(name) != nil {
			return true
		}
	}
	return false
}

// pointsColumn checks that a points system in effect on day has what a
// points.EVENT, points.award.EVENT or points.ladder.LADDER column names.
func pointsColumn(h *policy.Handbook, day civil.Date, key string) error {
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
				return errorf("event %s is discretionary: give its awards' points in points.award.%s", key, key)
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
		return errorf("no points system in effect on %s has a discretionary event %q", day.String(), award)
	case isLadder:
		return errorf("no points system in effect on %s has a ladder %q", day.String(), ladder)
	}
	return errorf("no points system in effect on %s has an event %q", day.String(), key)
}

// Check checks an entry against its role and pay plan (see Check) and
// places each problem at its field. For a payout, a role must have a pay
// plan, and a scorecard the plan does not use in the period is refused: its
// score would be computed and shown nowhere. With computed, the engine has
// computed the entry without error (the fast path, see CheckComputed).
func (f *Form) Check(e *Entry, computed bool) []FieldProblem {
	k := f.checker(e)
	out, unused, stop := f.payout(k, &e.decoded)
	if stop {
		return out
	}
	return f.check(k, e, computed, out, unused)
}

// CheckCase is Check for an entry that is a case, not a payout: a role that
// only scores, and a scorecard its plan does not pay by in the period, are
// computed like any other. (The checks of a payout are apart, in payout:
// the calculator, which checks cases, does not link them.)
func (f *Form) CheckCase(e *Entry) []FieldProblem { return f.check(f.checker(e), e, false, nil, nil) }

// checker readies the checker of an entry, reused: its problems are
// copied out by check.
func (f *Form) checker(e *Entry) *checker {
	k := &e.k
	*k = checker{h: f.h, memo: &e.memo, day: f.day, form: f, entry: &e.decoded, problems: k.problems[:0]}
	return k
}

// payout returns the problems of an entry as a payout, sorted, and the
// scorecards its pay plan does not use in the period, whose problems are
// not reported; stop when the entry cannot be checked further.
func (f *Form) payout(k *checker, c *decoded) (out []FieldProblem, unused map[string]bool, stop bool) {
	period := f.period
	at := func(column string, reason diag.Text) {
		out = append(out, FieldProblem{Path: column, Reason: reason.En, Zh: reason.Zh})
	}
	d := f.day
	if role, _ := k.at(policy.KindRole, c.Role, d).(*policy.Role); role != nil {
		if role.PayPlan == "" {
			at("role", zh.Sprintf("role %s has no pay plan: there is no pay to compute", role.ID))
			return out, nil, true
		}
		if plan, _ := k.at(policy.KindPayPlan, role.PayPlan, d).(*policy.PayPlan); plan != nil && plan.Lines(period.Kind) > 0 {
			for card := range c.Scorecards { // sorted below
				if slices.Contains(role.Scorecards, card) && !usesCard(plan, period.Kind, card) {
					at("scorecard."+card, zh.Sprintf("pay plan %s does not use scorecard %s in this settlement (%s)", plan.ID, card, periodName(period.Kind)))
					if unused == nil {
						unused = map[string]bool{}
					}
					unused[card] = true
				}
			}
		}
	}
	if len(out) > 1 {
		sorted.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	}
	return out, unused, false
}

// check checks the entry's case with k, after out, the problems found
// already, leaving out those of the unused scorecards.
func (f *Form) check(k *checker, e *Entry, computed bool, out []FieldProblem, unused map[string]bool) []FieldProblem {
	period, c := f.period, &e.decoded
	k.c, k.computed = &c.Case, computed
	k.check()
	for _, p := range k.problems {
		if len(p.Path) >= 2 && p.Path[0] == "scorecard" && unused[p.Path[1]] {
			continue
		}
		reason := diag.Text{En: p.Message, Zh: p.Zh}
		if len(p.Path) == 1 && p.Path[0] == "points" && c.Points == nil {
			reason = zh.Sprintf("%s (write 0 in a points.* cell for a month without events)", reason)
		}
		if len(p.Path) == 1 && p.Path[0] == "period" {
			reason = zh.Sprintf("%s (--period %s)", reason, period)
		}
		out = append(out, FieldProblem{Path: column(f.paths, c, p.Path), Reason: reason.En, Zh: reason.Zh, Missing: p.Missing})
	}
	return out
}

// usesCard reports whether a plan uses a scorecard's total in a period:
// as its score, or as an input that names the scorecard.
func usesCard(plan *policy.PayPlan, period policy.PeriodKind, card string) bool {
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

// column names the field of a case input path (see Problem).
func column(paths []string, c *decoded, path []string) string {
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
	case "pay", "own":
		if len(path) > 1 {
			return path[0] + "." + path[1]
		}
		return path[0]
	case "scorecard":
		col := strings.Join(path, ".")
		if len(path) == 4 && !slices.Contains(paths, col) {
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

// lowerASCII is strings.ToLower for value's words, without unicode's case
// tables in the calculator: only ASCII text lowers to "true" or "false"
// (the two other letters that lower to ASCII, U+0130 and U+212A, give i
// and k), and 是 and 否 have no case, so lowering the ASCII letters alone
// finds the same words.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// value reads a number or true/false (是/否; Excel's TRUE/FALSE).
func value(s string) (formula.Value, error) {
	switch lowerASCII(s) {
	case "true", "是":
		return formula.Value{Bool: true, IsBool: true}, nil
	case "false", "否":
		return formula.Value{IsBool: true}, nil
	}
	if simple(s) {
		if x, err := exact.Parse(s); err == nil {
			return formula.Value{Num: x}, nil
		}
	}
	if err := halfWidth(s); err != nil {
		return formula.Value{}, err
	}
	if plain, ok := grouped(s); ok {
		s = plain
	}
	if strings.HasSuffix(s, "%") {
		_, err := number(s)
		return formula.Value{}, err
	}
	x, err := exact.Parse(s)
	if err != nil {
		return formula.Value{}, errorf("%q is not a plain number (%s) nor true or false", s, plainNumber)
	}
	return formula.Value{Num: x}, nil
}

// number reads a plain decimal number, in the unit of its input; its
// thousands may be separated by commas, as Excel writes them (1,234.50).
func number(s string) (exact.Decimal, error) {
	if simple(s) {
		if x, err := exact.Parse(s); err == nil {
			return x, nil
		}
	}
	if err := halfWidth(s); err != nil {
		return exact.Decimal{}, err
	}
	if plain, ok := grouped(s); ok {
		s = plain
	}
	if strings.HasSuffix(s, "%") {
		return exact.Decimal{}, errorf("%q: write the number without %%, in the unit of the input (%s for %s)", s, strings.TrimSuffix(s, "%"), s)
	}
	x, err := exact.Parse(s)
	if err != nil {
		return exact.Decimal{}, errorf("%q is not a plain number (%s)", s, plainNumber)
	}
	return x, nil
}

// simple reports whether s has only digits, points and minus signs: no
// full-width character, thousands separator or percent sign to read (a
// number as people type it, read without the checks of number and value
// when exact.Parse takes it).
func simple(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

// thousands reports whether s is a number whose thousands are separated by
// commas, every group of three digits: unambiguous (1,000 is a thousand;
// 1,00 and 1,0000 are refused). It is ^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$
// written out, so that the calculator's WebAssembly carries no regexp.
func thousands(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac && (frac == "" || strings.ContainsFunc(frac, notDigit)) {
		return false
	}
	groups := strings.Split(whole, ",")
	if len(groups) < 2 || len(groups[0]) < 1 || len(groups[0]) > 3 || strings.ContainsFunc(groups[0], notDigit) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || strings.ContainsFunc(g, notDigit) {
			return false
		}
	}
	return true
}

func notDigit(r rune) bool { return r < '0' || r > '9' }

// grouped returns a number written with thousands separators without
// them. (It joins the groups rather than calling strings.ReplaceAll, whose
// code the calculator would link for this alone.)
func grouped(s string) (string, bool) {
	if !strings.Contains(s, ",") || !thousands(s) {
		return s, false
	}
	return strings.Join(strings.Split(s, ","), ""), true
}

// halfWidth refuses a cell typed with an input method's full-width
// characters (１２０, ，, ．, ＝, “ ”, a full-width space), naming what to type
// instead.
func halfWidth(s string) error {
	if !strings.ContainsFunc(s, isFullWidth) {
		return nil
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\u3000':
			b.WriteRune(' ')
		case r >= '\uff01' && r <= '\uff5e':
			b.WriteRune(r - 0xfee0)
		case r == '“' || r == '”':
			b.WriteRune('"')
		case r == '‘' || r == '’':
			b.WriteRune('\'')
		case r == '。':
			b.WriteRune('.')
		default:
			b.WriteRune(r)
		}
	}
	return errorf("%q has full-width characters (typed with a Chinese input method): type %q in half-width (switch the input method to English, or press Shift)", s, strings.TrimSpace(b.String()))
}

// isFullWidth reports whether r is a full-width form of an ASCII
// character, a full-width space, a curly quote or 。.
func isFullWidth(r rune) bool {
	return r >= '\uff01' && r <= '\uff5e' || r == '\u3000' || r == '“' || r == '”' || r == '‘' || r == '’' || r == '。'
}

// plainNumber says how to write a number.
var plainNumber = diag.Text{
	En: "digits, a leading - and a decimal point, thousands separated by commas or not: 1000, -3.5, 1,234.50; no + or exponent",
	Zh: "只写数字，可带负号 - 和小数点，千位可用逗号分隔：1000、-3.5、1,234.50；不写 + 号，不用科学计数法",
}

// count reads a whole number of at least min, written in digits only.
func count(s string, min int) (int, bool) {
	if halfWidth(s) != nil {
		return 0, false
	}
	if s == "" || strings.ContainsFunc(s, notDigit) || len(s) > 9 {
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
			return nil, errorf("%q: an empty %s (join them by a single |)", v, what)
		}
	}
	return ids, nil
}

// scoreColumn resolves a scorecard.CARD.ITEM[.NAME] column to a decoder
// typed by the shape of the item's input.
func scoreColumn(h *policy.Handbook, day civil.Date, path []string, card func(sc *policy.Scorecard) int) (cell, error) {
	if len(path) < 2 || len(path) > 3 {
		return nil, errorf("want scorecard.CARD.ITEM or scorecard.CARD.ITEM.NAME")
	}
	sc, _ := h.At(policy.KindScorecard, path[0], day).(*policy.Scorecard)
	if sc == nil {
		return nil, errorf("no scorecard %q in effect on %s", path[0], day.String())
	}
	var it *policy.Item
	slot, n := 0, 0 // the item's place in the card's order
	for pi := range sc.Part {
		for ii := range sc.Part[pi].Item {
			if sc.Part[pi].Item[ii].ID == path[1] {
				it, slot = &sc.Part[pi].Item[ii], n
			}
			n++
		}
	}
	if it == nil {
		return nil, errorf("scorecard %s has no item %q", path[0], path[1])
	}
	shape := shapeOf(it).Shape
	switch {
	case shape == policy.ShapeNamed && len(path) != 3:
		return nil, errorf("item %s takes named inputs: scorecard.%s.%s.NAME", it.ID, path[0], path[1])
	case shape != policy.ShapeNamed && len(path) == 3:
		return nil, errorf("item %s has no named inputs", it.ID)
	case shape == policy.ShapeNamed && !slices.Contains(inputNamesOf(it), path[2]):
		return nil, errorf("item %s has no input %q", it.ID, path[2])
	}
	k, id := card(sc), path[1]
	return func(c *decoded, v string) error {
		items := c.cards[k]
		var in engine.ItemInput // one column per item, but for named inputs
		switch shape {
		case policy.ShapeNamed:
			in = items[id]
			x, err := value(v)
			if err != nil {
				return err
			}
			if in.Named == nil {
				in.Named = map[string]formula.Value{}
			}
			in.Named[path[2]] = x
		case policy.ShapeYesNo:
			x, err := value(v)
			if err != nil || !x.IsBool {
				return errorf("item %s is scored yes/no: write true or false", it.ID)
			}
			in.Yes = c.flag(x.Bool)
		case policy.ShapeLevel:
			if err := halfWidth(v); err != nil {
				return err
			}
			l, ok := count(v, 1)
			if !ok || l > 5 {
				return errorf("item %s is scored by level: write 1 to 5", it.ID)
			}
			in.Level = l
		case policy.ShapePick:
			in.Choice = v
		case policy.ShapeChecks:
			if v == "none" || v == "无" {
				in.Checks = []string{}
				break
			}
			ids, err := split(v, "check id")
			if err != nil {
				return err
			}
			in.Checks = ids
		case policy.ShapeNumber:
			x, err := number(v)
			if err != nil {
				return err
			}
			in.Value = c.num(x)
		}
		items[id] = in
		c.slots[k][slot], c.given[k][slot] = in, true
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
				return errorf("%q: name the steps whose extra condition holds, e.g. 3:66:met=3 or 4:68:met=3+4", s)
			}
			if len(f) < 2 || len(f) > 3 || (len(f) == 3 && !strings.HasPrefix(f[2], "met=")) {
				return errorf("%q: want occurrence:rate or occurrence:rate:met=STEPS, e.g. 2:62 or 4:68:met=3+4", s)
			}
			occ, ok := count(f[0], 1)
			if !ok {
				return errorf("%q: the occurrence %q is not 1, 2, 3 …", s, f[0])
			}
			rate, err := number(f[1])
			if err != nil {
				return errorf("%q: the rate: %v", s, err)
			}
			var met []int
			if len(f) == 3 {
				for _, x := range strings.Split(strings.TrimPrefix(f[2], "met="), "+") {
					n, ok := count(x, 1)
					if !ok {
						return errorf("%q: the step %q in met= is not 1, 2, 3 … (steps are joined by +)", s, x)
					}
					met = append(met, n)
				}
			}
			p.Shortfalls = append(p.Shortfalls, engine.LadderShortfall{Ladder: strings.TrimPrefix(name, "ladder."),
				Occurrence: occ, Rate: rate, Met: met})
		}
	default:
		if err := halfWidth(v); err != nil {
			return err
		}
		n, ok := count(v, 0)
		if !ok {
			return errorf("%q is not a count (0, 1, 2 …)", v)
		}
		p.Events[name] = n
	}
	return nil
}
