package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/kefu-hr/handbook/generator/golden"
)


func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"handbook": func() { os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line scenarios in testdata/script: exit codes,
// stdout and stderr of validate and build. Each script gets a copy of the
// minimal valid handbook in $WORK/hb.
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
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// unpack DIR extracts the minimal handbook into DIR.
			"unpack": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: unpack DIR")
				}
				a, err := txtarParse(minimal)
				ts.Check(err)
				for _, f := range a {
					p := ts.MkAbs(filepath.Join(args[0], f.name))
					ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
					ts.Check(os.WriteFile(p, f.data, 0o644))
				}
			},
		},
	})
}
