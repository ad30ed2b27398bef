package load

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/kefu-hr/handbook/generator/compile"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/internal/tomlpos"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/schema"
	"github.com/kefu-hr/handbook/generator/source"
)

// unit is one file on its way through the pipeline.
type unit struct {
	file File
	kind policy.Kind
	ix   *tomlpos.Index
	pol  source.Policy // as decoded; never modified
	// floats holds the pointers of the values written as TOML floats,
	// already reported: the schema's complaints about them are not repeated.
	floats map[string]bool
}

// pos returns the position of the key at ptr.
func (u *unit) pos(ptr string) diag.Pos {
	p := u.ix.Key(ptr)
	return diag.Pos{File: u.file.Path, Line: p.Line, Col: p.Col}
}

// vpos returns the position of the value at ptr.
func (u *unit) vpos(ptr string) diag.Pos {
	p := u.ix.Value(ptr)
	return diag.Pos{File: u.file.Path, Line: p.Line, Col: p.Col}
}

// written returns the text of the scalar value at ptr as written in the
// file (1.0, 8e6), or "" when it cannot be found.
func (u *unit) written(ptr string) string {
	vp := u.vpos(ptr)
	lines := strings.Split(string(u.file.Data), "\n")
	if vp.Line < 1 || vp.Line > len(lines) {
		return ""
	}
	rest := []rune(strings.TrimRight(lines[vp.Line-1], "\r"))
	if vp.Col < 1 || vp.Col > len(rest) {
		return ""
	}
	rest = rest[vp.Col-1:]
	end := strings.IndexAny(string(rest), " \t,]}#")
	if end < 0 {
		return string(rest)
	}
	return string(rest)[:end]
}

// loader collects the diagnostics of one Load.
type loader struct {
	diags  diag.List
	schema *schema.Set
	units  []*unit
	// broken holds the ids of files that could not be decoded, by kind, so
	// that references to them are not reported as unknown as well.
	broken map[policy.Kind]map[string]bool
}

// errf reports a problem at the key ptr of u.
func (l *loader) errf(u *unit, ptr, format string, args ...any) {
	l.diags.AddText(u.pos(ptr), tomlpos.KeyPath(ptr), zh.Sprintf(format, args...))
}

// verrf reports a problem at the value ptr of u.
func (l *loader) verrf(u *unit, ptr, format string, args ...any) {
	l.diags.AddText(u.vpos(ptr), tomlpos.KeyPath(ptr), zh.Sprintf(format, args...))
}

// addf reports a problem at pos, its message in English and Chinese.
func (l *loader) addf(pos diag.Pos, key, format string, args ...any) {
	l.diags.AddText(pos, key, zh.Sprintf(format, args...))
}

// Load checks files and returns the handbook they make, or every problem
// found, sorted by position. The handbook is nil when there is any problem.
func Load(files []File) (*policy.Handbook, diag.List) { return (*Cache)(nil).Load(files) }

// Cache keeps what loading learnt of each file on its own (decoded,
// checked against its schema, its positions indexed, its problems), by path
// and content, so that loading again after one file changed decodes and
// checks only that file; the whole handbook is compiled again every time,
// since a change in one file can break another. handbook serve keeps one.
// A Cache is safe for one Load at a time; the zero value is ready to use.
type Cache struct {
	mu    sync.Mutex
	files map[string]cachedFile
}

// cachedFile is what one file gave, and the content it gave it for.
type cachedFile struct {
	data []byte
	l    *loader
	u    *unit
}

// file loads one file, or gives what the cache holds for the same path and
// content.
func (c *Cache) file(f File) (*loader, *unit) {
	if c != nil {
		c.mu.Lock()
		hit, ok := c.files[f.Path]
		c.mu.Unlock()
		if ok && bytes.Equal(hit.data, f.Data) {
			return hit.l, hit.u
		}
	}
	l := &loader{broken: map[policy.Kind]map[string]bool{}}
	u := l.file(f)
	if c != nil {
		c.mu.Lock()
		if c.files == nil {
			c.files = map[string]cachedFile{}
		}
		c.files[f.Path] = cachedFile{bytes.Clone(f.Data), l, u}
		c.mu.Unlock()
	}
	return l, u
}

