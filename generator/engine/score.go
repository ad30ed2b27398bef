package engine

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// ItemInput is what an assessor enters for one scorecard item. Which field is
// read depends on the item's scoring kind.
type ItemInput struct {
	Value  *exact.Decimal           // tiers, deduction, linear, proportional
	Yes    *bool                    // yesno
	Level  int                      // levels: 1 to 5
	Choice string                   // choice: the id of the chosen description
	Checks []string                 // checklist: the ids of the checks met
	Named  map[string]formula.Value // formula: the item's named inputs
}

// Step is one line of the explanation trace.
type Step struct {
	Ref      Ref       // the policy version and the item or component, e.g. kefu-zongjian-monthly@1#crm
	Clause   string    // the clause that fired, e.g. tiers[1], levels[4], yes
	Operands []Operand // the values used, with their labels and units
	Value    string    // the number produced
	Say      Sentence  // what the step says, as data (package explain writes it)
}

// ItemResult is the score of one item.
type ItemResult struct {
	ID, Title string
	Part      string
	Points    exact.Decimal
	Max       exact.Decimal // the item's weight plus bonus
	Clause    string
}

// PartResult is the score of one part of a scorecard.
type PartResult struct {
	ID, Title string
	Raw       exact.Decimal // sum of item points, capped at Points
	Points    exact.Decimal // what the part is scored out of
	Score     exact.Decimal // Raw scaled to 100, rounded
	Share     exact.Decimal // percent of the total
}

// ScoreResult is a scored scorecard.
type ScoreResult struct {
	Scorecard string
	Version   int
	Items     []ItemResult   // with a trace only (Score, not ScoreTotal)
	Parts     []PartResult   // with a trace only
	Total     exact.Decimal  // 0–100, rounded to two decimals
	K         *exact.Decimal // nil without a bonus band; points into the band table
	Grade     string
	Trace     []Step
}

// Tables gives the policies a computation refers to, in the versions in
// effect for its period; nil when there is none.
type Tables interface {
	Bands(id string) *policy.Bands
	RedLines(id string) *policy.RedLines
}

// InputError lists every problem with the inputs of one computation.
type InputError struct {
	Problems []string
}

func (e *InputError) Error() string { return strings.Join(e.Problems, "; ") }

var (
	zero    = exact.FromInt(0)
	hundred = exact.FromInt(100)
)

// Round is the rounding rule for scores: two decimals, 四舍五入.
func Round(x exact.Decimal) exact.Decimal { return x.Round(2, exact.HalfUp) }

// Score computes a scorecard from the inputs of its items, keyed by item id,
// with its trace. It reports every missing or invalid input at once.
func Score(sc *policy.Scorecard, in map[string]ItemInput, t Tables) (ScoreResult, error) {
	return score(sc, in, t, true)
}

// itemInputs gives the inputs of a card's items: by slot (a Card's), or by
// item id.
type itemInputs struct {
	slots []ItemInput
	byID  map[string]ItemInput
}

// at returns the input of the k-th item of the card, whose id is id.
func (in itemInputs) at(k int, id string) ItemInput {
	if in.byID != nil {
		return in.byID[id]
	}
	if k < len(in.slots) {
		return in.slots[k]
	}
	return ItemInput{}
}

func bandsOf(t Tables, id string) *policy.Bands {
	if id == "" {
		return nil
	}
	return t.Bands(id)
}

// ScoreTotal computes a scorecard's total, K and grade only, without items,
// parts or trace: the fast path for batches. The total, K and grade are the
// same as Score's.
func ScoreTotal(sc *policy.Scorecard, in map[string]ItemInput, t Tables) (ScoreResult, error) {
	return score(sc, in, t, false)
}

func score(sc *policy.Scorecard, in map[string]ItemInput, t Tables, trace bool) (ScoreResult, error) {
	return scoreWith(sc, itemInputs{byID: in}, bandsOf(t, sc.Bands), bandsOf(t, sc.Grades), trace)
}

