package diff

import (
	"fmt"
	"maps"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
)

// MinPeople is the smallest population a comparison is meant to use.
const MinPeople = 1000

// Options is what a comparison needs.
type Options struct {
	Old, New         *policy.Handbook
	OldName, NewName string // how the report names them, e.g. "`main`（abc1234）" and "工作区"
	// Cases are the worked case files; each is read against each handbook.
	Cases []load.File
	// Month is the month compared; its quarter and year are settled too.
	Month  engine.Period
	People int
	Seed   uint64
}

// Report is a computed comparison.
type Report struct {
	OldName, NewName string
	Month            engine.Period
	People           int
	Seed             uint64
	Cases            []CaseDiff      // every case, in path order
	Roles            []RoleDiff      // every role of the population, by id
	Components       []ComponentDiff // every component met, by role, settlement and plan order
	Failures         []Failure       // people who could not be computed, grouped by reason
	Omitted          []Omission      // inputs the old policies do not declare, left out under them
}

// Omission is an input that the old policies do not declare, left out when
// computing under them.
type Omission struct {
	What string // 薪酬方案输入, 评分表, 积分项 or 电网指标
	Name string // e.g. kefu-daibiao-pay.overtime_hours
}

// CaseDiff is a worked case under both handbooks. A nil total means the case
// computed no pay (its role has no pay plan); an error means it could not be
// read or computed on that side.
type CaseDiff struct {
	Name, Title, Role, Period string
	Old, New                  *exact.Decimal
	OldErr, NewErr            string
}

// Changed reports whether the case's total differs, or it fails on one side only.
func (c CaseDiff) Changed() bool {
	if c.OldErr != "" || c.NewErr != "" {
		return (c.OldErr == "") != (c.NewErr == "") || c.OldErr != c.NewErr
	}
	if (c.Old == nil) != (c.New == nil) {
		return true
	}
	return c.Old != nil && c.Old.Cmp(*c.New) != 0
}

// RoleDiff sums the people of one role. A person's Δ is the sum over the
// three settlements of the new total minus the old.
type RoleDiff struct {
	Role, Title                   string
	People, Up, Down, Same, Error int
	Total, MaxGain, MaxLoss       exact.Decimal // MaxGain ≥ 0, MaxLoss ≤ 0
	Mean                          *exact.Decimal
}

// ComponentDiff sums one pay component of one role over the people computed
// on both sides, as paid: an amount withheld because of a red line counts 0.
type ComponentDiff struct {
	Role, Plan, Name, Title, Kind string
	Period                        string // the settlement it is paid in, e.g. 2026-Q4
	Old, New                      exact.Decimal
	Changed                       int // people whose amount differs

	settlement int // 0 month, 1 quarter, 2 year
}

// Delta returns New − Old.
func (c ComponentDiff) Delta() exact.Decimal { return c.New.Sub(c.Old) }

// Failure is a group of people of one role who could not be computed on one
// side, for the same reason.
type Failure struct {
	Side   string // the OldName or NewName
	Role   string
	Reason string
	People int
}

// Latest returns the month of the latest effective_from of any policy version
// in the handbooks: a change that introduces a future version is compared in
// its first month.
func Latest(hs ...*policy.Handbook) engine.Period {
	var last civil.Date
	for _, h := range hs {
		for _, p := range h.All() {
			if d := p.Head().EffectiveFrom; d.After(last) {
				last = d
			}
		}
	}
	return engine.Period{Kind: policy.Monthly, Year: last.Year(), Month: last.Month()}
}

// outcome is one person computed on both sides.
type outcome struct {
	oldRes, newRes [3]engine.Result
	side, reason   string // set when a settlement failed
	omitted        []Omission
}

