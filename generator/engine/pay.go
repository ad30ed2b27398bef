package engine

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/printf"
	"github.com/kefu-hr/handbook/generator/internal/sorted"
	"github.com/kefu-hr/handbook/generator/policy"
)

// PayInput is what a pay plan needs for one person and period.
type PayInput struct {
	// Period selects the components: those whose period (or, when they
	// declare none, the plan's) equals it. Empty means the plan's period.
	Period policy.PeriodKind
	// Values holds the plan's inputs by name.
	Values map[string]formula.Value
	// Own holds the person's own values of the plan's personal parameters
	// by name; a personal parameter not in it takes the plan's value.
	Own map[string]exact.Decimal
	// Score is the total of the plan's scorecard or points system.
	Score *exact.Decimal
	// RedLines lists the ids of red lines touched in the period.
	RedLines []string
	// Leave says how the person left before the end of the service period,
	// or is nil.
	Leave *Leave
}

// Leave is a departure before the end of the service period: which of the
// plan's leave rules applies (its case, e.g. voluntary or dismissal) and how
// many months of the period were served.
type Leave struct {
	Case   policy.LeaveCase
	Months int // 0–12
}

// ComponentResult is one computed pay component.
type ComponentResult struct {
	Name, Title string
	Kind        policy.ComponentKind
	Amount      exact.Decimal // rounded by the plan's rule; positive
	Withheld    bool          // held back because of a red line
}

// RedLineHit is a red line touched in the period, with its consequences.
type RedLineHit struct {
	ID, Title    string
	Consequences []string
	Effect       string
}

// PayResult is a computed pay plan.
type PayResult struct {
	Plan       string
	Version    int
	Components []ComponentResult
	// Total is what the person is paid: every component added, deductions
	// subtracted, pools and withheld amounts left out.
	Total    exact.Decimal
	RedLines []RedLineHit
	Trace    []Step

	withhold []policy.ComponentKind // component kinds held back by the red lines touched
}

// payScope evaluates a plan's formulas.
type payScope struct {
	vals map[string]formula.Value // inputs, score and components
	plan *policy.PayPlan          // params and tables
	t    Tables
	// An untraced computation with a Scratch keeps the values by slot
	// instead of in vals, the parameters' included: has tells which are set.
	ps    *planSlots
	slots []formula.Value
	has   []bool
}

func (s *payScope) Value(name string) (formula.Value, bool) {
	if s.ps != nil {
		if i, ok := s.ps.slot[name]; ok && s.has[i] {
			return s.slots[i], true
		}
		return formula.Value{}, false // every parameter has a slot
	}
	if v, ok := s.vals[name]; ok {
		return v, true
	}
	v, ok := s.plan.ParamValues[name]
	return v, ok
}

// Slot returns the value of the name numbered i by the plan's slots.
func (s *payScope) Slot(i int) (formula.Value, bool) { return s.slots[i], s.has[i] }

// set gives a name, whose slot is i, a value.
func (s *payScope) set(name string, i int, v formula.Value) {
	if s.ps != nil {
		s.slots[i], s.has[i] = v, true
		return
	}
	s.vals[name] = v
}

// planSlots numbers the names of a pay plan's formulas, for computing
// person after person untraced: each input, the score, each parameter and
// each component has a slot (a name that is more than one of these has
// one), and the formulas of the components are compiled with them.
type planSlots struct {
	slot    map[string]int
	inputs  []int // the slot of each input, in the plan's order
	score   int
	comps   []int               // the slot of each component, in the plan's order
	formula []*formula.Compiled // the formula of each component
	base    []formula.Value     // the parameters' values in their slots
	baseHas []bool
}

// newPlanSlots numbers a plan's names and compiles its components'
// formulas with them.
func newPlanSlots(p *policy.PayPlan) *planSlots {
	ps := &planSlots{slot: map[string]int{}}
	add := func(name string) int {
		i, ok := ps.slot[name]
		if !ok {
			i = len(ps.slot)
			ps.slot[name] = i
		}
		return i
	}
	for _, def := range p.Input {
		ps.inputs = append(ps.inputs, add(def.Name))
	}
	ps.score = add("score")
	for i := range p.Param {
		add(p.Param[i].Name)
	}
	for name := range p.ParamValues {
		add(name)
	}
	for i := range p.Component {
		ps.comps = append(ps.comps, add(p.Component[i].Name))
	}
	ps.base, ps.baseHas = make([]formula.Value, len(ps.slot)), make([]bool, len(ps.slot))
	for name, v := range p.ParamValues {
		ps.base[ps.slot[name]], ps.baseHas[ps.slot[name]] = v, true
	}
	slotOf := func(name string) (int, bool) {
		i, ok := ps.slot[name]
		return i, ok
	}
	ps.formula = make([]*formula.Compiled, len(p.Component))
	for i := range p.Component {
		if e := p.Component[i].Exprs["formula"]; e != nil {
			ps.formula[i] = e.Compile(slotOf)
		}
	}
	return ps
}

