package cli

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kefu-hr/handbook/generator/internal/edit"
	"github.com/kefu-hr/handbook/generator/load"
)

// vSuffix is the version part of a policy file's name: .v2 in pay.v2.toml.
var vSuffix = regexp.MustCompile(`\.v[0-9]+$`)

// newVersion writes the next version of a policy beside its file and ends
// the file's version the day before: the way to change a rule from a date
// without touching the periods before it.
func newVersion(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new-version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fromFlag := fs.String("from", "", "the day the new version takes effect, YYYY-MM-DD (default: the first day of next month)")
	todayFlag := fs.String("today", "", "today, YYYY-MM-DD (default: the clock's)")
	if err := parse(fs, args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		printf(stderr, "usage: handbook new-version [--from YYYY-MM-DD] [--today YYYY-MM-DD] FILE\n")
		return 2
	}
	fail := func(format string, a ...any) int {
		printf(stderr, "handbook new-version: %s\n", text(format, a...))
		return 2
	}
	today, err := parseToday(*todayFlag)
	if err != nil {
		return fail("%v", err)
	}
	from := time.Date(today.Year(), today.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	if *fromFlag != "" {
		if from, err = time.Parse("2006-01-02", *fromFlag); err != nil {
			return fail("--from %q: want a day, YYYY-MM-DD", *fromFlag)
		}
	}
	if !from.After(today) {
		return fail("--from %s is not after today (%s): a new version changes the future only; to change a rule for periods already started, edit the version and record a [[correction]] (date, reason, approved_by)", from.Format("2006-01-02"), today.Format("2006-01-02"))
	}
	path := fs.Arg(0)
	src, err := os.ReadFile(path)
	if err != nil {
		return fail("%v", err)
	}
	doc, err := load.Parse(load.File{Path: path, Data: src})
	if err != nil {
		return fail("%v", err)
	}
	if doc.Kind == "" {
		return fail("%s: the first line names no policy schema: not a policy file", path)
	}
	id, _ := doc.Data["id"].(string)
	num, _ := doc.Data["version"].(int64)
	if latest, file := latestVersion(path, doc); latest > num {
		return fail("%s is version %d of %q, but version %d exists (%s): make the next version from the latest", path, num, id, latest, file)
	}
	next, old, err := edit.NextVersion(src, from)
	if err != nil {
		return fail("%s: %v", path, err)
	}
	base := vSuffix.ReplaceAllString(strings.TrimSuffix(path, ".toml"), "")
	target := base + ".v" + strconv.FormatInt(num+1, 10) + ".toml"
	if _, err := os.Stat(target); err == nil {
		return fail("%s exists: nothing written (a version file is never overwritten)", target)
	}
	if err := writeFile(target, next, false); err != nil {
		return fail("%v", err)
	}
	if err := writeFile(path, old, true); err != nil {
		os.Remove(target)
		return fail("%v", err)
	}
	printf(stdout, "wrote %s: version %d of %s %q from %s\nended version %d in %s on %s\nnext: edit %s, then run handbook validate\n",
		target, num+1, noun(doc.Kind), id, from.Format("2006-01-02"), num, path, from.AddDate(0, 0, -1).Format("2006-01-02"), target)
	return 0
}

// latestVersion returns the highest version of the policy of doc among the
// .toml files in its directory, and the file holding it.
func latestVersion(path string, doc *load.Document) (int64, string) {
	id, _ := doc.Data["id"].(string)
	best, file := int64(0), path
	paths, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.toml"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		d, err := load.Parse(load.File{Path: p, Data: b})
		if err != nil || d.Kind != doc.Kind {
			continue
		}
		if other, _ := d.Data["id"].(string); other != id {
			continue
		}
		if v, _ := d.Data["version"].(int64); v > best {
			best, file = v, p
		}
	}
	return best, file
}
