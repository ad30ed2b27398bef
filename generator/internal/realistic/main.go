package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/kefu-hr/handbook/generator/cli"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/edit"
	"github.com/kefu-hr/handbook/generator/load"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("realistic", flag.ContinueOnError)
	fs.SetOutput(stderr)
	todayFlag := fs.String("today", "", "today, YYYY-MM-DD (default: the clock's)")
	noCorrection := fs.Bool("no-correction", false, "edit a version in effect without recording a [[correction]] (which validate --against refuses)")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: realistic [--today DATE] [--no-correction] share|tier|kband|rate|version")
		return 2
	}
	today := civil(time.Now())
	if *todayFlag != "" {
		t, err := time.Parse(time.DateOnly, *todayFlag)
		if err != nil {
			fmt.Fprintf(stderr, "realistic: --today %q: want YYYY-MM-DD\n", *todayFlag)
			return 2
		}
		today = t
	}
	root, ok := load.FindRoot(".")
	if !ok {
		fmt.Fprintln(stderr, "realistic: not in a checkout (no policies and roles directories)")
		return 2
	}
	msg, err := Apply(root, fs.Arg(0), today, !*noCorrection)
	if err != nil {
		fmt.Fprintf(stderr, "realistic: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, msg)
	return 0
}

// Apply makes the edit named kind to the checkout at root and returns what it
// changed. With correct, an edit of a version already in effect records a
// [[correction]].
func Apply(root, kind string, today time.Time, correction bool) (string, error) {
	files, err := load.RootFiles(root)
	if err != nil {
		return "", err
	}
	var try func(f load.File, doc map[string]any) (*change, error)
	switch kind {
	case "share":
		try = shareEdit
	case "tier":
		try = tierEdit
	case "kband":
		try = kbandEdit
	case "rate", "version":
		try = rateEdit
	default:
		return "", fmt.Errorf("unknown edit %q", kind)
	}
	var tried []string
	for i, f := range files {
		doc := map[string]any{}
		if _, err := toml.Decode(string(f.Data), &doc); err != nil || !inEffect(doc, today) {
			continue
		}
		if kind == "version" && !latest(files, doc) {
			continue
		}
		c, err := try(f, doc)
		if err != nil || c == nil {
			continue
		}
		if kind == "version" {
			msg, err := newVersion(root, files, f, c, today)
			if err != nil {
				tried = append(tried, fmt.Sprintf("%s: %v", f.Path, err))
				continue
			}
			return msg, nil
		}
		data := c.file.Bytes()
		if correction && !civil(date(doc["effective_from"])).After(today) {
			data = correct(data, today, c.what)
		}
		edited := append([]load.File(nil), files...)
		edited[i] = load.File{Path: f.Path, Data: data}
		if _, diags := load.Load(edited); len(diags) > 0 {
			tried = append(tried, fmt.Sprintf("%s: %s", f.Path, diags[0].Message))
			continue
		}
		if err := os.WriteFile(filepath.Join(root, f.Path), data, 0o644); err != nil {
			return "", err
		}
		return fmt.Sprintf("%s: %s", f.Path, c.what), nil
	}
	if len(tried) > 0 {
		return "", fmt.Errorf("no policy in effect on %s takes the %s edit and stays valid:\n  %s", today.Format(time.DateOnly), kind, strings.Join(tried, "\n  "))
	}
	return "", fmt.Errorf("no policy in effect on %s can take the %s edit", today.Format(time.DateOnly), kind)
}

// change is an edit made to one file's text.
type change struct {
	file *edit.File
	what string // old → new, for people
}

// shareEdit moves 5 points of share from a scorecard's first part to its
// second.
func shareEdit(f load.File, doc map[string]any) (*change, error) {
	parts := load.Tables(doc["part"])
	if len(parts) < 2 || !strings.HasPrefix(f.Path, "policies/scorecards/") {
		return nil, nil
	}
	a, aok := parts[0]["share"].(int64)
	b, bok := parts[1]["share"].(int64)
	if !aok || !bok || a <= 5 {
		return nil, nil
	}
	e, err := edit.New(f.Data)
	if err != nil {
		return nil, err
	}
	if err := e.Set("/part/0/share", strconv.FormatInt(a-5, 10)); err != nil {
		return nil, err
	}
	if err := e.Set("/part/1/share", strconv.FormatInt(b+5, 10)); err != nil {
		return nil, err
	}
	return &change{e, fmt.Sprintf("part %q share %d → %d, part %q share %d → %d", parts[0]["id"], a, a-5, parts[1]["id"], b, b+5)}, nil
}

// tierEdit splits the first bounded tier of a scorecard item at its
// midpoint: the upper half keeps the tier's points, the lower half gets the
// whole points halfway to the next worse tier (rounded down).
func tierEdit(f load.File, doc map[string]any) (*change, error) {
	parts := load.Tables(doc["part"])
	for pi, p := range parts {
		items := load.Tables(p["item"])
		for ii, it := range items {
			tiers := load.Tables(it["tiers"])
			for ti := 0; ti+1 < len(tiers); ti++ {
				t := tiers[ti]
				minS, ok1 := t["min"].(string)
				belowS, ok2 := t["below"].(string)
				pts, ok3 := t["points"].(int64)
				next, ok4 := tiers[ti+1]["points"].(int64)
				if !ok1 || !ok2 || !ok3 || !ok4 {
					continue
				}
				lo, err1 := exact.Parse(minS)
				hi, err2 := exact.Parse(belowS)
				if err1 != nil || err2 != nil {
					continue
				}
				mid := lo.Add(hi).Mul(exact.MustParse("0.5"))
				lower := (pts + next) / 2
				upper := clone(t)
				upper["min"] = mid.String()
				split := clone(t)
				split["below"] = mid.String()
				split["points"] = lower
				out := append(append(append([]map[string]any{}, tiers[:ti]...), upper, split), tiers[ti+1:]...)
				e, err := edit.New(f.Data)
				if err != nil {
					return nil, err
				}
				ptr := fmt.Sprintf("/part/%d/item/%d/tiers", pi, ii)
				if err := e.Set(ptr, renderTiers(out, indentOf(f.Data, e, ptr))); err != nil {
					return nil, err
				}
				return &change{e, fmt.Sprintf("item %q: tier [%s, %s) %d points split at %s: [%s, %s) %d points, [%s, %s) %d points", it["id"], minS, belowS, pts, mid, mid, belowS, pts, minS, mid, lower)}, nil
			}
		}
	}
	return nil, nil
}

// kbandEdit raises the best row of a coefficient table by 0.1.
func kbandEdit(f load.File, doc map[string]any) (*change, error) {
	rows := load.Tables(doc["rows"])
	if doc["output"] != "coefficient" || len(rows) == 0 {
		return nil, nil
	}
	v, ok := rows[0]["value"].(string)
	if !ok {
		return nil, nil
	}
	d, err := exact.Parse(v)
	if err != nil {
		return nil, err
	}
	nv := d.Add(exact.MustParse("0.1")).String()
	e, err := edit.New(f.Data)
	if err != nil {
		return nil, err
	}
	if err := e.Set("/rows/0/value", strconv.Quote(nv)); err != nil {
		return nil, err
	}
	return &change{e, fmt.Sprintf("best band (from %v) K %s → %s", rows[0]["min"], v, nv)}, nil
}

// rateEdit raises a pay plan's first percent parameter by one point.
func rateEdit(f load.File, doc map[string]any) (*change, error) {
	params := load.Tables(doc["param"])
	if !strings.HasPrefix(f.Path, "policies/pay/") {
		return nil, nil
	}
	for i, p := range params {
		v, ok := p["value"].(string)
		if p["kind"] != "percent" || !ok {
			continue
		}
		d, err := exact.Parse(v)
		if err != nil {
			continue
		}
		nv := d.Add(exact.FromInt(1)).String()
		e, err := edit.New(f.Data)
		if err != nil {
			return nil, err
		}
		if err := e.Set(fmt.Sprintf("/param/%d/value", i), strconv.Quote(nv)); err != nil {
			return nil, err
		}
		return &change{e, fmt.Sprintf("param %q %s%% → %s%%", p["name"], v, nv)}, nil
	}
	return nil, nil
}

// newVersion writes the next version of f with handbook new-version (from
// the first day of next month) and makes the change c in it.
func newVersion(root string, files []load.File, f load.File, c *change, today time.Time) (string, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	if err := os.Chdir(root); err != nil {
		return "", err
	}
	defer os.Chdir(cwd)
	var out, errOut bytes.Buffer
	if code := cli.Run([]string{"new-version", "--today", today.Format(time.DateOnly), f.Path}, &out, &errOut); code != 0 {
		return "", errors.New(strings.TrimSpace(errOut.String()))
	}
	after, err := load.RootFiles(root)
	if err != nil {
		return "", err
	}
	seen := map[string]bool{}
	for _, g := range files {
		seen[g.Path] = true
	}
	for _, g := range after {
		if seen[g.Path] {
			continue
		}
		// The new file: make the change in it as well.
		doc := map[string]any{}
		if _, err := toml.Decode(string(g.Data), &doc); err != nil {
			return "", err
		}
		c2, err := rateEdit(g, doc)
		if err != nil || c2 == nil {
			return "", fmt.Errorf("the new version %s has no parameter to change", g.Path)
		}
		data := c2.file.Bytes()
		if err := os.WriteFile(filepath.Join(root, g.Path), data, 0o644); err != nil {
			return "", err
		}
		return fmt.Sprintf("%s%s: new version from %v, %s", strings.TrimSpace(out.String())+"\n", g.Path, date(doc["effective_from"]).Format(time.DateOnly), c2.what), nil
	}
	return "", errors.New("new-version wrote no file")
}

// correct appends a [[correction]] dated today to a policy file.
func correct(data []byte, today time.Time, what string) []byte {
	var b bytes.Buffer
	b.Write(bytes.TrimRight(data, "\n"))
	fmt.Fprintf(&b, "\n\n[[correction]]\ndate = %s\nreason = %s\napproved_by = \"HR（CI 演练）\"\n",
		today.Format(time.DateOnly), strconv.Quote("CI 演练：对已生效版本的更正（"+what+"）"))
	return b.Bytes()
}

// inEffect reports whether the version in doc is in effect on day.
func inEffect(doc map[string]any, day time.Time) bool {
	from := date(doc["effective_from"])
	if from.IsZero() || civil(from).After(day) {
		return false
	}
	until := date(doc["effective_until"])
	return until.IsZero() || !civil(until).Before(day)
}

// latest reports whether doc is the last version of its policy.
func latest(files []load.File, doc map[string]any) bool {
	v, _ := doc["version"].(int64)
	for _, f := range files {
		other := map[string]any{}
		if _, err := toml.Decode(string(f.Data), &other); err != nil {
			continue
		}
		if ov, _ := other["version"].(int64); other["id"] == doc["id"] && ov > v {
			return false
		}
	}
	return true
}

// date reads a TOML local date.
func date(v any) time.Time {
	t, _ := v.(time.Time)
	return t
}

// civil drops the clock and the zone of t.
func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// renderTiers writes tiers as a TOML array of inline tables, one per line:
// min, below and points first, then any other key in name order.
func renderTiers(tiers []map[string]any, indent string) string {
	var b strings.Builder
	b.WriteString("[\n")
	for _, t := range tiers {
		var keys []string
		for k := range t {
			if k != "min" && k != "below" && k != "points" {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		keys = append([]string{"min", "below", "points"}, keys...)
		var kv []string
		for _, k := range keys {
			v, ok := t[k]
			if !ok {
				continue
			}
			switch v := v.(type) {
			case string:
				kv = append(kv, fmt.Sprintf("%s = %s", k, strconv.Quote(v)))
			default:
				kv = append(kv, fmt.Sprintf("%s = %v", k, v))
			}
		}
		fmt.Fprintf(&b, "%s  { %s },\n", indent, strings.Join(kv, ", "))
	}
	b.WriteString(indent + "]")
	return b.String()
}

// indentOf returns the indentation of the line that holds the key at ptr.
func indentOf(src []byte, e *edit.File, ptr string) string {
	v, err := e.Value(ptr)
	if err != nil {
		return ""
	}
	i := bytes.Index(src, []byte(v))
	if i < 0 {
		return ""
	}
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	j := start
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	return string(src[start:j])
}