// Label names an input, parameter, component or the score for people, in
// explanations.
func (s *payScope) Label(name string) string {
	p := s.plan
	for i := range p.Input {
		if p.Input[i].Name == name {
			return p.Input[i].Label
		}
	}
	for i := range p.Param {
		if p.Param[i].Name == name {
			return p.Param[i].Label
		}
	}
	for i := range p.Component {
		if p.Component[i].Name == name {
			return p.Component[i].Title
		}
	}
	if name == "score" {
		return "考核得分"
	}
	return ""
}

func (s *payScope) Lookup(name string, x exact.Decimal) (exact.Decimal, error) {
	if tb := s.plan.Tables[name]; tb != nil {
		if i, ok := tb.Find(x); ok {
			return tb.Rows[i].Value, nil
		}
		return zero, zh.Errorf("%s lands in no row of table %q", x, name)
	}
	if b := s.t.Bands(name); b != nil {
		if r := b.Find(x); r != nil && r.Value != nil {
			return *r.Value, nil
		}
		return zero, zh.Errorf("%s lands in no row of %q", x, name)
	}
	return zero, zh.Errorf("no table %q", name)
}

// Pay computes a pay plan with its trace. Every missing input is reported at
// once.
func Pay(p *policy.PayPlan, in PayInput, t Tables) (PayResult, error) {
	return pay(p, in, t, true, nil)
}

func pay(p *policy.PayPlan, in PayInput, t Tables, trace bool, sc *Scratch) (PayResult, error) {
	var r PayResult
	if err := r.compute(p, in, t, trace, sc); err != nil {
		return PayResult{}, err
	}
	return r, nil
}

