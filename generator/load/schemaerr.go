package load

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/tomlpos"
)

// leaves returns the innermost causes of a validation error.
func leaves(ve *jsonschema.ValidationError, out []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(ve.Causes) == 0 {
		return append(out, ve)
	}
	for _, c := range ve.Causes {
		out = leaves(c, out)
	}
	return out
}

var (
	defRe   = regexp.MustCompile(`#/\$defs/([a-z_]+)`)
	quoted  = regexp.MustCompile(`'([^']*)'`)
	lastKwd = regexp.MustCompile(`/([^/]+)$`)
)

// schemaErrors rewrites the leaves of a schema validation error into plain
// messages at the position of the offending key or value.
func (l *loader) schemaErrors(u *unit, doc any, ve *jsonschema.ValidationError) {
	seen := map[string]bool{}
	all := leaves(ve, nil)
	// A misspelt key shows twice: as an unknown key and as a missing one.
	// Say it once, at the misspelling.
	for _, leaf := range all {
		if strings.HasSuffix(leaf.KeywordLocation, "/additionalProperties") {
			allowed := l.allowedKeys(strings.TrimSuffix(leaf.AbsoluteKeywordLocation, "/additionalProperties"))
			for _, m := range quoted.FindAllStringSubmatch(leaf.Message, -1) {
				if near := nearestKey(m[1], allowed); near != "" {
					seen[leaf.InstanceLocation+"|req|"+near] = true
				}
			}
		}
	}
	for _, leaf := range all {
		ptr := leaf.InstanceLocation
		if u.floats[ptr] {
			continue // reported by normalise
		}
		value, _ := valueAt(doc, ptr)

		// Values checked by a shared definition (decimal, money, rate, id …)
		// fail in several branches of an anyOf: report them once, plainly.
		if m := defRe.FindStringSubmatch(leaf.AbsoluteKeywordLocation); m != nil && defMessage(m[1], value).En != "" {
			if key := ptr + "|def"; !seen[key] {
				seen[key] = true
				l.verrf(u, ptr, "%s", defMessage(m[1], value))
			}
			continue
		}
		kw := ""
		if m := lastKwd.FindStringSubmatch(leaf.KeywordLocation); m != nil {
			kw = m[1]
		}
		if leaf.Message == "not allowed" { // a false schema: a key excluded in one branch
			key := ptr[strings.LastIndexByte(ptr, '/')+1:]
			l.errf(u, ptr, "key %q is not allowed%s", key, l.condition(leaf.AbsoluteKeywordLocation))
			continue
		}
		switch kw {
		case "additionalProperties":
			allowed := l.allowedKeys(strings.TrimSuffix(leaf.AbsoluteKeywordLocation, "/additionalProperties"))
			for _, m := range quoted.FindAllStringSubmatch(leaf.Message, -1) {
				kp := ptr + "/" + tomlpos.Escape(m[1])
				l.errf(u, kp, "unknown key %q%s", m[1], nearest(m[1], allowed))
			}
		case "required":
			cond := l.condition(leaf.AbsoluteKeywordLocation)
			for _, m := range quoted.FindAllStringSubmatch(leaf.Message, -1) {
				if key := ptr + "|req|" + m[1]; !seen[key] {
					seen[key] = true
					l.errf(u, ptr, "missing required key %q%s", m[1], cond)
				}
			}
		case "type":
			if f, ok := value.(float64); ok {
				l.verrf(u, ptr, "%s", floatMessage(f))
			} else {
				l.verrf(u, ptr, "%s, found %s", expected(strings.Split(leaf.Message, ",")[0]), describe(value))
			}
		case "enum":
			node := l.schema.At(leaf.AbsoluteKeywordLocation[:len(leaf.AbsoluteKeywordLocation)-len("/enum")])
			var opts []string
			if node != nil {
				for _, o := range node["enum"].([]any) {
					opts = append(opts, fmt.Sprint(o))
				}
			}
			l.verrf(u, ptr, "%s is not one of: %s", describe(value), strings.Join(opts, ", "))
		case "minItems", "maxItems":
			n := 0
			if a, ok := value.([]any); ok {
				n = len(a)
			}
			node := l.schema.At(strings.TrimSuffix(leaf.AbsoluteKeywordLocation, "/"+kw))
			limit := ""
			if node != nil {
				limit = fmt.Sprint(node[kw])
			}
			if kw == "minItems" {
				l.errf(u, ptr, "has %d entries, want at least %s", n, limit)
			} else {
				l.errf(u, ptr, "has %d entries, want at most %s", n, limit)
			}
		case "uniqueItems":
			l.errf(u, ptr, "entries must not repeat: %s", leaf.Message)
		case "minimum", "maximum":
			l.verrf(u, ptr, "%s is out of range: %s", describe(value), bound(leaf.Message))
		case "minLength":
			l.verrf(u, ptr, "must not be empty")
		case "pattern":
			var hint diag.Text
			if node := l.schema.At(strings.TrimSuffix(leaf.AbsoluteKeywordLocation, "/pattern")); node != nil {
				if d, ok := node["description"].(string); ok {
					hint = diag.Text{En: ": " + d, Zh: "：" + d}
				}
			}
			l.verrf(u, ptr, "%s is not in the expected form%s", describe(value), hint)
		default:
			l.verrf(u, ptr, "%s", leaf.Message)
		}
	}
}

