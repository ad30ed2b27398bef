package source

import (
	"slices"
	"strings"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/exact"
)

// Kind is the kind of a policy file; each kind has its own JSON Schema.
type Kind string

// The kinds of policy file.
const (
	KindRole       Kind = "role"
	KindCompetency Kind = "competency"
	KindScorecard  Kind = "scorecard"
	KindBands      Kind = "bands"
	KindPayPlan    Kind = "payplan"
	KindPoints     Kind = "points"
	KindRedLines   Kind = "redlines"
	KindRules      Kind = "rules"
)

// Noun returns the kind as people name it in messages ("pay plan").
func (k Kind) Noun() string {
	switch k {
	case KindBands:
		return "band table"
	case KindPayPlan:
		return "pay plan"
	case KindPoints:
		return "points system"
	case KindRedLines:
		return "red-line policy"
	case KindRules:
		return "rules policy"
	case KindRole, KindCompetency, KindScorecard:
	}
	return string(k)
}

// Empty returns an empty policy of kind k to decode into, or nil for a kind
// that is not one of Kinds.
func Empty(k Kind) Policy {
	switch k {
	case KindRole:
		return &Role{}
	case KindCompetency:
		return &Competency{}
	case KindScorecard:
		return &Scorecard{}
	case KindBands:
		return &Bands{}
	case KindPayPlan:
		return &PayPlan{}
	case KindPoints:
		return &Points{}
	case KindRedLines:
		return &RedLines{}
	case KindRules:
		return &Rules{}
	}
	return nil
}

// Kinds lists every kind, in the order the handbook presents them.
var Kinds = []Kind{KindRole, KindCompetency, KindScorecard, KindBands, KindPayPlan, KindPoints, KindRedLines, KindRules}

// PeriodKind is how often something is assessed or paid.
type PeriodKind string

// The periods.
const (
	Monthly   PeriodKind = "monthly"
	Quarterly PeriodKind = "quarterly"
	Annual    PeriodKind = "annual"
)

// Periods lists the periods, shortest first.
var Periods = []PeriodKind{Monthly, Quarterly, Annual}

// ComponentKind says what kind of pay a component is.
type ComponentKind string

// The kinds of pay component. A deduction is subtracted from the person's
// pay; a pool is computed by the plan but paid to others; a ledger is the
// key-account quarterly ledger (not a formula); every other kind is added.
const (
	Fixed       ComponentKind = "fixed"
	Performance ComponentKind = "performance"
	Commission  ComponentKind = "commission"
	Allowance   ComponentKind = "allowance"
	Deduction   ComponentKind = "deduction"
	Incentive   ComponentKind = "incentive"
	Reward      ComponentKind = "reward"
	ProfitShare ComponentKind = "profit_share"
	Ledger      ComponentKind = "ledger"
	Adjustment  ComponentKind = "adjustment"
	Pool        ComponentKind = "pool"
)

// LeaveCase is how a person left before the end of a service period.
type LeaveCase string

// The ways of leaving.
const (
	Voluntary LeaveCase = "voluntary" // 主动离职
	Dismissal LeaveCase = "dismissal" // 被动离职
)

// Source names where a policy comes from: one of the seed documents and its
// section (Seed set), or another document, such as meeting minutes or a
// memo, by its title and date (Title and Date set, Seed empty), with an
// optional section.
type Source struct {
	Seed    string     `toml:"seed"`
	Section string     `toml:"section"`
	Title   string     `toml:"title"`
	Date    civil.Date `toml:"date"` // zero for a seed
}

// Document names the document cited, without its section: the seed's file
// name, or the title and the date of another document
// (2026年11月客服部会议纪要（2026-11-20）).
func (s Source) Document() string {
	if s.Seed != "" {
		return s.Seed
	}
	return s.Title + "（" + s.Date.String() + "）"
}

// Note records a decision taken where the source is ambiguous.
type Note struct {
	About      string `toml:"about"`
	SourceSays string `toml:"source_says"`
	Decision   string `toml:"decision"`
	// Review marks a decision HR should confirm: the handbook's register of
	// decisions lists it first, as an open question.
	Review bool `toml:"review"`
}