// compute is pay, into r.
func (r *PayResult) compute(p *policy.PayPlan, in PayInput, t Tables, trace bool, sc *Scratch) error {
	period := cmp.Or(in.Period, p.Period)
	r.Plan, r.Version, r.Total, r.Components = p.ID, p.Version, zero, make([]ComponentResult, 0, p.Lines(period))
	rule := p.RoundingRule()
	leave, lerr := leaveRules(p, in.Leave)
	s, err := planScope(p, in, t, sc, !trace)
	if err != nil || lerr != nil {
		if s != nil {
			s.release(sc)
		}
		return joinInputErrors(err, lerr)
	}
	defer s.release(sc)

	if len(in.RedLines) > 0 {
		rl := t.RedLines(p.RedLines)
		if rl == nil {
			return inputErrorf("red lines were touched, but the plan names no red-line policy")
		}
		for _, id := range in.RedLines {
			var l *policy.RedLine
			for i := range rl.Line {
				if rl.Line[i].ID == id {
					l = &rl.Line[i]
				}
			}
			if l == nil {
				return inputErrorf("unknown red line %q", id)
			}
			r.RedLines = append(r.RedLines, RedLineHit{ID: l.ID, Title: l.Title, Consequences: rl.Consequences, Effect: rl.PayEffect.Text})
			r.Trace = addStep(r.Trace, rl.Head(), l.ID, "pay_effect", nil, "触及", RedLineTouched{Line: *l, Policy: rl})
		}
		r.withhold = rl.PayEffect.Withhold // none without a red line
	}

	if trace {
		r.Trace = append(r.Trace, personalSteps(p, period, in.Own)...)
	}
	if trace && in.Leave != nil {
		for i := range p.LeaveRule {
			if lr := &p.LeaveRule[i]; lr.Case == in.Leave.Case {
				r.Trace = addStep(r.Trace, p.Head(), "leave", string(lr.Case), []Operand{operand("服务月数", strconv.Itoa(in.Leave.Months), "月")}, leaveEffect(lr.Effect, in.Leave.Months), LeaveNoted{Rule: lr, Months: in.Leave.Months})
			}
		}
	}

	for i := range p.Component {
		c := &p.Component[i]
		if p.PeriodOf(c) != period {
			continue
		}
		if c.Kind == policy.Ledger {
			continue // computed across quarters by Ledger; Compute adds it
		}
		// With a trace the formula is worked through once, for its value
		// and its explanation (Explain gives Eval's value exactly).
		e := c.Exprs["formula"]
		var worked formula.Explanation
		var v formula.Value
		switch {
		case trace:
			worked, err = e.Explain(s)
			v = worked.Value
		case s.ps != nil:
			v, err = s.ps.formula[i].Eval(s)
		default:
			v, err = e.Eval(s)
		}
		amt := v.Num.Round(rule.Places, rule.Mode)
		if err == nil && !amt.IsFinite() {
			err = ErrNotFinite
		}
		if err != nil {
			return zh.Errorf("%s: %v", c.Name, err)
		}
		if amt.Sign() < 0 {
			return negativeAmount{zh.Errorf("%s: the formula gives a negative amount %s; write deductions as positive amounts of kind deduction", c.Name, amt)}
		}
		var left *LeaveApplied // what leaving did to the amount, for the trace
		if lr := leave[c.Name]; lr != nil {
			full := amt
			switch lr.Effect {
			case "forfeit":
				amt = zero.Round(rule.Places, rule.Mode)
			case "prorate":
				amt, _ = full.Mul(exact.FromInt(int64(in.Leave.Months))).Quo(exact.FromInt(12))
				amt = amt.Round(rule.Places, rule.Mode)
			}
			if trace {
				left = &LeaveApplied{Rule: lr, Months: in.Leave.Months, Full: full, Amount: amt}
			}
		}
		s.set(c.Name, s.compSlot(i), formula.Value{Num: amt})
		withheld := r.addAmount(c.Name, c.Title, c.Kind, amt)
		if !trace {
			continue
		}
		clause := "formula"
		if withheld {
			clause = "withheld"
		}
		r.Trace = addStep(r.Trace, p.Head(), c.Name, clause, s.operands(e.Names()), amt.String(), ComponentWorked{Component: c, Worked: worked, Rounded: v.Num.Round(rule.Places, rule.Mode), Rule: rule, Lookups: s.lookups(worked.Lookups), Leave: left, Withheld: withheld})
		r.Trace = append(r.Trace, s.tableSteps(worked.Lookups)...) // the rows of the plan's tables looked up
	}
	r.Total = r.Total.Round(rule.Places, rule.Mode)
	if trace {
		// The closing line: Compute amends it when it adds the ledger.
		r.Trace = addStep(r.Trace, p.Head(), "", "", nil, r.Total.String(), PayTotal{r.Total})
	}
	return nil
}

// addAmount adds a component's amount to the result and its total, and
// reports whether a red line holds it back: a kind the red lines touched
// hold back is shown and not paid; a pool is not paid either, and a
// deduction is subtracted.
func (r *PayResult) addAmount(name, title string, kind policy.ComponentKind, amt exact.Decimal) (withheld bool) {
	for _, k := range r.withhold {
		if k == kind {
			withheld = true
		}
	}
	r.Components = append(r.Components, ComponentResult{Name: name, Title: title, Kind: kind, Amount: amt, Withheld: withheld})
	switch {
	case withheld, kind == policy.Pool:
	case kind == policy.Deduction:
		r.Total = r.Total.Sub(amt)
	default:
		r.Total = r.Total.Add(amt)
	}
	return withheld
}

// leaveEffect says what a leave rule's effect does to its components'
// amounts, for the trace.
func leaveEffect(effect string, months int) string {
	switch effect {
	case "forfeit":
		return "取消"
	case "prorate":
		return printf.Sprintf("按 %d/12 折算", months)
	}
	return ""
}

// operands are the values of names of the scope, with their labels and
// units, as a step shows them.
func (s *payScope) operands(names []string) []Operand {
	var ops []Operand
	for _, n := range names {
		v, _ := s.Value(n)
		ops = append(ops, Operand{Name: n, Label: s.Label(n), Value: valueString(v), Unit: s.unit(n)})
	}
	return ops
}

// lookups resolves the lookups a formula made (lookup).
func (s *payScope) lookups(ls []formula.Lookup) []Lookup {
	out := make([]Lookup, len(ls))
	for i, l := range ls {
		out[i] = s.lookup(l)
	}
	return out
}