// defMessage explains why value does not fit the shared definition def; it
// returns "" for definitions without a plain message.
func defMessage(def string, value any) diag.Text {
	s, isStr := value.(string)
	switch def {
	case "decimal", "money", "rate":
		if f, ok := value.(float64); ok {
			return floatMessage(f)
		}
	}
	switch def {
	case "decimal":
		return zh.Sprintf("%s is not an exact number: write an integer or a decimal string such as \"3.5\"", describe(value))
	case "money":
		if i, ok := value.(int64); ok && i < 0 || isStr && strings.HasPrefix(s, "-") {
			return zh.Sprintf("amount must not be negative: %s", describe(value))
		}
		if isStr && regexp.MustCompile(`^[0-9]+\.[0-9]{3,}$`).MatchString(s) {
			return zh.Sprintf("amount %s has more than two decimals: money is exact to the fen (0.01 元)", describe(value))
		}
		return zh.Sprintf("%s is not an amount in 元: write an integer or a string such as \"1200.00\"", describe(value))
	case "rate":
		if i, ok := value.(int64); ok && i < 0 || isStr && strings.HasPrefix(s, "-") {
			return zh.Sprintf("rate must not be negative: %s", describe(value))
		}
		return zh.Sprintf("%s is not a rate: write a percentage string such as \"5%%\"", describe(value))
	case "id":
		return zh.Sprintf("%s is not a valid id: use lower-case letters, digits and hyphens, e.g. kefu-zongjian", describe(value))
	case "name":
		return zh.Sprintf("%s is not a valid name: use lower-case letters, digits and _, starting with a letter", describe(value))
	case "seed":
		return zh.Sprintf("%s is not a seed file name such as \"000_43110d09609c800c.txt\"", describe(value))
	case "date":
		return zh.Sprintf("%s is not a date: write a TOML date such as 2026-01-01", describe(value))
	case "text":
		if isStr {
			return zh.Sprintf("must not be empty")
		}
		return zh.Sprintf("expected text, found %s", describe(value))
	}
	return diag.Text{}
}

// plainDecimal is a float written with digits and a fraction only, which
// reads the same as a decimal string.
var plainDecimal = regexp.MustCompile(`^[+-]?[0-9]+\.[0-9]+$`)

// writtenFloatMessage is floatMessage naming the float as it was written
// (3000.00, 8e6) rather than as the number it is (3000, 8000000).
func writtenFloatMessage(written string, f float64) diag.Text {
	if written == "" || written == strconv.FormatFloat(f, 'f', -1, 64) {
		return floatMessage(f)
	}
	fix := strconv.FormatFloat(f, 'f', -1, 64)
	if plainDecimal.MatchString(written) {
		fix = written
	}
	return zh.Sprintf("%s is a TOML float, which is not exact: write it as a string (\"%s\") or an integer", written, fix)
}

func floatMessage(f float64) diag.Text {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	return zh.Sprintf("%s is a TOML float, which is not exact: write it as a string (\"%s\") or an integer", s, s)
}

