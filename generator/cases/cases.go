package cases

import (
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/internal/tomlpos"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Case is a decoded worked case.
type Case struct {
	Title string
	engine.Case
}

// Read decodes a case file and types its inputs against h.
func Read(f load.File, h *policy.Handbook) (*Case, diag.List) {
	doc, diags := load.DecodeCase(f)
	if len(diags) > 0 {
		return nil, diags
	}
	c := &conv{doc: doc, h: h}
	out := c.convert()
	if out != nil {
		// Every problem at once: those of inputs already refused above
		// (missing from the case as converted) are not repeated, and
		// while an input is refused, a missing one is not reported (a
		// case being written lacks many).
		refused := c.refused
		c.refused = nil
		for _, p := range inputs.Check(h, &out.Case) {
			ptr := ""
			for _, k := range p.Path {
				ptr += "/" + tomlpos.Escape(k)
			}
			if !covered(refused, ptr) && !(p.Missing && len(refused) > 0) {
				c.errf(ptr, "%s", diag.Text{En: p.Message, Zh: p.Zh})
			}
		}
	}
	c.diags.Sort()
	if len(c.diags) > 0 {
		return nil, c.diags
	}
	return out, nil
}

type conv struct {
	doc     *load.Document
	h       *policy.Handbook
	diags   diag.List
	refused []string // the pointers of the inputs refused
}

func (c *conv) errf(ptr, format string, args ...any) {
	c.diags.AddText(c.doc.ValuePos(ptr), tomlpos.KeyPath(ptr), zh.Sprintf(format, args...))
	c.refused = append(c.refused, ptr)
}

// covered reports whether a problem at ptr is one already reported at an
// input it names or contains.
func covered(refused []string, ptr string) bool {
	for _, r := range refused {
		if r == ptr || strings.HasPrefix(r, ptr+"/") {
			return true
		}
	}
	return false
}

func (c *conv) convert() *Case {
	d := c.doc.Data
	out := &Case{Title: d["title"].(string)}
	out.Role = d["role"].(string)
	if p, ok := d["person"].(string); ok {
		out.Person = p
	}
	per, err := engine.ParsePeriod(d["period"].(string))
	if err != nil {
		c.errf("/period", "%v", err)
		return nil
	}
	out.Period = per
	day := per.Settled()
	role, _ := c.h.At(policy.KindRole, out.Role, day).(*policy.Role)
	if role == nil {
		c.errf("/role", "no role %q in effect on %s", out.Role, day.String())
		return nil
	}
	if rl, ok := d["red_lines"].([]any); ok {
		for _, x := range rl {
			out.RedLines = append(out.RedLines, x.(string))
		}
	}
	if lv, ok := d["leave"].(map[string]any); ok {
		out.Leave = &engine.Leave{Case: policy.LeaveCase(lv["case"].(string)), Months: int(lv["months"].(int64))}
	}
	if sc, ok := d["scorecard"].(map[string]any); ok {
		out.Scorecards = map[string]map[string]engine.ItemInput{}
		for _, id := range slices.Sorted(maps.Keys(sc)) {
			ptr := "/scorecard/" + tomlpos.Escape(id)
			card, _ := c.h.At(policy.KindScorecard, id, day).(*policy.Scorecard)
			if card == nil {
				c.errf(ptr, "no scorecard %q in effect on %s", id, day.String())
				continue
			}
			if !slices.Contains(role.Scorecards, id) {
				c.errf(ptr, "scorecard %s is not one of role %s's (%s)", id, role.ID, list(role.Scorecards))
				continue
			}
			out.Scorecards[id] = c.items(ptr, card, sc[id].(map[string]any))
		}
	}
	if pay, ok := d["pay"].(map[string]any); ok {
		out.Pay = c.values("/pay", pay)
	}
	if own, ok := d["own"].(map[string]any); ok {
		out.Own = c.decimals("/own", own)
	}
	if pts, ok := d["points"].(map[string]any); ok {
		out.Points = c.points(pts)
	}
	if hist := load.Tables(d["history"]); hist != nil {
		for i, q := range hist {
			ptr := fmt.Sprintf("/history/%d", i)
			score, ok := c.decimal(ptr+"/score", q["score"])
			if !ok {
				continue
			}
			hq := engine.Quarter{Label: q["period"].(string), Score: &score, Values: c.values(ptr+"/pay", q["pay"].(map[string]any))}
			if own, ok := q["own"].(map[string]any); ok {
				hq.Own = c.decimals(ptr+"/own", own)
			}
			out.History = append(out.History, hq)
		}
	}
	return out
}

// decimal reads an exact number written as an integer or a decimal string.
func (c *conv) decimal(ptr string, v any) (exact.Decimal, bool) {
	switch v := v.(type) {
	case int64:
		return exact.FromInt(v), true
	case string:
		if strings.HasSuffix(v, "%") {
			c.errf(ptr, "%q: write the number without %%, in the unit of the input (%s for %s)", v, strings.TrimSuffix(v, "%"), v)
			return exact.Decimal{}, false
		}
		x, err := exact.Parse(v)
		if err != nil {
			c.errf(ptr, "%q is not an exact number", v)
			return exact.Decimal{}, false
		}
		return x, true
	}
	c.errf(ptr, "want a number, found %v", fmt.Sprint(v)) // any TOML value: fmt prints it, diag (without reflect) cannot
	return exact.Decimal{}, false
}

// decimals reads named numbers: a person's own values.
func (c *conv) decimals(ptr string, m map[string]any) map[string]exact.Decimal {
	out := map[string]exact.Decimal{}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if x, ok := c.decimal(ptr+"/"+tomlpos.Escape(k), m[k]); ok {
			out[k] = x
		}
	}
	return out
}

