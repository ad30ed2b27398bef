package inputs_test

import (
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestFieldsMakeAForm: for every role of the fixture with a pay plan, the
// fields of a month resolve as a form, every field says what to write, a
// number has its bound, a pick list its options; an entry filled at each
// number's upper bound is accepted field by field, one just above it is
// refused at that field.
func TestFieldsMakeAForm(t *testing.T) {
	h := fixture.Handbook(t)
	period, err := engine.ParsePeriod("2026-10")
	if err != nil {
		t.Fatal(err)
	}
	roles, refused := 0, 0
	for _, p := range h.All() {
		role, ok := p.(*policy.Role)
		if !ok || role.PayPlan == "" || !role.InEffect(period.Settled()) {
			continue
		}
		fields, err := inputs.Fields(h, period, role.ID)
		if err != nil {
			continue // a plan that pays nothing monthly
		}
		roles++
		paths := make([]string, len(fields))
		for i, f := range fields {
			paths[i] = f.Path
			switch {
			case f.What == "" || f.Label == "" || f.Kind == "":
				t.Errorf("%s: field %s lacks its guide, label or kind: %+v", role.ID, f.Path, f)
			case (f.Kind == inputs.KindChoice || f.Kind == inputs.KindChecks) && len(f.Options) == 0:
				t.Errorf("%s: field %s has nothing to pick", role.ID, f.Path)
			}
		}
		form, problems := inputs.NewForm(h, period, paths)
		if len(problems) > 0 {
			t.Fatalf("%s: %v", role.ID, problems)
		}
		for i, f := range fields {
			if f.Bound == nil {
				continue
			}
			top := f.Bound.Max
			if f.Max != nil {
				top = *f.Max
			}
			e := form.NewEntry()
			if err := form.Set(e, i, top.String()); err != nil {
				t.Errorf("%s: %s = %s (its maximum): %v", role.ID, f.Path, top, err)
			}
			form.Reset(e)
			e.Person, e.Role = "p", role.ID
			if err := form.Set(e, i, top.Add(exact.FromInt(1).Shift(-f.Bound.Places)).String()); err != nil {
				continue // refused as it is read
			}
			form.Finish(e)
			var at bool
			for _, p := range form.Check(e, false) {
				at = at || p.Path == f.Path && strings.Contains(p.Reason, top.String())
			}
			if at {
				refused++
			}
			if !at && f.Max == nil {
				t.Errorf("%s: %s just above %s is not refused at its field", role.ID, f.Path, top)
			}
		}
	}
	if roles == 0 || refused == 0 {
		t.Fatalf("%d roles of the fixture have monthly pay, %d fields refused just above their bound", roles, refused)
	}
	t.Logf("%d roles, %d fields refused just above their bound", roles, refused)
}

// TestOwnFields: a personal parameter the period uses is a field own.NAME
// whose bound is the parameter's range (both ends included, to the fen),
// labelled and united as the parameter; a parameter that is not personal,
// or that the period does not use, has none. On the fixture, 客服代表's
// basic_pay and grade_allowance are personal, post_pay is not.
func TestOwnFields(t *testing.T) {
	h := fixture.Handbook(t)
	for _, tt := range []struct {
		role, period string
		want         []string // the own.* fields, in order
	}{
		{"kefu-daibiao", "2026-10", []string{"own.basic_pay", "own.grade_allowance"}},
		{"kefu-daibiao", "2026-Q4", nil}, // the quarter's components use no personal parameter
		{"dakehu-zhuanyuan", "2026-Q2", []string{"own.quarter_target"}},
		{"kefu-zongjian", "2026-10", nil}, // nothing personal in the fixture's plan
	} {
		t.Run(tt.role+" "+tt.period, func(t *testing.T) {
			per, _ := engine.ParsePeriod(tt.period)
			fields, err := inputs.Fields(h, per, tt.role)
			if err != nil {
				t.Fatal(err)
			}
			plan := h.At(policy.KindPayPlan, h.At(policy.KindRole, tt.role, per.Settled()).(*policy.Role).PayPlan, per.Settled()).(*policy.PayPlan)
			var got []string
			for _, f := range fields {
				name, ok := strings.CutPrefix(f.Path, "own.")
				if !ok {
					continue
				}
				got = append(got, f.Path)
				pa := plan.PersonalParam(name)
				switch {
				case pa == nil:
					t.Errorf("%s: no personal parameter", f.Path)
				case f.Kind != inputs.KindNumber || f.Label != pa.Label || f.Unit != "元" || f.Bound == nil:
					t.Errorf("%s: %+v", f.Path, f)
				case f.Bound.Min.Cmp(pa.Personal.Min) != 0 || f.Bound.Max.Cmp(pa.Personal.Max) != 0 || f.Bound.Places != 2:
					t.Errorf("%s: bound %s–%s (%d places), want the range %s–%s", f.Path, f.Bound.Min, f.Bound.Max, f.Bound.Places, pa.Personal.Min, pa.Personal.Max)
				default:
					for _, x := range []struct {
						v  exact.Decimal
						ok bool
					}{{pa.Personal.Min, true}, {pa.Personal.Max, true}, {pa.Value, true},
						{pa.Personal.Min.Sub(exact.MustParse("0.01")), false}, {pa.Personal.Max.Add(exact.MustParse("0.01")), false}} {
						if msg := f.Bound.Check(x.v); (msg == "") != x.ok {
							t.Errorf("%s = %s: %q", f.Path, x.v, msg)
						}
					}
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("own fields %v, want %v", got, tt.want)
			}
		})
	}
}
