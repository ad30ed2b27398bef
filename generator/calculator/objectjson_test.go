package calculator

import (
	"slices"
	"strconv"

	"github.com/kefu-hr/handbook/generator/internal/jsonstr"
)

// AppendJSON appends v, made of what Object and FieldsObject make (maps
// with string keys, lists, strings, booleans, ints and nil), as JSON to b:
// the keys of a map in order, strings as encoding/json writes them. With
// Object and FieldsObject it is the tests' reference for AppendAnswer and
// AppendFields, which write the same bytes without the maps. It panics on
// any other type.
func AppendJSON(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case string:
		return jsonstr.Append(b, v)
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
			b = jsonstr.Append(b, k)
			b = append(b, ':')
			b = AppendJSON(b, v[k])
		}
		return append(b, '}')
	}
	panic("calculator.AppendJSON: a value of a type an answer does not hold")
}
