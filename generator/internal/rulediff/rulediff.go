package rulediff

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kefu-hr/handbook/generator/internal/tomlpos"
)

// Change is one key whose value differs between two documents. A key added
// has no Old value, a key removed no New value (nil).
type Change struct {
	Path     []string // keys and, for arrays, element numbers from the root
	Old, New any
}

// Pointer returns the change's JSON pointer (/param/0/value).
func (c Change) Pointer() string {
	var b strings.Builder
	for _, k := range c.Path {
		b.WriteString("/" + tomlpos.Escape(k))
	}
	return b.String()
}

// Key returns the path as people read it: param[0].value.
func (c Change) Key() string { return tomlpos.KeyPath(c.Pointer()) }

// String says what changed: param[0].value: "8000.00" → "8200.00".
func (c Change) String() string {
	switch {
	case c.Old == nil:
		return fmt.Sprintf("%s: added %s", c.Key(), Format(c.New))
	case c.New == nil:
		return fmt.Sprintf("%s: removed (was %s)", c.Key(), Format(c.Old))
	}
	return fmt.Sprintf("%s: %s → %s", c.Key(), Format(c.Old), Format(c.New))
}

// Diff returns the changes from a to b, in key order, skipping the keys at
// the top level that skip names (a version's notes, say). Arrays are
// compared element by element: an element inserted in the middle shows as
// every later element changed and one added at the end.
func Diff(a, b map[string]any, skip ...string) []Change {
	var out []Change
	for _, k := range keys(a, b) {
		if slices.Contains(skip, k) {
			continue
		}
		out = diff(out, []string{k}, a[k], b[k])
	}
	return out
}

func keys(a, b map[string]any) []string {
	m := maps.Clone(a)
	if m == nil {
		m = map[string]any{}
	}
	maps.Copy(m, b)
	return slices.Sorted(maps.Keys(m))
}

func diff(out []Change, path []string, a, b any) []Change {
	ma, aMap := a.(map[string]any)
	mb, bMap := b.(map[string]any)
	if aMap && bMap {
		for _, k := range keys(ma, mb) {
			out = diff(out, append(slices.Clip(path), k), ma[k], mb[k])
		}
		return out
	}
	la, aList := List(a)
	lb, bList := List(b)
	if aList && bList {
		for i := range max(len(la), len(lb)) {
			var x, y any
			if i < len(la) {
				x = la[i]
			}
			if i < len(lb) {
				y = lb[i]
			}
			out = diff(out, append(slices.Clip(path), strconv.Itoa(i)), x, y)
		}
		return out
	}
	if !Equal(a, b) {
		out = append(out, Change{Path: path, Old: a, New: b})
	}
	return out
}

// List returns the elements of an array, however TOML decoded it.
func List(v any) ([]any, bool) {
	switch v := v.(type) {
	case []any:
		return v, true
	case []map[string]any:
		out := make([]any, len(v))
		for i, m := range v {
			out[i] = m
		}
		return out, true
	}
	return nil, false
}

// Equal reports whether two decoded values are the same: dates by day,
// everything else exactly (a "4" and a 4 differ, as their TOML does).
func Equal(a, b any) bool {
	if ta, ok := a.(time.Time); ok {
		tb, ok := b.(time.Time)
		return ok && ta.Format(time.DateTime) == tb.Format(time.DateTime)
	}
	la, aList := List(a)
	lb, bList := List(b)
	if aList || bList {
		return aList && bList && len(diff(nil, nil, la, lb)) == 0
	}
	ma, aMap := a.(map[string]any)
	mb, bMap := b.(map[string]any)
	if aMap || bMap {
		return aMap && bMap && len(diff(nil, nil, ma, mb)) == 0
	}
	return reflect.DeepEqual(a, b)
}

// Format writes a decoded value as it reads in a policy file: strings
// quoted, dates as 2006-01-02, tables and arrays in brief.
func Format(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing"
	case string:
		return strconv.Quote(v)
	case time.Time:
		return v.Format("2006-01-02")
	case map[string]any:
		return "{ " + strings.Join(slices.Sorted(maps.Keys(v)), ", ") + " }"
	}
	if l, ok := List(v); ok {
		parts := make([]string, len(l))
		for i, x := range l {
			parts[i] = Format(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}
