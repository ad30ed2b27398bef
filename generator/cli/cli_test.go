package cli

import (
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"handbook": func() { os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line scenarios in testdata/script: exit codes,
// stdout and stderr of every command. A script unpacks the checkout it runs
// in: the minimal valid handbook (unpack minimal DIR) or the fixture
// handbook with its worked cases (unpack fixture DIR), never the shipped
// policies, so that no script moves when HR changes a rule. Either comes
// with the schemas, its #:schema lines reaching them (fixture.WriteCheckout).
func TestScripts(t *testing.T) {
	minimal, err := filepath.Abs("../../testdata/valid/minimal.txtar")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: golden.Update(),
		Setup: func(env *testscript.Env) error {
			env.Setenv("MINIMAL", minimal)
			// Messages are Chinese unless the locale is English; the
			// scripts are written against the English ones, which keep
			// every key path and value, and a script that checks the
			// Chinese sets LANG itself (messages_zh.txtar).
			env.Setenv("LANG", "en_US.UTF-8")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// gbk SRC DST writes the UTF-8 text of SRC to DST in GBK
			// (GB18030), as Excel saves "CSV (逗号分隔)" in a Chinese locale.
			"gbk": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: gbk SRC DST")
				}
				b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(ts.ReadFile(args[0])))
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), b, 0o644))
			},
			// bytes DST HEX… writes the bytes given in hexadecimal to DST.
			"bytes": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: bytes DST HEX…")
				}
				b, err := hex.DecodeString(strings.Join(args[1:], ""))
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o644))
			},
			// unpack minimal|fixture DIR extracts a handbook into DIR.
			"unpack": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 || args[0] != "minimal" && args[0] != "fixture" {
					ts.Fatalf("usage: unpack minimal|fixture DIR")
				}
				var files []txtarFile
				if args[0] == "minimal" {
					a, err := txtarParse(minimal)
					ts.Check(err)
					files = a
				} else {
					a, err := fixtureFiles()
					ts.Check(err)
					files = a
				}
				ts.Check(fixture.WriteCheckout(ts.MkAbs(args[1]), loadFiles(files)))
			},
		},
	})
}

// loadFiles converts archive files to policy files for fixture.WriteCheckout.
func loadFiles(files []txtarFile) []load.File {
	out := make([]load.File, len(files))
	for i, f := range files {
		out[i] = load.File{Path: f.name, Data: f.data}
	}
	return out
}

// fixtureFiles returns the files of the fixture handbook (policies, roles
// and worked cases), named relative to it.
func fixtureFiles() ([]txtarFile, error) {
	root := fixture.Dir()
	var out []txtarFile
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		out = append(out, txtarFile{filepath.ToSlash(rel), b})
		return err
	})
	return out, err
}