// Compare computes the worked cases and a population of o.People under both
// handbooks.
func Compare(o Options) (*Report, error) {
	if o.Month.Kind != policy.Monthly {
		return nil, fmt.Errorf("compare: want a month, got %s", o.Month)
	}
	if o.People < 0 {
		return nil, fmt.Errorf("compare: %d people", o.People)
	}
	r := &Report{OldName: o.OldName, NewName: o.NewName, Month: o.Month, People: o.People, Seed: o.Seed}
	r.Cases = compareCases(o)

	people := Population(o.New, o.Month, o.People, o.Seed)
	outs := make([]outcome, len(people))
	parallel(len(people), func(i int) { outs[i] = computePerson(o, &people[i]) })

	roles := map[string]*RoleDiff{}
	comps := map[string]*ComponentDiff{}
	var order []string
	failures := map[Failure]int{}
	omitted := map[Omission]bool{}
	for i := range people {
		p, out := &people[i], &outs[i]
		rd := roles[p.Role]
		if rd == nil {
			rd = &RoleDiff{Role: p.Role, Total: zero, MaxGain: zero, MaxLoss: zero}
			if role, _ := o.New.At(policy.KindRole, p.Role, o.Month.Settled()).(*policy.Role); role != nil {
				rd.Title = role.Title
			}
			roles[p.Role] = rd
		}
		rd.People++
		for _, s := range out.omitted {
			omitted[s] = true
		}
		if out.reason != "" {
			rd.Error++
			failures[Failure{Side: out.side, Role: p.Role, Reason: out.reason}]++
			continue
		}
		delta := zero
		for j := range 3 {
			oldP, newP := out.oldRes[j].Pay, out.newRes[j].Pay
			delta = delta.Add(total(newP).Sub(total(oldP)))
			amounts := map[string][2]exact.Decimal{}
			var names []string
			for k, pay := range []*engine.PayResult{newP, oldP} {
				if pay == nil {
					continue
				}
				for _, c := range pay.Components {
					key := p.Role + "\x00" + p.Cases[j].Period.String() + "\x00" + c.Name
					cd := comps[key]
					if cd == nil {
						cd = &ComponentDiff{Role: p.Role, Plan: pay.Plan, Name: c.Name, Title: c.Title, Kind: string(c.Kind),
							Period: p.Cases[j].Period.String(), Old: zero, New: zero, settlement: j}
						comps[key] = cd
						order = append(order, key)
					}
					a, seen := amounts[key]
					if !seen {
						a = [2]exact.Decimal{zero, zero}
						names = append(names, key)
					}
					if !c.Withheld {
						a[k] = a[k].Add(c.Amount)
					}
					amounts[key] = a
				}
			}
			for _, key := range names {
				a, cd := amounts[key], comps[key]
				cd.New, cd.Old = cd.New.Add(a[0]), cd.Old.Add(a[1])
				if a[0].Cmp(a[1]) != 0 {
					cd.Changed++
				}
			}
		}
		rd.Total = rd.Total.Add(delta)
		switch delta.Sign() {
		case 1:
			rd.Up++
			rd.MaxGain = exact.Max(rd.MaxGain, delta)
		case -1:
			rd.Down++
			rd.MaxLoss = exact.Min(rd.MaxLoss, delta)
		default:
			rd.Same++
		}
	}
	for _, id := range slices.Sorted(maps.Keys(roles)) {
		rd := roles[id]
		if n := rd.Up + rd.Down + rd.Same; n > 0 {
			m, _ := rd.Total.Quo(exact.FromInt(int64(n)))
			m = m.Round(2, exact.HalfUp)
			rd.Mean = &m
		}
		r.Roles = append(r.Roles, *rd)
	}
	for _, key := range order {
		r.Components = append(r.Components, *comps[key])
	}
	// Group by role, then settlement (month, quarter, year), keeping the
	// plan's order within.
	sort.SliceStable(r.Components, func(i, j int) bool {
		a, b := r.Components[i], r.Components[j]
		if a.Role != b.Role {
			return a.Role < b.Role
		}
		return a.settlement < b.settlement
	})
	for f, n := range failures {
		f.People = n
		r.Failures = append(r.Failures, f)
	}
	sort.Slice(r.Failures, func(i, j int) bool {
		a, b := r.Failures[i], r.Failures[j]
		if a.Role != b.Role {
			return a.Role < b.Role
		}
		if a.Side != b.Side {
			return a.Side < b.Side
		}
		if a.People != b.People {
			return a.People > b.People
		}
		return a.Reason < b.Reason
	})
	for o := range omitted {
		r.Omitted = append(r.Omitted, o)
	}
	sort.Slice(r.Omitted, func(i, j int) bool {
		a, b := r.Omitted[i], r.Omitted[j]
		if a.What != b.What {
			return a.What < b.What
		}
		return a.Name < b.Name
	})
	return r, nil
}

