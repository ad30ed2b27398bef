package policy

import (
	"slices"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/sorted"
	"github.com/kefu-hr/handbook/generator/source"
)

// The closed sets of the policy language, and the parts of a policy that
// compiling adds nothing to, are those of package source: a compiled
// policy holds them as its file wrote them.
type (
	// Kind is the kind of a policy file; each kind has its own JSON Schema.
	Kind = source.Kind
	// PeriodKind is how often something is assessed or paid.
	PeriodKind = source.PeriodKind
	// ComponentKind says what kind of pay a component is.
	ComponentKind = source.ComponentKind
	// LeaveCase is how a person left before the end of a service period.
	LeaveCase = source.LeaveCase
	// Source names the document a policy comes from.
	Source = source.Source
	// Note records a decision taken where the source is ambiguous.
	Note = source.Note
	// Correction records a change to a version already in effect.
	Correction = source.Correction
	// Interval is a half-open interval [Min, Below); a nil end is open.
	Interval = source.Interval
	// KPI is a key performance target of a role.
	KPI = source.KPI
	// Promotion is the next step on a role's promotion path.
	Promotion = source.Promotion
	// Group is a weighted group of items within a part.
	Group = source.Group
	// Input describes what the assessor enters for an item.
	Input = source.Input
	// Tier maps an interval of the input to points.
	Tier = source.Tier
	// Level maps a competency level (1–5) to points.
	Level = source.Level
	// Choice is one description an assessor can pick or tick.
	Choice = source.Choice
	// BandRow is one row of a band table.
	BandRow = source.BandRow
	// Rounding is a declared rounding rule for money.
	Rounding = source.Rounding
	// Param is a named number of a pay plan.
	Param = source.Param
	// Range is an inclusive range of values, [Min, Max].
	Range = source.Range
	// PayInput is a number or yes/no supplied per person and period.
	PayInput = source.PayInput
	// Table is a lookup table local to a pay plan.
	Table = source.Table
	// TableRow is one row of a lookup table.
	TableRow = source.TableRow
	// LeaveRule says what leaving before the end of term does to components.
	LeaveRule = source.LeaveRule
	// Provision is a rule that shapes inputs rather than arithmetic.
	Provision = source.Provision
	// Event is a per-occurrence addition or deduction of a points system.
	Event = source.Event
	// Ladder is an escalation ladder: the n-th time a measure falls short.
	Ladder = source.Ladder
	// LadderStep is one rung of a ladder.
	LadderStep = source.LadderStep
	// RedLine is one red line.
	RedLine = source.RedLine
	// PayEffect is what a red-line hit does to a payout.
	PayEffect = source.PayEffect
	// Duty is an obligation stated beside the red lines.
	Duty = source.Duty
	// Term is an entry of the glossary.
	Term = source.Term
	// Period describes an assessment period.
	Period = source.Period
	// Rule is one rule stated as text.
	Rule = source.Rule
)

// The kinds of policy file.
const (
	KindRole       = source.KindRole
	KindCompetency = source.KindCompetency
	KindScorecard  = source.KindScorecard
	KindBands      = source.KindBands
	KindPayPlan    = source.KindPayPlan
	KindPoints     = source.KindPoints
	KindRedLines   = source.KindRedLines
	KindRules      = source.KindRules
)

// The periods.
const (
	Monthly   = source.Monthly
	Quarterly = source.Quarterly
	Annual    = source.Annual
)

// The kinds of pay component (see source.ComponentKind).
const (
	Fixed       = source.Fixed
	Performance = source.Performance
	Commission  = source.Commission
	Allowance   = source.Allowance
	Deduction   = source.Deduction
	Incentive   = source.Incentive
	Reward      = source.Reward
	ProfitShare = source.ProfitShare
	Ledger      = source.Ledger
	Adjustment  = source.Adjustment
	Pool        = source.Pool
)

// The ways of leaving.
const (
	Voluntary = source.Voluntary
	Dismissal = source.Dismissal
)

