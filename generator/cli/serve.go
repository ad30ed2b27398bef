package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/site"
)

// serve serves the handbook on localhost, rebuilds it when a file under
// policies/, roles/, site/ or the worked cases changes, and reloads the open
// page. A policy error is shown at the top of every page, with its position
// and excerpt, while the last good site stays served.
func serve(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	casesDir := fs.String("cases", "", "the worked cases shown as examples (default: testdata/cases of the checkout)")
	if err := parse(fs, args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		printf(stderr, "handbook serve: unexpected arguments %q\n", fs.Args())
		return 2
	}
	cwd, err := os.Getwd()
	if err != nil {
		printf(stderr, "handbook serve: %v\n", err)
		return 2
	}
	root, ok := load.FindRoot(cwd)
	if !ok {
		printf(stderr, "handbook serve: not in a checkout (serve watches policies/, roles/ and site/; outside a checkout use handbook build)\n")
		return 2
	}
	s := newServer(root, *casesDir, stderr)
	s.rebuild()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		printf(stderr, "handbook serve: %v\n", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go s.watch(ctx, 300*time.Millisecond)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	go func() { <-ctx.Done(); _ = srv.Close() }()
	printf(stdout, "serving the handbook at http://%s/ (Ctrl-C stops)\n", ln.Addr())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		printf(stderr, "handbook serve: %v\n", err)
		return 2
	}
	return 0
}

// server is the state of handbook serve: the last good site, the problem
// of the last build if it failed, and a generation that moves with every
// rebuild (the pages poll it to reload).
type server struct {
	root, cases string
	log         io.Writer

	mu         sync.Mutex
	pages      map[string]servedFile
	problem    string    // the last build's problems, "" when it succeeded
	problemAt  time.Time // when problem last changed
	built      time.Time // the date of the last build, as Last-Modified says it
	generation int
	stamp      string // what the watched files looked like at the last build
	cache      load.Cache
	now        func() time.Time // the clock that dates the builds
}

// servedFile is a file of the site as serve serves it: its bytes, their
// entity tag and the time of the build that last changed them.
type servedFile struct {
	data     []byte
	etag     string
	modified time.Time
}

func newServer(root, cases string, log io.Writer) *server {
	return &server{root: root, cases: cases, log: log, pages: map[string]servedFile{}, now: time.Now}
}

// etag is the entity tag of data: a hash of its bytes.
func etag(data []byte) string {
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// rebuild builds the site from the checkout; on problems it keeps the last
// good site and records them.
func (s *server) rebuild() {
	stamp := s.snapshot()
	var out bytes.Buffer
	pages, err := s.build(&out)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stamp = stamp
	s.generation++
	// HTTP dates have whole seconds: each build is dated at least a
	// second after the last, so that a file it changed is newer than any
	// date sent before.
	now := s.now().Truncate(time.Second)
	if !now.After(s.built) {
		now = s.built.Add(time.Second)
	}
	s.built = now
	problem := ""
	if err != nil {
		problem = strings.TrimSpace(out.String() + "\n" + diag.ErrorIn(err, lang()))
	}
	if problem != s.problem || s.problemAt.IsZero() {
		s.problemAt = now
	}
	s.problem = problem
	if err != nil {
		printf(s.log, "handbook serve: the build failed; serving the last good site:\n%s\n", s.problem)
		return
	}
	old := s.pages
	s.pages = map[string]servedFile{}
	for _, p := range pages {
		f := servedFile{data: p.Data, etag: etag(p.Data), modified: now}
		if o, ok := old[p.Path]; ok && o.etag == f.etag {
			f.modified = o.modified // unchanged: a cached copy stays good
		}
		s.pages[p.Path] = f
	}
	printf(s.log, "handbook serve: built %d pages\n", len(pages))
}

// build loads the checkout and renders the site, writing problems to w.
func (s *server) build(w io.Writer) ([]site.Page, error) {
	var dirs []string
	for _, d := range load.Dirs {
		dirs = append(dirs, filepath.Join(s.root, d))
	}
	files, err := load.FromPaths(dirs)
	if err != nil {
		return nil, err
	}
	for i := range files { // show paths relative to the checkout
		if rel, err := filepath.Rel(s.root, files[i].Path); err == nil {
			files[i].Path = filepath.ToSlash(rel)
		}
	}
	h, diags := s.cache.Load(files) // only the files that changed are decoded again
	if len(diags) > 0 {
		src := map[string][]byte{}
		for _, f := range files {
			src[f.Path] = f.Data
		}
		writeText(w, diags, src)
		return nil, errorf("%d problems in the policies", len(diags))
	}
	cases := s.cases
	if cases == "" {
		cases = filepath.Join(s.root, "testdata", "cases")
		if fi, err := os.Stat(cases); err != nil || !fi.IsDir() {
			cases = ""
		}
	}
	var examples []site.Example
	if cases != "" {
		var code int
		if examples, code = workedExamples(h, cases, w); code != 0 {
			return nil, errorf("the worked cases do not compute")
		}
	}
	in := site.Input{Handbook: h, Origin: "checkout " + s.root, Examples: examples}
	if fi, err := os.Stat(filepath.Join(s.root, "site", "templates")); err == nil && fi.IsDir() {
		in.Assets = os.DirFS(filepath.Join(s.root, "site"))
	}
	// The calculator, as build makes it: the Go build cache keeps a
	// rebuild of an unchanged cmd/calculator fast.
	calc, err := checkoutCalculatorPages(s.root, bundle.Encode(h), w)
	if err != nil {
		return nil, err
	}
	in.Files = calc
	return site.Build(in)
}

// snapshot sums up the watched files: their paths, sizes and times.
func (s *server) snapshot() string {
	var b strings.Builder
	dirs := []string{"policies", "roles", "site"}
	if s.cases != "" {
		dirs = append(dirs, s.cases)
	} else {
		dirs = append(dirs, filepath.Join("testdata", "cases"))
	}
	for _, d := range dirs {
		dir := d
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(s.root, d)
		}
		_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			// The built site, and the new one handbook build writes beside it
			// before putting it in place, are not sources.
			if e.IsDir() && filepath.Dir(p) == filepath.Join(s.root, "site") && (e.Name() == "public" || strings.HasPrefix(e.Name(), ".public.new-")) {
				return filepath.SkipDir
			}
			if info, err := e.Info(); err == nil && !e.IsDir() {
				fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return b.String()
}

// watch rebuilds whenever the watched files change, until ctx ends. A
// change is built once it has settled, when two looks in a row agree: an
// editor's save (truncate, then write) seen half done is not built.
func (s *server) watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	pending := ""
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.mu.Lock()
			last := s.stamp
			s.mu.Unlock()
			switch now := s.snapshot(); {
			case now == last:
				pending = ""
			case now != pending:
				pending = now // look again next time
			default:
				pending = ""
				s.rebuild()
			}
		}
	}
}

