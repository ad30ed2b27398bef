package inputs

import (
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/sorted"
)

// Value is the text entered for one path.
type Value struct {
	Path, Text string
}

// Encode writes a case as the text a person would enter for each path, in
// a stable order: the inverse of Form, so that a case read back from its
// values is the case (a CSV row, a calculator's form, a wire request all
// carry the same values). The period is not a value: a form is made for
// one period.
func Encode(c engine.Case) []Value {
	var out []Value
	add := func(path, text string) { out = append(out, Value{path, text}) }
	add("person", c.Person)
	add("role", c.Role)
	for _, card := range sorted.Keys(c.Scorecards) {
		items := c.Scorecards[card]
		for _, id := range sorted.Keys(items) {
			out = appendItem(out, "scorecard."+card+"."+id, items[id])
		}
	}
	for _, name := range sorted.Keys(c.Pay) {
		add("pay."+name, valueText(c.Pay[name]))
	}
	for _, name := range sorted.Keys(c.Own) {
		add("own."+name, c.Own[name].String())
	}
	if p := c.Points; p != nil {
		given := false
		for _, id := range sorted.Keys(p.Events) {
			add("points."+id, strconv.Itoa(p.Events[id]))
			given = true
		}
		for _, id := range sorted.Keys(p.Awards) {
			var xs []string
			for _, x := range p.Awards[id] {
				xs = append(xs, x.String())
			}
			if len(xs) > 0 {
				add("points.award."+id, strings.Join(xs, "|"))
				given = true
			}
		}
		byLadder := map[string][]string{}
		for _, s := range p.Shortfalls {
			t := strconv.Itoa(s.Occurrence) + ":" + s.Rate.String()
			if len(s.Met) > 0 {
				var met []string
				for _, m := range s.Met {
					met = append(met, strconv.Itoa(m))
				}
				t += ":met=" + strings.Join(met, "+")
			}
			byLadder[s.Ladder] = append(byLadder[s.Ladder], t)
		}
		for _, l := range sorted.Keys(byLadder) {
			add("points.ladder."+l, strings.Join(byLadder[l], "|"))
			given = true
		}
		if !given {
			add("points", "0") // a month under the system without any event
		}
	}
	if len(c.RedLines) > 0 {
		add("red_lines", strings.Join(c.RedLines, "|"))
	}
	if l := c.Leave; l != nil {
		add("leave.case", string(l.Case))
		add("leave.months", strconv.Itoa(l.Months))
	}
	for _, q := range c.History {
		if q.Score != nil {
			add("history."+q.Label+".score", q.Score.String())
		}
		for _, name := range sorted.Keys(q.Values) {
			add("history."+q.Label+".pay."+name, valueText(q.Values[name]))
		}
		for _, name := range sorted.Keys(q.Own) {
			add("history."+q.Label+".own."+name, q.Own[name].String())
		}
	}
	return out
}

// ItemValues writes the input of a scorecard's item as Encode does: the
// values of its path, or of the paths of its named inputs. (The calculator
// writes an item alone, and so does not link the rest of Encode.)
func ItemValues(card, id string, in engine.ItemInput) []Value {
	return appendItem(nil, "scorecard."+card+"."+id, in)
}

// appendItem appends the values of an item's input at path.
func appendItem(out []Value, path string, in engine.ItemInput) []Value {
	switch {
	case in.Named != nil:
		for _, name := range sorted.Keys(in.Named) {
			out = append(out, Value{path + "." + name, valueText(in.Named[name])})
		}
	case in.Value != nil:
		out = append(out, Value{path, in.Value.String()})
	case in.Yes != nil:
		out = append(out, Value{path, strconv.FormatBool(*in.Yes)})
	case in.Level != 0:
		out = append(out, Value{path, strconv.Itoa(in.Level)})
	case in.Choice != "":
		out = append(out, Value{path, in.Choice})
	case in.Checks != nil && len(in.Checks) == 0:
		out = append(out, Value{path, "none"})
	case in.Checks != nil:
		out = append(out, Value{path, strings.Join(in.Checks, "|")})
	}
	return out
}

// valueText writes a formula value as it is entered.
func valueText(v formula.Value) string {
	if v.IsBool {
		return strconv.FormatBool(v.Bool)
	}
	return v.Num.String()
}

// Decode reads values into a case for the form's period and checks it as
// a case (Form.CheckCase): the case a form with these paths makes of these
// texts, traced, or every problem with them, at their paths. Empty texts
// are absent inputs.
func Decode(f *Form, values []Value) (*engine.Case, []FieldProblem) {
	var problems []FieldProblem
	e := f.NewEntry()
	index := map[string]int{}
	for i, p := range f.paths {
		index[p] = i
	}
	given := map[string]bool{}
	for _, v := range values {
		t := strings.TrimSpace(v.Text)
		if t == "" {
			continue
		}
		i, ok := index[v.Path]
		if !ok {
			problems = append(problems, fieldProblem(v.Path, "not a field of this form"))
			continue
		}
		if err := f.Set(e, i, t); err != nil {
			problems = append(problems, fieldError(v.Path, err))
			given[v.Path] = true
		}
	}
	f.Finish(e)
	for _, p := range f.CheckCase(e) {
		if !given[p.Path] {
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	c := *e.Case()
	c.NoTrace = false // a form's entries are computed for the fast path; a decoded case explains itself
	return &c, nil
}
