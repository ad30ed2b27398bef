package engine

import (
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/policy"
)

// A Card is a scorecard compiled for scoring many people: its items are
// numbered slots, in the order of the card (parts, then items), and its
// thresholds, points, part maxima and shares, and the rows of its K and
// grade tables, are integers scaled by 10^4. Total scores a person with
// integer arithmetic and no lookups by name.
//
// The integers are exact: every number of the card is converted only when
// it has at most four decimals, and an input or an intermediate result that
// does not fit (more decimals, a magnitude near 2^62, a negative part) makes
// Total fall back to the Decimal path that Score uses, for that person
// only. So Total returns what ScoreTotal returns for the same inputs, digit
// for digit, error for error (TestCardMatchesScore checks it on every
// shipped card with random inputs).
//
// A Card holds the band tables in effect when it was made; make a new one
// for another day.
type Card struct {
	sc     *policy.Scorecard
	ids    []string
	items  []cardItem
	parts  []cardPart
	kBands *policy.Bands
	grades *policy.Bands
	k, g   []cardRow
	fast   bool // every number of the card fits
}

// places is the scale of a card's integers: 10^4, the scale of the kinds'
// integer paths (policy.FastRule).
const places = policy.FastPlaces

const one = 10000 // 1 at the card's scale

// cardItem is an item of a card: its kind's integer path (nil for none,
// when the item is scored by its rule and its points converted).
type cardItem struct {
	it   *policy.Item
	fast policy.FastRule
}

type cardPart struct {
	end   int   // one past the part's last slot
	max   int64 // what the part is scored out of
	share int64 // its share of the total, in percent
}

// cardRow is an interval [min, below) of a band table and its row.
type cardRow struct {
	min, below       int64
	hasMin, hasBelow bool
	row              *policy.BandRow
}

func (r *cardRow) contains(x int64) bool {
	return (!r.hasMin || x >= r.min) && (!r.hasBelow || x < r.below)
}

// NewCard compiles a scorecard with the band tables t gives for its K and
// grade.
func NewCard(sc *policy.Scorecard, t Tables) *Card {
	return newCard(sc, bandsOf(t, sc.Bands), bandsOf(t, sc.Grades))
}

func newCard(sc *policy.Scorecard, kBands, grades *policy.Bands) *Card {
	c := &Card{sc: sc, fast: true, kBands: kBands, grades: grades}
	c.k, c.fast = bandRows(c.kBands, c.fast)
	c.g, c.fast = bandRows(c.grades, c.fast)
	for pi := range sc.Part {
		part := &sc.Part[pi]
		for i := range part.Item {
			it := &part.Item[i]
			c.ids = append(c.ids, it.ID)
			ci, ok := compileItem(it)
			c.fast = c.fast && ok
			c.items = append(c.items, ci)
		}
		max, ok1 := scaled(part.MaxPoints())
		share, ok2 := scaled(part.Share)
		// The part's score multiplies its points by 10^4 and its share
		// by the score: bounds that keep both products in an int64.
		c.fast = c.fast && ok1 && ok2 && max > 0 && max < 1_000_000_000_000 && share >= 0 && share < 1_000_000_000_000
		c.parts = append(c.parts, cardPart{end: len(c.ids), max: max, share: share})
	}
	return c
}

// Scorecard returns the card's scorecard.
func (c *Card) Scorecard() *policy.Scorecard { return c.sc }

// Slots returns the ids of the card's items in slot order: Total's inputs
// are given in this order.
func (c *Card) Slots() []string { return c.ids }

// Slot returns the slot of the item with the given id.
func (c *Card) Slot(id string) (int, bool) {
	for k, s := range c.ids {
		if s == id {
			return k, true
		}
	}
	return 0, false
}

// Total computes the card's total, K and grade from the inputs of its
// slots, as ScoreTotal does from inputs by item id.
func (c *Card) Total(in []ItemInput) (ScoreResult, error) {
	if r, ok := c.total(in); ok {
		return r, nil
	}
	return c.score(in, false)
}