// scoreWith scores a card with the Decimal path, its K and grade from the
// band tables given (nil for none).
func scoreWith(sc *policy.Scorecard, in itemInputs, kBands, grades *policy.Bands, trace bool) (ScoreResult, error) {
	r := ScoreResult{Scorecard: sc.ID, Version: sc.Version}
	var ar scoreArena
	if trace {
		n := 0
		for pi := range sc.Part {
			n += len(sc.Part[pi].Item)
		}
		r.Parts = make([]PartResult, 0, len(sc.Part))
		r.Items = make([]ItemResult, 0, n)
		r.Trace = make([]Step, 0, n+len(sc.Part)+3) // items, parts, total, K, grade
		// One array each for what the steps point to.
		ar = scoreArena{
			items:    make([]ItemScored, 0, n),
			parts:    make([]PartScored, 0, len(sc.Part)),
			operands: make([]Operand, 0, n),
			text:     make([]byte, 0, 8*(2*n+len(sc.Part))),
			later:    make([]later, 0, 2*n+len(sc.Part)),
		}
	}
	var problems []string
	total := zero
	k := 0
	for pi := range sc.Part {
		part := &sc.Part[pi]
		raw := zero
		for i := range part.Item {
			it := &part.Item[i]
			input := in.at(k, it.ID)
			k++
			pts, clause, err := scoreItem(it, input)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", it.ID, err))
				continue
			}
			raw = raw.Add(pts)
			if !trace {
				continue
			}
			r.Items = append(r.Items, ItemResult{ID: it.ID, Title: it.Title, Part: part.ID, Points: pts, Max: it.Cap(), Clause: clause})
			ar.items = append(ar.items, ItemScored{Item: it, In: input, Points: pts, Clause: clause})
			r.Trace = append(r.Trace, Step{Ref: ref(&sc.Header, it.ID), Clause: clause, Operands: ar.itemOperands(it, input),
				Say: &ar.items[len(ar.items)-1]})
			ar.write(&r.Trace[len(r.Trace)-1].Value, pts)
		}
		max := part.MaxPoints()
		capped := exact.Min(raw, max)
		score := capped
		if max.Cmp(hundred) != 0 {
			score, _ = capped.Mul(hundred).Quo(max)
		}
		score = Round(score)
		total = total.Add(score.Mul(part.Share))
		if !trace {
			continue
		}
		r.Parts = append(r.Parts, PartResult{ID: part.ID, Title: part.Title, Raw: capped, Points: max, Score: score, Share: part.Share})
		ar.parts = append(ar.parts, PartScored{Part: part, Raw: raw, Capped: capped, Max: max, Score: score})
		r.Trace = append(r.Trace, Step{Ref: ref(&sc.Header, part.ID), Say: &ar.parts[len(ar.parts)-1]})
		ar.write(&r.Trace[len(r.Trace)-1].Value, score)
	}
	if len(problems) > 0 {
		return ScoreResult{}, &InputError{Problems: problems}
	}
	ar.settle()
	r.Total = Round(total.Shift(-2))
	if trace {
		r.Trace = append(r.Trace, Step{Ref: ref(&sc.Header, ""), Value: r.Total.String(), Say: TotalScored{Parts: r.Parts, Total: r.Total}})
	}
	if sc.Bands != "" {
		if b := kBands; b != nil {
			if row := b.Find(r.Total); row != nil && row.Value != nil {
				r.K = row.Value // shared with the band table: Decimals are immutable
				k := *row.Value
				if trace {
					r.Trace = append(r.Trace, Step{Ref: ref(&b.Header, ""), Clause: bandClause(b, row), Operands: []Operand{operand("总分", r.Total.String(), "分")},
						Value: k.String(), Say: BandFound{Bands: b, Row: row, Total: r.Total}})
				}
			}
		}
	}
	if sc.Grades != "" {
		if b := grades; b != nil {
			if row := b.Find(r.Total); row != nil {
				r.Grade = row.Label
				if trace {
					r.Trace = append(r.Trace, Step{Ref: ref(&b.Header, ""), Clause: bandClause(b, row), Operands: []Operand{operand("总分", r.Total.String(), "分")},
						Value: row.Label, Say: BandFound{Bands: b, Row: row, Total: r.Total}})
				}
			}
		}
	}
	return r, nil
}

