package calculator

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/explain"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/report"
)

// Calculator computes from one handbook. It keeps nothing between calls.
type Calculator struct {
	h *policy.Handbook
}

// New returns a calculator of the handbook h.
func New(h *policy.Handbook) *Calculator { return &Calculator{h: h} }

// Handbook returns the calculator's handbook.
func (c *Calculator) Handbook() *policy.Handbook { return c.h }

// Fields lists the fields of the form of a role for a period: what a
// payout asks for (see inputs.Fields), without the person's name, which
// the calculator does not ask for, and with the items of every scorecard
// of the role, also those its pay plan does not pay by in the period (a
// role without a pay plan is scored only).
func (c *Calculator) Fields(roleID string, period engine.Period) ([]inputs.Field, error) {
	day := period.Settled()
	role, _ := c.h.At(policy.KindRole, roleID, day).(*policy.Role)
	if role == nil {
		return nil, diag.Text{En: "no role " + strconv.Quote(roleID) + " in effect on " + day.String(), Zh: day.String() + " 没有生效的岗位 " + strconv.Quote(roleID)}
	}
	fs, err := inputs.Fields(c.h, period, roleID)
	if err != nil {
		fs = []inputs.Field{{Path: "role", Label: "岗位", Kind: inputs.KindRole, What: "岗位：" + role.ID + "（" + role.Title + "）"}}
	}
	kept := fs[:0] // slices.DeleteFunc, without its instantiation
	for _, f := range fs {
		if f.Path != "person" {
			kept = append(kept, f)
		}
	}
	clear(fs[len(kept):])
	fs = kept
	for _, id := range role.Scorecards {
		if hasField(fs, "scorecard."+id+".") {
			continue
		}
		if sc, _ := c.h.At(policy.KindScorecard, id, day).(*policy.Scorecard); sc != nil && (sc.Period == "" || sc.Period == period.Kind) {
			fs = append(fs, inputs.CardFields(sc)...)
		}
	}
	// A pay input a scorecard's total gives (an annual score) may be given
	// instead of the card's items.
	if plan, _ := c.h.At(policy.KindPayPlan, role.PayPlan, day).(*policy.PayPlan); plan != nil {
		for _, def := range plan.Input {
			path := "pay." + def.Name
			if def.Scorecard == "" || !plan.Uses(period.Kind, def.Name) || hasField(fs, path) {
				continue
			}
			f := inputs.Field{Path: path, Label: def.Label, Kind: inputs.KindNumber,
				What: def.Label + "：可不填，由评分表各项算出；或只填此项，评分表各项留空"}
			if b, ok := inputs.Bounds[def.Kind]; ok {
				f.Bound, f.Unit = &b, b.Unit
			}
			fs = append(fs, f)
		}
	}
	c.levels(fs, day)
	return fs, nil
}

// hasField reports whether one of fs is at path or, when path ends in a
// dot, under it. (A loop, not slices.ContainsFunc: its instantiation for
// inputs.Field and the closures would be the calculator's only ones.)
func hasField(fs []inputs.Field, path string) bool {
	for i := range fs {
		if p := fs[i].Path; p == path || strings.HasSuffix(path, ".") && strings.HasPrefix(p, path) {
			return true
		}
	}
	return false
}

// CardFields lists the fields of a scorecard alone for a period.
func (c *Calculator) CardFields(card string, period engine.Period) ([]inputs.Field, error) {
	day := period.Settled()
	sc, _ := c.h.At(policy.KindScorecard, card, day).(*policy.Scorecard)
	if sc == nil {
		return nil, diag.Text{En: "no scorecard " + strconv.Quote(card) + " in effect on " + day.String(), Zh: day.String() + " 没有生效的考核表 " + strconv.Quote(card)}
	}
	fs := inputs.CardFields(sc)
	c.levels(fs, day)
	return fs, nil
}

// levels gives each level field the descriptions of its competency's five
// levels as its options, so that a picker can show them.
func (c *Calculator) levels(fs []inputs.Field, day civil.Date) {
	for i := range fs {
		f := &fs[i]
		if f.Kind != inputs.KindLevel || len(f.Options) > 0 {
			continue
		}
		parts := strings.Split(f.Path, ".")
		if len(parts) != 3 {
			continue
		}
		sc, _ := c.h.At(policy.KindScorecard, parts[1], day).(*policy.Scorecard)
		if sc == nil || sc.Item(parts[2]) == nil {
			continue
		}
		comp, _ := c.h.At(policy.KindCompetency, sc.Item(parts[2]).Competency, day).(*policy.Competency)
		if comp == nil {
			continue
		}
		for l, text := range comp.Levels {
			f.Options = append(f.Options, inputs.Option{ID: strconv.Itoa(l + 1), Text: text})
		}
	}
}