var zero = exact.FromInt(0)

func total(p *engine.PayResult) exact.Decimal {
	if p == nil {
		return zero
	}
	return p.Total
}

// computePerson computes the three settlements of a person under both
// handbooks; the first failure, new side first, is kept.
func computePerson(o Options, p *Person) outcome {
	var out outcome
	for j, c := range p.Cases {
		res, err := engine.Compute(o.New, c)
		if err != nil {
			if out.reason == "" || out.side != o.NewName {
				out.side, out.reason = o.NewName, diag.ErrorIn(err, diag.Chinese)
			}
			continue
		}
		out.newRes[j] = res
		oc, omitted := adapt(o.Old, c, derived(o.New, c, res))
		out.omitted = append(out.omitted, omitted...)
		res, err = engine.Compute(o.Old, oc)
		if err != nil {
			if out.reason == "" {
				out.side, out.reason = o.OldName, diag.ErrorIn(err, diag.Chinese)
			}
			continue
		}
		out.oldRes[j] = res
	}
	return out
}

// adapt leaves out of a case the inputs that the old policies in effect for
// it do not declare: a pay input, scorecard, points event or ladder, or red
// line that a change introduces did not exist before it, so the old rules
// are computed without it. It returns what it left out.
//
// What the new policies compute from other inputs (a score input that
// names its scorecard, a count of a points event, a scorecard item fed by
// pay inputs) and the old ones take by hand is given to the old rules as
// the new computation found it: derived holds it.
func adapt(h *policy.Handbook, c engine.Case, derived facts) (engine.Case, []Omission) {
	d := c.Period.Settled()
	role, _ := h.At(policy.KindRole, c.Role, d).(*policy.Role)
	if role == nil {
		return c, nil // computing says the role is missing
	}
	var omitted []Omission
	oldPlan, _ := h.At(policy.KindPayPlan, role.PayPlan, d).(*policy.PayPlan)
	feeds := func(item string) bool { // the old plan computes the item itself
		return oldPlan != nil && slices.ContainsFunc(oldPlan.Feed, func(f policy.Feed) bool { return f.Item == item })
	}
	if len(c.Scorecards) > 0 {
		kept := map[string]map[string]engine.ItemInput{}
		for id, items := range c.Scorecards {
			if slices.Contains(role.Scorecards, id) && h.At(policy.KindScorecard, id, d) != nil {
				if fed := derived.items[id]; len(fed) > 0 {
					items = maps.Clone(items)
					for item, in := range fed {
						if _, given := items[item]; !given && !feeds(item) {
							items[item] = in
						}
					}
				}
				kept[id] = items
				continue
			}
			omitted = append(omitted, Omission{"评分表", id})
		}
		c.Scorecards = kept
	}
	plan, _ := h.At(policy.KindPayPlan, role.PayPlan, d).(*policy.PayPlan)
	if plan == nil {
		return c, omitted // computing says there is no pay plan
	}
	declared := map[string]bool{}
	for _, def := range plan.Input {
		declared[def.Name] = true
	}
	keep := func(vals map[string]formula.Value) map[string]formula.Value {
		if vals == nil {
			return nil
		}
		out := make(map[string]formula.Value, len(vals))
		for k, v := range vals {
			if declared[k] {
				out[k] = v
				continue
			}
			omitted = append(omitted, Omission{"薪酬方案输入", plan.ID + "." + k})
		}
		return out
	}
	c.Pay = keep(c.Pay)
	for _, def := range plan.Input {
		if v, ok := derived.pay[def.Name]; ok && def.Scorecard == "" && def.Event == "" {
			if _, given := c.Pay[def.Name]; !given {
				if c.Pay == nil {
					c.Pay = map[string]formula.Value{}
				}
				c.Pay[def.Name] = v
			}
		}
	}
	if c.Own != nil {
		// A person's own value counts only where the plan lets a person
		// have one, within its range; elsewhere the plan's value applies.
		own := make(map[string]exact.Decimal, len(c.Own))
		for _, k := range slices.Sorted(maps.Keys(c.Own)) {
			x := c.Own[k]
			if pa := plan.PersonalParam(k); pa != nil && pa.Allows(x) {
				own[k] = x
				continue
			}
			omitted = append(omitted, Omission{"本人数额", plan.ID + "." + k})
		}
		c.Own = own
	}
	if len(c.History) > 0 {
		hist := make([]engine.Quarter, len(c.History))
		for i, q := range c.History {
			q.Values = keep(q.Values)
			hist[i] = q
		}
		c.History = hist
	}
	if c.Points != nil {
		ps, _ := h.At(policy.KindPoints, plan.PointsSystem, d).(*policy.Points)
		c.Points, omitted = adaptPoints(ps, c.Points, omitted)
	}
	if len(c.RedLines) > 0 {
		rl, _ := h.At(policy.KindRedLines, plan.RedLines, d).(*policy.RedLines)
		var kept []string
		for _, id := range c.RedLines {
			if rl != nil && slices.ContainsFunc(rl.Line, func(l policy.RedLine) bool { return l.ID == id }) {
				kept = append(kept, id)
				continue
			}
			omitted = append(omitted, Omission{"电网指标", id})
		}
		c.RedLines = kept
	}
	return c, omitted
}

