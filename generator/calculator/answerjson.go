package calculator

import (
	"strconv"

	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/internal/jsonstr"
)

// AppendAnswer appends the answer a as JSON to b, each object's keys in
// sorted order: cmd/calculator hands it to the page, whose JSON.parse
// makes the object (one crossing from Go to JavaScript instead of one per
// property). It is written from the answer itself: building maps and
// sorting their keys had been a quarter of a recompute. TestAppendAnswer
// compares it on every worked case with the tests' reference, which
// builds the maps (Object, AppendJSON).
func AppendAnswer(b []byte, a Answer) []byte {
	w := jsonWriter{b: b}
	w.open()
	if len(a.Problems) > 0 {
		w.key("problems")
		w.list()
		for _, p := range a.Problems {
			reason := p.Reason // the page is Chinese: the Chinese where there is one
			if p.Zh != "" {
				reason = p.Zh
			}
			w.elem()
			w.open()
			w.str("path", p.Path)
			w.str("reason", reason)
			w.close()
		}
		w.end()
		w.close()
		return w.b
	}
	w.key("cards")
	w.list()
	for _, c := range a.Cards {
		w.elem()
		w.card(c)
	}
	w.end()
	w.key("ledger")
	w.list()
	for _, q := range a.Ledger {
		w.elem()
		w.open()
		w.str("actual", q.Actual)
		w.str("base", q.Base)
		w.str("bonus", q.Bonus)
		w.str("branch", q.Branch)
		w.str("outstanding", q.Outstanding)
		w.str("quarter", q.Quarter)
		w.strs("sentences", q.Sentences)
		w.str("target", q.Target)
		w.close()
	}
	w.end()
	w.key("next")
	w.next(a.Next)
	if p := a.Pay; p != nil {
		w.key("pay")
		w.open()
		w.key("lines")
		w.list()
		for _, l := range p.Lines {
			w.elem()
			w.open()
			w.str("amount", l.Amount)
			w.str("name", l.Name)
			w.str("title", l.Title)
			w.bool("withheld", l.Withheld)
			w.close()
		}
		w.end()
		w.str("plan", p.Plan)
		w.strs("redLines", p.RedLines)
		w.strs("sentences", p.Sentences)
		w.str("total", p.Total)
		w.int("version", p.Version)
		w.close()
	}
	w.str("report", a.Report)
	w.close()
	return w.b
}

// AppendFields appends a form's fields as JSON to b, as AppendAnswer
// writes an answer (compared with the tests' FieldsObject).
func AppendFields(b []byte, fs []inputs.Field) []byte {
	w := jsonWriter{b: b}
	w.open()
	w.key("fields")
	w.list()
	for _, f := range fs {
		w.elem()
		w.open()
		if f.Max != nil {
			w.str("itemMax", f.Max.String())
		}
		w.str("kind", f.Kind)
		w.str("label", f.Label)
		if bd := f.Bound; bd != nil {
			w.str("max", bd.Max.String())
			w.str("min", bd.Min.String())
		}
		w.key("options")
		w.list()
		for _, op := range f.Options {
			w.elem()
			w.open()
			w.str("id", op.ID)
			w.str("text", op.Text)
			w.close()
		}
		w.end()
		w.str("path", f.Path)
		if bd := f.Bound; bd != nil {
			w.int("places", int(bd.Places))
		}
		w.str("unit", f.Unit)
		w.str("what", f.What)
		w.close()
	}
	w.end()
	w.close()
	return w.b
}