// Lists of the closed sets and of keys, as package source declares them.
var (
	// Kinds lists every kind, in the order the handbook presents them.
	Kinds = source.Kinds
	// Periods lists the periods, shortest first.
	Periods = source.Periods
	// PersonalKinds lists the kinds of parameter a person may have their
	// own value of.
	PersonalKinds = source.PersonalKinds
	// LedgerKeys lists the required formula keys of a ledger component.
	LedgerKeys = source.LedgerKeys
	// LedgerOptional lists the optional formula keys of a ledger component.
	LedgerOptional = source.LedgerOptional
)

// SeeRef splits kind/id into its kind and id; false when the kind is not
// one of Kinds.
func SeeRef(see string) (Kind, string, bool) { return source.SeeRef(see) }

// Header is what every compiled policy carries: its source header, and
// the kind and file it was compiled from.
type Header struct {
	*source.Header
	Kind Kind
	File string
}

// Policy is any compiled policy: a *Role, *Competency, *Scorecard, *Bands,
// *PayPlan, *Points, *RedLines or *Rules.
type Policy interface {
	// Head returns the policy's header.
	Head() *Header
	// Written returns the policy as its file wrote it.
	Written() source.Policy
}

// head is embedded by every compiled policy to implement Head. Its header
// points into the policy's own source, so a compiled policy must not be
// copied (the copy's Head would still be the original's): go vet's
// copylocks check refuses a copy, through noCopy. Build a changed policy
// from its source with FromSource instead.
type head struct {
	_ noCopy
	h Header
}

// noCopy has the methods go vet's copylocks check looks for.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// Head returns the header.
func (x *head) Head() *Header { return &x.h }

// Role is a job role (岗位).
type Role struct {
	source.Role
	head
}

// Written returns the role as its file wrote it.
func (r *Role) Written() source.Policy { return &r.Role }

// Competency is a behaviour competency with five level descriptions.
type Competency struct {
	source.Competency
	head
}

// Written returns the competency as its file wrote it.
func (c *Competency) Written() source.Policy { return &c.Competency }

// Bands maps a total score to a bonus coefficient, a grade or an action.
type Bands struct {
	source.Bands
	head
}

// Written returns the band table as its file wrote it.
func (b *Bands) Written() source.Policy { return &b.Bands }

// Points is a points system: base score plus per-occurrence events.
type Points struct {
	source.Points
	head
}

// Written returns the points system as its file wrote it.
func (p *Points) Written() source.Policy { return &p.Points }

// EventOf returns the points system's event with the id, or nil. (A
// points system has a few events, and ids are unique: a map of them would
// cost the calculator a map type of its own.)
func (p *Points) EventOf(id string) *Event {
	for i := range p.Event {
		if p.Event[i].ID == id {
			return &p.Event[i]
		}
	}
	return nil
}

// LadderOf returns the points system's ladder with the id, or nil.
func (p *Points) LadderOf(id string) *Ladder {
	for i := range p.Ladder {
		if p.Ladder[i].ID == id {
			return &p.Ladder[i]
		}
	}
	return nil
}

// RedLines is the list of zero-tolerance rules (电网指标).
type RedLines struct {
	source.RedLines
	head
}

// Written returns the red-line policy as its file wrote it.
func (r *RedLines) Written() source.Policy { return &r.RedLines }

// Rules is a set of rules stated as text, with optional numbers.
type Rules struct {
	source.Rules
	head
}

// Written returns the rules as their file wrote them.
func (r *Rules) Written() source.Policy { return &r.Rules }

// ---- scorecards

// Scorecard is an assessment form (考核评分表), its items compiled.
type Scorecard struct {
	source.Scorecard
	head
	// Part holds the parts with their compiled items.
	Part []Part
}

// Written returns the scorecard as its file wrote it.
func (sc *Scorecard) Written() source.Policy { return &sc.Scorecard }

