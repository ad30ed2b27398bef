package engine

import (
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/policy"
)

// ItemInput is what an assessor enters for one scorecard item; see
// policy.ItemInput.
type ItemInput = policy.ItemInput

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
	Problems []diag.Text
}

// Error lists the problems in English.
func (e *InputError) Error() string {
	s := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		s[i] = p.En
	}
	return strings.Join(s, "; ")
}

// Zh lists the problems in Chinese.
func (e *InputError) Zh() string {
	s := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		s[i] = p.Zh
	}
	return strings.Join(s, "；")
}

// addProblem adds a problem with the inputs of a computation to those
// found, to report them all at once; format is one of the catalog's (zh).
func addProblem(problems *[]diag.Text, format string, args ...any) {
	*problems = append(*problems, zh.Sprintf(format, args...))
}

// inputErrorf returns an *InputError of one problem; format is one of the
// catalog's (zh).
func inputErrorf(format string, args ...any) error {
	return &InputError{Problems: []diag.Text{zh.Sprintf(format, args...)}}
}

var (
	zero    = exact.FromInt(0)
	hundred = exact.FromInt(100)
)

// Round is the rounding rule for scores: two decimals, 四舍五入
// (policy.RoundScore).
func Round(x exact.Decimal) exact.Decimal { return policy.RoundScore(x) }

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
	var m *traceMem
	if trace {
		m = new(traceMem)
	}
	return scoreWith(sc, itemInputs{byID: in}, bandsOf(t, sc.Bands), bandsOf(t, sc.Grades), m)
}

// A Tracer holds the memory of traced scoring, so that scoring card after
// card (the calculator on every keystroke, a batch printing traces) reuses
// it instead of allocating a trace each time. A result a Tracer gives
// shares its items, parts and trace with the Tracer: it stays valid until
// the Tracer's next successful Score. A Score that fails (an input is
// missing or wrong) leaves the last good result as it was, so that a form
// can keep showing it while the person types. The zero Tracer is ready to
// use; a Tracer is not safe for concurrent use.
type Tracer struct {
	mem  [2]traceMem // the last good result's, and the next one's
	next int         // the index of the next one's
}

// traceMem is the memory of one traced card.
type traceMem struct {
	items []ItemResult
	parts []PartResult
	trace []Step
	ar    scoreArena
}

// Score computes the card with its items, parts and trace, as Card.Score
// does, in the Tracer's memory.
func (tr *Tracer) Score(c *Card, in []ItemInput) (ScoreResult, error) {
	r, err := scoreWith(c.sc, itemInputs{slots: in}, c.kBands, c.grades, &tr.mem[tr.next])
	if err == nil {
		tr.next = 1 - tr.next
	}
	return r, err
}

// start readies the memory for a card of n items in parts parts: the
// arrays are sized so that appending never moves them (steps and
// sentences point into them). They are emptied, and made anew (all of
// them, for the same sizes) only for a card that one of them cannot hold.
// Every element a card uses is written whole before it is read.
func (m *traceMem) start(n, parts int) {
	ar := &m.ar
	steps := n + parts + 3 // items, parts, total, K, grade
	if cap(m.items) < n || cap(m.parts) < parts || cap(m.trace) < steps {
		m.items, m.parts, m.trace = make([]ItemResult, 0, n), make([]PartResult, 0, parts), make([]Step, 0, steps)
		ar.items, ar.parts = make([]ItemScored, 0, n), make([]PartScored, 0, parts)
		ar.operands = make([]Operand, 0, n+2) // one per item, the K's and the grade's
		// The numbers written: an item's points and operand, a part's
		// score, the total, and the total and value of the K and of the
		// grade.
		ar.text, ar.later = make([]byte, 0, 8*(2*n+parts+5)), make([]later, 0, 2*n+parts+5)
		ar.used = make([]policy.Used, 0, 4)
	}
	m.items, m.parts, m.trace = m.items[:0], m.parts[:0], m.trace[:0]
	ar.items, ar.parts, ar.operands = ar.items[:0], ar.parts[:0], ar.operands[:0]
	ar.text, ar.later, ar.used = ar.text[:0], ar.later[:0], ar.used[:0]
	ar.bands = 0
}