// Correction records that a version already in effect was changed for the
// periods it covers: when, why and who approved it.
type Correction struct {
	Date       civil.Date `toml:"date"`
	Reason     string     `toml:"reason"`
	ApprovedBy string     `toml:"approved_by"`
	Changes    string     `toml:"changes"`
}

// Header is what every policy carries.
type Header struct {
	ID             string      `toml:"id"`
	Version        int         `toml:"version"`
	EffectiveFrom  civil.Date  `toml:"effective_from"`
	EffectiveUntil *civil.Date `toml:"effective_until"`
	Title          string      `toml:"title"`
	Summary        string      `toml:"summary"`
	Source         []Source    `toml:"source"`
	Note           []Note      `toml:"note"`
	// Correction lists the changes made to this version after it took
	// effect, oldest first.
	Correction []Correction `toml:"correction"`
}

// Head returns the header; it lets every policy type satisfy Policy.
func (h *Header) Head() *Header { return h }

// InEffect reports whether the policy applies on day d.
func (h *Header) InEffect(d civil.Date) bool {
	if d.Before(h.EffectiveFrom) {
		return false
	}
	return h.EffectiveUntil == nil || !d.After(*h.EffectiveUntil)
}

// Policy is any policy as its file writes it: a *Role, *Competency,
// *Scorecard, *Bands, *PayPlan, *Points, *RedLines or *Rules.
type Policy interface {
	Head() *Header
}

// Interval is a half-open interval [Min, Below); a nil end is open.
type Interval struct {
	Min   *exact.Decimal `toml:"min"`
	Below *exact.Decimal `toml:"below"`
}

// Contains reports whether x lies in the interval.
func (iv *Interval) Contains(x exact.Decimal) bool {
	return (iv.Min == nil || x.Cmp(*iv.Min) >= 0) && (iv.Below == nil || x.Cmp(*iv.Below) < 0)
}

// ---- roles

// Role is a job role (岗位).
type Role struct {
	Header
	Aliases           []string   `toml:"aliases"`
	Department        string     `toml:"department"`
	External          bool       `toml:"external"`
	ReportsTo         []string   `toml:"reports_to"`
	DirectReportsText string     `toml:"direct_reports_text"`
	Purpose           string     `toml:"purpose"`
	Responsibilities  []string   `toml:"responsibilities"`
	KeyWork           []string   `toml:"key_work"`
	KPI               []KPI      `toml:"kpi"`
	Scorecards        []string   `toml:"scorecards"`
	PayPlan           string     `toml:"pay_plan"`
	Promotion         *Promotion `toml:"promotion"`
}

// KPI is a key performance target of a role.
type KPI struct {
	ID         string         `toml:"id"`
	Title      string         `toml:"title"`
	Comparator string         `toml:"comparator"`
	Target     *exact.Decimal `toml:"target"`
	Unit       string         `toml:"unit"`
	Note       string         `toml:"note"`
}

// Promotion is the next step on a role's promotion path.
type Promotion struct {
	To           string   `toml:"to"`
	MinYears     int      `toml:"min_years"`
	Manages      string   `toml:"manages"`
	ManagesCount int      `toml:"manages_count"`
	Requires     []string `toml:"requires"`
}

// Competency is a behaviour competency with five level descriptions.
type Competency struct {
	Header
	Levels []string `toml:"levels"`
}

// ---- scorecards

// Scorecard is an assessment form (考核评分表).
type Scorecard struct {
	Header
	Period PeriodKind `toml:"period"`
	Bands  string     `toml:"bands"`
	Grades string     `toml:"grades"`
	Part   []Part     `toml:"part"`
}

// Part is a part of a scorecard with its share of the total (业绩 80%).
type Part struct {
	ID     string         `toml:"id"`
	Title  string         `toml:"title"`
	Share  exact.Decimal  `toml:"share"`
	Points *exact.Decimal `toml:"points"`
	Group  []Group        `toml:"group"`
	Item   []Item         `toml:"item"`
}

// MaxPoints returns the sum of weights the part is scored out of (default 100).
func (p *Part) MaxPoints() exact.Decimal {
	if p.Points != nil {
		return *p.Points
	}
	return hundred
}

var hundred = exact.FromInt(100)