// Item returns the item of the scorecard with the id, or nil.
func (sc *Scorecard) Item(id string) *Item {
	for pi := range sc.Part {
		for ii := range sc.Part[pi].Item {
			if it := &sc.Part[pi].Item[ii]; it.ID == id {
				return it
			}
		}
	}
	return nil
}

// Part is a part of a scorecard with its share of the total (业绩 80%).
type Part struct {
	source.Part
	// Item holds the part's compiled items.
	Item []Item
}

// Item is one line of a scorecard: its source, its parsed formula and its
// scoring rule.
type Item struct {
	source.Item
	// Expr is the parsed Formula (formula items only), and Rule the item's
	// scoring rule with every value it needs; both are set by
	// compile.Compile.
	Expr *formula.Expr
	Rule ScoringRule
}

// ---- pay plans

// PayPlan is a pay plan (薪酬方案), its formulas parsed and indexed.
type PayPlan struct {
	source.PayPlan
	head
	// Component, Standing and Feed hold the plan's compiled components,
	// standings and feeds.
	Component []Component
	Standing  []Standing
	Feed      []Feed

	// ParamValues and Tables index Param and Table by name.
	ParamValues map[string]formula.Value
	Tables      map[string]*Table

	index *planIndex // set by Index
}

// Written returns the pay plan as its file wrote it.
func (p *PayPlan) Written() source.Policy { return &p.PayPlan }

// Component is one pay component of a plan, its formulas parsed.
type Component struct {
	source.Component
	// Exprs holds the parsed formulas by key (formula, actual, base …).
	Exprs map[string]*formula.Expr
}

// Standing is a status a pay plan looks up each period (末位管理), its
// measure parsed.
type Standing struct {
	source.Standing
	// Expr is the parsed measure.
	Expr *formula.Expr
}

// Feed is an item of the plan's scorecard whose input the plan computes,
// its formula parsed.
type Feed struct {
	source.Feed
	// Expr is the parsed formula.
	Expr *formula.Expr
}

// Uses reports whether a component of the plan computed in period (monthly,
// quarterly or annual) uses name, an input, parameter or "score": only such
// inputs are required for the period.
func (p *PayPlan) Uses(period PeriodKind, name string) bool {
	if p.index != nil {
		i := p.index.at(period)
		return i >= 0 && p.index.uses[i][name]
	}
	for i := range p.Component {
		c := &p.Component[i]
		if p.PeriodOf(c) != period {
			continue
		}
		for _, e := range c.Exprs {
			if slices.Contains(e.Names(), name) {
				return true
			}
		}
	}
	for i := range p.Standing {
		if s := &p.Standing[i]; p.StandingPeriod(s) == period && s.Expr != nil && slices.Contains(s.Expr.Names(), name) {
			return true
		}
	}
	return false
}

// UsesInput is Uses for the plan's i-th input (Input[i].Name), answered
// from the plan's index without a lookup by name.
func (p *PayPlan) UsesInput(period PeriodKind, i int) bool {
	if p.index != nil {
		if pi := p.index.at(period); pi >= 0 {
			return p.index.inputs[pi][i]
		}
		return false
	}
	return p.Uses(period, p.Input[i].Name)
}

// Lines returns how many component lines a result for period can have:
// one per component computed in the period, three per ledger (the bonus,
// the floating pay and the penalty).
func (p *PayPlan) Lines(period PeriodKind) int {
	if p.index != nil {
		if i := p.index.at(period); i >= 0 {
			return p.index.lines[i]
		}
		return 0
	}
	n := 0
	for i := range p.Component {
		if c := &p.Component[i]; p.PeriodOf(c) == period {
			n++
			if c.Kind == Ledger {
				n += 2
			}
		}
	}
	return n
}

// planIndex holds the answers of Uses and Lines for every period, in the
// order of Periods (found by comparing a few words instead of hashing one).
type planIndex struct {
	uses   []map[string]bool
	lines  []int
	inputs [][]bool // whether each input is used, by index in Input
}