// lookup resolves a lookup a formula made to its table's title and row.
func (s *payScope) lookup(l formula.Lookup) Lookup {
	out := Lookup{Title: l.Table, Arg: l.Arg, Result: l.Result}
	if tb := s.plan.Tables[l.Table]; tb != nil {
		out.Title = cmp.Or(tb.Title, out.Title)
		if i, ok := tb.Find(l.Arg); ok {
			out.Row = &tb.Rows[i].Interval
		}
	} else if b := s.t.Bands(l.Table); b != nil {
		out.Title = cmp.Or(b.Title, out.Title)
		if r := b.Find(l.Arg); r != nil {
			out.Row = &r.Interval
		}
	}
	return out
}

// Scratch is working storage that a caller computing many cases one after
// another (a batch worker) keeps, so that each computation does not make its
// maps afresh: a fresh map per row was most of a batch's garbage. The zero
// value is ready to use; a Scratch must not be shared by goroutines that
// compute at the same time. Nothing of a result lives in it, so results
// never depend on it.
type Scratch struct {
	scope *payScope
	plans map[*policy.PayPlan]*planSlots // the untraced path's numbered plans
	cards map[cardKey]*Card              // the untraced path's compiled cards
	slots []ItemInput
	day   onDay  // the tables of the last case's day
	t     Tables // and they as Tables, made once

	lastCard *Card             // the card scored last
	lastSC   *policy.Scorecard // its scorecard
	lastT    Tables            // and tables

	period  Period     // the last case's period
	settles civil.Date // and its settlement day; zero before the first case
	recent  [8]looked  // the last policies looked up
	next    int        // the entry of recent to replace
}

// looked is a policy a Scratch looked up.
type looked struct {
	h    *policy.Handbook
	kind policy.Kind
	id   string
	day  civil.Date
	p    policy.Policy
}

// settled is p.Settled(), remembered for the next case of the same period.
func (sc *Scratch) settled(p Period) civil.Date {
	if sc == nil {
		return p.Settled()
	}
	if sc.settles.IsZero() || sc.period != p {
		sc.period, sc.settles = p, p.Settled()
	}
	return sc.settles
}

// at is h.At, the last eight lookups remembered (the cases of a batch are
// mostly of a few roles: their roles, plans and scorecards).
func (sc *Scratch) at(h *policy.Handbook, kind policy.Kind, id string, d civil.Date) policy.Policy {
	if sc == nil {
		return h.At(kind, id, d)
	}
	for i := range sc.recent {
		if l := &sc.recent[i]; l.h == h && l.kind == kind && l.id == id && l.day == d {
			return l.p
		}
	}
	p := h.At(kind, id, d)
	sc.recent[sc.next] = looked{h, kind, id, d, p}
	sc.next = (sc.next + 1) % len(sc.recent)
	return p
}

// on is On, the same Tables for the same handbook and day (one allocation
// less per case).
func (sc *Scratch) on(h *policy.Handbook, d civil.Date) Tables {
	if sc == nil {
		return On(h, d)
	}
	if sc.t == nil || sc.day.h != h || sc.day.d != d {
		sc.day = onDay{h, d}
		sc.t = sc.day
	}
	return sc.t
}

// cardKey names a compiled card: a scorecard with the K and grade tables
// of the day it is scored on.
type cardKey struct {
	sc        *policy.Scorecard
	k, grades *policy.Bands
}

// scoreTotal scores a card untraced through the scratch's compiled card
// for it (made on first use), which gives ScoreTotal's result.
func (sc *Scratch) scoreTotal(card *policy.Scorecard, in map[string]ItemInput, t Tables) (ScoreResult, error) {
	c := sc.lastCard
	// The card of the case before, for the same tables (sc.t is an onDay,
	// which compares); otherwise its band tables are looked up.
	if c == nil || sc.lastSC != card || sc.lastT != t {
		key := cardKey{card, bandsOf(t, card.Bands), bandsOf(t, card.Grades)}
		c = sc.cards[key]
		if c == nil {
			if sc.cards == nil {
				sc.cards = map[cardKey]*Card{}
			}
			c = newCard(card, key.k, key.grades)
			sc.cards[key] = c
		}
		if t == sc.t {
			sc.lastCard, sc.lastSC, sc.lastT = c, card, t
		}
	}
	sc.slots = sc.slots[:0]
	for _, id := range c.ids {
		sc.slots = append(sc.slots, in[id])
	}
	return c.Total(sc.slots)
}

// planSlots returns the plan numbered, made on first use.
func (sc *Scratch) planSlots(p *policy.PayPlan) *planSlots {
	ps := sc.plans[p]
	if ps == nil {
		if sc.plans == nil {
			sc.plans = map[*policy.PayPlan]*planSlots{}
		}
		ps = newPlanSlots(p)
		sc.plans[p] = ps
	}
	return ps
}