// Group is a weighted group of items within a part.
type Group struct {
	ID     string        `toml:"id"`
	Title  string        `toml:"title"`
	Weight exact.Decimal `toml:"weight"`
}

// Item is one line of a scorecard.
type Item struct {
	ID           string         `toml:"id"`
	Title        string         `toml:"title"`
	Group        string         `toml:"group"`
	Weight       exact.Decimal  `toml:"weight"`
	BonusMax     *exact.Decimal `toml:"bonus_max"`
	Requirement  string         `toml:"requirement"`
	Requirements []string       `toml:"requirements"`
	Input        *Input         `toml:"input"`
	Inputs       []Input        `toml:"inputs"`
	Scoring      string         `toml:"scoring"`
	Tiers        []Tier         `toml:"tiers"`
	Yes          *exact.Decimal `toml:"yes"`
	No           *exact.Decimal `toml:"no"`
	Full         *exact.Decimal `toml:"full"`
	Per          *exact.Decimal `toml:"per"`
	Floor        *exact.Decimal `toml:"floor"`
	Par          *exact.Decimal `toml:"par"`
	Base         *exact.Decimal `toml:"base"`
	Step         *exact.Decimal `toml:"step"`
	Up           *exact.Decimal `toml:"up"`
	Down         *exact.Decimal `toml:"down"`
	Min          *exact.Decimal `toml:"min"`
	Max          *exact.Decimal `toml:"max"`
	Competency   string         `toml:"competency"`
	Levels       []Level        `toml:"levels"`
	Choices      []Choice       `toml:"choices"`
	Checks       []Choice       `toml:"checks"`
	Scale        *exact.Decimal `toml:"scale"`
	Formula      string         `toml:"formula"`
	SourceBlank  []string       `toml:"source_blank"`
	Note         string         `toml:"note"`
}

// Cap returns the most points the item may earn: its weight plus its bonus.
func (it *Item) Cap() exact.Decimal {
	if it.BonusMax != nil {
		return it.Weight.Add(*it.BonusMax)
	}
	return it.Weight
}

// Input describes what the assessor enters for an item.
type Input struct {
	Name  string         `toml:"name"`
	Kind  string         `toml:"kind"`
	Label string         `toml:"label"`
	Unit  string         `toml:"unit"`
	Max   *exact.Decimal `toml:"max"`
}

// DisplayUnit is the unit the input is written in: its own, or % for a
// percentage; "" for none (and for a nil input).
func (in *Input) DisplayUnit() string {
	switch {
	case in == nil:
		return ""
	case in.Unit != "":
		return in.Unit
	case in.Kind == "percent":
		return "%"
	}
	return ""
}

// Tier maps an interval of the input to points.
type Tier struct {
	Interval
	Points exact.Decimal `toml:"points"`
}

// Level maps a competency level (1–5) to points.
type Level struct {
	Level  int           `toml:"level"`
	Points exact.Decimal `toml:"points"`
}

// Choice is one description an assessor can pick (choice) or tick (checklist).
type Choice struct {
	ID     string        `toml:"id"`
	Text   string        `toml:"text"`
	Points exact.Decimal `toml:"points"`
}

// ---- bands

// Bands maps a total score to a bonus coefficient, a grade or an action.
type Bands struct {
	Header
	Measure string     `toml:"measure"`
	Period  PeriodKind `toml:"period"`
	Output  string     `toml:"output"`
	Rows    []BandRow  `toml:"rows"`
}

// BandRow is one row of a band table.
type BandRow struct {
	Interval
	Value       *exact.Decimal `toml:"value"`
	Label       string         `toml:"label"`
	Consequence string         `toml:"consequence"`
}

// Find returns the row containing x, or nil.
func (b *Bands) Find(x exact.Decimal) *BandRow {
	for i := range b.Rows {
		if b.Rows[i].Contains(x) {
			return &b.Rows[i]
		}
	}
	return nil
}

// ---- pay plans

