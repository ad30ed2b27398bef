package load

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/kefu-hr/handbook/generator/internal/tomlpos"
	"github.com/kefu-hr/handbook/generator/schema"
)

// maxSyntaxErrors bounds the syntax errors reported for one file.
const maxSyntaxErrors = 20

// recoverPrefix begins the keys that stand in for lines with a syntax
// error while the rest of a file is checked. A policy cannot use such a
// key: the schemas allow none.
const recoverPrefix = "__syntax_error_line_"

// afterSyntaxError finds the problems of a file that a TOML syntax error
// (err, already reported) hides, where they can still be found: it puts a
// stand-in key in place of the line of the error and decodes again,
// reporting each further syntax error, until what remains decodes; then the
// file's schema (pick) runs on it and its problems are reported, except
// those that a line put aside may have caused: every problem of the table
// that held that line (a key missing, a condition on a value not read).
//
// A line is put aside only when it is a whole statement: it begins with a
// key and "=", opens no multi-line string, and the next statement starts
// on a line of its own. Anything else (a table header, a line inside a
// multi-line array) stops the search, as does an error that does not move
// forward: a guess there would report problems the author did not make.
func (l *loader) afterSyntaxError(f File, src string, err error, pick func(*schema.Set) *jsonschema.Schema) {
	lines := strings.SplitAfter(src, "\n")
	var asides []string
	last := 0
	for n := 1; ; n++ {
		line, ok := errorLine(src, err)
		if !ok || line <= last || !wholeStatement(lines, line) {
			return
		}
		last = line
		key := recoverPrefix + strconv.Itoa(line)
		eol := lines[line-1][len(strings.TrimRight(lines[line-1], "\r\n")):]
		lines[line-1] = key + " = 0" + eol
		asides = append(asides, key)
		src = strings.Join(lines, "")
		var doc map[string]any
		if _, err = toml.Decode(src, &doc); err != nil {
			if n == maxSyntaxErrors {
				return
			}
			if next, ok := errorLine(src, err); !ok || next <= line || !wholeStatement(lines, next) {
				return // a consequence of the line put aside, or past what can be told
			}
			l.syntaxError(f, src, err)
			continue
		}
		if _, err := tomlpos.New([]byte(src)); err != nil {
			return
		}
		tables := map[string]bool{}
		for _, k := range asides {
			if ptr, ok := find(doc, "", k); ok {
				tables[tomlpos.KeyPath(ptr[:strings.LastIndexByte(ptr, '/')])] = true
			}
		}
		sub := &loader{broken: l.broken}
		sub.validate(f, src, doc, pick)
		for _, d := range sub.diags {
			if !tables[d.Key] && !tables[parentKey(d.Key)] {
				l.diags = append(l.diags, d)
			}
		}
		return
	}
}

// errorLine returns the line, counted from 1, of a TOML syntax error.
func errorLine(src string, err error) (int, bool) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return 0, false
	}
	start := min(max(pe.Position.Start, 0), len(src))
	return strings.Count(src[:start], "\n") + 1, true
}

// keyEquals matches a line that begins a key/value statement.
var keyEquals = regexp.MustCompile(`^\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*\s*=`)

// wholeStatement reports whether line n (from 1) of lines is a key/value
// statement that can be put aside: it begins with a key, opens no
// multi-line string, and the next line that is not blank or a comment
// starts a statement of its own (a key, a table header) or the file ends.
func wholeStatement(lines []string, n int) bool {
	if n < 1 || n > len(lines) {
		return false
	}
	s := lines[n-1]
	if !keyEquals.MatchString(s) || strings.Contains(s, `"""`) || strings.Contains(s, `'''`) {
		return false
	}
	for _, next := range lines[n:] {
		t := strings.TrimSpace(next)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		return strings.HasPrefix(t, "[") || keyEquals.MatchString(next)
	}
	return true
}

// find returns the JSON pointer of key in a decoded document.
func find(v any, ptr, key string) (string, bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			p := ptr + "/" + tomlpos.Escape(k)
			if k == key {
				return p, true
			}
			if p, ok := find(x, p, key); ok {
				return p, true
			}
		}
	case []map[string]any:
		for i, x := range v {
			if p, ok := find(x, ptr+"/"+strconv.Itoa(i), key); ok {
				return p, true
			}
		}
	case []any:
		for i, x := range v {
			if p, ok := find(x, ptr+"/"+strconv.Itoa(i), key); ok {
				return p, true
			}
		}
	}
	return "", false
}

// parentKey returns the key path of the table that holds key path k:
// "part[0].item[2]" for "part[0].item[2].weight" and for
// "part[0].item[2].tiers[1]"; "" for a key of the file's top table.
func parentKey(k string) string {
	i := strings.LastIndexAny(k, ".[")
	if i < 0 {
		return ""
	}
	if k[i] == '[' { // an element of an array: its table is the array's
		return parentKey(k[:i])
	}
	return k[:i]
}
