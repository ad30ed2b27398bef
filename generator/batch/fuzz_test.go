package batch

import (
	"errors"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
)

// FuzzRun feeds Run any file: it never panics, and every row it returns is
// either computed or carries its error, with an error report at its line
// (nothing passes silently). A header it cannot use is a *HeaderError.
func FuzzRun(f *testing.F) {
	h := fixture.Handbook(f)
	per, _ := engine.ParsePeriod("2026-10")
	f.Add(directorHead + "\n王敏," + director + "\n")
	f.Add(directorHead + "\n\"张三," + director + "\n赵六," + director + "\n")
	f.Add("\ufeff\"person\",\"role\",pay.collections\r\n周航,dakehu-jingli,1e3\r\n\r\n,,\r\n")
	f.Add("person,role,red_lines,points.ladder.jiechuliang,scorecard.dakehu-staff.knowledge\na,kefu-daibiao,a||b,2:62:met=3+x,none\n")
	f.Add("person,role,\n\"a\nb\",kefu-zongjian,x\nc\"d,e\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, errs, err := Run(h, per, "f.csv", strings.NewReader(in))
		var herr *HeaderError
		if err != nil {
			if !errors.As(err, &herr) || len(herr.Problems) == 0 {
				t.Fatalf("error %v, want a *HeaderError with problems", err)
			}
			return
		}
		bad := map[int]bool{}
		for _, e := range errs {
			bad[e.Row] = true
		}
		for i, r := range rows {
			switch {
			case r.Err == "" && r.Result.Pay == nil:
				t.Fatalf("row %d: neither computed nor an error: %+v", i, r)
			case r.Err != "" && r.Result.Pay != nil:
				t.Fatalf("row %d: computed and an error: %q", i, r.Err)
			}
		}
		if n := countErr(rows); n > 0 && len(bad) == 0 {
			t.Fatalf("%d rows with errors, none reported", n)
		}
	})
}

func countErr(rows []Row) int {
	n := 0
	for _, r := range rows {
		if r.Err != "" {
			n++
		}
	}
	return n
}