// PayPlan is a pay plan (薪酬方案).
type PayPlan struct {
	Header
	Period       PeriodKind  `toml:"period"`
	Scorecard    string      `toml:"scorecard"`
	PointsSystem string      `toml:"points_system"`
	RedLines     string      `toml:"red_lines"`
	Rounding     *Rounding   `toml:"rounding"`
	Param        []Param     `toml:"param"`
	Input        []PayInput  `toml:"input"`
	Table        []Table     `toml:"table"`
	Component    []Component `toml:"component"`
	LeaveRule    []LeaveRule `toml:"leave_rule"`
	Provision    []Provision `toml:"provision"`
	Standing     []Standing  `toml:"standing"`
	Feed         []Feed      `toml:"feed"`
}

// Rounding is a declared rounding rule for money.
type Rounding struct {
	Mode   exact.Rounding `toml:"mode"`
	Places int32          `toml:"places"`
}

// RoundingRule returns the plan's rounding rule, by default 四舍五入 to 0.01 元.
func (p *PayPlan) RoundingRule() Rounding {
	if p.Rounding != nil {
		return *p.Rounding
	}
	return Rounding{Mode: exact.HalfUp, Places: 2}
}

// StandingPeriod returns the period a standing is looked up in: its own, or
// the plan's when it declares none.
func (p *PayPlan) StandingPeriod(s *Standing) PeriodKind {
	if s.Period != "" {
		return s.Period
	}
	return p.Period
}

// Standing is a status a pay plan looks up each period and pays nothing for
// (末位管理): a measure its formula computes from the plan's inputs and
// parameters (the quarter's composite score), rounded like a score total,
// and the row of a bands table of output "action" that the measure lands
// in, with the row's label and consequence.
type Standing struct {
	Name    string     `toml:"name"`
	Title   string     `toml:"title"`
	Period  PeriodKind `toml:"period"`
	Bands   string     `toml:"bands"`
	Measure string     `toml:"measure"`
	Explain string     `toml:"explain"`
}

// Feed is an item of the plan's scorecard whose input the plan computes
// from its pay inputs and parameters (销售完成率 = 回款 ÷ 任务目标 × 100),
// so that the fact is entered once: a case that gives the pay inputs need
// not give the item, and one that gives both must give the same number.
type Feed struct {
	Item    string `toml:"item"`
	Formula string `toml:"formula"`
	Note    string `toml:"note"`
}

// HasLedger reports whether the plan keeps a quarterly ledger.
func (p *PayPlan) HasLedger() bool {
	return slices.ContainsFunc(p.Component, func(c Component) bool { return c.Kind == Ledger })
}

// PeriodOf returns the period a component is computed in: its own, or the
// plan's when it declares none.
func (p *PayPlan) PeriodOf(c *Component) PeriodKind {
	if c.Period != "" {
		return c.Period
	}
	return p.Period
}

// Param is a named number of a pay plan.
type Param struct {
	Name        string        `toml:"name"`
	Label       string        `toml:"label"`
	Kind        string        `toml:"kind"`
	Value       exact.Decimal `toml:"value"`
	SourceBlank bool          `toml:"source_blank"`
	Note        string        `toml:"note"`
	// Personal marks an amount that differs from person to person (a base
	// pay, a bonus base, an allowance, a personal target) and gives the
	// range of a person's own value: a case or a payout row may give it;
	// Value is the default used when it gives none. Nil for a parameter
	// everyone has the plan's value of.
	Personal *Range `toml:"personal"`
}

// Range is an inclusive range of values, [Min, Max].
type Range struct {
	Min exact.Decimal `toml:"min"`
	Max exact.Decimal `toml:"max"`
}

// Contains reports whether x is within the range.
func (r Range) Contains(x exact.Decimal) bool { return x.Cmp(r.Min) >= 0 && x.Cmp(r.Max) <= 0 }

// PersonalKinds lists the kinds of parameter a person may have their own
// value of: amounts and percentages. A count (the managers sharing a
// target) is a fact of the department, not a person's amount.
var PersonalKinds = []string{"money", "percent", "rate"}

// Allows reports whether x may be a person's own value of the param:
// the param is personal, and x within its range.
func (pa *Param) Allows(x exact.Decimal) bool {
	return pa.Personal != nil && pa.Personal.Contains(x)
}

// PersonalParam returns the plan's parameter name when a person may have
// their own value of it, or nil.
func (p *PayPlan) PersonalParam(name string) *Param {
	for i := range p.Param {
		if pa := &p.Param[i]; pa.Name == name && pa.Personal != nil {
			return pa
		}
	}
	return nil
}

