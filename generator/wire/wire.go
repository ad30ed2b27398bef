package wire

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/explain"
	"github.com/kefu-hr/handbook/generator/inputs"
)

// Version is the version of the JSON shapes this package writes and reads;
// every document carries it as "wire". A change that renames or removes a
// field, or changes its meaning, raises it.
const Version = 1

// Schema is the JSON Schema (draft 2020-12) of every document.
//
//go:embed wire.schema.json
var Schema []byte

// The kinds of document.
const (
	KindResult   = "result"
	KindProblems = "problems"
	KindCase     = "case"
)

// Head starts every document: the shape's version and the document's kind.
type Head struct {
	Wire int    `json:"wire"`
	Kind string `json:"kind"`
}

// Result is a computed case.
type Result struct {
	Head
	Title       string    `json:"title,omitempty"`
	Person      string    `json:"person"`
	Role        string    `json:"role"`
	RoleVersion int       `json:"role_version"`
	Period      string    `json:"period"`
	Scores      []Score   `json:"scores"`
	Points      *Points   `json:"points,omitempty"`
	Pay         *Pay      `json:"pay,omitempty"`
	Ledger      []Quarter `json:"ledger,omitempty"`
	// Standings are the plan's standings for the period (末位管理).
	Standings []Standing `json:"standings,omitempty"`
}

// Standing is a standing looked up for the period: the measure, the row of
// the band table it lands in (Label) and that row's consequences.
type Standing struct {
	Name         string   `json:"name"`
	Title        string   `json:"title"`
	Bands        string   `json:"bands"`
	BandsVersion int      `json:"bands_version"`
	Measure      string   `json:"measure"`
	MeasureTitle string   `json:"measure_title"`
	Label        string   `json:"label"`
	Consequences []string `json:"consequences"`
	Trace        []Step   `json:"trace"`
}

// Score is a scored scorecard.
type Score struct {
	Scorecard string  `json:"scorecard"`
	Version   int     `json:"version"`
	Items     []Item  `json:"items"`
	Parts     []Part  `json:"parts"`
	Total     string  `json:"total"`
	K         *string `json:"k,omitempty"`
	Grade     string  `json:"grade,omitempty"`
	Trace     []Step  `json:"trace"`
}

// Item is the score of one item.
type Item struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Part   string `json:"part"`
	Points string `json:"points"`
	Max    string `json:"max"`
	Clause string `json:"clause"`
}

// Part is the score of one part of a scorecard.
type Part struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Raw    string `json:"raw"`
	Points string `json:"points"`
	Score  string `json:"score"`
	Share  string `json:"share"`
}

// Step is one line of an explanation: what it is about (ref, with the
// version; anchor, without), the clause that fired, the values it used,
// the value it gave and the sentence that says so.
type Step struct {
	Ref      string    `json:"ref"`
	Anchor   string    `json:"anchor"`
	Clause   string    `json:"clause,omitempty"`
	Operands []Operand `json:"operands"`
	Value    string    `json:"value"`
	Explain  string    `json:"explain"`
}

// Operand is one value a step used: its name (as the formula or policy
// writes it), Chinese label, value and unit.
type Operand struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Value string `json:"value"`
	Unit  string `json:"unit,omitempty"`
}

// Points is a month's points.
type Points struct {
	System       string   `json:"system"`
	Version      int      `json:"version"`
	Total        string   `json:"total"`
	Consequences []string `json:"consequences"`
	Trace        []Step   `json:"trace"`
}

// Pay is a computed pay plan.
type Pay struct {
	Plan       string      `json:"plan"`
	Version    int         `json:"version"`
	Components []Component `json:"components"`
	Total      string      `json:"total"`
	RedLines   []RedLine   `json:"red_lines"`
	Trace      []Step      `json:"trace"`
}

// Component is one pay component.
type Component struct {
	Name     string `json:"name"`
	Title    string `json:"title"`
	Kind     string `json:"kind"`
	Amount   string `json:"amount"`
	Withheld bool   `json:"withheld"`
}