// The slots of the scope's plan's names; any number without slots (set
// keeps the value by name then).
func (s *payScope) inputSlot(i int) int {
	if s.ps == nil {
		return 0
	}
	return s.ps.inputs[i]
}

func (s *payScope) scoreSlot() int {
	if s.ps == nil {
		return 0
	}
	return s.ps.score
}

func (s *payScope) compSlot(i int) int {
	if s.ps == nil {
		return 0
	}
	return s.ps.comps[i]
}

func (s *payScope) slotOf(name string) int {
	if s.ps == nil {
		return 0
	}
	return s.ps.slot[name]
}

// scope returns a scope to fill: the scratch's, or a new one.
func (sc *Scratch) take() *payScope {
	if sc != nil && sc.scope != nil {
		s := sc.scope
		sc.scope = nil
		return s
	}
	return &payScope{vals: make(map[string]formula.Value, 32)}
}

// release clears the scope and gives it back to the scratch it came from.
func (s *payScope) release(sc *Scratch) {
	if sc == nil {
		return
	}
	clear(s.vals)
	s.plan, s.t, s.ps = nil, nil, nil
	sc.scope = s
}

// planScope checks a plan's inputs for a period and returns the scope its
// formulas are evaluated in: params, inputs and score.
//
// With slots and a scratch, the scope keeps the values by the plan's slots
// (planSlots), which the scratch numbers once per plan.
func planScope(p *policy.PayPlan, in PayInput, t Tables, sc *Scratch, slots bool) (*payScope, error) {
	period := in.Period
	if period == "" {
		period = p.Period
	}
	s := sc.take()
	s.plan, s.t = p, t
	if slots && sc != nil {
		s.ps = sc.planSlots(p)
		s.slots = append(s.slots[:0], s.ps.base...)
		s.has = append(s.has[:0], s.ps.baseHas...)
	}
	var problems []diag.Text
	found := 0 // the inputs given that the plan has
	for di, def := range p.Input {
		v, ok := in.Values[def.Name]
		if ok {
			found++
		}
		switch {
		case !ok:
			if p.UsesInput(period, di) {
				addProblem(&problems, "%s: no input given", def.Name)
			}
			continue
		case def.Kind == "yesno" && !v.IsBool:
			addProblem(&problems, "%s: want yes or no", def.Name)
		case def.Kind != "yesno" && v.IsBool:
			addProblem(&problems, "%s: want a number", def.Name)
		}
		s.set(def.Name, s.inputSlot(di), v)
	}
	if p.Scorecard != "" || p.PointsSystem != "" {
		switch {
		case in.Score != nil:
			s.set("score", s.scoreSlot(), formula.Value{Num: *in.Score})
		case UsesScore(p, period):
			addProblem(&problems, "score: no score given")
		}
	}
	problems = append(problems, ownProblems(p, in.Own)...)
	for name, x := range in.Own {
		if p.PersonalParam(name) != nil {
			s.set(name, s.slotOf(name), formula.Value{Num: x})
		}
	}
	var extra []string
	if found < len(in.Values) { // an input given is not the plan's
		for name := range in.Values {
			if !slices.ContainsFunc(p.Input, func(def policy.PayInput) bool { return def.Name == name }) {
				extra = append(extra, name)
			}
		}
	}
	sorted.Strings(extra)
	for _, name := range extra {
		addProblem(&problems, "%s: the plan has no such input", name)
	}
	if len(problems) > 0 {
		return nil, &InputError{Problems: problems}
	}

	return s, nil
}

// UsesScore reports whether a component computed in period uses the score
// of the plan's scorecard or points system.
func UsesScore(p *policy.PayPlan, period policy.PeriodKind) bool { return p.Uses(period, "score") }

// leaveRules returns the leave rule that applies to each component for a
// departure, or an input error naming the plan's cases.
func leaveRules(p *policy.PayPlan, l *Leave) (map[string]*policy.LeaveRule, error) {
	if l == nil {
		return nil, nil
	}
	var cases []string
	out := map[string]*policy.LeaveRule{}
	for i := range p.LeaveRule {
		lr := &p.LeaveRule[i]
		cases = append(cases, string(lr.Case))
		if lr.Case == l.Case {
			for _, c := range lr.Components {
				out[c] = lr
			}
		}
	}
	var problems []diag.Text
	switch {
	case len(cases) == 0:
		addProblem(&problems, "leave: plan %s has no leave rules", p.ID)
	case len(out) == 0:
		addProblem(&problems, "leave: unknown case %q (the plan's cases: %s)", string(l.Case), strings.Join(cases, ", "))
	}
	if l.Months < 0 || l.Months > 12 {
		addProblem(&problems, "leave: %d months served, want 0 to 12", l.Months)
	}
	if len(problems) > 0 {
		return nil, &InputError{Problems: problems}
	}
	return out, nil
}

