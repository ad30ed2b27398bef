package engine

import (
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Sentence is what a trace step says, as data: the engine records it and
// package explain writes it in Chinese, only when a person reads it. The
// engine writes no sentence itself.
//
//sumtype:decl
type Sentence interface {
	sentence()
}

// ItemScored says how an item got its points from its input: the item, the
// input, and the item's result (its points and the clause that fired),
// shared with ScoreResult.Items rather than copied.
type ItemScored struct {
	Item *policy.Item
	In   ItemInput
	*ItemResult
}

// PartScored says how a part's points add up and scale to 100.
type PartScored struct {
	Part                    *policy.Part
	Raw, Capped, Max, Score exact.Decimal
}

// TotalScored says how the parts make the total.
type TotalScored struct {
	Parts []PartResult
	Total exact.Decimal
}

// BandFound says which row of a band table the total lands in: its K, or
// its grade.
type BandFound struct {
	Bands *policy.Bands
	Row   *policy.BandRow
	Total exact.Decimal
}

// A card's sentences are pointers into the memory of its scoring (a
// Tracer's), so that a trace of many items allocates them once, or never
// when the Tracer is reused.
func (*ItemScored) sentence()  {}
func (*PartScored) sentence()  {}
func (*TotalScored) sentence() {}
func (*BandFound) sentence()   {}

// ---- pay

// RedLineTouched says that a red line was touched, and what follows.
type RedLineTouched struct {
	Line   policy.RedLine
	Policy *policy.RedLines
}

// LeaveNoted says how a departure before the end of the service period
// changes the plan.
type LeaveNoted struct {
	Rule   *policy.LeaveRule
	Months int
}

// Lookup is a row of a table a formula looked up: the table's title, the
// value looked up, the row's interval (nil when none was found) and the
// result.
type Lookup struct {
	Title       string
	Arg, Result exact.Decimal
	Row         *policy.Interval
}

// LeaveApplied is what a departure did to a component's amount.
type LeaveApplied struct {
	Rule         *policy.LeaveRule
	Months       int
	Full, Amount exact.Decimal
}

// ComponentWorked says how a formula component's amount was worked out:
// the formula with names and values (Worked), the amount rounded by the
// plan's rule, the tables looked up, what a departure did to it, and
// whether a red line holds it back.
type ComponentWorked struct {
	Component *policy.Component
	Worked    formula.Explanation
	Rounded   exact.Decimal
	Rule      policy.Rounding
	Lookups   []Lookup
	Leave     *LeaveApplied
	Withheld  bool
}

// ParamTaken says whose value of a personal parameter the plan computed
// with: the person's own (Own), or the plan's value, the default of whoever
// gives none.
type ParamTaken struct {
	Param *policy.Param
	Value exact.Decimal
	Own   bool
}

// TableRowFound says which row of a plan's own table a lookup landed in.
type TableRowFound struct {
	Table  *policy.Table
	Row    int
	Result exact.Decimal
}

// AmountAdded says that a line computed outside the plan's formulas (the
// ledger's) was added to the payslip.
type AmountAdded struct {
	Title    string
	Amount   exact.Decimal
	Withheld bool
}

// PayTotal closes a payslip: what is paid in all.
type PayTotal struct {
	Total exact.Decimal
}

// ---- points

// PointsBase says the base the month's points start from.
type PointsBase struct{ Base exact.Decimal }

// EventCounted says what the occurrences of a fixed event gave.
type EventCounted struct {
	Event  *policy.Event
	Count  int
	Points exact.Decimal
}

// AwardGiven says what a discretionary award gave.
type AwardGiven struct {
	Event  *policy.Event
	Points exact.Decimal
}

// LadderStep says what one shortfall of a ladder did: Applied is nil when
// the measure was not below the nominal step's threshold; Failed lists the
// steps above the one applied whose extra conditions do not hold.
type LadderStep struct {
	Ladder    *policy.Ladder
	Shortfall LadderShortfall
	Nominal   policy.LadderStep
	Applied   *policy.LadderStep
	Failed    []policy.LadderStep
}

// PointsFloor says the month's points do not go below 0.
type PointsFloor struct{}

// PointsTotal says the month's points.
type PointsTotal struct{ Total exact.Decimal }

// ---- ledger

// LedgerSaid is one line of a quarter's ledger: Quarter is its label, Case
// what happened (the step's clause: exempt, carry-in, below-base, made-up,
// partly-made-up, target, above-cap, base-to-target, bonus) and the
// amounts it names.
type LedgerSaid struct {
	Quarter string
	Case    string
	// The amounts a case names (see package explain for which).
	X, Carry, Eff, Base, Target, Cap, Penalty, Short, Fill, Left, Adjusted, Floating, CarriedOut exact.Decimal
	Other                                                                                        string // the earlier quarter made up
	// For the bonus: the accrual before (Gross) and after (Accrued) the
	// part paid elsewhere (Elsewhere) is taken out, the late bases, the rate
	// and factor with the formulas they came from, and the tables those
	// looked up. A made-up quarter names the part of its X paid elsewhere
	// (Elsewhere) and what its late bonus accrues on (Accrued).
	Gross, Elsewhere                       exact.Decimal
	Accrued, LateBase, Rate, Factor, Bonus exact.Decimal
	Derived                                []Derived
	Lookups                                []Lookup
}

// Derived is a ledger quantity a formula computed: its label and the
// formula's explanation.
type Derived struct {
	Label  string
	Worked formula.Explanation
}

func (RedLineTouched) sentence()  {}
func (LeaveNoted) sentence()      {}
func (ComponentWorked) sentence() {}
func (ParamTaken) sentence()      {}
func (TableRowFound) sentence()   {}
func (AmountAdded) sentence()     {}
func (PayTotal) sentence()        {}
func (PointsBase) sentence()      {}
func (EventCounted) sentence()    {}
func (AwardGiven) sentence()      {}
func (LadderStep) sentence()      {}
func (PointsFloor) sentence()     {}
func (PointsTotal) sentence()     {}
func (LedgerSaid) sentence()      {}