// PersonalParams lists the plan's parameters a person may have their own
// value of, in the plan's order.
func (p *PayPlan) PersonalParams() []*Param {
	var out []*Param
	for i := range p.Param {
		if p.Param[i].Personal != nil {
			out = append(out, &p.Param[i])
		}
	}
	return out
}

// PayInput is a number or yes/no supplied per person and period.
type PayInput struct {
	Name   string     `toml:"name"`
	Label  string     `toml:"label"`
	Kind   string     `toml:"kind"`
	Period PeriodKind `toml:"period"`
	// Scorecard, for a score, names the scorecard whose total it is: given
	// that scorecard's items, the engine computes the total and uses it.
	Scorecard string `toml:"scorecard"`
	// Event, for a count, names the event of the plan's points system
	// whose occurrences it is: given the month's points, the engine counts
	// them, and a number given as well must agree.
	Event string `toml:"event"`
	Note  string `toml:"note"`
}

// Table is a lookup table local to a pay plan.
type Table struct {
	Name    string     `toml:"name"`
	Title   string     `toml:"title"`
	Measure string     `toml:"measure"`
	Rows    []TableRow `toml:"rows"`
}

// Find returns the index of the row x lands in, and false when it lands
// in none.
func (t *Table) Find(x exact.Decimal) (int, bool) {
	for i := range t.Rows {
		if t.Rows[i].Contains(x) {
			return i, true
		}
	}
	return 0, false
}

// TableRow is one row of a lookup table.
type TableRow struct {
	Interval
	Value exact.Decimal `toml:"value"`
}

// Component is one pay component of a plan.
type Component struct {
	Name     string        `toml:"name"`
	Title    string        `toml:"title"`
	Kind     ComponentKind `toml:"kind"`
	Period   PeriodKind    `toml:"period"`
	Formula  string        `toml:"formula"`
	Explain  string        `toml:"explain"`
	PaidWhen string        `toml:"paid_when"`
	// Ledger components have these formulas instead of Formula.
	Actual  string `toml:"actual"`
	Base    string `toml:"base"`
	Target  string `toml:"target"`
	Rate    string `toml:"rate"`
	Penalty string `toml:"penalty"`
	Cap     string `toml:"cap"`
	Factor  string `toml:"factor"`
	// Floating (optional) is the floating pay of a quarter in the target
	// band; Exempt (optional, yes/no) marks a quarter without a task;
	// PaidElsewhere (optional) is the part of the actual amount that counts
	// toward the task but that another component pays, so that the ledger's
	// rate never applies to it.
	Floating      string `toml:"floating"`
	Exempt        string `toml:"exempt"`
	PaidElsewhere string `toml:"paid_elsewhere"`
	// FloatingTitle and PenaltyTitle (ledger only, required) title the
	// payslip lines of the floating pay and of the fixed pay deducted.
	FloatingTitle string `toml:"floating_title"`
	PenaltyTitle  string `toml:"penalty_title"`
	Note          string `toml:"note"`
}

// LedgerKeys lists the required formula keys of a ledger component, in
// order; LedgerOptional lists the optional ones.
var (
	LedgerKeys     = []string{"actual", "base", "target", "rate", "penalty", "cap", "factor"}
	LedgerOptional = []string{"floating", "exempt", "paid_elsewhere"}
)

// Field returns the formula text of key k: "formula", or one of LedgerKeys.
func (c *Component) Field(k string) string {
	switch k {
	case "formula":
		return c.Formula
	case "actual":
		return c.Actual
	case "base":
		return c.Base
	case "target":
		return c.Target
	case "rate":
		return c.Rate
	case "penalty":
		return c.Penalty
	case "cap":
		return c.Cap
	case "factor":
		return c.Factor
	case "floating":
		return c.Floating
	case "exempt":
		return c.Exempt
	case "paid_elsewhere":
		return c.PaidElsewhere
	}
	return ""
}

// LeaveRule says what leaving before the end of term does to components.
type LeaveRule struct {
	Case       LeaveCase `toml:"case"`
	Title      string    `toml:"title"` // the case as explanations name it
	Effect     string    `toml:"effect"`
	Components []string  `toml:"components"`
	Text       string    `toml:"text"`
}