// values reads named pay or formula inputs: numbers or yes/no.
func (c *conv) values(ptr string, m map[string]any) map[string]formula.Value {
	out := map[string]formula.Value{}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		p := ptr + "/" + tomlpos.Escape(k)
		if b, ok := m[k].(bool); ok {
			out[k] = formula.Value{Bool: b, IsBool: true}
			continue
		}
		if x, ok := c.decimal(p, m[k]); ok {
			out[k] = formula.Value{Num: x}
		}
	}
	return out
}

// items types the inputs of one scorecard by the shape of each item's input
// (policy.ScoringRule.Field).
func (c *conv) items(ptr string, card *policy.Scorecard, m map[string]any) map[string]engine.ItemInput {
	kinds := map[string]*policy.Item{}
	for pi := range card.Part {
		for ii := range card.Part[pi].Item {
			it := &card.Part[pi].Item[ii]
			kinds[it.ID] = it
		}
	}
	out := map[string]engine.ItemInput{}
	for _, id := range slices.Sorted(maps.Keys(m)) {
		p := ptr + "/" + tomlpos.Escape(id)
		it := kinds[id]
		if it == nil {
			c.errf(p, "scorecard %s has no item %q", card.ID, id)
			continue
		}
		v := m[id]
		var in engine.ItemInput
		var shape policy.Shape
		if it.Rule != nil {
			shape = it.Rule.Field(it).Shape
		}
		switch shape {
		case policy.ShapeYesNo:
			b, ok := v.(bool)
			if !ok {
				c.errf(p, "item %s is scored yes/no: write true or false", id)
				continue
			}
			in.Yes = &b
		case policy.ShapeLevel:
			n, ok := v.(int64)
			if !ok || n < 1 || n > 5 {
				c.errf(p, "item %s is scored by level: write 1 to 5", id)
				continue
			}
			in.Level = int(n)
		case policy.ShapePick:
			s, ok := v.(string)
			if !ok {
				c.errf(p, "item %s is scored by choice: write the id of a description", id)
				continue
			}
			in.Choice = s
		case policy.ShapeChecks:
			a, ok := v.([]any)
			if !ok {
				c.errf(p, "item %s is a checklist: write the ids of the checks met, e.g. [\"a\", \"b\"]", id)
				continue
			}
			in.Checks = []string{}
			for _, x := range a {
				in.Checks = append(in.Checks, x.(string))
			}
		case policy.ShapeNamed:
			t, ok := v.(map[string]any)
			if !ok {
				c.errf(p, "item %s is computed from named inputs: write { %s }", id, inputNames(it))
				continue
			}
			in.Named = c.values(p, t)
		case policy.ShapeNumber:
			x, ok := c.decimal(p, v)
			if !ok {
				continue
			}
			in.Value = &x
		}
		out[id] = in
	}
	return out
}