func (w *jsonWriter) card(c Card) {
	w.open()
	w.str("grade", c.Grade)
	w.str("id", c.ID)
	w.key("items")
	w.list()
	for _, it := range c.Items {
		w.elem()
		w.open()
		w.str("clause", it.Clause)
		w.str("id", it.ID)
		w.str("max", it.Max)
		w.str("part", it.Part)
		w.str("points", it.Points)
		w.str("title", it.Title)
		w.close()
	}
	w.end()
	w.str("k", c.K)
	w.key("parts")
	w.list()
	for _, p := range c.Parts {
		w.elem()
		w.open()
		w.str("id", p.ID)
		w.str("points", p.Points)
		w.str("raw", p.Raw)
		w.str("score", p.Score)
		w.str("share", p.Share)
		w.str("title", p.Title)
		w.close()
	}
	w.end()
	w.strs("sentences", c.Sentences)
	w.str("title", c.Title)
	w.str("total", c.Total)
	w.int("version", c.Version)
	w.close()
}

func (w *jsonWriter) next(n Next) {
	w.open()
	w.key("bands")
	w.list()
	for _, b := range n.Bands {
		w.elem()
		w.open()
		w.str("card", b.Card)
		w.str("grade", b.Grade)
		w.str("item", b.Item)
		w.str("k", b.K)
		w.str("label", b.Label)
		w.str("payChange", b.PayChange)
		w.str("payTotal", b.PayTotal)
		w.str("title", b.Title)
		w.str("total", b.Total)
		w.values(b.Values)
		w.close()
	}
	w.end()
	w.key("items")
	w.list()
	for _, it := range n.Items {
		w.elem()
		w.open()
		w.str("adds", it.Adds)
		w.str("card", it.Card)
		w.str("item", it.Item)
		w.str("label", it.Label)
		w.str("points", it.Points)
		w.str("title", it.Title)
		w.values(it.Values)
		w.close()
	}
	w.end()
	if g := n.Ledger; g != nil {
		w.key("ledger")
		w.open()
		w.str("actual", g.Actual)
		w.goal("base", g.Base)
		if g.Exempt {
			w.bool("exempt", true)
		}
		w.goal("makeUp", g.MakeUp)
		w.str("path", g.Path)
		w.goal("target", g.Target)
		w.close()
	}
	w.close()
}

func (w *jsonWriter) goal(key string, g *Goal) {
	w.key(key)
	if g == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.open()
	w.str("collection", g.Collection)
	w.str("payChange", g.PayChange)
	w.str("payTotal", g.PayTotal)
	w.bool("reached", g.Reached)
	w.close()
}

func (w *jsonWriter) values(vs []inputs.Value) {
	w.key("values")
	w.list()
	for _, v := range vs {
		w.elem()
		w.open()
		w.str("path", v.Path)
		w.str("text", v.Text)
		w.close()
	}
	w.end()
}

// jsonWriter writes JSON objects and lists, a comma before every member
// but the first of each.
type jsonWriter struct {
	b     []byte
	first bool // no member yet in the object or list just opened
}

func (w *jsonWriter) open()  { w.b = append(w.b, '{'); w.first = true }
func (w *jsonWriter) close() { w.b = append(w.b, '}'); w.first = false }
func (w *jsonWriter) list()  { w.b = append(w.b, '['); w.first = true }
func (w *jsonWriter) end()   { w.b = append(w.b, ']'); w.first = false }

// elem starts a list's element.
func (w *jsonWriter) elem() {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
}

// key starts an object's member; k is one of this file's keys, which
// JSON writes as they are.
func (w *jsonWriter) key(k string) {
	w.elem()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
}

func (w *jsonWriter) str(k, v string) { w.key(k); w.b = jsonstr.Append(w.b, v) }
func (w *jsonWriter) int(k string, v int) {
	w.key(k)
	w.b = strconv.AppendInt(w.b, int64(v), 10)
}
func (w *jsonWriter) bool(k string, v bool) {
	w.key(k)
	w.b = append(w.b, strconv.FormatBool(v)...) // not AppendBool, which nothing else links
}

func (w *jsonWriter) strs(k string, ss []string) {
	w.key(k)
	w.list()
	for _, s := range ss {
		w.elem()
		w.b = jsonstr.Append(w.b, s)
	}
	w.end()
}
