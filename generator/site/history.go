package site

import (
	"encoding"
	"reflect"
	"strings"
	"time"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/internal/rulediff"
	"github.com/kefu-hr/handbook/generator/policy"
)

// versionEntry is one version of a policy in its history: its period, its
// corrections, and what changed from the version before, rule by rule.
type versionEntry struct {
	Policy  *policy.Header
	Changes []change
}

// change is one rule that changed between consecutive versions.
type change struct {
	Key, Old, New string
}

// history lists every version of a policy, newest first, each with the
// changes from the version before it.
func history(h *policy.Handbook, hd *policy.Header) []versionEntry {
	vs := h.Versions(hd.Kind, hd.ID)
	out := make([]versionEntry, len(vs))
	for i, v := range vs {
		out[len(vs)-1-i].Policy = v.Head()
		if i == 0 {
			continue
		}
		for _, c := range rulediff.Diff(keys(vs[i-1]), keys(v), "version", "effective_from", "effective_until", "note", "correction", "source", "summary") {
			ch := change{Key: c.Key(), Old: "—", New: "—"}
			if c.Old != nil && c.Old != "" {
				ch.Old = strings.Trim(rulediff.Format(c.Old), `"`)
			}
			if c.New != nil && c.New != "" {
				ch.New = strings.Trim(rulediff.Format(c.New), `"`)
			}
			out[len(vs)-1-i].Changes = append(out[len(vs)-1-i].Changes, ch)
		}
	}
	return out
}

// keys writes a policy back as the keys of its file (its source's fields,
// by their toml names), for rule-by-rule comparison.
func keys(p policy.Policy) map[string]any {
	m, _ := value(reflect.ValueOf(p.Written()).Elem()).(map[string]any)
	return m
}

var (
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	dateType      = reflect.TypeFor[civil.Date]()
)

// value converts a decoded value back to what TOML decodes into: tables to
// maps, arrays to slices, decimals to their text.
func value(v reflect.Value) any {
	t := v.Type()
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		return value(v.Elem())
	}
	switch {
	case t == dateType:
		// As the decoder gives a TOML date, for rulediff.
		d := v.Interface().(civil.Date)
		return time.Date(d.Year(), time.Month(d.Month()), d.Day(), 0, 0, 0, 0, time.UTC)
	case t.Implements(textMarshaler):
		b, _ := v.Interface().(encoding.TextMarshaler).MarshalText()
		return string(b)
	}
	switch v.Kind() {
	case reflect.Struct:
		m := map[string]any{}
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if f.Anonymous { // Header, Interval: their keys are the policy's own
				if sub, ok := value(v.Field(i)).(map[string]any); ok {
					for k, x := range sub {
						m[k] = x
					}
				}
				continue
			}
			name := f.Tag.Get("toml")
			if name == "" {
				continue
			}
			if x := value(v.Field(i)); x != nil {
				m[name] = x
			}
		}
		return m
	case reflect.Slice:
		if v.Len() == 0 {
			return nil
		}
		out := make([]any, v.Len())
		for i := range v.Len() {
			out[i] = value(v.Index(i))
		}
		return out
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int32, reflect.Int64:
		return v.Int()
	}
	return nil
}
