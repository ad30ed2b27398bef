package cli

import (
	"flag"
	"io"
	"reflect"
	"testing"
)

func TestParseIntersperses(t *testing.T) {
	for _, c := range []struct {
		args  []string
		pos   []string
		out   string
		force bool
		err   bool
	}{
		{args: []string{"--period", "2026-10", "in.csv", "-o", "out.csv"}, pos: []string{"in.csv"}, out: "out.csv"},
		{args: []string{"in.csv", "--period", "2026-10", "-o", "out.csv"}, pos: []string{"in.csv"}, out: "out.csv"},
		{args: []string{"in.csv", "-o=out.csv", "--force"}, pos: []string{"in.csv"}, out: "out.csv", force: true},
		{args: []string{"--force", "a", "b"}, pos: []string{"a", "b"}, force: true},
		{args: []string{"a", "--", "-o", "b"}, pos: []string{"a", "-o", "b"}},
		{args: []string{"-", "-o", "x"}, pos: []string{"-"}, out: "x"},
		{args: []string{"a", "--nope"}, err: true},
		{args: []string{"a", "-o"}, err: true},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.String("period", "", "")
		out := fs.String("o", "", "")
		force := fs.Bool("force", false, "")
		err := parse(fs, c.args)
		if (err != nil) != c.err {
			t.Errorf("%q: error %v, want error %v", c.args, err, c.err)
			continue
		}
		if c.err {
			continue
		}
		if got := fs.Args(); !reflect.DeepEqual(got, c.pos) && !(len(got) == 0 && len(c.pos) == 0) {
			t.Errorf("%q: positional %q, want %q", c.args, got, c.pos)
		}
		if *out != c.out || *force != c.force {
			t.Errorf("%q: -o %q --force %v, want %q %v", c.args, *out, *force, c.out, c.force)
		}
	}
}
