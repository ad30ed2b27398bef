package batch

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/explain"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/load"
)

// sameResult compares results number for number (decimals as written, so
// 1.0 and 1.00 differ, as they would in a report).
var sameResult = []cmp.Option{
	cmp.Comparer(func(a, b exact.Decimal) bool { return a.String() == b.String() }),
	// A step is compared as a person reads it: its sentence written out.
	cmp.Transformer("step", func(s engine.Step) shownStep {
		return shownStep{s.Ref.String(), s.Clause, engine.Operands(s.Operands), s.Value, explain.Step(s)}
	}),
	cmpopts.IgnoreUnexported(engine.PayResult{}),
	cmpopts.EquateEmpty(),
}

// shownStep is a trace step as a report shows it.
type shownStep struct{ Ref, Clause, Operands, Value, Says string }

// untraced drops what only a traced computation gives: the trace, and the
// items and parts of each scorecard.
func untraced(r engine.Result) engine.Result {
	out := r
	out.Scores = nil
	for _, s := range r.Scores {
		s.Items, s.Parts, s.Trace = nil, nil, nil
		out.Scores = append(out.Scores, s)
	}
	if r.Points != nil {
		p := *r.Points
		p.Trace = nil
		out.Points = &p
	}
	if r.Pay != nil {
		p := *r.Pay
		p.Trace = nil
		out.Pay = &p
	}
	out.Ledger = nil
	for _, e := range r.Ledger {
		e.Trace = nil
		out.Ledger = append(out.Ledger, e)
	}
	out.Standings = nil
	for _, st := range r.Standings {
		st.Trace = nil
		out.Standings = append(out.Standings, st)
	}
	return out
}

// TestEveryPathAgrees: one corpus, every path. Each shipped worked case is
// computed as read from its file (traced), untraced, from its values
// through the inputs layer (inputs.Encode, then a form made of its paths),
// and from a one-row CSV of the same values through Run; every number, and
// every trace where there is one, must agree.
func TestEveryPathAgrees(t *testing.T) {
	h, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("../../testdata/cases/*.toml")
	if len(paths) == 0 {
		t.Fatal("no worked cases")
	}
	viaCSV := 0
	defer func() {
		if viaCSV < len(paths)/2 {
			t.Errorf("only %d of %d worked cases went through CSV", viaCSV, len(paths))
		}
	}()
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".toml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			c, diags := cases.Read(load.File{Path: path, Data: src}, h)
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			traced, err := engine.Compute(h, c.Case)
			if err != nil {
				t.Fatal(err)
			}
			fast := c.Case
			fast.NoTrace = true
			quick, err := engine.Compute(h, fast)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(untraced(traced), untraced(quick), sameResult...); d != "" {
				t.Errorf("untraced differs from traced (-traced +untraced):\n%s", d)
			}

			values := inputs.Encode(c.Case)
			var header, row []string
			for _, v := range values {
				header, row = append(header, v.Path), append(row, v.Text)
			}
			form, problems := inputs.NewForm(h, c.Case.Period, header)
			if len(problems) > 0 {
				t.Fatalf("the case's paths are not a form: %v", problems)
			}
			back, problems := inputs.Decode(form, values)
			if len(problems) > 0 {
				t.Fatalf("the case's values do not decode: %v", problems)
			}
			again, err := engine.Compute(h, *back)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(traced, again, sameResult...); d != "" {
				t.Errorf("through the inputs layer (-file +inputs):\n%s", d)
			}

			var b bytes.Buffer
			w := csv.NewWriter(&b)
			_ = w.Write(header)
			_ = w.Write(row)
			w.Flush()
			rows, errs, err := Run(h, c.Case.Period, "case.csv", &b)
			if err != nil {
				t.Fatal(err)
			}
			if len(errs) > 0 {
				// A payout computes pay: it refuses a case that only
				// scores (a role without pay, a scorecard the plan does not
				// pay by in the period), and nothing else.
				for _, e := range errs {
					if !strings.Contains(e.Reason, "has no pay plan") && !strings.Contains(e.Reason, "does not use scorecard") {
						t.Fatalf("as CSV: %v", errs)
					}
				}
				t.Logf("not a payout: %v", errs)
				return
			}
			viaCSV++
			if d := cmp.Diff(untraced(quick), untraced(rows[0].Result), sameResult...); d != "" {
				t.Errorf("as CSV (-engine +csv):\n%s", d)
			}
		})
	}
}
