package calculator

import (
	"github.com/kefu-hr/handbook/generator/inputs"
)

// obj is a JavaScript object as syscall/js makes one from Go.
type obj = map[string]any

// Object writes an answer as the plain object the page reads, built as
// maps, lists, strings, booleans and ints: the tests' reference for
// AppendAnswer, which writes the same JSON from the answer itself
// (TestAppendAnswer). It is test code: the calculator hands the
// page AppendAnswer's text.
func Object(a Answer) map[string]any {
	if len(a.Problems) > 0 {
		return obj{"problems": problems(a.Problems)}
	}
	cards := []any{}
	for _, c := range a.Cards {
		items := []any{}
		for _, it := range c.Items {
			items = append(items, obj{"id": it.ID, "title": it.Title, "part": it.Part, "points": it.Points, "max": it.Max, "clause": it.Clause})
		}
		parts := []any{}
		for _, p := range c.Parts {
			parts = append(parts, obj{"id": p.ID, "title": p.Title, "raw": p.Raw, "points": p.Points, "score": p.Score, "share": p.Share})
		}
		cards = append(cards, obj{"id": c.ID, "title": c.Title, "version": c.Version, "items": items, "parts": parts,
			"total": c.Total, "k": c.K, "grade": c.Grade, "sentences": strs(c.Sentences)})
	}
	out := obj{"cards": cards, "report": a.Report, "next": nextObject(a.Next)}
	if p := a.Pay; p != nil {
		lines := []any{}
		for _, l := range p.Lines {
			lines = append(lines, obj{"name": l.Name, "title": l.Title, "amount": l.Amount, "withheld": l.Withheld})
		}
		out["pay"] = obj{"plan": p.Plan, "version": p.Version, "lines": lines, "total": p.Total, "redLines": strs(p.RedLines), "sentences": strs(p.Sentences)}
	}
	ledger := []any{}
	for _, q := range a.Ledger {
		ledger = append(ledger, obj{"quarter": q.Quarter, "actual": q.Actual, "base": q.Base, "target": q.Target, "branch": q.Branch,
			"bonus": q.Bonus, "outstanding": q.Outstanding, "sentences": strs(q.Sentences)})
	}
	out["ledger"] = ledger
	return out
}

func nextObject(n Next) obj {
	items := []any{}
	for _, it := range n.Items {
		items = append(items, obj{"card": it.Card, "item": it.Item, "title": it.Title, "values": values(it.Values), "label": it.Label, "points": it.Points, "adds": it.Adds})
	}
	bands := []any{}
	for _, b := range n.Bands {
		bands = append(bands, obj{"card": b.Card, "item": b.Item, "title": b.Title, "values": values(b.Values), "label": b.Label,
			"total": b.Total, "k": b.K, "grade": b.Grade, "payTotal": b.PayTotal, "payChange": b.PayChange})
	}
	out := obj{"items": items, "bands": bands}
	if g := n.Ledger; g != nil {
		goal := func(g *Goal) any {
			if g == nil {
				return nil
			}
			return obj{"collection": g.Collection, "payTotal": g.PayTotal, "payChange": g.PayChange, "reached": g.Reached}
		}
		l := obj{"path": g.Path, "actual": g.Actual, "base": goal(g.Base), "target": goal(g.Target), "makeUp": goal(g.MakeUp)}
		if g.Exempt {
			l["exempt"] = true
		}
		out["ledger"] = l
	}
	return out
}

// FieldsObject writes a form's fields for the page (which is handed them
// as the JSON AppendFields writes).
func FieldsObject(fs []inputs.Field) map[string]any {
	out := []any{}
	for _, f := range fs {
		o := obj{"path": f.Path, "what": f.What, "label": f.Label, "kind": f.Kind, "unit": f.Unit}
		if b := f.Bound; b != nil {
			o["min"], o["max"], o["places"] = b.Min.String(), b.Max.String(), int(b.Places)
		}
		if f.Max != nil {
			o["itemMax"] = f.Max.String()
		}
		opts := []any{}
		for _, op := range f.Options {
			opts = append(opts, obj{"id": op.ID, "text": op.Text})
		}
		o["options"] = opts
		out = append(out, o)
	}
	return obj{"fields": out}
}

func problems(ps []inputs.FieldProblem) []any {
	out := []any{}
	for _, p := range ps {
		reason := p.Reason // the page is Chinese: the Chinese where there is one
		if p.Zh != "" {
			reason = p.Zh
		}
		out = append(out, obj{"path": p.Path, "reason": reason})
	}
	return out
}

func values(vs []inputs.Value) []any {
	out := []any{}
	for _, v := range vs {
		out = append(out, obj{"path": v.Path, "text": v.Text})
	}
	return out
}

func strs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
