package calculator

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestAppendJSON: what AppendJSON writes, encoding/json reads back as the
// value it was given, for every type an answer holds and the strings JSON
// escapes.
func TestAppendJSON(t *testing.T) {
	for _, c := range []struct {
		name string
		v    any
		want string // the text, when it is not just what encoding/json reads back
	}{
		{"nil", nil, "null"},
		{"bools", []any{true, false}, "[true,false]"},
		{"ints", []any{0, -7, 1234567890123}, "[0,-7,1234567890123]"},
		{"plain", "3600.50", `"3600.50"`},
		{"Chinese", "总分 86.5，奖金系数 K 1.1", `"总分 86.5，奖金系数 K 1.1"`},
		{"escapes", "a\"b\\c\nd\te\x01</script>&\u2028", `"a\"b\\c\nd\te\u0001\u003c/script\u003e\u0026\u2028"`},
		{"not UTF-8", "a\xffb", `"a\ufffdb"`},
		{"keys in order", map[string]any{"b": 1, "a": "x", "c": []any{}}, `{"a":"x","b":1,"c":[]}`},
		{"nested", map[string]any{"cards": []any{map[string]any{"id": "c", "items": []any{}, "k": nil}}, "pay": map[string]any{"total": "1.00", "withheld": false}}, ""},
	} {
		got := AppendJSON(nil, c.v)
		if c.want != "" && string(got) != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
		var back any
		if err := json.Unmarshal(got, &back); err != nil {
			t.Errorf("%s: %s: %v", c.name, got, err)
			continue
		}
		want, _ := json.Marshal(c.v)
		var wantBack any
		_ = json.Unmarshal(want, &wantBack)
		if c.name != "not UTF-8" && !reflect.DeepEqual(back, wantBack) {
			t.Errorf("%s: %s reads back as %#v, want %#v", c.name, got, back, wantBack)
		}
	}
}

// TestAppendJSONAnswers: every worked case's answer and form, written by
// AppendJSON, is what encoding/json writes of the same object.
func TestAppendJSONAnswers(t *testing.T) {
	calc := shipped(t)
	for _, wc := range workedCases(t, calc.Handbook()) {
		fs, err := calc.Fields(wc.req.Role, wc.req.Period)
		if err != nil {
			t.Fatalf("%s: %v", wc.name, err)
		}
		for _, o := range []any{Object(calc.Compute(wc.req)), FieldsObject(fs)} {
			got := AppendJSON(nil, o)
			var back, want any
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatalf("%s: %v", wc.name, err)
			}
			b, _ := json.Marshal(o)
			_ = json.Unmarshal(b, &want)
			if !reflect.DeepEqual(back, want) {
				t.Fatalf("%s: AppendJSON writes\n%s\nencoding/json\n%s", wc.name, got, b)
			}
		}
	}
}