// scoreWith scores a card with the Decimal path, its K and grade from the
// band tables given (nil for none); with its trace, in m, when m is not
// nil.
func scoreWith(sc *policy.Scorecard, in itemInputs, kBands, grades *policy.Bands, m *traceMem) (ScoreResult, error) {
	r := ScoreResult{Scorecard: sc.ID, Version: sc.Version}
	trace := m != nil
	var ar *scoreArena
	if trace {
		n := 0
		for pi := range sc.Part {
			n += len(sc.Part[pi].Item)
		}
		m.start(n, len(sc.Part))
		r.Items, r.Parts, r.Trace, ar = m.items, m.parts, m.trace, &m.ar
	}
	var problems []diag.Text
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
				addProblem(&problems, "%s: %v", it.ID, err)
				continue
			}
			raw = raw.Add(pts)
			if !trace {
				continue
			}
			r.Items = append(r.Items, ItemResult{ID: it.ID, Title: it.Title, Part: part.ID, Points: pts, Max: it.Cap(), Clause: clause})
			ar.items = append(ar.items, ItemScored{Item: it, In: input, ItemResult: &r.Items[len(r.Items)-1]})
			r.Trace = addStep(r.Trace, sc.Head(), it.ID, clause, ar.itemOperands(it, input), "", &ar.items[len(ar.items)-1])
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
		r.Trace = addStep(r.Trace, sc.Head(), part.ID, "", nil, "", &ar.parts[len(ar.parts)-1])
		ar.write(&r.Trace[len(r.Trace)-1].Value, score)
	}
	if len(problems) > 0 {
		return ScoreResult{}, &InputError{Problems: problems}
	}

	r.Total = Round(total.Shift(-2))
	if trace {
		ar.total = TotalScored{Parts: r.Parts, Total: r.Total}
		r.Trace = addStep(r.Trace, sc.Head(), "", "", nil, "", &ar.total)
		ar.write(&r.Trace[len(r.Trace)-1].Value, r.Total)
	}
	if sc.Bands != "" {
		if b := kBands; b != nil {
			if row := b.Find(r.Total); row != nil && row.Value != nil {
				r.K = row.Value // shared with the band table: Decimals are immutable
				k := *row.Value
				if trace {
					r.Trace = ar.bandStep(r.Trace, b, row, r.Total, "")
					ar.write(&r.Trace[len(r.Trace)-1].Value, k)
				}
			}
		}
	}
	if sc.Grades != "" {
		if b := grades; b != nil {
			if row := b.Find(r.Total); row != nil {
				r.Grade = row.Label
				if trace {
					r.Trace = ar.bandStep(r.Trace, b, row, r.Total, row.Label)
				}
			}
		}
	}
	if trace {
		ar.settle()
	}
	return r, nil
}

func bandClause(b *policy.Bands, row *policy.BandRow) string {
	for i := range b.Rows {
		if &b.Rows[i] == row {
			if i < len(rowClauses) {
				return rowClauses[i]
			}
			return "rows[" + strconv.Itoa(i) + "]"
		}
	}
	return ""
}

// rowClauses are the clauses of the first rows of a band table, written
// once.
var rowClauses = func() (out [16]string) {
	for i := range out {
		out[i] = "rows[" + strconv.Itoa(i) + "]"
	}
	return out
}()

// ScoreItem computes one item alone: its points and the clause that fired.
// Boundary probes use it to try every threshold.
func ScoreItem(it *policy.Item, in ItemInput) (exact.Decimal, string, error) {
	return scoreItem(it, in)
}

// scoreItem computes one item with its kind's rule: its points and the
// clause that fired.
func scoreItem(it *policy.Item, in ItemInput) (exact.Decimal, string, error) {
	if it.Rule == nil {
		return zero, "", zh.Errorf("item %s has no scoring rule (not compiled)", it.ID)
	}
	return it.Rule.Score(it, in)
}

// ItemClauses lists the clauses an item can fire, the names scoreItem
// gives them (policy.ScoringRule.Clauses). Coverage requires each to be
// reached.
func ItemClauses(it *policy.Item) []string {
	if it.Rule == nil {
		return nil
	}
	return it.Rule.Clauses()
}

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
	used  []policy.Used // what an item's rule says it used, reused
	// The total's sentence, and the K's and the grade's.
	total   TotalScored
	bandArr [2]BandFound
	bands   int
}

// bandStep appends to a trace the step of the row of a band table that
// the total lands in (the K's or the grade's), its sentence in the arena.
func (ar *scoreArena) bandStep(trace []Step, b *policy.Bands, row *policy.BandRow, total exact.Decimal, value string) []Step {
	x := &ar.bandArr[ar.bands]
	ar.bands++
	*x = BandFound{Bands: b, Row: row, Total: total}
	return addStep(trace, b.Head(), "", bandClause(b, row), ar.totalOperand(total), value, x)
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

// totalOperand returns the operand a band table looks up, the total, as a
// one-operand list in the arena when it has room.
func (ar *scoreArena) totalOperand(total exact.Decimal) []Operand {
	op := operand("总分", "", "分")
	if len(ar.operands) == cap(ar.operands) {
		op.Value = total.String()
		return []Operand{op}
	}
	ar.operands = append(ar.operands, op)
	n := len(ar.operands)
	ops := ar.operands[n-1 : n : n]
	ar.write(&ops[0].Value, total)
	return ops
}

// itemOperands returns the values an item's points came from
// (policy.ScoringRule.Uses), with their labels and units: a single one in
// the arena, its number written when the card is settled.
func (ar *scoreArena) itemOperands(it *policy.Item, in ItemInput) []Operand {
	ar.used = it.Rule.Uses(it, in, ar.used[:0])
	if len(ar.used) == 1 && len(ar.operands) < cap(ar.operands) {
		u := &ar.used[0]
		ar.operands = append(ar.operands, Operand{Name: u.Name, Label: u.Label, Value: u.Value, Unit: u.Unit})
		n := len(ar.operands)
		ops := ar.operands[n-1 : n : n]
		if u.Num != nil {
			ar.write(&ops[0].Value, *u.Num)
		}
		return ops
	}
	var ops []Operand
	for _, u := range ar.used {
		op := Operand{Name: u.Name, Label: u.Label, Value: u.Value, Unit: u.Unit}
		if u.Num != nil {
			op.Value = u.Num.String()
		}
		ops = append(ops, op)
	}
	return ops
}

func valueString(v formula.Value) string { return v.Text() }