func bandClause(b *policy.Bands, row *policy.BandRow) string {
	for i := range b.Rows {
		if &b.Rows[i] == row {
			return fmt.Sprintf("rows[%d]", i)
		}
	}
	return ""
}

var (
	errMissing = errors.New("no input given")
)

// ScoreItem computes one item alone: its points and the clause that fired.
// Boundary probes use it to try every threshold.
func ScoreItem(it *policy.Item, in ItemInput) (exact.Decimal, string, error) {
	return scoreItem(it, in)
}

// scoreItem computes one item: its points and the clause that fired.
func scoreItem(it *policy.Item, in ItemInput) (exact.Decimal, string, error) {
	need := func() (exact.Decimal, error) {
		if in.Value == nil {
			return zero, errMissing
		}
		if in.Value.Sign() < 0 {
			return zero, fmt.Errorf("%s must not be negative", in.Value)
		}
		if it.Input != nil && it.Input.Max != nil && in.Value.Cmp(*it.Input.Max) > 0 {
			return zero, fmt.Errorf("%s is above the most possible, %s", in.Value, it.Input.Max)
		}
		return *in.Value, nil
	}
	switch r := it.Rule.(type) {
	case policy.TiersRule:
		x, err := need()
		if err != nil {
			return zero, "", err
		}
		for i := range r.Tiers {
			if t := &r.Tiers[i]; t.Contains(x) {
				return t.Points, tierClauses[min(i, len(tierClauses)-1)], nil
			}
		}
		return zero, "", fmt.Errorf("%s lands in no tier", x)
	case policy.YesNoRule:
		if in.Yes == nil {
			return zero, "", errMissing
		}
		if *in.Yes {
			return r.Yes, "yes", nil
		}
		return r.No, "no", nil
	case policy.DeductionRule:
		x, err := need()
		if err != nil {
			return zero, "", err
		}
		if !x.IsInteger() {
			return zero, "", fmt.Errorf("%s is not a whole number", x)
		}
		if x.Sign() == 0 {
			return r.Full, "full", nil
		}
		p := r.Full.Sub(r.Per.Mul(x))
		if p.Cmp(r.Floor) <= 0 {
			return r.Floor, "floor", nil
		}
		return p, "deducted", nil
	case policy.LinearRule:
		x, err := need()
		if err != nil {
			return zero, "", err
		}
		diff := x.Sub(r.Par)
		p, clause := r.Base, "par"
		if diff.Sign() > 0 {
			steps, _ := diff.Quo(r.Step)
			p, clause = p.Add(r.Up.Mul(steps.Floor())), "above"
		} else if diff.Sign() < 0 {
			steps, _ := diff.Neg().Quo(r.Step)
			p, clause = p.Sub(r.Down.Mul(steps.Floor())), "below"
		}
		if p.Cmp(r.Max) > 0 {
			p, clause = r.Max, "max"
		}
		if p.Cmp(r.Min) < 0 {
			p, clause = r.Min, "min"
		}
		return p, clause, nil
	case policy.LevelsRule:
		for i := range r.Levels {
			if l := &r.Levels[i]; l.Level == in.Level {
				return l.Points, levelClauses[min(i, len(levelClauses)-1)], nil
			}
		}
		if in.Level == 0 {
			return zero, "", errMissing
		}
		return zero, "", fmt.Errorf("level %d is outside 1–5", in.Level)
	case policy.ChoiceRule:
		for i, c := range r.Choices {
			if c.ID == in.Choice {
				return c.Points, fmt.Sprintf("choices[%d]", i), nil
			}
		}
		if in.Choice == "" {
			return zero, "", errMissing
		}
		return zero, "", fmt.Errorf("unknown choice %q", in.Choice)
	case policy.ChecklistRule:
		p := zero
		found := 0
		for _, c := range r.Checks {
			if slices.Contains(in.Checks, c.ID) {
				p = p.Add(c.Points)
				found++
			}
		}
		if found != len(in.Checks) {
			var unknown []string
			for _, id := range in.Checks {
				if !slices.ContainsFunc(r.Checks, func(c policy.Choice) bool { return c.ID == id }) {
					unknown = append(unknown, id)
				}
			}
			if len(unknown) > 0 {
				return zero, "", fmt.Errorf("unknown checks %q", unknown)
			}
			return zero, "", fmt.Errorf("a check is given twice: %q", in.Checks)
		}
		return p, "checks", nil
	case policy.ProportionalRule:
		x, err := need()
		if err != nil {
			return zero, "", err
		}
		x = exact.Min(x, r.Scale)
		q, _ := r.Weight.Mul(x).Quo(r.Scale)
		return Round(q), "proportional", nil
	case policy.FormulaRule:
		vals := scope{}
		for _, def := range r.Inputs {
			v, ok := in.Named[def.Name]
			if !ok {
				return zero, "", fmt.Errorf("no input %q", def.Name)
			}
			vals[def.Name] = v
		}
		v, err := r.Expr.Eval(vals)
		if err != nil {
			return zero, "", err
		}
		p := Round(v.Num)
		if p.Cmp(it.Cap()) > 0 {
			return it.Cap(), "max", nil
		}
		if p.Sign() < 0 {
			return zero, "min", nil
		}
		return p, "formula", nil
	case nil:
		return zero, "", fmt.Errorf("item %s has no scoring rule (not compiled)", it.ID)
	}
	panic("unreachable: every scoring rule has a case")
}

