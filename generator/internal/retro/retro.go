package retro

import (
	"fmt"
	"strings"
	"time"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/internal/rulediff"
	"github.com/kefu-hr/handbook/generator/internal/tomlpos"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Free lists the keys of a version that are not rules: they may change at
// any time. effective_until is checked on its own (a version may be ended,
// but not before today).
var Free = []string{"title", "summary", "source", "note", "correction", "effective_until"}

// maxChanges bounds the changes reported for one version; the rest are
// counted.
const maxChanges = 10

// version is one policy version as written in one revision.
type version struct {
	doc        *load.Document
	kind       policy.Kind
	id         string
	num        int64
	from       time.Time
	until      *time.Time
	correction []any
}

func (v *version) key() string { return fmt.Sprintf("%s %s %d", v.kind, v.id, v.num) }

func (v *version) what() string {
	return fmt.Sprintf("version %d of %s %q", v.num, v.kind.Noun(), v.id)
}

// versions parses files; files that are not policies, or not valid TOML,
// are left out (validation reports them).
func versions(files []load.File) []*version {
	var out []*version
	for _, f := range files {
		d, err := load.Parse(f)
		if err != nil || d.Kind == "" {
			continue
		}
		v := &version{doc: d, kind: d.Kind}
		v.id, _ = d.Data["id"].(string)
		v.num, _ = d.Data["version"].(int64)
		from, ok := d.Data["effective_from"].(time.Time)
		if v.id == "" || !ok {
			continue
		}
		v.from = civil(from)
		if u, ok := d.Data["effective_until"].(time.Time); ok {
			u = civil(u)
			v.until = &u
		}
		v.correction, _ = rulediff.List(d.Data["correction"])
		out = append(out, v)
	}
	return out
}

func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// Check reports every retroactive edit in cur against base, at its place in
// cur's files: a rule changed, a version removed or its period moved, in a
// version whose effective period started on or before today, without a new
// [[correction]] dated between the version's start and today; a correction
// already recorded that was changed or removed; and a new version of an
// existing policy that starts on or before today.
func Check(base, cur []load.File, today time.Time) diag.List {
	today = civil(today)
	var out diag.List
	now := map[string]*version{}
	ids := map[string]bool{}
	for _, v := range versions(cur) {
		now[v.key()] = v
	}
	old := map[string]bool{}
	for _, b := range versions(base) {
		old[b.key()] = true
		ids[string(b.kind)+" "+b.id] = true
		if b.from.After(today) {
			continue // not in effect yet: still free to change
		}
		c := now[b.key()]
		if c == nil {
			path := b.doc.File.Path
			if _, rest, ok := strings.Cut(path, ":"); ok {
				path = rest
			}
			out.Add(diag.Pos{File: path, Line: 1, Col: 1}, "",
				"%s, in effect since %s, was removed: the periods it covered would be computed under other rules or none; restore it (end it with effective_until, or give it a next version, instead)",
				b.what(), day(b.from))
			continue
		}
		out = append(out, compare(b, c, today)...)
	}
	for _, c := range now {
		if old[c.key()] || !ids[string(c.kind)+" "+c.id] || c.from.After(today) || len(c.correction) > 0 {
			continue
		}
		out.Add(c.doc.ValuePos("/effective_from"), "effective_from",
			"%s is new and starts on %s, on or before today (%s): it changes periods already started; start it after today (handbook new-version --from DATE), or record a [[correction]] (date, reason, approved_by)",
			c.what(), day(c.from), day(today))
	}
	out.Sort()
	return out
}

// compare checks one version that has started, as in base (b) and now (c).
func compare(b, c *version, today time.Time) diag.List {
	var out diag.List
	// Corrections are a record: the ones in base stay as they were.
	for i, x := range b.correction {
		if i >= len(c.correction) || !rulediff.Equal(x, c.correction[i]) {
			ptr := "/correction"
			if i < len(c.correction) {
				ptr = fmt.Sprintf("/correction/%d", i)
			}
			out.Add(c.doc.KeyPos(ptr), tomlpos.KeyPath(ptr),
				"correction %d of %s was changed or removed: a recorded correction is kept as it was; add a new one instead", i+1, c.what())
			return out
		}
	}
	corrected := false
	for i, x := range c.correction[len(b.correction):] {
		m, _ := x.(map[string]any)
		d, ok := m["date"].(time.Time)
		ptr := fmt.Sprintf("/correction/%d/date", len(b.correction)+i)
		switch {
		case !ok:
			// The schema requires the date.
		case civil(d).After(today):
			out.Add(c.doc.ValuePos(ptr), "correction", "the correction is dated %s, after today (%s): date it the day it is made", day(civil(d)), day(today))
		case civil(d).Before(b.from):
			out.Add(c.doc.ValuePos(ptr), "correction", "the correction is dated %s, before %s took effect (%s): a change before then needs no correction", day(civil(d)), c.what(), day(b.from))
		default:
			corrected = true
		}
	}
	var changes []string
	var at []string // the pointer of each change
	for _, ch := range rulediff.Diff(b.doc.Data, c.doc.Data, Free...) {
		changes, at = append(changes, ch.String()), append(at, ch.Pointer())
	}
	if end := effectiveEnd(b, today); !end.Equal(effectiveEnd(c, today)) {
		ptr := "/effective_until"
		if c.until == nil {
			ptr = "/effective_from"
		}
		changes = append(changes, fmt.Sprintf("effective_until: %s → %s moves the end of the version before today (%s)", until(b), until(c), day(today)))
		at = append(at, ptr)
	}
	if corrected || len(changes) == 0 {
		return out
	}
	next := time.Date(today.Year(), today.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	file := c.doc.File.Path
	for i, ch := range changes {
		if i == maxChanges {
			out.Add(c.doc.KeyPos(""), "", "%s: %d more changes", c.what(), len(changes)-maxChanges)
			break
		}
		pos := c.doc.KeyPos(at[i])
		if c.doc.Has(at[i]) {
			pos = c.doc.ValuePos(at[i])
		}
		out.Add(pos, tomlpos.KeyPath(at[i]),
			"%s has been in effect since %s: %s changes pay of periods already started; make it a new version (handbook new-version %s --from %s), or record why it must apply to the past in a [[correction]] (date, reason, approved_by)",
			c.what(), day(b.from), ch, file, day(next))
	}
	return out
}

// effectiveEnd is the last day up to today on which a version applies.
func effectiveEnd(v *version, today time.Time) time.Time {
	if v.until != nil && v.until.Before(today) {
		return *v.until
	}
	return today
}

func until(v *version) string {
	if v.until == nil {
		return "open-ended"
	}
	return day(*v.until)
}