// RedLine is a red line touched in the period.
type RedLine struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Consequences []string `json:"consequences"`
	Effect       string   `json:"effect"`
}

// Quarter is one quarter of a key-account ledger.
type Quarter struct {
	Quarter     string      `json:"quarter"`
	Actual      string      `json:"actual"`
	CarriedIn   string      `json:"carried_in"`
	Base        string      `json:"base"`
	Target      string      `json:"target"`
	Cap         string      `json:"cap"`
	Branch      string      `json:"branch"`
	MadeUp      []Shortfall `json:"made_up"`
	Filled      string      `json:"filled"`
	Outstanding []Shortfall `json:"outstanding"`
	Elsewhere   string      `json:"paid_elsewhere"` // the part of actual another component pays, not accrued here
	Accrued     string      `json:"accrued"`
	LateBase    string      `json:"late_base"`
	Factor      string      `json:"factor"`
	Bonus       string      `json:"bonus"`
	Penalty     string      `json:"penalty"`
	CarriedOut  string      `json:"carried_out"`
	FloatingPay bool        `json:"floating_pay"`
	Floating    string      `json:"floating"`
	Trace       []Step      `json:"trace"`
}

// Shortfall is a quarter's unmet base.
type Shortfall struct {
	Quarter string `json:"quarter"`
	Base    string `json:"base"`
	Amount  string `json:"amount"`
}

// FromResult is the wire form of an engine result. Decimals are strings as
// the engine writes them (exact, with their places).
func FromResult(title string, r engine.Result) Result {
	out := Result{Head: Head{Version, KindResult}, Title: title, Person: r.Person, Role: r.Role, RoleVersion: r.RoleVersion, Period: r.Period.String(), Scores: []Score{}}
	for _, s := range r.Scores {
		ws := Score{Scorecard: s.Scorecard, Version: s.Version, Items: []Item{}, Parts: []Part{}, Total: s.Total.String(), Grade: s.Grade, Trace: steps(s.Trace)}
		if s.K != nil {
			k := s.K.String()
			ws.K = &k
		}
		for _, it := range s.Items {
			ws.Items = append(ws.Items, Item{it.ID, it.Title, it.Part, it.Points.String(), it.Max.String(), it.Clause})
		}
		for _, p := range s.Parts {
			ws.Parts = append(ws.Parts, Part{p.ID, p.Title, p.Raw.String(), p.Points.String(), p.Score.String(), p.Share.String()})
		}
		out.Scores = append(out.Scores, ws)
	}
	if p := r.Points; p != nil {
		out.Points = &Points{p.System, p.Version, p.Total.String(), nonNil(p.Consequences), steps(p.Trace)}
	}
	if p := r.Pay; p != nil {
		wp := &Pay{Plan: p.Plan, Version: p.Version, Components: []Component{}, Total: p.Total.String(), RedLines: []RedLine{}, Trace: steps(p.Trace)}
		for _, c := range p.Components {
			wp.Components = append(wp.Components, Component{c.Name, c.Title, string(c.Kind), c.Amount.String(), c.Withheld})
		}
		for _, h := range p.RedLines {
			wp.RedLines = append(wp.RedLines, RedLine{h.ID, h.Title, nonNil(h.Consequences), h.Effect})
		}
		out.Pay = wp
	}
	for _, e := range r.Ledger {
		out.Ledger = append(out.Ledger, Quarter{
			Quarter: e.Quarter, Actual: e.Actual.String(), CarriedIn: e.CarriedIn.String(),
			Base: e.Base.String(), Target: e.Target.String(), Cap: e.Cap.String(), Branch: e.Branch,
			MadeUp: shortfalls(e.MadeUp), Filled: e.Filled.String(), Outstanding: shortfalls(e.Outstanding),
			Elsewhere: e.Elsewhere.String(), Accrued: e.Accrued.String(), LateBase: e.LateBase.String(), Factor: e.Factor.String(),
			Bonus: e.Bonus.String(), Penalty: e.Penalty.String(), CarriedOut: e.CarriedOut.String(),
			FloatingPay: e.FloatingPay, Floating: e.Floating.String(), Trace: steps(e.Trace),
		})
	}
	for _, st := range r.Standings {
		out.Standings = append(out.Standings, Standing{Name: st.Name, Title: st.Title, Bands: st.Bands, BandsVersion: st.BandsVersion,
			Measure: st.Measure.String(), MeasureTitle: st.MeasureTitle, Label: st.Label, Consequences: nonNil(st.Consequences), Trace: steps(st.Trace)})
	}
	return out
}

