package engine

import (
	"maps"
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

// Period is an assessment period: a month, a quarter or a year.
type Period struct {
	Kind    policy.PeriodKind // monthly, quarterly or annual
	Year    int
	Month   int // 1–12 for a month
	Quarter int // 1–4 for a quarter
}

// ParsePeriod reads 2026-10 (a month), 2026-Q3 (a quarter) or 2026 (a year):
// ASCII digits only, so many of them.
func ParsePeriod(s string) (Period, error) {
	bad := zh.Errorf("period %q: want YYYY-MM, YYYY-Qn or YYYY", s)
	y, rest, _ := strings.Cut(s, "-")
	if len(y) != 4 || !digits(y) {
		return Period{}, bad
	}
	year, _ := strconv.Atoi(y)
	switch {
	case rest == "":
		return Period{Kind: policy.Annual, Year: year}, nil
	case strings.HasPrefix(rest, "Q"):
		if len(rest) != 2 || !digits(rest[1:]) || rest[1] < '1' || rest[1] > '4' {
			return Period{}, bad
		}
		return Period{Kind: policy.Quarterly, Year: year, Quarter: int(rest[1] - '0')}, nil
	}
	m, _ := strconv.Atoi(rest)
	if len(rest) != 2 || !digits(rest) || m < 1 || m > 12 {
		return Period{}, bad
	}
	return Period{Kind: policy.Monthly, Year: year, Month: m}, nil
}

// digits reports whether s is ASCII digits alone (strconv.Atoi also takes
// a sign).
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Start returns the first day of the period.
func (p Period) Start() civil.Date {
	m := 1
	switch p.Kind {
	case policy.Monthly:
		m = p.Month
	case policy.Quarterly:
		m = 3*p.Quarter - 2
	case policy.Annual:
	}
	return civil.Of(p.Year, m, 1)
}

// Settled returns the last day of the period, the day it is settled: the
// policy versions in effect that day apply to the whole period. (An annual
// settlement of an assessment year that runs March to February, like the
// key-account plans of 2010, is thereby computed under that year's rules.)
func (p Period) Settled() civil.Date {
	switch p.Kind {
	case policy.Monthly:
		return p.Start().AddDate(0, 1, -1)
	case policy.Quarterly:
		return p.Start().AddDate(0, 3, -1)
	case policy.Annual:
	}
	return p.Start().AddDate(1, 0, -1)
}

func (p Period) String() string {
	switch p.Kind {
	case policy.Monthly:
		return printf.Sprintf("%04d-%02d", p.Year, p.Month)
	case policy.Quarterly:
		return printf.Sprintf("%04d-Q%d", p.Year, p.Quarter)
	case policy.Annual:
	}
	return printf.Sprintf("%04d", p.Year)
}

// Case is everything needed to compute one person's result for one period.
type Case struct {
	Person string
	Role   string
	Period Period
	// Scorecards holds item inputs by scorecard id, then item id.
	Scorecards map[string]map[string]ItemInput
	// Pay holds the pay plan's inputs by name.
	Pay map[string]formula.Value
	// Own holds the person's own values of the pay plan's personal
	// parameters by name (a base pay, an allowance, a personal target);
	// a personal parameter not in it takes the plan's value. A ledger's
	// earlier quarters take the same values, except those a quarter of
	// History gives of its own.
	Own map[string]exact.Decimal
	// Points is the month under the plan's points system, if it has one.
	Points *PointsInput
	// RedLines lists the red lines touched in the period.
	RedLines []string
	// Leave is a departure before the end of the service period, or nil.
	Leave *Leave
	// History lists the earlier quarters of a ledger, oldest first; the case's
	// own quarter comes last, from Pay and the scorecard.
	History []Quarter
	// NoTrace skips the explanation of scorecards and pay components (the
	// numbers are the same): the fast path of batches.
	NoTrace bool
}

// Result is a computed case.
type Result struct {
	Person, Role string
	RoleVersion  int
	Period       Period
	Scores       []ScoreResult
	Points       *PointsResult
	Pay          *PayResult
	Ledger       []LedgerEntry
	// Standings are the plan's standings looked up for the period (末位管理).
	Standings []StandingResult
}

// Compute computes a case with the policies in effect on the day its period
// is settled (its last day).
func Compute(h *policy.Handbook, c Case) (Result, error) { return (*Scratch)(nil).Compute(h, c) }

// Compute is Compute with the scratch's working storage; a nil scratch
// keeps none. With one, an untraced case scores through compiled cards
// (Card) kept in the scratch.
func (sc *Scratch) Compute(h *policy.Handbook, c Case) (Result, error) {
	d := sc.settled(c.Period)
	t := sc.on(h, d)
	role, _ := sc.at(h, policy.KindRole, c.Role, d).(*policy.Role)
	if role == nil {
		return Result{}, zh.Errorf("no role %q in effect on %s", c.Role, d.String())
	}
	r := Result{Person: c.Person, Role: role.ID, RoleVersion: role.Version, Period: c.Period, Scores: make([]ScoreResult, 0, len(c.Scorecards))}
	var plan *policy.PayPlan // nil for a role without one; looked up once
	if role.PayPlan != "" {
		plan, _ = sc.at(h, policy.KindPayPlan, role.PayPlan, d).(*policy.PayPlan)
	}
	var fed []Fed // items the pay plan computes from pay inputs
	if plan != nil && len(plan.Feed) > 0 && c.Scorecards[plan.Scorecard] != nil {
		items, f, err := FedItems(plan, c.Scorecards[plan.Scorecard], c.Pay, c.Own)
		if err != nil {
			return Result{}, zh.Errorf("scorecard %s: %v", plan.Scorecard, err)
		}
		cards := maps.Clone(c.Scorecards)
		cards[plan.Scorecard] = items
		c.Scorecards, fed = cards, f
	}
	var ids [4]string // a role has a scorecard or two: sorted without allocating
	for _, id := range sortedIDs(c.Scorecards, ids[:0]) {
		if !slices.Contains(role.Scorecards, id) {
			return Result{}, zh.Errorf("scorecard %q is not one of role %s's (%s)", id, role.ID, strings.Join(role.Scorecards, ", "))
		}
		card, _ := sc.at(h, policy.KindScorecard, id, d).(*policy.Scorecard)
		if card == nil {
			return Result{}, zh.Errorf("no scorecard %q in effect on %s", id, d.String())
		}
		var (
			s   ScoreResult
			err error
		)
		if c.NoTrace && sc != nil {
			s, err = sc.scoreTotal(card, c.Scorecards[id], t)
		} else {
			s, err = score(card, c.Scorecards[id], t, !c.NoTrace)
		}
		if err != nil {
			return Result{}, zh.Errorf("scorecard %s: %v", id, err)
		}
		if len(fed) > 0 && !c.NoTrace && plan.Scorecard == id {
			s.Trace = append(feedSteps(plan, card, fed, c.Pay, c.Own), s.Trace...)
		}
		r.Scores = append(r.Scores, s)
	}
	if role.PayPlan == "" {
		if c.Pay != nil {
			return Result{}, zh.Errorf("role %s has no pay plan, but pay inputs were given", role.ID)
		}
		if c.Own != nil {
			return Result{}, zh.Errorf("role %s has no pay plan, but own amounts were given", role.ID)
		}
		if err := r.finite(); err != nil {
			return Result{}, err
		}
		return r, nil
	}
	if plan == nil {
		return Result{}, zh.Errorf("no pay plan %q in effect on %s", role.PayPlan, d.String())
	}
	values, err := ScoredInputs(plan, c.Pay, r.Scores)
	if err == nil {
		values, err = CountedInputs(plan, values, c.Points)
	}
	if err != nil {
		return Result{}, zh.Errorf("pay plan %s: %v", plan.ID, err)
	}
	in := PayInput{Period: c.Period.Kind, Values: values, Own: c.Own, RedLines: c.RedLines, Leave: c.Leave}
	needScore := UsesScore(plan, c.Period.Kind)
	switch {
	case plan.Scorecard != "":
		for i := range r.Scores {
			if r.Scores[i].Scorecard == plan.Scorecard {
				in.Score = &r.Scores[i].Total
			}
		}
		if in.Score == nil && needScore {
			return Result{}, zh.Errorf("pay plan %s needs the inputs of scorecard %s", plan.ID, plan.Scorecard)
		}
	case plan.PointsSystem != "" && (needScore || c.Points != nil):
		ps, _ := sc.at(h, policy.KindPoints, plan.PointsSystem, d).(*policy.Points)
		if ps == nil || c.Points == nil {
			return Result{}, zh.Errorf("pay plan %s needs the month under points system %s", plan.ID, plan.PointsSystem)
		}
		pr, err := points(ps, *c.Points, !c.NoTrace)
		if err != nil {
			return Result{}, zh.Errorf("points: %v", err)
		}
		r.Points = &pr
		in.Score = &pr.Total
	}
	pay, err := pay(plan, in, t, !c.NoTrace, sc)
	if err != nil {
		return Result{}, zh.Errorf("pay plan %s: %v", plan.ID, err)
	}
	for i := range plan.Component {
		comp := &plan.Component[i]
		if comp.Kind != policy.Ledger || c.Period.Kind != policy.Quarterly {
			continue
		}
		qs := append(historyInputs(plan, c.History, c.Own), Quarter{Label: c.Period.String(), Values: values, Own: c.Own, Score: in.Score})
		entries, err := Ledger(plan, comp, qs, t)
		if err != nil {
			return Result{}, zh.Errorf("ledger %s: %v", comp.Name, err)
		}
		r.Ledger = entries
		cur := entries[len(entries)-1]
		pay.add(plan, comp.Name, comp.Title, policy.Ledger, cur.Bonus, cur.Trace)
		if cur.FloatingPay && cur.Floating.Sign() > 0 {
			pay.add(plan, comp.Name+".floating", comp.FloatingTitle, policy.Performance, cur.Floating, nil)
		}
		if cur.Penalty.Sign() > 0 {
			pay.add(plan, comp.Name+".penalty", comp.PenaltyTitle, policy.Deduction, cur.Penalty, nil)
		}
	}
	if r.Standings, err = standings(plan, in, t, !c.NoTrace); err != nil {
		return Result{}, zh.Errorf("pay plan %s: standing %v", plan.ID, err)
	}
	r.Pay = &pay
	if err := r.finite(); err != nil {
		return Result{}, err
	}
	return r, nil
}

// sortedIDs appends the keys of m to buf, in order.
func sortedIDs[V any](m map[string]V, buf []string) []string {
	for id := range m {
		buf = append(buf, id)
	}
	sorted.Strings(buf)
	return buf
}

// historyInputs returns the earlier quarters of a ledger with the inputs
// the plan takes from its own scorecard filled in from each quarter's score
// (an earlier quarter gives its score, not its card's items), and the
// person's own values of the case where a quarter gives none of its own (a
// quarter's own value, a target of that quarter, wins).
func historyInputs(plan *policy.PayPlan, history []Quarter, own map[string]exact.Decimal) []Quarter {
	out := append([]Quarter(nil), history...)
	for i := range out {
		switch {
		case len(out[i].Own) == 0:
			out[i].Own = own
		case len(own) > 0:
			merged := maps.Clone(own)
			maps.Copy(merged, out[i].Own)
			out[i].Own = merged
		}
	}
	for _, def := range plan.Input {
		if def.Scorecard == "" || def.Scorecard != plan.Scorecard {
			continue
		}
		for i := range out {
			if out[i].Score == nil {
				continue // the ledger reports the missing score
			}
			if _, given := out[i].Values[def.Name]; !given {
				vals := make(map[string]formula.Value, len(out[i].Values)+1)
				maps.Copy(vals, out[i].Values)
				vals[def.Name] = formula.Value{Num: *out[i].Score}
				out[i].Values = vals
			}
		}
	}
	return out
}

// ScoredInputs returns the pay inputs with the totals of the scorecards
// computed for the case filled in, for inputs that name their scorecard. It
// copies the map only when it fills something in. Giving such an input by
// hand as well as by its scorecard is an error: the two could disagree.
func ScoredInputs(plan *policy.PayPlan, vals map[string]formula.Value, scores []ScoreResult) (map[string]formula.Value, error) {
	out, copied := vals, false
	for _, def := range plan.Input {
		if def.Scorecard == "" {
			continue
		}
		for i := range scores {
			if scores[i].Scorecard != def.Scorecard {
				continue
			}
			if _, given := vals[def.Name]; given {
				return nil, &InputError{Problems: []diag.Text{zh.Sprintf("%s: given as a number and computed from scorecard %s; give one of them", def.Name, def.Scorecard)}}
			}
			if !copied {
				out, copied = make(map[string]formula.Value, len(vals)+1), true
				maps.Copy(out, vals)
			}
			out[def.Name] = formula.Value{Num: scores[i].Total}
		}
	}
	return out, nil
}

// CountedInputs returns the pay inputs with, for each input that counts a
// points event, the number of times the month's points give that event,
// when they are given. It copies the map only when it fills something in.
// A number given by hand as well must agree with the count: the same fact
// is not entered twice with two values.
func CountedInputs(plan *policy.PayPlan, vals map[string]formula.Value, pts *PointsInput) (map[string]formula.Value, error) {
	if pts == nil {
		return vals, nil
	}
	out, copied := vals, false
	var problems []diag.Text
	for _, def := range plan.Input {
		if def.Event == "" {
			continue
		}
		n := exact.FromInt(int64(pts.Events[def.Event]))
		if v, given := vals[def.Name]; given {
			if v.IsBool || v.Num.Cmp(n) != 0 {
				addProblem(&problems, "%s: given as %s, but the month's points count event %s %s times; they must agree (or give only the points)", def.Name, valueString(v), def.Event, n)
			}
			continue
		}
		if !copied {
			out, copied = make(map[string]formula.Value, len(vals)+1), true
			maps.Copy(out, vals)
		}
		out[def.Name] = formula.Value{Num: n}
	}
	if len(problems) > 0 {
		return nil, &InputError{Problems: problems}
	}
	return out, nil
}

// add appends a component computed outside Pay (the ledger's) to the result,
// keeping the total and the trace's closing line in step. A kind the red
// lines touched hold back is shown and not paid, as in Pay.
func (r *PayResult) add(p *policy.PayPlan, name, title string, kind policy.ComponentKind, amt exact.Decimal, steps []Step) {
	withheld := r.addAmount(name, title, kind, amt)
	if len(r.Trace) == 0 {
		return // computed without a trace
	}
	last := r.Trace[len(r.Trace)-1]
	r.Trace = append(r.Trace[:len(r.Trace)-1], steps...)
	if len(steps) == 0 {
		clause := ""
		if withheld {
			clause = "withheld"
		}
		r.Trace = addStep(r.Trace, p.Head(), name, clause, nil, amt.String(), AmountAdded{Title: title, Amount: amt, Withheld: withheld})
	}
	last.Value = r.Total.String()
	last.Say = PayTotal{r.Total}
	r.Trace = append(r.Trace, last)
}