// Provision is a rule that shapes inputs rather than arithmetic.
type Provision struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
	Text  string `toml:"text"`
}

// ---- points, red lines, rules

// Points is a points system: base score plus per-occurrence events.
type Points struct {
	Header
	Period PeriodKind    `toml:"period"`
	Base   exact.Decimal `toml:"base"`
	Event  []Event       `toml:"event"`
	Ladder []Ladder      `toml:"ladder"`
}

// Event is a per-occurrence addition or deduction.
type Event struct {
	ID            string         `toml:"id"`
	Title         string         `toml:"title"`
	Category      string         `toml:"category"`
	Points        exact.Decimal  `toml:"points"`
	Max           *exact.Decimal `toml:"max"`
	Discretionary bool           `toml:"discretionary"`
	Description   string         `toml:"description"`
}

// Ladder is an escalation ladder: the n-th time a measure falls short.
type Ladder struct {
	ID      string         `toml:"id"`
	Title   string         `toml:"title"`
	Measure string         `toml:"measure"`
	Window  string         `toml:"window"`
	Target  *exact.Decimal `toml:"target"`
	Steps   []LadderStep   `toml:"steps"`
}

// LadderStep is one rung of a ladder.
type LadderStep struct {
	Occurrence  int           `toml:"occurrence"`
	Below       exact.Decimal `toml:"below"`
	Points      exact.Decimal `toml:"points"`
	Condition   string        `toml:"condition"`
	Consequence string        `toml:"consequence"`
}

// RedLines is the list of zero-tolerance rules (电网指标).
type RedLines struct {
	Header
	Line         []RedLine `toml:"line"`
	Consequences []string  `toml:"consequences"`
	PayEffect    PayEffect `toml:"pay_effect"`
	Duty         []Duty    `toml:"duty"`
}

// RedLine is one red line.
type RedLine struct {
	ID          string `toml:"id"`
	Title       string `toml:"title"`
	Description string `toml:"description"`
}

// PayEffect is what a red-line hit does to a payout.
type PayEffect struct {
	Withhold []ComponentKind `toml:"withhold"`
	Text     string          `toml:"text"`
}

// Duty is an obligation stated beside the red lines.
type Duty struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
	Text  string `toml:"text"`
}

// Rules is a set of rules stated as text, with optional numbers.
type Rules struct {
	Header
	Period []Period `toml:"period"`
	Rule   []Rule   `toml:"rule"`
	Term   []Term   `toml:"term"`
}

// Term is an entry of the glossary: a word the policies use, what it means
// in them, the other words for it, and the policies that define it. The
// handbook links a term's first use in each text to its entry.
type Term struct {
	ID      string   `toml:"id"`
	Term    string   `toml:"term"`
	Aliases []string `toml:"aliases"`
	Text    string   `toml:"text"`
	// See names the policies that define the term, as kind/id
	// (redlines/dianwang).
	See []string `toml:"see"`
}

// Words returns the term and its aliases.
func (t *Term) Words() []string { return append([]string{t.Term}, t.Aliases...) }

// SeeRef splits an entry of See into its kind and id; false when the kind
// is not one of Kinds.
func SeeRef(see string) (Kind, string, bool) {
	k, id, ok := strings.Cut(see, "/")
	if !ok || !slices.Contains(Kinds, Kind(k)) {
		return "", "", false
	}
	return Kind(k), id, true
}

// Period describes an assessment period.
type Period struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
	Text  string `toml:"text"`
}

// Rule is one rule stated as text.
type Rule struct {
	ID        string         `toml:"id"`
	Title     string         `toml:"title"`
	Text      string         `toml:"text"`
	AppliesTo []string       `toml:"applies_to"`
	Value     *exact.Decimal `toml:"value"`
	// ValueFrom names, instead of Value, the number of another policy the
	// rule states (a NumberRef), so that the number is written once.
	ValueFrom string `toml:"value_from"`
	Unit      string `toml:"unit"`
}

// Doc is one decoded policy file: its kind, its path (as messages name it)
// and the policy it holds.
type Doc struct {
	Kind   Kind
	File   string
	Policy Policy
}
