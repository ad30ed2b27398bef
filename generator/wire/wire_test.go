package wire

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
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

// TestRequestOwnValues: a person's own values travel in a case request as
// the inputs own.NAME, and come back as the case's Own; the computed pay
// uses them. (On the fixture, basic_pay of the 客服代表 plan is personal.)
func TestRequestOwnValues(t *testing.T) {
	h := fixture.Handbook(t)
	per, _ := engine.ParsePeriod("2026-10")
	doc := `{"wire": 1, "kind": "case", "period": "2026-10", "inputs": {"person": "p", "role": "kefu-daibiao",
		"own.basic_pay": "2222.22", "pay.base_quota_rate": "100", "pay.attendance_rate": "100", "pay.member_rate": "95",
		"pay.probation": "false", "pay.adopted_suggestions": "0", "pay.star_month": "false", "pay.profit_received": "0", "points": "0"}}`
	req, err := ReadCase([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, v := range req.Values() {
		paths = append(paths, v.Path)
	}
	form, problems := inputs.NewForm(h, per, paths)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	c, problems := inputs.Decode(form, req.Values())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if got := c.Own["basic_pay"].String(); got != "2222.22" || len(c.Own) != 1 {
		t.Fatalf("own values %v, want basic_pay 2222.22", c.Own)
	}
	r, err := engine.Compute(h, *c)
	if err != nil {
		t.Fatal(err)
	}
	if r.Pay.Components[0].Name != "basic" || r.Pay.Components[0].Amount.String() != "2222.22" {
		t.Errorf("basic pay %+v, want 2222.22", r.Pay.Components[0])
	}
	// And back: the request that asks for the case carries the own value.
	if back := FromCase("", *c); back.Inputs["own.basic_pay"] != "2222.22" {
		t.Errorf("FromCase: %v", back.Inputs)
	}
}