// ItemClauses lists the clauses an item can fire, the names scoreItem
// gives them: every tier, level and choice; yes and no; full, deducted
// (when one unit leaves more than the floor) and floor (when enough units
// can occur to reach it); par, above (when up is more than 0) and below
// (when down is); and the single clause of a checklist, a proportional or a
// formula item. Coverage requires each to be reached.
func ItemClauses(it *policy.Item) []string {
	var cs []string
	switch r := it.Rule.(type) {
	case policy.TiersRule:
		for i := range r.Tiers {
			cs = append(cs, fmt.Sprintf("tiers[%d]", i))
		}
	case policy.YesNoRule:
		cs = []string{"yes", "no"}
	case policy.DeductionRule:
		cs = []string{"full"}
		if r.Full.Sub(r.Per).Cmp(r.Floor) > 0 {
			cs = append(cs, "deducted")
		}
		if r.Most == nil || r.Full.Sub(r.Per.Mul(*r.Most)).Cmp(r.Floor) <= 0 {
			cs = append(cs, "floor")
		}
	case policy.LinearRule:
		cs = []string{"par"}
		if r.Up.Sign() > 0 {
			cs = append(cs, "above")
		}
		if r.Down.Sign() > 0 {
			cs = append(cs, "below")
		}
	case policy.LevelsRule:
		for i := range r.Levels {
			cs = append(cs, fmt.Sprintf("levels[%d]", i))
		}
	case policy.ChoiceRule:
		for i := range r.Choices {
			cs = append(cs, fmt.Sprintf("choices[%d]", i))
		}
	case policy.ChecklistRule:
		cs = []string{"checks"}
	case policy.ProportionalRule:
		cs = []string{"proportional"}
	case policy.FormulaRule:
		cs = []string{"formula"}
	case nil:
	}
	return cs
}

// Clause names of the first tiers and levels, kept as constants so that
// scoring allocates nothing for them.
var (
	tierClauses  = []string{"tiers[0]", "tiers[1]", "tiers[2]", "tiers[3]", "tiers[4]", "tiers[5]", "tiers[6]", "tiers[7]", "tiers[8]", "tiers[9]"}
	levelClauses = []string{"levels[0]", "levels[1]", "levels[2]", "levels[3]", "levels[4]"}
)