// Score computes the card with its items, parts and trace, as Score does.
func (c *Card) Score(in []ItemInput) (ScoreResult, error) { return c.score(in, true) }

func (c *Card) score(in []ItemInput, trace bool) (ScoreResult, error) {
	var m *traceMem
	if trace {
		m = new(traceMem)
	}
	return scoreWith(c.sc, itemInputs{slots: in}, c.kBands, c.grades, m)
}

// total is the integer path; false sends the caller to the Decimal one.
func (c *Card) total(in []ItemInput) (ScoreResult, bool) {
	if !c.fast || len(in) != len(c.items) {
		return ScoreResult{}, false
	}
	var sum int64 // Σ part score (2 decimals) × share (4 decimals)
	k := 0
	for pi := range c.parts {
		p := &c.parts[pi]
		var raw int64
		for ; k < p.end; k++ {
			pts, ok := c.items[k].points(&in[k])
			if !ok {
				return ScoreResult{}, false
			}
			raw += pts
			if raw > 1<<61 || raw < -1<<61 {
				return ScoreResult{}, false
			}
		}
		capped := min(raw, p.max)
		if capped < 0 {
			return ScoreResult{}, false // a negative zero or sign: Decimals decide
		}
		// score = capped × 100 ÷ max, to two decimals, half up.
		score := policy.QuoHalfUp(capped*one, p.max)
		sum += score * p.share
	}
	total := policy.QuoHalfUp(sum, 1_000_000) // ÷ 100 (the shares are percents), 2 decimals
	r := ScoreResult{Scorecard: c.sc.ID, Version: c.sc.Version, Total: exact.FromScaled(total, 2)}
	t4 := total * 100
	if row := findRow(c.k, t4); row != nil && row.Value != nil {
		r.K = row.Value
	}
	if row := findRow(c.g, t4); row != nil {
		r.Grade = row.Label
	}
	return r, true
}

// points scores one slot; false when the general path must decide.
func (ci *cardItem) points(in *ItemInput) (int64, bool) {
	if ci.fast != nil {
		return ci.fast.Points(in)
	}
	p, _, err := scoreItem(ci.it, *in)
	if err != nil {
		return 0, false
	}
	return scaled(p)
}

// compileItem converts an item's numbers with its kind's integer path
// (policy.ScoringRule.Fast); false when one does not fit, or when the
// numbers are such that the integer path could overflow.
func compileItem(it *policy.Item) (cardItem, bool) {
	ci := cardItem{it: it}
	if it.Rule == nil {
		return ci, false
	}
	ok := true
	if it.Input != nil && it.Input.Max != nil {
		v, fits := scaled(*it.Input.Max)
		ok = fits && v < 1<<40 && v > -1<<40
	}
	fast, fits := it.Rule.Fast(it)
	ci.fast = fast
	return ci, ok && fits
}

// bandRows converts a band table's rows; ok becomes false when one does
// not fit.
func bandRows(b *policy.Bands, ok bool) ([]cardRow, bool) {
	if b == nil {
		return nil, ok
	}
	rows := make([]cardRow, len(b.Rows))
	for i := range b.Rows {
		br := &b.Rows[i]
		rows[i].row = br
		if br.Min != nil {
			v, fits := scaled(*br.Min)
			rows[i].min, rows[i].hasMin, ok = v, true, ok && fits
		}
		if br.Below != nil {
			v, fits := scaled(*br.Below)
			rows[i].below, rows[i].hasBelow, ok = v, true, ok && fits
		}
	}
	return rows, ok
}

func findRow(rows []cardRow, x int64) *policy.BandRow {
	for i := range rows {
		if rows[i].contains(x) {
			return rows[i].row
		}
	}
	return nil
}

func scaled(x exact.Decimal) (int64, bool) { return x.Scaled(places) }