// Score scores one scorecard alone from the text of its fields (the
// calculator of a scorecard): the items, parts, total, K and grade, and
// with req.Next each item's next tier and the next band (without a pay
// effect: no plan is computed), or the problems at their fields. The
// request's Role is not used.
func (c *Calculator) Score(card string, req Request) Answer {
	day := req.Period.Settled()
	sc, _ := c.h.At(policy.KindScorecard, card, day).(*policy.Scorecard)
	if sc == nil {
		return Answer{Problems: []inputs.FieldProblem{{Path: "", Reason: "no scorecard " + strconv.Quote(card) + " in effect in " + req.Period.String(), Zh: req.Period.String() + " 没有生效的考核表 " + strconv.Quote(card)}}}
	}
	var paths []string
	given := map[string]bool{}
	for _, v := range req.Values {
		if strings.TrimSpace(v.Text) != "" && strings.HasPrefix(v.Path, "scorecard."+card+".") && !given[v.Path] {
			paths = append(paths, v.Path)
			given[v.Path] = true
		}
	}
	form, problems := inputs.NewForm(c.h, req.Period, paths)
	if len(problems) > 0 {
		return Answer{Problems: problems}
	}
	e := form.NewEntry()
	for _, v := range req.Values {
		i := slices.Index(paths, v.Path)
		if i < 0 {
			continue
		}
		if err := form.Set(e, i, strings.TrimSpace(v.Text)); err != nil {
			problems = append(problems, inputs.FieldProblem{Path: v.Path, Reason: err.Error(), Zh: diag.ErrorIn(err, diag.Chinese)})
		}
	}
	for _, f := range inputs.CardFields(sc) {
		if !given[f.Path] {
			problems = append(problems, inputs.FieldProblem{Path: f.Path, Reason: "请填写" + f.Label})
		}
	}
	if len(problems) > 0 {
		return Answer{Problems: problems}
	}
	form.Finish(e)
	t := engine.On(c.h, day)
	in := e.Case().Scorecards[card]
	s, err := engine.Score(sc, in, t)
	if err != nil {
		return Answer{Problems: []inputs.FieldProblem{{Path: "", Reason: err.Error(), Zh: diag.ErrorIn(err, diag.Chinese)}}}
	}
	a := describe(c.h, engine.Result{Period: req.Period, Scores: []engine.ScoreResult{s}})
	if req.Next {
		items, band, _ := cardNext(sc, in, nil, s, t)
		a.Next.Items = items
		if band != nil {
			a.Next.Bands = []BandNext{*band}
		}
	}
	return a
}

// Request is what a form holds: a role, a period and the text entered for
// each path (an empty text is a field left empty).
type Request struct {
	Role   string
	Period engine.Period
	Values []inputs.Value
	// Report asks for the report (Answer.Report), headed by Title.
	Report bool
	Title  string
	// Next asks for what it takes (Answer.Next): the engine computes the
	// item's probes and the ledger's goals, many times the work of the
	// result, so a page asks for it once the result is shown.
	Next bool
}

// Answer is a computed request: the problems with its fields, or the
// results, the report and what it takes to do better.
type Answer struct {
	// Problems are the fields that cannot be computed from, each with its
	// reason; with any, nothing else is set.
	Problems []inputs.FieldProblem
	Cards    []Card
	Pay      *Pay
	Ledger   []LedgerQuarter
	// Report is the result as package report writes it, the text of the
	// worked cases' goldens, when the request asks for it.
	Report string
	// Next is what it takes to do better (see Next), when the request
	// asks for it.
	Next Next
}

// Card is a scorecard's result.
type Card struct {
	ID, Title string
	Version   int
	Items     []Item
	Parts     []Part
	// Total is the total score; K and Grade are "" when the card has no
	// band table for them.
	Total, K, Grade string
	// Sentences explain the card step by step.
	Sentences []string
}

// Item is an item's points.
type Item struct {
	ID, Title, Part string
	Points, Max     string
	Clause          string
}

// Part is a part's subtotal.
type Part struct {
	ID, Title                 string
	Raw, Points, Score, Share string
}

// Pay is the pay plan's result.
type Pay struct {
	Plan      string
	Version   int
	Lines     []PayLine
	Total     string
	RedLines  []string // the titles of the red lines touched
	Sentences []string
}

// PayLine is one pay component's amount.
type PayLine struct {
	Name, Title, Amount string
	Withheld            bool
}

// LedgerQuarter is one quarter of the key-account ledger.
type LedgerQuarter struct {
	Quarter                             string
	Actual, Base, Target, Branch, Bonus string
	Outstanding                         string // the shortfall still to make up after the quarter
	Sentences                           []string
}

// errNoRole is the problem of a request without a role.
var errNoRole = errors.New("choose a role")

