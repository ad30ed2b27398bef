package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/wire"
)

// build describes the binary: how it was built and which policies it holds.
type buildInfo struct {
	Module   string // module path and version, "(devel)" for a local build
	Go       string // toolchain
	Revision string // VCS revision, "" when the build was not stamped
	Time     string // commit time of Revision
	Modified bool   // the working tree had uncommitted changes
	Policies string // digest of the embedded policy files
	Files    int    // how many there are
}

// readBuild reads the binary's build information and digests its embedded
// policies.
func readBuild() (buildInfo, error) {
	var b buildInfo
	if bi, ok := debug.ReadBuildInfo(); ok {
		b.Module = bi.Main.Path + " " + bi.Main.Version
		b.Go = bi.GoVersion
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				b.Revision = s.Value
			case "vcs.time":
				b.Time = s.Value
			case "vcs.modified":
				b.Modified = s.Value == "true"
			}
		}
	}
	files, err := load.Shipped()
	if err != nil {
		return b, err
	}
	b.Policies, b.Files = load.Digest(files), len(files)
	return b, nil
}

// revision is the VCS revision for people: twelve digits, with a mark when
// the tree was modified, or why there is none.
func (b buildInfo) revision() string {
	if b.Revision == "" {
		return "unknown (not stamped: build in a git checkout with go build -buildvcs=true; go run and go test do not stamp)"
	}
	r := b.Revision
	if len(r) > 12 {
		r = r[:12]
	}
	if b.Modified {
		r += " with uncommitted changes"
	}
	return r
}

// embedded names the built-in policies in the header of a command's output.
func (b buildInfo) embedded() diag.Text {
	rev := b.Revision
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		rev = "unstamped"
	} else if b.Modified {
		rev += "+modified"
	}
	return text("the policies built into this binary (revision %s, policies sha256 %s)", rev, b.Policies[:16])
}

func version(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text, or json (the wire's version document)")
	if err := parse(fs, args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *format != "text" && *format != "json" {
		printf(stderr, "usage: handbook version [--format text|json]\n")
		return 2
	}
	b, err := readBuild()
	if err != nil {
		printf(stderr, "handbook version: %v\n", err)
		return 2
	}
	doc := wire.Build{Head: wire.Head{Wire: wire.Version, Kind: wire.KindVersion}, Module: b.Module, Go: b.Go, Revision: b.Revision,
		Committed: b.Time, Modified: b.Modified, Policies: wire.Digest{SHA256: b.Policies, Files: b.Files}}
	// In a checkout, say whether the commands here use the same policies.
	var root string
	cwd, err := os.Getwd()
	if err == nil {
		if r, ok := load.FindRoot(cwd); ok {
			files, err := load.RootFiles(r)
			if err != nil {
				printf(stderr, "handbook version: %v\n", err)
				return 2
			}
			root = r
			doc.Checkout = &wire.Digest{SHA256: load.Digest(files), Files: len(files), Dir: shown(cwd, root)}
		}
	}
	if *format == "json" {
		_, _ = stdout.Write(wire.Marshal(doc))
		return 0
	}
	fmt.Fprintf(stdout, "handbook  %s\n", b.Module)
	fmt.Fprintf(stdout, "go        %s\n", b.Go)
	fmt.Fprintf(stdout, "revision  %s\n", b.revision())
	if b.Time != "" {
		fmt.Fprintf(stdout, "committed %s\n", b.Time)
	}
	fmt.Fprintf(stdout, "policies  sha256 %s (%d files built in)\n", b.Policies, b.Files)
	if c := doc.Checkout; c != nil {
		same := "the same as built in"
		if c.SHA256 != b.Policies {
			same = "differ from those built in; commands here use the checkout's"
		}
		fmt.Fprintf(stdout, "checkout  sha256 %s (%d files in %s: %s)\n", c.SHA256, c.Files, c.Dir, same)
	}
	return 0
}
