package coverage

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/diff"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/edit"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/report"
)

// nudge is one number of a policy file raised by one.
type nudge struct {
	file     int    // index in the files
	ptr      string // the key holding the number
	old, new string // the value's text before and after
	what     string // the number, for messages: path and value
}

// formulaKeys are the keys whose values are formulas: their numbers are
// found inside the text.
var formulaKeys = map[string]bool{"formula": true, "actual": true, "base": true, "target": true, "rate": true,
	"penalty": true, "cap": true, "factor": true, "floating": true, "exempt": true}

// numberInFormula finds the numbers written in a formula (not the digits of
// a name).
var numberInFormula = regexp.MustCompile(`(^|[^A-Za-z0-9_.])([0-9]+(?:\.[0-9]+)?)`)

// plainDecimal is a number written as a TOML string: "8000.00".
var plainDecimal = regexp.MustCompile(`^"-?[0-9]+(\.[0-9]+)?"$`)

// nudges lists every number of the files, each raised by one: integers and
// decimal strings, and the numbers inside formulas. Versions are left out
// (raising one makes a duplicate or a gap, not a rule change).
func nudges(t *testing.T, files []load.File) []nudge {
	var out []nudge
	for fi, f := range files {
		doc, err := load.Parse(f)
		if err != nil {
			t.Fatal(err)
		}
		ed, err := edit.New(f.Data)
		if err != nil {
			t.Fatal(err)
		}
		var walk func(ptr, key string, v any)
		walk = func(ptr, key string, v any) {
			switch v := v.(type) {
			case map[string]any:
				for _, k := range slices.Sorted(maps.Keys(v)) {
					walk(ptr+"/"+k, k, v[k])
				}
			case []map[string]any:
				for i, m := range v {
					walk(fmt.Sprintf("%s/%d", ptr, i), key, m)
				}
			case []any:
				for i, x := range v {
					walk(fmt.Sprintf("%s/%d", ptr, i), key, x)
				}
			case int64:
				if ptr != "/version" {
					out = append(out, nudge{fi, ptr, strconv.FormatInt(v, 10), strconv.FormatInt(v+1, 10), f.Path + " " + ptr + " = " + strconv.FormatInt(v, 10)})
				}
			case string:
				raw, err := ed.Value(ptr)
				if err != nil {
					return // a key inside a multi-line array the editor cannot place: none in policies
				}
				if plainDecimal.MatchString(raw) {
					x := exact.MustParse(strings.Trim(raw, `"`))
					scale := len(raw) - 2 - strings.IndexByte(raw[1:len(raw)-1]+".", '.') - 1
					y := x.Add(exact.FromInt(1)).Round(int32(max(scale, 0)), exact.HalfUp)
					out = append(out, nudge{fi, ptr, raw, `"` + y.String() + `"`, f.Path + " " + ptr + " = " + raw})
					return
				}
				if !formulaKeys[key] {
					return
				}
				for _, m := range numberInFormula.FindAllStringSubmatchIndex(raw, -1) {
					s, e := m[4], m[5]
					n := raw[s:e]
					x := exact.MustParse(n)
					scale := 0
					if i := strings.IndexByte(n, '.'); i >= 0 {
						scale = len(n) - i - 1
					}
					y := x.Add(exact.FromInt(1)).Round(int32(scale), exact.HalfUp)
					out = append(out, nudge{fi, ptr, raw, raw[:s] + y.String() + raw[e:], fmt.Sprintf("%s %s: %s in %s", f.Path, ptr, n, raw)})
				}
			}
		}
		walk("", "", doc.Data)
	}
	return out
}

// goldenOutputs computes what the goldens of the shipped policies hold: the
// report of every worked case and the boundary probes.
func goldenOutputs(t *testing.T, h *policy.Handbook, caseFiles []load.File) string {
	var b bytes.Buffer
	for _, f := range caseFiles {
		c, diags := cases.Read(f, h)
		if len(diags) > 0 {
			fmt.Fprintf(&b, "%s: %v\n", f.Path, diags)
			continue
		}
		r, err := engine.Compute(h, c.Case)
		if err != nil {
			fmt.Fprintf(&b, "%s: %v\n", f.Path, err)
			continue
		}
		report.Text(&b, c.Title, r)
	}
	WriteProbes(&b, Boundaries(h))
	return b.String()
}