// at returns the index of a period in Periods, or -1.
func (x *planIndex) at(period PeriodKind) int {
	for i, p := range Periods {
		if p == period {
			return i
		}
	}
	return -1
}

// Index computes the answers of Uses and Lines once, so that computing a
// payslip does not walk the formulas; compile calls it when the formulas
// are parsed. A plan must not change after.
func (p *PayPlan) Index() {
	p.index = nil
	x := &planIndex{uses: make([]map[string]bool, len(Periods)), lines: make([]int, len(Periods))}
	for pi, period := range Periods {
		x.uses[pi] = map[string]bool{}
		x.lines[pi] = p.Lines(period)
		for i := range p.Component {
			if c := &p.Component[i]; p.PeriodOf(c) == period {
				for _, e := range c.Exprs {
					for _, n := range e.Names() {
						x.uses[pi][n] = true
					}
				}
			}
		}
		for i := range p.Standing {
			if s := &p.Standing[i]; p.StandingPeriod(s) == period && s.Expr != nil {
				for _, n := range s.Expr.Names() {
					x.uses[pi][n] = true
				}
			}
		}
	}
	x.inputs = make([][]bool, len(Periods))
	for pi := range Periods {
		x.inputs[pi] = make([]bool, len(p.Input))
		for i := range p.Input {
			x.inputs[pi][i] = x.uses[pi][p.Input[i].Name]
		}
	}
	p.index = x
}

// StandingPeriod returns the period a standing is looked up in: its own, or
// the plan's when it declares none.
func (p *PayPlan) StandingPeriod(s *Standing) PeriodKind {
	return p.PayPlan.StandingPeriod(&s.Standing)
}

// PeriodOf returns the period a component is computed in: its own, or the
// plan's when it declares none.
func (p *PayPlan) PeriodOf(c *Component) PeriodKind { return p.PayPlan.PeriodOf(&c.Component) }

// ---- from source

// FromSource returns the compiled skeleton of a source policy of kind k
// read from file: the source's values, held (not copied where they are
// slices) and never modified, with room for what compiling adds. Nil for a
// source that is not of kind k. compile.Compile calls it, then links.
func FromSource(k Kind, file string, p source.Policy) Policy {
	var out Policy // stays nil for a source of no policy kind
	switch s := p.(type) {
	case *source.Role:
		if s == nil || k != KindRole {
			return nil
		}
		out = &Role{Role: *s}
	case *source.Competency:
		if s == nil || k != KindCompetency {
			return nil
		}
		out = &Competency{Competency: *s}
	case *source.Scorecard:
		if s == nil || k != KindScorecard {
			return nil
		}
		sc := &Scorecard{Scorecard: *s, Part: make([]Part, len(s.Part))}
		for i := range s.Part {
			part := &sc.Part[i]
			part.Part = s.Part[i]
			part.Item = make([]Item, len(s.Part[i].Item))
			for j := range s.Part[i].Item {
				part.Item[j].Item = s.Part[i].Item[j]
			}
		}
		out = sc
	case *source.Bands:
		if s == nil || k != KindBands {
			return nil
		}
		out = &Bands{Bands: *s}
	case *source.PayPlan:
		if s == nil || k != KindPayPlan {
			return nil
		}
		pp := &PayPlan{PayPlan: *s,
			Component: make([]Component, len(s.Component)),
			Standing:  make([]Standing, len(s.Standing)),
			Feed:      make([]Feed, len(s.Feed))}
		for i := range s.Component {
			pp.Component[i].Component = s.Component[i]
		}
		for i := range s.Standing {
			pp.Standing[i].Standing = s.Standing[i]
		}
		for i := range s.Feed {
			pp.Feed[i].Feed = s.Feed[i]
		}
		out = pp
	case *source.Points:
		if s == nil || k != KindPoints {
			return nil
		}
		out = &Points{Points: *s}
	case *source.RedLines:
		if s == nil || k != KindRedLines {
			return nil
		}
		out = &RedLines{RedLines: *s}
	case *source.Rules:
		if s == nil || k != KindRules {
			return nil
		}
		out = &Rules{Rules: *s}
	}
	if out == nil {
		return nil
	}
	hd := out.Head()
	hd.Header, hd.Kind, hd.File = out.Written().Head(), k, file
	return out
}