// facts are what the new policies computed for a case from other inputs,
// which the old policies may take by hand: pay inputs computed from a
// scorecard or counted in the month's points, by name, and scorecard items
// computed from pay inputs, by scorecard and item (see adapt).
type facts struct {
	pay   map[string]formula.Value
	items map[string]map[string]engine.ItemInput
}

// derived returns what the new policies computed for case c from its other
// inputs (see facts).
func derived(h *policy.Handbook, c engine.Case, res engine.Result) facts {
	var f facts
	role, _ := h.At(policy.KindRole, c.Role, c.Period.Settled()).(*policy.Role)
	if role == nil || res.Pay == nil {
		return f
	}
	plan, _ := h.At(policy.KindPayPlan, role.PayPlan, c.Period.Settled()).(*policy.PayPlan)
	if plan == nil {
		return f
	}
	f.pay, _ = engine.ScoredInputs(plan, nil, res.Scores) // nothing given by hand: no conflict
	counted, _ := engine.CountedInputs(plan, nil, c.Points)
	for k, v := range counted {
		if f.pay == nil {
			f.pay = map[string]formula.Value{}
		}
		f.pay[k] = v
	}
	if items := c.Scorecards[plan.Scorecard]; items != nil {
		if _, fed, err := engine.FedItems(plan, items, c.Pay, c.Own); err == nil && len(fed) > 0 {
			f.items = map[string]map[string]engine.ItemInput{plan.Scorecard: {}}
			for _, x := range fed {
				v := x.Value
				f.items[plan.Scorecard][x.Feed.Item] = engine.ItemInput{Value: &v}
			}
		}
	}
	return f
}

