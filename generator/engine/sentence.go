package engine

import (
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Sentence is what a trace step says, as data: the engine records it and
// package explain writes it in Chinese, only when a person reads it. The
// scorecard's steps are typed; the pay plan's, the points system's and the
// ledger's are still written by the engine (Text).
//
//sumtype:decl
type Sentence interface {
	sentence()
}

// ItemScored says how an item got its points from its input.
type ItemScored struct {
	Item   *policy.Item
	In     ItemInput
	Points exact.Decimal
	Clause string
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

// Text is a sentence the engine has written itself.
type Text string

func (ItemScored) sentence()  {}
func (PartScored) sentence()  {}
func (TotalScored) sentence() {}
func (BandFound) sentence()   {}
func (Text) sentence()        {}