// joinInputErrors reports every problem of two checks at once.
func joinInputErrors(errs ...error) error {
	var all InputError
	for _, err := range errs {
		var ie *InputError
		switch {
		case err == nil:
		case asInputError(err, &ie):
			all.Problems = append(all.Problems, ie.Problems...)
		default:
			return err
		}
	}
	if len(all.Problems) == 0 {
		return nil
	}
	return &all
}

// unit is the unit an input or parameter of the plan is written in.
func (s *payScope) unit(name string) string {
	p := s.plan
	kind := ""
	for i := range p.Input {
		if p.Input[i].Name == name {
			kind = p.Input[i].Kind
		}
	}
	for i := range p.Param {
		if p.Param[i].Name == name {
			kind = p.Param[i].Kind
		}
	}
	switch kind {
	case "money":
		return "元"
	case "percent":
		return "%"
	case "hours":
		return "小时"
	case "score", "points":
		return "分"
	}
	for i := range p.Component {
		if p.Component[i].Name == name {
			return "元"
		}
	}
	return ""
}

// ownProblems checks a person's own values: each names a personal parameter
// of the plan and lies within its range.
func ownProblems(p *policy.PayPlan, own map[string]exact.Decimal) []diag.Text {
	if len(own) == 0 {
		return nil
	}
	var problems []diag.Text
	for _, name := range sorted.Keys(own) {
		pa, x := p.PersonalParam(name), own[name]
		switch {
		case pa != nil && !pa.Allows(x):
			addProblem(&problems, "own.%s: %s is outside the range of %s（%s）: %s to %s", name, x, name, pa.Label, pa.Personal.Min, pa.Personal.Max)
		case pa != nil:
		case slices.ContainsFunc(p.Param, func(q policy.Param) bool { return q.Name == name }):
			addProblem(&problems, "own.%s: parameter %s of pay plan %s is not personal: everyone has the plan's value", name, name, p.ID)
		default:
			addProblem(&problems, "own.%s: pay plan %s has no personal parameter of that name", name, p.ID)
		}
	}
	return problems
}

// personalSteps says, for each personal parameter the components of period
// use, whose value was taken: the person's own, or the plan's default.
func personalSteps(p *policy.PayPlan, period policy.PeriodKind, own map[string]exact.Decimal) []Step {
	var out []Step
	for i := range p.Param {
		pa := &p.Param[i]
		if pa.Personal == nil || !p.Uses(period, pa.Name) {
			continue
		}
		v, isOwn := own[pa.Name]
		clause := "default"
		if isOwn {
			clause = "own"
		} else {
			v = pa.Value
		}
		unit := ""
		switch pa.Kind {
		case "money":
			unit = "元"
		case "percent", "rate":
			unit = "%"
		}
		out = addStep(out, p.Head(), "param."+pa.Name, clause, []Operand{{Name: pa.Name, Label: pa.Label, Value: v.String(), Unit: unit}}, v.String(), ParamTaken{Param: pa, Value: v, Own: isOwn})
	}
	return out
}

// negativeAmount is the refusal of a pay component whose formula gave a
// negative amount: its message, in both languages, marked so that
// IsNegativeAmount finds it however it is wrapped.
type negativeAmount struct{ error }

// Zh is the refusal in Chinese (diag.ErrorIn).
func (e negativeAmount) Zh() string { return diag.ErrorIn(e.error, diag.Chinese) }

// IsNegativeAmount reports whether err is, or wraps, the engine's refusal
// of a pay component whose formula gave a negative amount: a fault of the
// policy's wording for its author, which a calculator may trace to a
// negative number the person entered.
func IsNegativeAmount(err error) bool {
	switch e := err.(type) {
	case negativeAmount:
		return true
	case interface{ Unwrap() []error }:
		for _, x := range e.Unwrap() {
			if IsNegativeAmount(x) {
				return true
			}
		}
	case interface{ Unwrap() error }:
		return IsNegativeAmount(e.Unwrap())
	}
	return false
}