// adaptPoints keeps the events and ladders the old points system has.
func adaptPoints(ps *policy.Points, in *engine.PointsInput, omitted []Omission) (*engine.PointsInput, []Omission) {
	if ps == nil {
		return nil, omitted
	}
	events := map[string]*policy.Event{}
	for i := range ps.Event {
		events[ps.Event[i].ID] = &ps.Event[i]
	}
	out := &engine.PointsInput{Events: map[string]int{}, Awards: map[string][]exact.Decimal{}}
	for id, n := range in.Events {
		if e := events[id]; e != nil && !e.Discretionary {
			out.Events[id] = n
			continue
		}
		omitted = append(omitted, Omission{"积分项", ps.ID + "." + id})
	}
	for id, a := range in.Awards {
		if e := events[id]; e != nil && e.Discretionary {
			out.Awards[id] = a
			continue
		}
		omitted = append(omitted, Omission{"积分项", ps.ID + "." + id})
	}
	for _, s := range in.Shortfalls {
		if slices.ContainsFunc(ps.Ladder, func(l policy.Ladder) bool { return l.ID == s.Ladder }) {
			out.Shortfalls = append(out.Shortfalls, s)
			continue
		}
		omitted = append(omitted, Omission{"积分项", ps.ID + "." + s.Ladder})
	}
	return out, omitted
}

// compareCases reads and computes every worked case under both handbooks.
func compareCases(o Options) []CaseDiff {
	files := slices.Clone(o.Cases)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	out := make([]CaseDiff, len(files))
	parallel(len(files), func(i int) {
		f := files[i]
		cd := CaseDiff{Name: caseName(f.Path)}
		cd.New, cd.NewErr = computeCase(f, o.New, &cd)
		cd.Old, cd.OldErr = computeCase(f, o.Old, &cd)
		if cd.OldErr != "" && cd.NewErr == "" {
			// A case written for the new rules may leave out what they
			// compute (a fed item, a counted input): give the old rules
			// the case as the new ones read and completed it.
			if old, ok := adaptedCase(f, o); ok {
				cd.Old, cd.OldErr = old, ""
			}
		}
		out[i] = cd
	})
	return out
}

// computeCase reads a case against h and computes its total; it fills the
// case's title, role and period from the first side that reads it.
func computeCase(f load.File, h *policy.Handbook, cd *CaseDiff) (*exact.Decimal, string) {
	c, diags := cases.Read(f, h)
	if len(diags) > 0 {
		return nil, diags[0].In(diag.Chinese)
	}
	if cd.Role == "" {
		cd.Title, cd.Role, cd.Period = c.Title, c.Role, c.Period.String()
	}
	res, err := engine.Compute(h, c.Case)
	if err != nil {
		return nil, diag.ErrorIn(err, diag.Chinese)
	}
	if res.Pay == nil {
		return nil, ""
	}
	t := res.Pay.Total
	return &t, ""
}

// adaptedCase reads a case against the new policies, computes it, and
// computes under the old ones the case adapted to them (see adapt); false
// when that fails too.
func adaptedCase(f load.File, o Options) (*exact.Decimal, bool) {
	c, diags := cases.Read(f, o.New)
	if len(diags) > 0 {
		return nil, false
	}
	res, err := engine.Compute(o.New, c.Case)
	if err != nil {
		return nil, false
	}
	oc, _ := adapt(o.Old, c.Case, derived(o.New, c.Case, res))
	old, err := engine.Compute(o.Old, oc)
	if err != nil || old.Pay == nil {
		return nil, false
	}
	t := old.Pay.Total
	return &t, true
}

// caseName is a case file's name without directory or .toml.
func caseName(p string) string { return strings.TrimSuffix(path.Base(p), ".toml") }

// parallel calls f(0) … f(n-1) on every core, each index once; results go
// into slots by index, so the order of work never shows.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	chunk := max((n+workers-1)/workers, 1)
	for start := 0; start < n; start += chunk {
		end := min(start+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := start; i < end; i++ {
				f(i)
			}
		}()
	}
	wg.Wait()
}
