package wire

import (
	"strings"
	"testing"

	_ "github.com/kefu-hr/handbook/generator/golden"
)

func TestReadCase(t *testing.T) {
	good := `{"wire": 1, "kind": "case", "period": "2026-10", "inputs": {"person": "p", "role": "r", "pay.a": "1"}}`
	c, err := ReadCase([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if vs := c.Values(); len(vs) != 3 || vs[0].Path != "pay.a" || vs[1].Path != "person" {
		t.Errorf("values %v, want them in path order", vs)
	}
	for _, tt := range []struct{ doc, want string }{
		{`{"wire": 2, "kind": "case", "period": "2026-10", "inputs": {}}`, "wire version 2"},
		{`{"wire": 1, "kind": "result", "period": "2026-10", "inputs": {}}`, `a "result" document`},
		{`{"wire": 1, "kind": "case", "period": "2026-10", "inputs": {}, "extra": 1}`, `unknown field "extra"`},
		{good + ` {}`, "data after the document"},
		{`[1]`, "not a case request"},
	} {
		if _, err := ReadCase([]byte(tt.doc)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.doc, err, tt.want)
		}
	}
}