// Load is Load with the cache's per-file results: the same handbook, or
// the same problems, as Load gives for the same files.
func (c *Cache) Load(files []File) (*policy.Handbook, diag.List) {
	// Compiling the schemas takes about as long as decoding the shipped
	// files: start it now, and let each file wait for it only at stage 4.
	go schema.Load()
	l := &loader{broken: map[policy.Kind]map[string]bool{}}
	// Stages 1–5 are independent per file: run them on every core, each file
	// with its own loader, then merge in file order so results never depend
	// on scheduling.
	each := make([]*loader, len(files))
	units := make([]*unit, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				each[i], units[i] = c.file(files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, fl := range each {
		l.diags = append(l.diags, fl.diags...)
		for k, ids := range fl.broken {
			for id := range ids {
				l.markBroken(k, id)
			}
		}
		if units[i] != nil {
			l.units = append(l.units, units[i])
		}
	}
	// Stage 6: compile (semantic checks and linking, pure), then map each
	// problem's pointer to its position.
	byFile := make(map[string]*unit, len(l.units))
	docs := make([]source.Doc, len(l.units))
	for i, u := range l.units {
		byFile[u.file.Path] = u
		docs[i] = source.Doc{Kind: u.kind, File: u.file.Path, Policy: u.pol}
	}
	h, problems := compile.Compile(docs, l.broken)
	at := places(byFile)
	for _, p := range problems {
		u := byFile[p.File]
		var pos diag.Pos
		switch {
		case u == nil:
			pos = diag.Pos{File: p.File, Line: 1, Col: 1}
		case p.Formula != nil:
			pos = formulaPos(u, p.Ptr, p.Formula.Src, p.Formula.Off)
		case p.Value:
			pos = u.vpos(p.Ptr)
		default:
			pos = u.pos(p.Ptr)
		}
		l.diags.AddText(pos, tomlpos.KeyPath(p.Ptr), diag.Text{En: p.Text(at), Zh: p.In(diag.Chinese, at)})
	}
	l.diags.Sort()
	if len(l.diags) > 0 {
		return nil, l.diags
	}
	return h, nil
}

// places resolves the places compile's messages refer to, by position.
type places map[string]*unit

func (m places) Pos(file, ptr string) string {
	if u := m[file]; u != nil {
		return u.pos(ptr).String()
	}
	return file
}

func (m places) Line(file, ptr string) string {
	if u := m[file]; u != nil {
		return strconv.Itoa(u.pos(ptr).Line)
	}
	return "?"
}

var schemaLine = regexp.MustCompile(`^#:schema\s+(\S+)\s*$`)

// file runs stages 1–5 on one file. It returns nil when the file cannot be
// checked further.
func (l *loader) file(f File) *unit {
	at := func(line, col int) diag.Pos { return diag.Pos{File: f.Path, Line: line, Col: col} }
	if !utf8.Valid(f.Data) {
		l.addf(at(1, 1), "", "file is not UTF-8 text")
		return nil
	}
	src := string(bytes.TrimPrefix(f.Data, []byte("\ufeff")))

	// Stage 1: the schema directive gives the kind.
	first, _, _ := strings.Cut(src, "\n")
	m := schemaLine.FindStringSubmatch(strings.TrimRight(first, "\r"))
	if m == nil {
		l.addf(at(1, 1), "", "first line must name the schema, e.g. #:schema ../generator/schema/role.schema.json")
		l.markBrokenAnyKind(src)
		return nil
	}
	kind, ok := schema.KindOf(m[1])
	if !ok {
		l.markBrokenAnyKind(src)
		var names []string
		for _, k := range policy.Kinds {
			names = append(names, schema.FileName(k))
		}
		l.addf(at(1, 10), "", "unknown schema %q: want one of %s", m[1], strings.Join(names, ", "))
		return nil
	}
	// The kind is known: a directive that does not resolve is reported, and
	// the file is checked all the same.
	if msg := schemaProblem(f, m[1]); msg.En != "" {
		l.diags.AddText(at(1, directiveCol(first, m[1])), "", msg)
	}

	// Stage 2: strict decoding.
	pick := func(set *schema.Set) *jsonschema.Schema { return set.Schemas[kind] }
	var doc map[string]any
	if _, err := toml.Decode(src, &doc); err != nil {
		l.syntaxError(f, src, err)
		l.afterSyntaxError(f, src, err, pick)
		if m := idLine.FindStringSubmatch(src); m != nil {
			l.markBroken(kind, m[1])
		}
		return nil
	}
	if id, ok := doc["id"].(string); ok {
		// Until the file passes, references to it are not reported.
		l.markBroken(kind, id)
	}

	// Stages 3 and 4.
	u, ok := l.validate(f, src, doc, pick)
	if !ok {
		return nil
	}
	u.kind = kind

	// Stage 5: typed decoding. The schema has accepted the shape, so an error
	// or an undecoded key here means schema and types disagree.
	pol := source.Empty(kind) // kind is one of source.Kinds: schema.KindOf gave it
	md, err := toml.Decode(src, pol)
	if err != nil {
		// The schema types a date as a string of the form 2026-01-01 (TOML
		// dates are normalised so): a date written in quotes passes it and
		// fails here.
		var pe toml.ParseError
		if errors.As(err, &pe) {
			if m := quotedDate.FindStringSubmatch(pe.Message); m != nil {
				l.addf(posOf(f.Path, src, pe.Position.Start), tomlpos.KeyPath(lastKeyPtr(pe.LastKey)), "%q is a string, not a date: write the date without quotes, %s", m[1], m[1])
				return nil
			}
		}
		l.addf(at(1, 1), "", "internal: %v", err)
		return nil
	}
	if und := md.Undecoded(); len(und) > 0 {
		for _, k := range und {
			ptr := "/" + strings.Join(escapeAll(k), "/")
			l.errf(u, ptr, "internal: key %q is allowed by the schema but not read by the loader", k.String())
		}
		return nil
	}
	h := pol.Head()
	u.pol = pol
	delete(l.broken[kind], h.ID)
	return u
}

// validate runs stage 3 (positions) and stage 4 (normalisation and the
// schema that pick chooses) on a decoded document.
func (l *loader) validate(f File, src string, doc map[string]any, pick func(*schema.Set) *jsonschema.Schema) (*unit, bool) {
	at := diag.Pos{File: f.Path, Line: 1, Col: 1}
	ix, err := tomlpos.New([]byte(src))
	if err != nil {
		l.addf(at, "", "TOML syntax: %v", err)
		return nil, false
	}
	u := &unit{file: f, ix: ix}
	norm, ok := l.normalise(u, "", doc)
	if !ok {
		return nil, false
	}
	// A float was reported by normalise; the schema still runs, so that
	// every other problem of the file is reported with it.
	floats := len(u.floats) > 0
	set, err := schema.Load()
	if err != nil {
		// The schemas are embedded and tested; this is a build defect.
		l.addf(at, "", "internal: schemas: %v", err)
		return nil, false
	}
	l.schema = set
	if err := pick(set).Validate(norm); err != nil {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			l.addf(at, "", "schema: %v", err)
			return nil, false
		}
		l.schemaErrors(u, norm, ve)
		return nil, false
	}
	return u, !floats
}

// directiveCol returns the column of target in the #:schema line.
func directiveCol(line, target string) int {
	i := strings.Index(line, target)
	if i < 0 {
		return 1
	}
	return diag.ColumnOf([]byte(line), i)
}

// Document is a TOML file that passed its schema, with the positions of its
// keys, for callers that convert it themselves (worked cases).
type Document struct {
	File File
	Kind policy.Kind    // set by Parse
	Data map[string]any // as decoded: int64, string, bool, []map[string]any …
	ix   *tomlpos.Index
}

// ValuePos returns the position of the value at a JSON pointer.
func (d *Document) ValuePos(ptr string) diag.Pos {
	p := d.ix.Value(ptr)
	return diag.Pos{File: d.File.Path, Line: p.Line, Col: p.Col}
}

// DecodeCase decodes a worked case (testdata/cases/*.toml) and checks it
// against the case schema, reporting every problem at its position. Its
// #:schema line is checked by CaseDirective, not here: calc computes a case
// wherever it was written.
func DecodeCase(f File) (*Document, diag.List) {
	l := &loader{broken: map[policy.Kind]map[string]bool{}}
	src := string(bytes.TrimPrefix(f.Data, []byte("\ufeff")))
	pick := func(set *schema.Set) *jsonschema.Schema { return set.Case }
	var doc map[string]any
	if _, err := toml.Decode(src, &doc); err != nil {
		l.syntaxError(f, src, err)
		l.afterSyntaxError(f, src, err, pick)
		l.diags.Sort()
		return nil, l.diags
	}
	u, ok := l.validate(f, src, doc, pick)
	if !ok {
		l.diags.Sort()
		return nil, l.diags
	}
	return &Document{File: f, Data: doc, ix: u.ix}, nil
}

// IsCase reports whether a file's first line names the schema of worked
// cases (#:schema …/case.schema.json).
func IsCase(f File) bool {
	first, _, _ := strings.Cut(string(bytes.TrimPrefix(f.Data, []byte("\ufeff"))), "\n")
	m := schemaLine.FindStringSubmatch(strings.TrimRight(first, "\r"))
	return m != nil && path.Base(m[1]) == schema.CaseFile
}

// CaseDirective checks the #:schema line of a worked case, which is
// optional (a case written for calc may have none): when there is one, it
// must name the case schema and resolve from the file as a policy's must.
func CaseDirective(f File) diag.List {
	var diags diag.List
	first, _, _ := strings.Cut(string(bytes.TrimPrefix(f.Data, []byte("\ufeff"))), "\n")
	first = strings.TrimRight(first, "\r")
	m := schemaLine.FindStringSubmatch(first)
	if m == nil {
		return nil
	}
	at := diag.Pos{File: f.Path, Line: 1, Col: directiveCol(first, m[1])}
	if path.Base(m[1]) != schema.CaseFile {
		diags.AddText(at, "", zh.Sprintf("a worked case names the case schema, %s, not %s", schema.CaseFile, path.Base(m[1])))
	} else if msg := schemaProblem(f, m[1]); msg.En != "" {
		diags.AddText(at, "", msg)
	}
	return diags
}

// Parse decodes a policy file as TOML, without checking it, for callers that
// compare files as written (the retroactive-edit check). The kind comes from
// the #:schema line; it is "" when the line names no known schema.
func Parse(f File) (*Document, error) {
	src := string(bytes.TrimPrefix(f.Data, []byte("\ufeff")))
	var doc map[string]any
	if _, err := toml.Decode(src, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	ix, err := tomlpos.New([]byte(src))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	d := &Document{File: f, Data: doc, ix: ix}
	first, _, _ := strings.Cut(src, "\n")
	if m := schemaLine.FindStringSubmatch(strings.TrimRight(first, "\r")); m != nil {
		d.Kind, _ = schema.KindOf(m[1])
	}
	return d, nil
}

// KeyPos returns the position of the key at a JSON pointer (of the table
// header for a table).
func (d *Document) KeyPos(ptr string) diag.Pos {
	p := d.ix.Key(ptr)
	return diag.Pos{File: d.File.Path, Line: p.Line, Col: p.Col}
}

// Has reports whether the document has a key at the JSON pointer.
func (d *Document) Has(ptr string) bool { return d.ix.Has(ptr) }

// idLine finds the id of a file that is not valid TOML.
var idLine = regexp.MustCompile(`(?m)^id\s*=\s*"([^"]*)"`)

// markBrokenAnyKind marks the id of a file of unknown kind as broken for
// every kind.
func (l *loader) markBrokenAnyKind(src string) {
	if m := idLine.FindStringSubmatch(src); m != nil {
		for _, k := range policy.Kinds {
			l.markBroken(k, m[1])
		}
	}
}

func (l *loader) markBroken(k policy.Kind, id string) {
	if l.broken[k] == nil {
		l.broken[k] = map[string]bool{}
	}
	l.broken[k][id] = true
}

func escapeAll(k toml.Key) []string {
	out := make([]string, len(k))
	for i, s := range k {
		out[i] = tomlpos.Escape(s)
	}
	return out
}

// quotedDate finds the text of a date written as a string in the error of
// decoding it into a civil.Date (Date.UnmarshalTOML).
var quotedDate = regexp.MustCompile(`^"(\d{4}-\d{2}-\d{2})" is a string, not a date$`)

// lastKeyPtr turns a dotted key of a decoding error (source.date) into a
// pointer; array indices are not known and are left out.
func lastKeyPtr(key string) string {
	if key == "" {
		return ""
	}
	return "/" + strings.ReplaceAll(key, ".", "/")
}

// posOf returns the position of byte offset off in src.
func posOf(file, src string, off int) diag.Pos {
	off = min(max(off, 0), len(src))
	lineStart := strings.LastIndexByte(src[:off], '\n') + 1
	return diag.Pos{File: file, Line: strings.Count(src[:off], "\n") + 1, Col: diag.ColumnOf([]byte(src[lineStart:]), off-lineStart)}
}

var dateToken = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

// syntaxError reports a TOML syntax error at its position, explaining
// impossible dates such as 2011-02-30.
func (l *loader) syntaxError(f File, src string, err error) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		l.addf(diag.Pos{File: f.Path, Line: 1, Col: 1}, "", "TOML syntax: %v", err)
		return
	}
	start := pe.Position.Start
	if start > len(src) {
		start = len(src)
	}
	lineStart := strings.LastIndexByte(src[:start], '\n') + 1
	pos := diag.Pos{File: f.Path, Line: strings.Count(src[:start], "\n") + 1, Col: diag.ColumnOf([]byte(src[lineStart:]), start-lineStart)}
	msg := zh.Sprintf("TOML syntax: %s", pe.Message)
	if end := start + pe.Position.Len; end <= len(src) {
		tok := strings.Trim(src[start:end], `"`)
		if m := dateToken.FindStringSubmatch(tok); m != nil {
			msg = impossibleDate(m[1], m[2], m[3])
		}
	}
	key := ""
	if pe.LastKey != "" {
		key = pe.LastKey
	}
	l.diags.AddText(pos, key, msg)
}