// TestEveryPayNumberIsPinned raises every number of the shipped policies by
// one, in turn, and checks that go test would fail: the policies no longer
// validate, or a golden (a worked case's report, the boundary probes)
// changes. A number whose nudge passes both is a failure when it moves pay
// (the synthetic population of handbook diff, settled in the month its
// version starts, its quarter and year, is paid differently): some rule that
// pays is exercised by no case and no probe. A number that moves no pay (a
// KPI target in a role's description, a text rule's figure) is logged.
func TestEveryPayNumberIsPinned(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the sweep reloads the policies once per number")
	}
	files, err := load.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	h0, diags := load.Load(files)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	paths, _ := filepath.Glob("../../testdata/cases/*.toml")
	var caseFiles []load.File
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		caseFiles = append(caseFiles, load.File{Path: "testdata/cases/" + filepath.Base(p), Data: b})
	}
	base := goldenOutputs(t, h0, caseFiles)
	ns := nudges(t, files)
	type verdict struct {
		n             nudge
		invalid, gold bool
		moves         string // how the population's pay moved, for a silent nudge
	}
	verdicts := make([]verdict, len(ns))
	start := time.Now()
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				n := ns[i]
				v := verdict{n: n}
				mutated := slices.Clone(files)
				ed, err := edit.New(files[n.file].Data)
				if err == nil {
					err = ed.Set(n.ptr, n.new)
				}
				if err != nil {
					v.invalid = true // not even TOML
					verdicts[i] = v
					continue
				}
				mutated[n.file].Data = ed.Bytes()
				h, diags := load.Load(mutated)
				switch {
				case len(diags) > 0:
					v.invalid = true
				case goldenOutputs(t, h, caseFiles) != base:
					v.gold = true
				default:
					v.moves = movesPay(h0, h, files[n.file])
				}
				verdicts[i] = v
			}
		}()
	}
	for i := range ns {
		next <- i
	}
	close(next)
	wg.Wait()
	invalid, gold, neutral := 0, 0, 0
	var quiet []string
	for _, v := range verdicts {
		switch {
		case v.invalid:
			invalid++
		case v.gold:
			gold++
		case v.moves != "":
			t.Errorf("%s, raised by one, passes validation and changes no golden, yet %s: add a worked case under testdata/cases (or a boundary probe) that exercises it", v.n.what, v.moves)
		default:
			neutral++
			quiet = append(quiet, v.n.what)
		}
	}
	t.Logf("%d numbers raised by one in %s: %d refused by validation, %d change a golden, %d move no pay:\n  %s",
		len(ns), time.Since(start).Round(time.Millisecond), invalid, gold, neutral, strings.Join(quiet, "\n  "))
}

// movesPay says how pay moves from h0 to h for the synthetic population
// settled in the month the changed file's version starts (and its quarter
// and year), or "" when nobody's pay moves.
func movesPay(h0, h *policy.Handbook, f load.File) string {
	doc, err := load.Parse(f)
	if err != nil {
		return ""
	}
	from, _ := doc.Data["effective_from"].(time.Time)
	month := engine.Period{Kind: "monthly", Year: from.Year(), Month: int(from.Month())}
	r, err := diff.Compare(diff.Options{Old: h0, New: h, Month: month, People: diff.MinPeople, Seed: 1})
	if err != nil || !r.Changed() {
		return ""
	}
	var moved []string
	for _, rd := range r.Roles {
		if rd.Up+rd.Down+rd.Error > 0 {
			moved = append(moved, fmt.Sprintf("%s: %d up, %d down, %d cannot be computed", rd.Role, rd.Up, rd.Down, rd.Error))
		}
	}
	return fmt.Sprintf("pay moves for the population of %s (%s)", month, strings.Join(moved, "; "))
}