// describe prints a value the way it was written in TOML.
func describe(v any) diag.Text {
	same := func(s string) diag.Text { return diag.Text{En: s, Zh: s} }
	switch v := v.(type) {
	case string:
		return same(strconv.Quote(v))
	case int64:
		return same(strconv.FormatInt(v, 10))
	case float64:
		return same(strconv.FormatFloat(v, 'f', -1, 64))
	case bool:
		return same(strconv.FormatBool(v))
	case []any:
		return diag.Text{En: "an array", Zh: "一个数组"}
	case map[string]any:
		return diag.Text{En: "a table", Zh: "一个表"}
	case nil:
		return diag.Text{En: "nothing", Zh: "空"}
	}
	return same(fmt.Sprint(v))
}

// expected gives the JSON Schema validator's "expected string" (or
// integer, number, boolean, array, object) in both languages.
func expected(msg string) diag.Text {
	types := map[string]string{"string": "文本", "integer": "整数", "number": "数字", "boolean": "true 或 false",
		"array": "数组", "object": "表", "null": "空"}
	t, ok := strings.CutPrefix(msg, "expected ")
	if !ok {
		return diag.Text{En: msg}
	}
	var zhs []string
	for _, x := range strings.Split(t, " or ") {
		if z, ok := types[x]; ok {
			zhs = append(zhs, z)
		} else {
			return diag.Text{En: msg}
		}
	}
	return diag.Text{En: msg, Zh: "应为" + strings.Join(zhs, "或")}
}

// bound gives the JSON Schema validator's "must be >= 1 but found 0" (or
// <=, >, <) in both languages.
func bound(msg string) diag.Text {
	m := boundRe.FindStringSubmatch(msg)
	if m == nil {
		return diag.Text{En: msg}
	}
	op := map[string]string{">=": "不小于", "<=": "不大于", ">": "大于", "<": "小于"}[m[1]]
	return diag.Text{En: msg, Zh: "须" + op + " " + m[2]}
}

var boundRe = regexp.MustCompile(`^must be (>=|<=|>|<) (\S+)`)

// allowedKeys returns the property names of the schema object at absLoc.
func (l *loader) allowedKeys(absLoc string) []string {
	node := l.schema.At(absLoc)
	if node == nil {
		return nil
	}
	props, _ := node["properties"].(map[string]any)
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// condition explains a key required, or not allowed, only in one branch of
// an if/then/else: because another key has a given value, or is given or
// not. absLoc is the location of the keyword inside the branch
// (…/then/required, …/else/properties/date).
func (l *loader) condition(absLoc string) diag.Text {
	i := max(strings.LastIndex(absLoc, "/then/"), strings.LastIndex(absLoc, "/else/"))
	if i < 0 {
		return diag.Text{}
	}
	base, then := absLoc[:i], absLoc[i:i+len("/then/")] == "/then/"
	if then {
		for k, v := range l.schema.At(base + "/if/properties") {
			if c, ok := v.(map[string]any)["const"]; ok {
				return zh.Sprintf(" when %s = %q", k, fmt.Sprint(c))
			}
		}
	}
	if req, ok := l.schema.At(base + "/if")["required"].([]any); ok && len(req) == 1 {
		if then {
			return zh.Sprintf(" when %s is given", fmt.Sprint(req[0]))
		}
		return zh.Sprintf(" when %s is not given", fmt.Sprint(req[0]))
	}
	return diag.Text{}
}

// nearestKey returns the allowed key closest to a misspelt one, or "".
func nearestKey(key string, allowed []string) string { return formula.Nearest(key, allowed) }

// nearest suggests the allowed key closest to a misspelt one, or lists the
// allowed keys when none is close and they are few.
func nearest(key string, allowed []string) diag.Text {
	best := nearestKey(key, allowed)
	if best == "" {
		if len(allowed) > 0 && len(allowed) <= 12 {
			return zh.Sprintf(" (allowed: %s)", strings.Join(allowed, ", "))
		}
		return diag.Text{}
	}
	return zh.Sprintf(" (did you mean %q?)", best)
}

// valueAt returns the value at a JSON pointer in a normalised document.
func valueAt(doc any, ptr string) (any, bool) {
	if ptr == "" {
		return doc, true
	}
	cur := doc
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch v := cur.(type) {
		case map[string]any:
			cur = v[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v) {
				return nil, false
			}
			cur = v[i]
		default:
			return nil, false
		}
	}
	return cur, true
}