// reloadJS makes an open page reload when the site is rebuilt.
const reloadJS = `(function () {
  var seen = null;
  setInterval(function () {
    fetch('/__generation').then(function (r) { return r.text(); }).then(function (g) {
      if (seen === null) { seen = g; } else if (g !== seen) { location.reload(); }
    }).catch(function () {});
  }, 700);
})();
`

// ServeHTTP serves the last good site; HTML pages carry the reload script
// and, after a failed build, the problems at the top.
//
// The site's files are sent as a static host sends them, with their
// Last-Modified and ETag, answering a conditional request with 304 Not
// Modified, except that a browser must ask each time (Cache-Control:
// no-cache) instead of using its copy for ten minutes: a page reloaded
// after a rebuild must not run the last build's bundle or stylesheet.
// A cached response is what lets Chromium keep the calculator's compiled
// WebAssembly for the next visit, and a revalidated one keeps it too.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	pages, problem, problemAt, gen := s.pages, s.problem, s.problemAt, s.generation
	s.mu.Unlock()
	switch r.URL.Path {
	case "/__generation":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = io.WriteString(w, strconv.Itoa(gen))
		return
	case "/__reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = io.WriteString(w, reloadJS)
		return
	}
	p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if p == "" || strings.HasSuffix(r.URL.Path, "/") {
		p = path.Join(p, "index.html")
	}
	f, ok := pages[p]
	if !ok {
		if problem != "" && len(pages) == 0 {
			data := []byte(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>制度有误</title></head><body></body></html>`)
			f, ok, p = servedFile{data: data, etag: etag(data), modified: problemAt}, true, "index.html"
		} else {
			http.NotFound(w, r)
			return
		}
	}
	ctype := mime.TypeByExtension(path.Ext(p))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasSuffix(p, ".html") {
		// What is served is the page and the build's problems.
		f.data = live(f.data, problem)
		f.etag = etag(f.data)
		if problemAt.After(f.modified) {
			f.modified = problemAt
		}
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("ETag", f.etag)
	http.ServeContent(w, r, p, f.modified, bytes.NewReader(f.data))
}

// live adds to a page what serve needs: the reload script (allowed by its
// Content-Security-Policy) and the build's problems, if any.
func live(page []byte, problem string) []byte {
	html := string(page)
	// A page with scripts of its own (search, the calculator, whose
	// script-src also allows compiling WebAssembly) keeps its directives:
	// a second script-src would be ignored by the browser, and the first
	// must stay the page's.
	add := ""
	if !strings.Contains(html, "script-src ") {
		add += " script-src 'self';"
	}
	if !strings.Contains(html, "connect-src ") {
		add += " connect-src 'self';"
	}
	html = strings.Replace(html, "default-src 'none';", "default-src 'none';"+add, 1)
	banner := ""
	if problem != "" {
		banner = `<div class="build-error" role="alert" style="border:3px solid #c00;padding:1rem;margin:1rem;background:#fff0f0;color:#000"><strong>制度文件有误，显示的是上一次成功生成的手册：</strong><pre style="white-space:pre-wrap">` +
			template.HTMLEscapeString(problem) + `</pre></div>`
	}
	if i := strings.Index(html, "<body>"); i >= 0 {
		html = html[:i+len("<body>")] + banner + html[i+len("<body>"):]
	}
	html = strings.Replace(html, "</body>", `<script src="/__reload.js"></script></body>`, 1)
	return []byte(html)
}
