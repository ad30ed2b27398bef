package inputs

import (
	"maps"
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

// Problem is a problem with one input of a case, placed at that input.
type Problem struct {
	// Path locates the input by the keys a case file gives it: ["role"],
	// ["period"], ["scorecard", CARD], ["scorecard", CARD, ITEM],
	// ["scorecard", CARD, ITEM, NAME], ["scorecard", CARD, ITEM, N] (the
	// N-th check of a checklist), ["pay", NAME], ["own", NAME], ["points"],
	// ["points", "events", ID], ["points", "awards", ID],
	// ["points", "shortfalls", N], ["red_lines"], ["red_lines", N],
	// ["history"], ["history", N, "period"], ["history", N, "pay", NAME] or
	// ["history", N, "own", NAME].
	// A missing input has the path it would have.
	Path    []string
	Message string // in English
	Zh      string // the message in Chinese
	// Missing is set when the input is not given at all.
	Missing bool
}

// Check checks the inputs of a case against the policies in effect on the
// day its period is settled, and returns every problem at once, each at the
// input it concerns: what the engine would refuse (a missing or unknown
// input, a value of the wrong kind, a level, choice or check its item does
// not have, a red line or points event the plan does not know) and what the
// engine would silently leave unused (an input the plan does not use in the
// period, points for a plan without a points system, history for a plan
// without a quarterly ledger, a period in which the plan pays nothing).
// Only a case without problems is worth computing; the engine may still
// refuse it for a reason no single input causes (a formula that gives a
// negative amount, a ledger that cannot run).
//
// A checklist item given with nil Checks counts as not given: a case lists
// the checks met, possibly none, as a non-nil slice.
func Check(h *policy.Handbook, c *engine.Case) []Problem {
	k := &checker{h: h, c: c}
	k.check()
	return k.problems
}

// CheckComputed is Check for a case the engine has just computed without
// error: it leaves out the checks that computing made (every item scored),
// and finds what the engine silently leaves unused. It is the fast path of
// batches, where almost every row computes.
func CheckComputed(h *policy.Handbook, c *engine.Case) []Problem {
	k := &checker{h: h, c: c, computed: true}
	k.check()
	return k.problems
}

// Lookups remembers the policies a checker looked up (by kind, id and
// day), for the next entry of the same form: a batch looks up a role, its
// plan and its scorecards once per role, not once per row. The last few
// are found without hashing (a row's role, plan and scorecards, when the
// rows before had the same role). One Lookups serves one goroutine.
type Lookups struct {
	recent [8]remembered
	next   int // the entry of recent to replace
	all    map[lookup]policy.Policy
}

// remembered is a lookup and its policy.
type remembered struct {
	key lookup
	p   policy.Policy
}

type lookup struct {
	kind policy.Kind
	id   string
	day  civil.Date
}

type checker struct {
	memo     *Lookups // nil: look up every time
	h        *policy.Handbook
	c        *engine.Case
	computed bool       // the engine scored every item without error
	day      civil.Date // the day the case's period is settled
	problems []Problem
	fedBad   map[string]bool // items a pay plan computes whose problem is reported already
	cardPath [2]string       // the path of the scorecard being checked, which only sub copies
	form     *Form           // the form whose entry is checked, or nil
	entry    *decoded        // that entry, whose slots hold its item inputs
	fedCard  string          // the scorecard fed replaced with a copy, or ""
}

// slots returns the item inputs of a card of the checked entry by the
// card's items in order, and which are given, when the case's items of
// the card are the entry's as its cells decoded them (not a copy fed
// filled in) for the version sc of the card; nil otherwise.
func (k *checker) slots(id string, sc *policy.Scorecard) ([]engine.ItemInput, []bool) {
	if k.form == nil || id == k.fedCard {
		return nil, nil
	}
	for i, card := range k.form.cards {
		if card == id && k.form.cardSC[i] == sc {
			return k.entry.slots[i], k.entry.given[i]
		}
	}
	return nil, nil
}

// The paths the checks of pay inputs and own values start from, which only
// sub copies.
var (
	payPath = []string{"pay"}
	ownPath = []string{"own"}
)

// at is h.At, remembered in k.memo.
func (k *checker) at(kind policy.Kind, id string, d civil.Date) policy.Policy {
	if k.memo == nil {
		return k.h.At(kind, id, d)
	}
	m, key := k.memo, lookup{kind, id, d}
	for i := range m.recent {
		if m.recent[i].key == key {
			return m.recent[i].p
		}
	}
	p, ok := m.all[key]
	if !ok {
		p = k.h.At(kind, id, d)
		if m.all == nil {
			m.all = map[lookup]policy.Policy{}
		}
		m.all[key] = p
	}
	m.recent[m.next] = remembered{key, p}
	m.next = (m.next + 1) % len(m.recent)
	return p
}

// dayText writes the settlement day, for messages only (formatting it for
// every row of a batch would cost more than the rest of the check).
func (k *checker) dayText() string { return k.day.String() }

// add adds a problem at an input, its message in both languages (zh).
func (k *checker) add(path []string, format string, args ...any) {
	t := zh.Sprintf(format, args...)
	k.problems = append(k.problems, Problem{Path: path, Message: t.En, Zh: t.Zh})
}

// missing adds a problem of an input not given.
func (k *checker) missing(path []string, format string, args ...any) {
	t := zh.Sprintf(format, args...)
	k.problems = append(k.problems, Problem{Path: path, Message: t.En, Zh: t.Zh, Missing: true})
}

func (k *checker) check() {
	c, d := k.c, k.day // a form's checker is given its period's day
	if d.IsZero() {
		d = c.Period.Settled()
		k.day = d
	}
	role, _ := k.at(policy.KindRole, c.Role, d).(*policy.Role)
	if role == nil {
		k.add([]string{"role"}, "no role %q in effect on %s", c.Role, k.dayText())
		return
	}
	cards := k.fed(role, d)
	var ids [4]string // a role has a scorecard or two: sorted without allocating
	for _, id := range sorted.AppendKeys(ids[:0], cards) {
		if !slices.Contains(role.Scorecards, id) {
			k.add([]string{"scorecard", id}, "scorecard %s is not one of role %s's (%s)", id, role.ID, list(role.Scorecards))
			continue
		}
		sc, _ := k.at(policy.KindScorecard, id, d).(*policy.Scorecard)
		if sc == nil {
			k.add([]string{"scorecard", id}, "no scorecard %q in effect on %s", id, k.dayText())
			continue
		}
		k.cardPath = [2]string{"scorecard", id}
		slots, given := k.slots(id, sc)
		k.scorecard(k.cardPath[:], sc, cards[id], slots, given)
	}
	if role.PayPlan == "" {
		for _, given := range []struct {
			key string
			ok  bool
		}{{"pay", c.Pay != nil}, {"own", c.Own != nil}, {"points", c.Points != nil}, {"red_lines", len(c.RedLines) > 0}, {"history", len(c.History) > 0}, {"leave", c.Leave != nil}} {
			if given.ok {
				k.add([]string{given.key}, "role %s has no pay plan: nothing uses %s", role.ID, given.key)
			}
		}
		return
	}
	plan, _ := k.at(policy.KindPayPlan, role.PayPlan, d).(*policy.PayPlan)
	if plan == nil {
		k.add([]string{"role"}, "role %s's pay plan %s is not in effect on %s", role.ID, role.PayPlan, k.dayText())
		return
	}
	period := c.Period.Kind
	if plan.Lines(period) == 0 {
		k.add([]string{"period"}, "pay plan %s pays nothing in %s: its components are settled %s", plan.ID, settlement(period), settled(plan))
		return
	}
	k.pay(payPath, plan, period, c.Pay, c.Scorecards)
	k.own(ownPath, plan, period, c.Own)
	if plan.Scorecard != "" && engine.UsesScore(plan, period) && c.Scorecards[plan.Scorecard] == nil {
		k.missing([]string{"scorecard", plan.Scorecard}, "pay plan %s needs the inputs of scorecard %s in %s", plan.ID, plan.Scorecard, settlement(period))
	}
	k.points(plan, period)
	k.redLines(plan)
	k.history(plan, period)
	k.leave(plan, period)
}

// leave checks a departure: the plan has a rule for its case, the months
// are 0 to 12, and a rule changes a component settled in the period (a
// departure given for a month whose pay it does not change would pass
// unnoticed).
func (k *checker) leave(plan *policy.PayPlan, period policy.PeriodKind) {
	l := k.c.Leave
	if l == nil {
		return
	}
	var cases []string
	applies := false
	for i := range plan.LeaveRule {
		lr := &plan.LeaveRule[i]
		cases = append(cases, string(lr.Case))
		if lr.Case != l.Case {
			continue
		}
		for j := range plan.Component {
			if c := &plan.Component[j]; plan.PeriodOf(c) == period && slices.Contains(lr.Components, c.Name) {
				applies = true
			}
		}
	}
	switch {
	case len(cases) == 0:
		k.add([]string{"leave"}, "pay plan %s has no leave rules: a departure changes none of its pay", plan.ID)
	case !slices.Contains(cases, string(l.Case)):
		k.add([]string{"leave", "case"}, "pay plan %s has no leave rule for %q (its cases: %s)", plan.ID, string(l.Case), list(cases))
	case !applies:
		k.add([]string{"leave"}, "pay plan %s's %s rule changes no component settled in %s: give the departure with the settlement it changes", plan.ID, string(l.Case), settlement(period))
	}
	if l.Months < 0 || l.Months > 12 {
		k.add([]string{"leave", "months"}, "%d months served: write 0 to 12", l.Months)
	}
}

// fed returns the case's scorecards with the items the role's pay plan
// computes from pay inputs filled in, reporting at the item one given as
// well with another number.
func (k *checker) fed(role *policy.Role, d civil.Date) map[string]map[string]engine.ItemInput {
	c := k.c
	plan, _ := k.at(policy.KindPayPlan, role.PayPlan, d).(*policy.PayPlan)
	if plan == nil || len(plan.Feed) == 0 || c.Scorecards[plan.Scorecard] == nil {
		return c.Scorecards
	}
	items := maps.Clone(c.Scorecards[plan.Scorecard])
	sc, _ := k.at(policy.KindScorecard, plan.Scorecard, d).(*policy.Scorecard)
	for i := range plan.Feed {
		f := &plan.Feed[i]
		if f.Expr == nil {
			continue // not compiled: nothing computes it
		}
		path := []string{"scorecard", plan.Scorecard, f.Item}
		from := strings.Join(f.Expr.Names(), ", ")
		in, given := items[f.Item]
		x, ok, err := engine.FedItem(plan, f, in.Value, c.Pay, c.Own)
		var it *policy.Item
		if sc != nil {
			it = sc.Item(f.Item)
		}
		switch {
		case err != nil:
			k.add(path, "%s: %v; it is computed from %s", f.Item, err, from)
			k.markFed(f.Item)
		case !ok:
		case it != nil && it.Input != nil && CheckBoundText(it.Input.Kind, x).En != "":
			k.add(path, "%s is computed from %s as %s: %s; correct the inputs it is computed from", f.Item, from, x, CheckBoundText(it.Input.Kind, x))
			k.markFed(f.Item)
		case !given:
			items[f.Item] = engine.ItemInput{Value: &x}
		}
	}
	cards := maps.Clone(c.Scorecards)
	cards[plan.Scorecard] = items
	k.fedCard = plan.Scorecard
	return cards
}

// markFed records that the problem of an item the pay plan computes is
// reported, so that the item is not reported again as missing or wrong.
func (k *checker) markFed(item string) {
	if k.fedBad == nil {
		k.fedBad = map[string]bool{}
	}
	k.fedBad[item] = true
}

// scorecard checks a scorecard's inputs item by item: in, or, when slots
// is not nil, the same inputs by the card's items in order and isGiven,
// which of them are given. (A batch checks every row: the paths of
// problems are made only when there is one.)
func (k *checker) scorecard(path []string, sc *policy.Scorecard, in map[string]engine.ItemInput, slots []engine.ItemInput, isGiven []bool) {
	found, slot := 0, 0
	for pi := range sc.Part {
		for ii := range sc.Part[pi].Item {
			it := &sc.Part[pi].Item[ii]
			var v engine.ItemInput
			var given bool
			if slots != nil { // in the card's order: no lookup by id
				v, given = slots[slot], isGiven[slot]
			} else {
				v, given = in[it.ID]
			}
			slot++
			if given {
				found++
			}
			if k.fedBad[it.ID] {
				continue
			}
			shape := shapeOf(it).Shape
			if shape == policy.ShapeChecks {
				k.checklist(path, it, v.Checks)
				continue
			}
			if shape == policy.ShapeNamed && given && !k.named(path, it, v.Named) {
				continue
			}
			if shape == policy.ShapeNamed && !given {
				for _, def := range it.Inputs { // each named input has its own place
					k.missing(sub(sub(path, it.ID), def.Name), "no input given: item %s needs %s（%s）", it.ID, def.Name, def.Label)
				}
				continue
			}
			if given && v.Value != nil && it.Input != nil {
				if msg := CheckBoundText(it.Input.Kind, *v.Value); msg.En != "" {
					k.add(sub(path, it.ID), "%s", msg)
					continue
				}
			}
			if k.computed {
				continue
			}
			if _, _, err := engine.ScoreItem(it, v); err != nil && !given {
				k.missing(sub(path, it.ID), "%v", err)
			} else if err != nil {
				k.add(sub(path, it.ID), "%v", err)
			}
		}
	}
	if found == len(in) {
		return
	}
	for _, id := range sorted.Keys(in) {
		if sc.Item(id) == nil {
			k.add(sub(path, id), "scorecard %s has no item %q", sc.ID, id)
		}
	}
}

// sub is path with more keys, in a slice of its own.
func sub(path []string, more ...string) []string {
	return append(slices.Clip(path), more...)
}

// checklist checks the checks met of a checklist item: given (possibly
// none), each known and each once.
func (k *checker) checklist(card []string, it *policy.Item, checks []string) {
	path := sub(card, it.ID)
	ids := checkIDs(it)
	if checks == nil {
		k.missing(path, "no input given: list the checks met, of %s (when none is met: an empty list, or none in a payout CSV)", list(ids))
		return
	}
	seen := map[string]bool{}
	for i, id := range checks {
		p := append(slices.Clip(path), strconv.Itoa(i))
		switch {
		case !slices.Contains(ids, id):
			k.add(p, "item %s has no check %q (its checks: %s)", it.ID, id, list(ids))
		case seen[id]:
			k.add(p, "check %s is given twice", id)
		}
		seen[id] = true
	}
}

// named checks the named inputs of a formula item: each given, each known,
// each of its kind. It reports whether they are all right.
func (k *checker) named(card []string, it *policy.Item, in map[string]formula.Value) bool {
	path := sub(card, it.ID)
	n := len(k.problems)
	for _, def := range it.Inputs {
		if _, ok := in[def.Name]; !ok {
			k.missing(sub(path, def.Name), "no input given: item %s needs %s（%s）", it.ID, def.Name, def.Label)
		}
	}
	for _, name := range sorted.Keys(in) {
		p := append(slices.Clip(path), name)
		def, ok := namedInput(it, name)
		switch {
		case !ok:
			k.add(p, "item %s has no input %q (its inputs: %s)", it.ID, name, list(inputNamesOf(it)))
		case def.Kind == "yesno" && !in[name].IsBool:
			k.add(p, "%s is yes/no: write true or false", name)
		case def.Kind != "yesno" && in[name].IsBool:
			k.add(p, "%s is a number, not yes/no", name)
		case def.Kind != "yesno":
			if msg := CheckBoundText(def.Kind, in[name].Num); msg.En != "" {
				k.add(p, "%s", msg)
			}
		}
	}
	return len(k.problems) == n
}

// namedInput returns the named input name of a formula item.
func namedInput(it *policy.Item, name string) (policy.Input, bool) {
	for _, def := range it.Inputs {
		if def.Name == name {
			return def, true
		}
	}
	return policy.Input{}, false
}

// pay checks a plan's inputs for a period: every input used is given, by
// hand or, for a score that names its scorecard, by that scorecard's items
// (not both); every input given is the plan's, of its kind, and used in
// the period.
func (k *checker) pay(path []string, plan *policy.PayPlan, period policy.PeriodKind, in map[string]formula.Value, cards map[string]map[string]engine.ItemInput) {
	found := 0
	for i := range plan.Input {
		def := &plan.Input[i]
		v, given := in[def.Name]
		scored := def.Scorecard != "" && cards[def.Scorecard] != nil
		counted := def.Event != "" && k.c.Points != nil
		uses := plan.UsesInput(period, i)
		// A number out of its bounds is that, before it is a count that
		// disagrees with the points (a review saw -1 and 1.5 told only
		// that the month counted 0).
		var bound diag.Text
		if given && !v.IsBool && def.Kind != "yesno" {
			bound = CheckBoundText(def.Kind, v.Num)
		}
		switch {
		case given && counted && v.IsBool && def.Kind != "yesno":
			k.add(sub(path, def.Name), "%s is a number, not yes/no", def.Name)
		case given && counted && bound.En != "":
			k.add(sub(path, def.Name), "%s", bound)
		case given && counted && v.Num.Cmp(exact.FromInt(int64(k.c.Points.Events[def.Event]))) != 0:
			k.add(sub(path, def.Name), "%s is %s, but the points of the month count event %s %d times: they must agree (or give only the points)", def.Name, v.Text(), def.Event, k.c.Points.Events[def.Event])
		case counted:
		case given && scored:
			k.add(sub(path, def.Name), "%s is given, and computed from scorecard %s as well: give one of them", def.Name, def.Scorecard)
		case !given && uses && def.Event != "":
			k.missing(sub(path, def.Name), "no input given: pay plan %s needs %s（%s）in %s, or the month's points, which count it as event %s", plan.ID, def.Name, def.Label, settlement(period), def.Event)
		case !given && !scored && uses && def.Scorecard != "":
			k.missing(sub(path, def.Name), "no input given: pay plan %s needs %s（%s）in %s, or the inputs of scorecard %s", plan.ID, def.Name, def.Label, settlement(period), def.Scorecard)
		case !given && !scored && uses:
			k.missing(sub(path, def.Name), "no input given: pay plan %s needs %s（%s）in %s", plan.ID, def.Name, def.Label, settlement(period))
		case !given:
		case def.Kind == "yesno" && !v.IsBool:
			k.add(sub(path, def.Name), "%s is yes/no: write true or false", def.Name)
		case def.Kind != "yesno" && v.IsBool:
			k.add(sub(path, def.Name), "%s is a number, not yes/no", def.Name)
		case !uses:
			k.add(sub(path, def.Name), "pay plan %s does not use %s in %s", plan.ID, def.Name, settlement(period))
		case bound.En != "":
			k.add(sub(path, def.Name), "%s", bound)
		}
		if given {
			found++
		}
	}
	if found == len(in) {
		return
	}
	for _, name := range sorted.Keys(in) {
		if !hasInput(plan, name) {
			k.add(sub(path, name), "pay plan %s has no input %q", plan.ID, name)
		}
	}
}

// own checks the person's own values: each of a personal parameter of the
// plan that a component settled in the period uses, within its range.
func (k *checker) own(path []string, plan *policy.PayPlan, period policy.PeriodKind, own map[string]exact.Decimal) {
	for _, name := range sorted.Keys(own) {
		p := sub(path, name)
		pa := plan.PersonalParam(name)
		switch {
		case pa == nil && hasParam(plan, name):
			k.add(p, "parameter %s of pay plan %s is not personal: everyone has the plan's value", name, plan.ID)
		case pa == nil:
			k.add(p, "pay plan %s has no personal parameter %q (its personal parameters: %s)", plan.ID, name, list(personalNames(plan)))
		case !plan.Uses(period, name):
			k.add(p, "pay plan %s does not use %s in %s", plan.ID, name, settlement(period))
		default:
			if msg := OwnBound(pa).CheckText(own[name]); msg.En != "" {
				k.add(p, "%s", msg)
			}
		}
	}
}

// hasInput reports whether a plan has a pay input name.
func hasInput(plan *policy.PayPlan, name string) bool {
	for i := range plan.Input {
		if plan.Input[i].Name == name {
			return true
		}
	}
	return false
}

// hasParam reports whether a plan has a parameter name.
func hasParam(plan *policy.PayPlan, name string) bool {
	for i := range plan.Param {
		if plan.Param[i].Name == name {
			return true
		}
	}
	return false
}

// personalNames lists the names of a plan's personal parameters.
func personalNames(plan *policy.PayPlan) []string {
	var out []string
	for _, pa := range plan.PersonalParams() {
		out = append(out, pa.Name)
	}
	return out
}

// points checks the month under the plan's points system.
func (k *checker) points(plan *policy.PayPlan, period policy.PeriodKind) {
	in := k.c.Points
	needed := plan.PointsSystem != "" && engine.UsesScore(plan, period)
	switch {
	case in == nil && needed:
		k.missing([]string{"points"}, "pay plan %s needs the month under points system %s", plan.ID, plan.PointsSystem)
		return
	case in == nil:
		return
	case plan.PointsSystem == "":
		k.add([]string{"points"}, "pay plan %s has no points system: points are not used", plan.ID)
		return
	case !needed:
		k.add([]string{"points"}, "pay plan %s does not use points in %s", plan.ID, settlement(period))
		return
	}
	ps, _ := k.at(policy.KindPoints, plan.PointsSystem, k.day).(*policy.Points)
	if ps == nil {
		k.add([]string{"points"}, "no points system %q in effect on %s", plan.PointsSystem, k.dayText())
		return
	}
	// The engine refuses every bad event, award and shortfall, but computes
	// with any rate: its bound is checked in any case.
	for i, s := range in.Shortfalls {
		if msg := CheckBoundText("percent", s.Rate); msg.En != "" {
			k.add([]string{"points", "shortfalls", strconv.Itoa(i)}, "the rate: %s", msg)
		}
	}
	if k.computed {
		return
	}
	for _, id := range sorted.Keys(in.Events) {
		p := []string{"points", "events", id}
		switch e := ps.EventOf(id); {
		case e == nil:
			k.add(p, "points system %s has no event %q", ps.ID, id)
		case e.Discretionary:
			k.add(p, "%s is discretionary: give the points of each award under awards", id)
		case in.Events[id] < 0:
			k.add(p, "%d occurrences: want 0 or more", in.Events[id])
		}
	}
	for _, id := range sorted.Keys(in.Awards) {
		p := []string{"points", "awards", id}
		e := ps.EventOf(id)
		if e == nil || !e.Discretionary {
			k.add(p, "points system %s has no discretionary event %q", ps.ID, id)
			continue
		}
		for _, a := range in.Awards[id] {
			if a.Sign() < 0 || (e.Max != nil && a.Cmp(*e.Max) > 0) {
				k.add(p, "award %s is outside 0–%s", a, e.Max)
			}
		}
	}
	for i, s := range in.Shortfalls {
		p := []string{"points", "shortfalls", strconv.Itoa(i)}
		switch ld := ps.LadderOf(s.Ladder); {
		case ld == nil:
			k.add(p, "points system %s has no ladder %q", ps.ID, s.Ladder)
		case s.Occurrence < 1:
			k.add(p, "occurrence %d: want 1 or more", s.Occurrence)
		default:
			for _, m := range engine.MetProblems(ld, s.Met) {
				k.add(p, "%s", m)
			}
		}
	}
}

// redLines checks the red lines touched: each known to the plan's red-line
// policy, each once.
func (k *checker) redLines(plan *policy.PayPlan) {
	if len(k.c.RedLines) == 0 {
		return
	}
	if plan.RedLines == "" {
		k.add([]string{"red_lines"}, "pay plan %s names no red-line policy", plan.ID)
		return
	}
	rl, _ := k.at(policy.KindRedLines, plan.RedLines, k.day).(*policy.RedLines)
	if rl == nil {
		k.add([]string{"red_lines"}, "no red-line policy %q in effect on %s", plan.RedLines, k.dayText())
		return
	}
	known := map[string]bool{}
	for _, l := range rl.Line {
		known[l.ID] = true
	}
	seen := map[string]bool{}
	for i, id := range k.c.RedLines {
		p := []string{"red_lines", strconv.Itoa(i)}
		switch {
		case id == "":
			k.add(p, "an empty red line id")
		case !known[id]:
			k.add(p, "red-line policy %s has no red line %q", rl.ID, id)
		case seen[id]:
			k.add(p, "red line %s is given twice", id)
		}
		seen[id] = true
	}
}

// history checks the earlier quarters of a ledger: only a quarterly
// settlement of a plan with a ledger uses them, and they are the quarters
// just before the case's, in order.
func (k *checker) history(plan *policy.PayPlan, period policy.PeriodKind) {
	hist := k.c.History
	if len(hist) == 0 {
		return
	}
	ledger := plan.HasLedger()
	switch {
	case !ledger:
		k.add([]string{"history"}, "pay plan %s keeps no quarterly ledger: history is not used", plan.ID)
		return
	case period != policy.Quarterly:
		k.add([]string{"history"}, "history is used only in a quarterly settlement, not in %s", settlement(period))
		return
	}
	for i, q := range hist {
		p := []string{"history", strconv.Itoa(i)}
		want := k.c.Period
		for range len(hist) - i {
			want = previousQuarter(want)
		}
		if q.Label != want.String() {
			k.add(append(p, "period"), "want %s: history lists the quarters just before %s, oldest first", want, k.c.Period)
		}
		// An earlier quarter gives its score, not its card's items: inputs the
		// plan takes from its own card come from that score.
		var cards map[string]map[string]engine.ItemInput
		if q.Score != nil && plan.Scorecard != "" {
			cards = map[string]map[string]engine.ItemInput{plan.Scorecard: {}}
		}
		if q.Score == nil && (plan.Scorecard != "" || plan.PointsSystem != "") {
			k.missing(append(slices.Clip(p), "score"), "no score given for %s: the ledger needs each earlier quarter's score", q.Label)
		} else if q.Score != nil {
			if msg := CheckBoundText("score", *q.Score); msg.En != "" {
				k.add(append(slices.Clip(p), "score"), "%s's score: %s", q.Label, msg)
			}
		}
		k.pay(append(slices.Clip(p), "pay"), plan, policy.Quarterly, q.Values, cards)
		k.own(append(slices.Clip(p), "own"), plan, policy.Quarterly, q.Own)
	}
}

func previousQuarter(p engine.Period) engine.Period {
	if p.Quarter == 1 {
		return engine.Period{Kind: policy.Quarterly, Year: p.Year - 1, Quarter: 4}
	}
	return engine.Period{Kind: policy.Quarterly, Year: p.Year, Quarter: p.Quarter - 1}
}

// periodName names a period kind in both languages: monthly, 月度.
func periodName(period policy.PeriodKind) diag.Text {
	zh := string(period)
	switch period {
	case policy.Monthly:
		zh = "月度"
	case policy.Quarterly:
		zh = "季度"
	case policy.Annual:
		zh = "年度"
	}
	return diag.Text{En: string(period), Zh: zh}
}

// settlement names a settlement of a period kind in both languages: "a
// monthly settlement", 月度结算.
func settlement(period policy.PeriodKind) diag.Text {
	switch period {
	case policy.Annual:
		return diag.Text{En: "an annual settlement", Zh: "年度结算"}
	case policy.Quarterly:
		return diag.Text{En: "a quarterly settlement", Zh: "季度结算"}
	case policy.Monthly:
		return diag.Text{En: "a monthly settlement", Zh: "月度结算"}
	}
	return diag.Text{En: "a " + string(period) + " settlement", Zh: string(period) + " 结算"}
}

// settled lists the periods in which a plan has components.
func settled(p *policy.PayPlan) diag.Text {
	var en, zh []string
	for _, period := range policy.Periods {
		if p.Lines(period) > 0 {
			en = append(en, string(period))
			zh = append(zh, periodName(period).Zh)
		}
	}
	if len(en) == 0 {
		return diag.Text{En: "none", Zh: "无"}
	}
	return diag.Text{En: strings.Join(en, ", "), Zh: strings.Join(zh, "、")}
}

func checkIDs(it *policy.Item) []string {
	var out []string
	for _, c := range shapeOf(it).Options {
		out = append(out, c.ID)
	}
	return out
}

func inputNamesOf(it *policy.Item) []string {
	var out []string
	for _, in := range it.Inputs {
		out = append(out, in.Name)
	}
	return out
}

// list joins ids for a message, "none" (无) for none.
func list(s []string) diag.Text {
	if len(s) == 0 {
		return diag.Text{En: "none", Zh: "无"}
	}
	j := strings.Join(s, ", ")
	return diag.Text{En: j, Zh: j}
}
