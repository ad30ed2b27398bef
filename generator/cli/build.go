package cli

import (
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"

	"github.com/kefu-hr/handbook/generator/policy"
)

// marker is the file build leaves in its output directory; build overwrites
// only directories that have it (or are empty), unless --force is given.
const marker = ".handbook-build"

// build checks every policy and writes the handbook. Until the site
// generator lands, the handbook is one index page listing every policy.
func build(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", filepath.Join("site", "public"), "output directory")
	force := fs.Bool("force", false, "write into a non-empty directory that build did not create")
	if err := parse(fs, args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "handbook build: unexpected arguments %q\n", fs.Args())
		return 2
	}
	h, origin, code := handbook("build", stderr)
	if code != 0 {
		fmt.Fprintln(stderr, "handbook build: nothing written")
		return code
	}
	if err := prepareOut(*out, *force); err != nil {
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return 2
	}
	f, err := os.Create(filepath.Join(*out, "index.html"))
	if err == nil {
		err = indexPage.Execute(f, indexData(h, origin))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "wrote %s (%d policies from %s)\n", filepath.Join(*out, "index.html"), len(h.All()), origin)
	return 0
}

// prepareOut makes sure dir may be written: it is created if missing, and an
// existing non-empty directory must carry the marker of an earlier build.
func prepareOut(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	case err != nil:
		return err
	case len(entries) > 0 && !force:
		if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
			return fmt.Errorf("%s is not empty and was not written by handbook build; use --force to write into it anyway", dir)
		}
	}
	return os.WriteFile(filepath.Join(dir, marker), []byte("written by handbook build; the directory may be overwritten\n"), 0o644)
}

type indexRow struct {
	Kind, ID, Title, File, From, Until string
	Version                            int
	Notes                              int
}

func indexData(h *policy.Handbook, origin string) map[string]any {
	var rows []indexRow
	for _, k := range policy.Kinds {
		for _, p := range sortedKinds(h)[k] {
			hd := p.Head()
			until := ""
			if hd.EffectiveUntil != nil {
				until = hd.EffectiveUntil.Format("2006-01-02")
			}
			rows = append(rows, indexRow{Kind: string(k), ID: hd.ID, Title: hd.Title, File: hd.File, Version: hd.Version,
				From: hd.EffectiveFrom.Format("2006-01-02"), Until: until, Notes: len(hd.Note)})
		}
	}
	return map[string]any{"Rows": rows, "Origin": origin}
}

var indexPage = template.Must(template.New("index").Parse(`<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>客服部制度手册</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;max-width:72rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}th{background:#f3f3f3}</style>
</head>
<body>
<h1>客服部制度手册</h1>
<p>已加载的制度（{{len .Rows}} 项，来自 {{.Origin}}）。完整手册页面随站点生成功能上线。</p>
<table>
<thead><tr><th>类型</th><th>编号</th><th>版本</th><th>名称</th><th>生效</th><th>失效</th><th>决定说明</th><th>文件</th></tr></thead>
<tbody>
{{range .Rows}}<tr><td>{{.Kind}}</td><td>{{.ID}}</td><td>{{.Version}}</td><td>{{.Title}}</td><td>{{.From}}</td><td>{{.Until}}</td><td>{{.Notes}}</td><td>{{.File}}</td></tr>
{{end}}</tbody>
</table>
</body>
</html>
`))