// impossibleDate explains why y-m-d is not a date.
func impossibleDate(y, m, d string) diag.Text {
	var yy, mm, dd int
	fmt.Sscan(y, &yy)
	fmt.Sscan(m, &mm)
	fmt.Sscan(d, &dd)
	date := y + "-" + m + "-" + d
	if mm < 1 || mm > 12 {
		return zh.Sprintf("impossible date %s: there is no month %d", date, mm)
	}
	days := time.Date(yy, time.Month(mm)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if dd < 1 || dd > days {
		return zh.Sprintf("impossible date %s: %s %d has %d days", date, diag.Text{En: time.Month(mm).String(), Zh: fmt.Sprintf("%d 月", mm)}, yy, days)
	}
	return zh.Sprintf("TOML syntax: invalid date %s", date)
}

// normalise converts decoded TOML into the instance types the JSON Schema
// validator accepts: arrays of tables become []any and local dates become
// "2006-01-02" strings. Date-times and times are refused: policies deal in
// days. Every TOML float is reported, even one without a fraction (20.0,
// 8e6): the schema validator lets an integral float match "integer" and the
// decoder would make it an integer, so the schema cannot be relied on to
// refuse it. The float stays in the result for the schema to check the rest.
func (l *loader) normalise(u *unit, ptr string, v any) (any, bool) {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		ok := true
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n, good := l.normalise(u, ptr+"/"+tomlpos.Escape(k), v[k])
			out[k] = n
			ok = ok && good
		}
		return out, ok
	case []map[string]any:
		out := make([]any, len(v))
		ok := true
		for i, e := range v {
			n, good := l.normalise(u, fmt.Sprintf("%s/%d", ptr, i), e)
			out[i] = n
			ok = ok && good
		}
		return out, ok
	case []any:
		out := make([]any, len(v))
		ok := true
		for i, e := range v {
			n, good := l.normalise(u, fmt.Sprintf("%s/%d", ptr, i), e)
			out[i] = n
			ok = ok && good
		}
		return out, ok
	case time.Time:
		if v.Location().String() != "date-local" {
			l.verrf(u, ptr, "use a date such as 2026-01-01, not a date-time or time")
			return nil, false
		}
		return v.Format("2006-01-02"), true
	case float64:
		// The decoder gives float64 for a TOML float and only for one
		// (integers are int64), so this is how the value was written.
		if u.floats == nil {
			u.floats = map[string]bool{}
		}
		u.floats[ptr] = true
		l.verrf(u, ptr, "%s", writtenFloatMessage(u.written(ptr), v))
	}
	return v, true
}
