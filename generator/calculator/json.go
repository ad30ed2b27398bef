package calculator

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends v, made of what Object and FieldsObject make (maps
// with string keys, lists, strings, booleans, ints and nil), as JSON to b:
// the keys of a map in order, nothing escaped but what JSON requires.
// cmd/calculator hands an answer to the page as one such text, which the
// page's JSON.parse turns into the object: one crossing from Go to
// JavaScript instead of one per property (which had cost the calculator
// as much time as computing the answer). It panics on any other type.
func AppendJSON(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case string:
		return appendString(b, v)
	case []any:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendJSON(b, x)
		}
		return append(b, ']')
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = AppendJSON(b, v[k])
		}
		return append(b, '}')
	}
	panic("calculator.AppendJSON: a value of a type an answer does not hold")
}

// appendString appends s as a JSON string. Bytes that are not UTF-8
// become U+FFFD, as they would crossing to JavaScript as a string.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
			i++
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			i++
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				b = append(b, "\ufffd"...)
			} else {
				b = append(b, s[i:i+n]...)
			}
			i += n
		}
	}
	return append(b, '"')
}