// Copy returns a copy of a compiled policy with a header of its own: the
// copy's source fields (its id, title, references …) can be changed without
// changing p's. Its compiled parts (items with their rules, components with
// their formulas, indexes) are p's, shared: they must not be changed.
// Synthetic handbooks (benchmarks) and what-if edits use it; a policy must
// not be copied any other way (see head).
func Copy(p Policy) Policy {
	var out Policy
	switch x := p.(type) {
	case *Role:
		out = &Role{Role: x.Role}
	case *Competency:
		out = &Competency{Competency: x.Competency}
	case *Scorecard:
		out = &Scorecard{Scorecard: x.Scorecard, Part: x.Part}
	case *Bands:
		out = &Bands{Bands: x.Bands}
	case *PayPlan:
		out = &PayPlan{PayPlan: x.PayPlan, Component: x.Component, Standing: x.Standing, Feed: x.Feed,
			ParamValues: x.ParamValues, Tables: x.Tables, index: x.index}
	case *Points:
		out = &Points{Points: x.Points}
	case *RedLines:
		out = &RedLines{RedLines: x.RedLines}
	case *Rules:
		out = &Rules{Rules: x.Rules}
	default:
		return nil
	}
	hd, from := out.Head(), p.Head()
	hd.Header, hd.Kind, hd.File = out.Written().Head(), from.Kind, from.File
	return out
}

// ---- the handbook

// Handbook is the checked, immutable set of all policies.
type Handbook struct {
	all  []Policy
	byID map[Kind]map[string][]Policy // versions, oldest first
}

// New builds a handbook from compiled policies. It is called by compile.
func New(ps []Policy) *Handbook {
	h := &Handbook{byID: map[Kind]map[string][]Policy{}}
	h.all = append(h.all, ps...)
	sorted.SliceStable(h.all, func(i, j int) bool {
		a, b := h.all[i].Head(), h.all[j].Head()
		if a.Kind != b.Kind {
			return kindIndex(a.Kind) < kindIndex(b.Kind)
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Version < b.Version
	})
	for _, p := range h.all {
		hd := p.Head()
		if h.byID[hd.Kind] == nil {
			h.byID[hd.Kind] = map[string][]Policy{}
		}
		h.byID[hd.Kind][hd.ID] = append(h.byID[hd.Kind][hd.ID], p)
	}
	return h
}

func kindIndex(k Kind) int {
	for i, x := range Kinds {
		if x == k {
			return i
		}
	}
	return len(Kinds)
}

// All returns every policy version, ordered by kind, id and version. The
// slice is a copy.
func (h *Handbook) All() []Policy { return append([]Policy(nil), h.all...) }

// Versions returns every version of the policy of kind k with the given id,
// oldest first.
func (h *Handbook) Versions(k Kind, id string) []Policy {
	return append([]Policy(nil), h.byID[k][id]...)
}

// At returns the version of a policy in effect on day d, or nil.
func (h *Handbook) At(k Kind, id string, d civil.Date) Policy {
	for _, p := range h.byID[k][id] {
		if p.Head().InEffect(d) {
			return p
		}
	}
	return nil
}

// Latest returns the newest version of a policy, or nil.
func (h *Handbook) Latest(k Kind, id string) Policy {
	vs := h.byID[k][id]
	if len(vs) == 0 {
		return nil
	}
	return vs[len(vs)-1]
}

// WithUnit writes a number with its unit: 92, 92%, 3 天, 150000.00 元.
func WithUnit(x exact.Decimal, unit string) string { return source.WithUnit(x, unit) }