func steps(trace []engine.Step) []Step {
	out := make([]Step, len(trace))
	for i, s := range trace {
		ops := make([]Operand, len(s.Operands))
		for j, o := range s.Operands {
			ops[j] = Operand{o.Name, o.Label, o.Value, o.Unit}
		}
		out[i] = Step{Ref: s.Ref.String(), Anchor: s.Ref.Anchor(), Clause: s.Clause, Operands: ops, Value: s.Value, Explain: explain.Step(s)}
	}
	return out
}

func shortfalls(ss []engine.Shortfall) []Shortfall {
	out := make([]Shortfall, len(ss))
	for i, s := range ss {
		out[i] = Shortfall{s.Quarter, s.Base.String(), s.Amount.String()}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Problems is a list of problems with the policies or with a case.
type Problems struct {
	Head
	Problems []Problem `json:"problems"`
}

// Problem is one problem: at a file's line and column (policies, case
// files) or at an input's path (requests).
type Problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Key     string `json:"key,omitempty"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

// FromDiagnostics is the wire form of positioned problems.
func FromDiagnostics(diags diag.List) Problems {
	out := Problems{Head: Head{Version, KindProblems}, Problems: []Problem{}}
	for _, d := range diags {
		out.Problems = append(out.Problems, Problem{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Key: d.Key, Message: d.Message})
	}
	return out
}

// FromFieldProblems is the wire form of problems with a request's inputs.
func FromFieldProblems(ps []inputs.FieldProblem) Problems {
	out := Problems{Head: Head{Version, KindProblems}, Problems: []Problem{}}
	for _, p := range ps {
		out.Problems = append(out.Problems, Problem{Path: p.Path, Message: p.Reason})
	}
	return out
}

// Case is a request: one person's inputs for a period, each the text
// entered for its path (the paths of inputs.Fields, which are also the
// columns of a payout CSV).
type Case struct {
	Head
	Title  string            `json:"title,omitempty"`
	Period string            `json:"period"`
	Inputs map[string]string `json:"inputs"`
}

// FromCase is the request that asks for c.
func FromCase(title string, c engine.Case) Case {
	out := Case{Head: Head{Version, KindCase}, Title: title, Period: c.Period.String(), Inputs: map[string]string{}}
	for _, v := range inputs.Encode(c) {
		out.Inputs[v.Path] = v.Text
	}
	return out
}

// ReadCase reads a request, refusing another version or kind, an unknown
// field and trailing data.
func ReadCase(data []byte) (Case, error) {
	var c Case
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Case{}, fmt.Errorf("not a case request: %v", err)
	}
	if dec.More() {
		return Case{}, errors.New("not a case request: data after the document")
	}
	switch {
	case c.Wire != Version:
		return Case{}, fmt.Errorf("a request of wire version %d; this program reads %d", c.Wire, Version)
	case c.Kind != KindCase:
		return Case{}, fmt.Errorf("a %q document, not a %q request", c.Kind, KindCase)
	}
	return c, nil
}

// Values returns the request's inputs in path order.
func (c Case) Values() []inputs.Value {
	var out []inputs.Value
	for _, p := range slices.Sorted(maps.Keys(c.Inputs)) {
		out = append(out, inputs.Value{Path: p, Text: c.Inputs[p]})
	}
	return out
}

// Marshal writes a document as indented JSON with a final newline.
func Marshal(v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err) // the wire types always marshal
	}
	return append(b, '\n')
}