func inputNames(it *policy.Item) string {
	s := ""
	for i, in := range it.Inputs {
		if i > 0 {
			s += ", "
		}
		s += in.Name + " = …"
	}
	return s
}

func (c *conv) points(m map[string]any) *engine.PointsInput {
	in := &engine.PointsInput{Events: map[string]int{}, Awards: map[string][]exact.Decimal{}}
	if ev, ok := m["events"].(map[string]any); ok {
		for _, k := range slices.Sorted(maps.Keys(ev)) {
			in.Events[k] = int(ev[k].(int64))
		}
	}
	if aw, ok := m["awards"].(map[string]any); ok {
		for _, k := range slices.Sorted(maps.Keys(aw)) {
			for i, x := range aw[k].([]any) {
				if d, ok := c.decimal("/points/awards/"+tomlpos.Escape(k)+"/"+strconv.Itoa(i), x); ok {
					in.Awards[k] = append(in.Awards[k], d)
				}
			}
		}
	}
	if sf := load.Tables(m["shortfalls"]); sf != nil {
		for i, s := range sf {
			rate, ok := c.decimal(fmt.Sprintf("/points/shortfalls/%d/rate", i), s["rate"])
			if !ok {
				continue
			}
			// met: the steps whose extra condition holds (the schema makes
			// them integers; the engine checks them against the ladder).
			var met []int
			if ns, ok := s["met"].([]any); ok {
				for _, n := range ns {
					met = append(met, int(n.(int64)))
				}
			}
			in.Shortfalls = append(in.Shortfalls, engine.LadderShortfall{Ladder: s["ladder"].(string),
				Occurrence: int(s["occurrence"].(int64)), Rate: rate, Met: met})
		}
	}
	return in
}

// Validate runs on a case file every check calc applies to it (TOML, the
// case schema, its inputs against the policies in effect in its period, the
// computation) and checks its #:schema line (load.CaseDirective), every
// problem at file:line:col. With h nil (the policies do not load) only the
// file itself is checked: its #:schema line, TOML and schema.
func Validate(f load.File, h *policy.Handbook) diag.List {
	diags := load.CaseDirective(f)
	if h == nil {
		_, more := load.DecodeCase(f)
		diags = append(diags, more...)
		diags.Sort()
		return diags
	}
	c, more := Read(f, h)
	diags = append(diags, more...)
	if c != nil {
		if _, err := engine.Compute(h, c.Case); err != nil {
			diags.AddText(diag.Pos{File: f.Path, Line: 1, Col: 1}, "", zh.Sprintf("the case does not compute: %v", err))
		}
	}
	diags.Sort()
	return diags
}

// Worked is a case file with its computed result.
type Worked struct {
	Path   string
	Case   *Case
	Result engine.Result
}

// RunDir reads and computes every *.toml case in dir, in name order. Paths in
// messages are shown as shown/NAME.
func RunDir(dir, shown string, h *policy.Handbook) ([]Worked, diag.List, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, nil, err
	}
	var out []Worked
	var all diag.List
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, nil, err
		}
		f := load.File{Path: path.Join(shown, filepath.Base(p)), Data: data, Disk: abs}
		c, diags := Read(f, h)
		if len(diags) > 0 {
			all = append(all, diags...)
			continue
		}
		r, err := engine.Compute(h, c.Case)
		if err != nil {
			all.AddText(diag.Pos{File: f.Path}, "", diag.TextOf(err))
			continue
		}
		out = append(out, Worked{Path: f.Path, Case: c, Result: r})
	}
	return out, all, nil
}

// list joins ids for a message, "none" (无) for none.
func list(s []string) diag.Text {
	if len(s) == 0 {
		return diag.Text{En: "none", Zh: "无"}
	}
	j := strings.Join(s, ", ")
	return diag.Text{En: j, Zh: j}
}