// scoreArena holds what the steps of one traced card point to, allocated
// once for the card; the arrays are sized so that appending never moves
// them.
type scoreArena struct {
	items    []ItemScored
	parts    []PartScored
	operands []Operand
	// The texts of the numbers the steps show, written one after another
	// and cut from one string when the card is scored (settle).
	text  []byte
	later []later
}

// later is a text to set: the string at dst gets text up to end.
type later struct {
	dst *string
	end int
}

// write sets *dst to x's text when the card is settled. dst must stay
// where it is until then (an element of an array that is not grown).
func (ar *scoreArena) write(dst *string, x exact.Decimal) {
	if len(ar.later) == cap(ar.later) {
		*dst = x.String()
		return
	}
	ar.text = x.Append(ar.text)
	ar.later = append(ar.later, later{dst, len(ar.text)})
}

// settle sets every text written: one string for them all.
func (ar *scoreArena) settle() {
	all := string(ar.text)
	start := 0
	for _, l := range ar.later {
		*l.dst = all[start:l.end]
		start = l.end
	}
	ar.text, ar.later = ar.text[:0], ar.later[:0]
}

// itemOperands returns an item's operands: one, in the arena, for every
// kind but a formula, which lists its named inputs.
func (ar *scoreArena) itemOperands(it *policy.Item, in ItemInput) []Operand {
	op, value, ok := itemOperand(it, in)
	if !ok {
		return formulaOperands(it, in)
	}
	var ops []Operand
	if len(ar.operands) == cap(ar.operands) {
		ops = []Operand{op}
	} else {
		ar.operands = append(ar.operands, op)
		n := len(ar.operands)
		ops = ar.operands[n-1 : n : n]
	}
	if value != nil {
		ar.write(&ops[0].Value, *value)
	}
	return ops
}

// itemOperands lists the values an item's points came from, with their
// labels and units. It is called only when a trace is wanted.
func itemOperands(it *policy.Item, in ItemInput) []Operand {
	if op, value, ok := itemOperand(it, in); ok {
		if value != nil {
			op.Value = value.String()
		}
		return []Operand{op}
	}
	return formulaOperands(it, in)
}

// itemOperand is the one value an item of any kind but a formula scores.
// The operand of a number comes without its text, and the number to write
// it from.
func itemOperand(it *policy.Item, in ItemInput) (Operand, *exact.Decimal, bool) {
	label := it.Title
	if it.Input != nil {
		label = it.Input.Label
	}
	switch it.Rule.(type) {
	case policy.TiersRule, policy.DeductionRule, policy.LinearRule, policy.ProportionalRule:
		return operand(label, "", it.Input.DisplayUnit()), in.Value, true
	case policy.YesNoRule:
		if *in.Yes {
			return operand(label, "是", ""), nil, true
		}
		return operand(label, "否", ""), nil, true
	case policy.LevelsRule:
		return operand("等级", strconv.Itoa(in.Level), "级"), nil, true
	case policy.ChoiceRule:
		return operand("选择", in.Choice, ""), nil, true
	case policy.ChecklistRule:
		return operand("达到", strings.Join(in.Checks, ","), ""), nil, true
	case policy.FormulaRule, nil:
	}
	return Operand{}, nil, false
}

// formulaOperands lists a formula item's named inputs; nil for an item of
// another kind.
func formulaOperands(it *policy.Item, in ItemInput) []Operand {
	r, ok := it.Rule.(policy.FormulaRule)
	if !ok {
		return nil
	}
	var used []Operand
	for _, def := range r.Inputs {
		used = append(used, Operand{Name: def.Name, Label: def.Label, Value: valueString(in.Named[def.Name]), Unit: def.DisplayUnit()})
	}
	return used
}

// scope gives formula names their values; it has no tables.
type scope map[string]formula.Value

func (s scope) Value(name string) (formula.Value, bool) { v, ok := s[name]; return v, ok }
func (s scope) Lookup(table string, x exact.Decimal) (exact.Decimal, error) {
	return zero, fmt.Errorf("no table %q here", table)
}

func valueString(v formula.Value) string { return v.Text() }