// Compute computes a request. It never panics on bad input: what cannot
// be computed is a problem at its field.
func (c *Calculator) Compute(req Request) (a Answer) {
	cs, problems := c.decode(req)
	if len(problems) > 0 {
		return Answer{Problems: problems}
	}
	r, err := engine.Compute(c.h, *cs)
	if err != nil {
		if engine.IsNegativeAmount(err) {
			if blamed := negativeBlamed(c.h, cs, c.labels(cs.Role, cs.Period)); len(blamed) > 0 {
				return Answer{Problems: blamed}
			}
		}
		return Answer{Problems: []inputs.FieldProblem{{Path: "", Reason: err.Error(), Zh: diag.ErrorIn(err, diag.Chinese)}}}
	}
	a = describe(c.h, r)
	if req.Report {
		var b strings.Builder // not a bytes.Buffer, which nothing else in the calculator links
		report.Text(&b, req.Title, r)
		a.Report = b.String()
	}
	if req.Next {
		a.Next = c.next(cs, r)
	}
	return a
}

// labels returns a function that gives a field of the role's form for the
// period its label, by path (the path itself for a field the form lacks).
func (c *Calculator) labels(role string, period engine.Period) func(path string) string {
	fs, _ := c.Fields(role, period)
	return func(path string) string {
		for i := range fs {
			if fs[i].Path == path {
				return fs[i].Label
			}
		}
		return path
	}
}

// decode reads a request's values into a case, or says what is wrong.
func (c *Calculator) decode(req Request) (*engine.Case, []inputs.FieldProblem) {
	if req.Role == "" {
		return nil, []inputs.FieldProblem{{Path: "role", Reason: errNoRole.Error(), Zh: "请选择岗位"}}
	}
	if role, _ := c.h.At(policy.KindRole, req.Role, req.Period.Settled()).(*policy.Role); role == nil {
		return nil, []inputs.FieldProblem{{Path: "role", Reason: "no role " + strconv.Quote(req.Role) + " in effect in " + req.Period.String(), Zh: req.Period.String() + " 没有生效的岗位 " + strconv.Quote(req.Role)}}
	}
	// The form has the fields given a text: any path some policy in effect
	// has a use for (a field of another form is refused by NewForm).
	paths := []string{"role"}
	for _, v := range req.Values {
		if v.Path != "role" && strings.TrimSpace(v.Text) != "" && !slices.Contains(paths, v.Path) {
			paths = append(paths, v.Path)
		}
	}
	form, problems := inputs.NewForm(c.h, req.Period, paths)
	if len(problems) > 0 {
		return nil, problems
	}
	values := []inputs.Value{{Path: "role", Text: req.Role}}
	for _, v := range req.Values {
		if v.Path != "role" {
			values = append(values, v)
		}
	}
	return inputs.Decode(form, values)
}

// describe turns a traced result into an answer's cards, pay and ledger.
func describe(h *policy.Handbook, r engine.Result) Answer {
	var a Answer
	day := r.Period.Settled()
	for _, s := range r.Scores {
		card := Card{ID: s.Scorecard, Version: s.Version, Total: s.Total.String(), Grade: s.Grade}
		if sc, _ := h.At(policy.KindScorecard, s.Scorecard, day).(*policy.Scorecard); sc != nil {
			card.Title = sc.Title
		}
		if s.K != nil {
			card.K = s.K.String()
		}
		for _, it := range s.Items {
			card.Items = append(card.Items, Item{ID: it.ID, Title: it.Title, Part: it.Part, Points: it.Points.String(), Max: it.Max.String(), Clause: it.Clause})
		}
		for _, p := range s.Parts {
			card.Parts = append(card.Parts, Part{ID: p.ID, Title: p.Title, Raw: p.Raw.String(), Points: p.Points.String(), Score: p.Score.String(), Share: p.Share.String()})
		}
		card.Sentences = sentences(s.Trace)
		a.Cards = append(a.Cards, card)
	}
	if p := r.Pay; p != nil {
		pay := &Pay{Plan: p.Plan, Version: p.Version, Total: p.Total.String(), Sentences: sentences(p.Trace)}
		for _, c := range p.Components {
			pay.Lines = append(pay.Lines, PayLine{Name: c.Name, Title: c.Title, Amount: c.Amount.String(), Withheld: c.Withheld})
		}
		for _, l := range p.RedLines {
			pay.RedLines = append(pay.RedLines, l.Title)
		}
		a.Pay = pay
	}
	for _, e := range r.Ledger {
		q := LedgerQuarter{Quarter: e.Quarter, Actual: e.Actual.String(), Base: e.Base.String(), Target: e.Target.String(), Branch: e.Branch, Bonus: e.Bonus.String(), Sentences: sentences(e.Trace)}
		left := zero()
		for _, s := range e.Outstanding {
			left = left.Add(s.Amount)
		}
		q.Outstanding = left.String()
		a.Ledger = append(a.Ledger, q)
	}
	return a
}

// sentences writes a trace in Chinese, a sentence a step.
func sentences(trace []engine.Step) []string {
	out := make([]string, 0, len(trace))
	for _, s := range trace {
		if t := explain.Step(s); t != "" {
			out = append(out, t)
		}
	}
	return out
}
