package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// parse parses args like the tools people know: flags may come before or
// after the positional arguments (payout people.csv --period 2026-10 -o
// out.csv), and "--" ends the flags. It reorders args so that the flag
// package sees every flag first, then parses them; fs.Args() are the
// positional arguments in their order.
func parse(fs *flag.FlagSet, args []string) error {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		// A flag that is not boolean takes the next argument as its value.
		if f := fs.Lookup(name); f != nil && !isBool(f) {
			if i+1 == len(args) {
				return fs.Parse(flags) // reports the missing value
			}
			i++
			flags = append(flags, args[i])
		}
	}
	return fs.Parse(append(append(flags, "--"), pos...))
}

// isBool reports whether f is a boolean flag (-force, not -force VALUE).
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// parseOrHelp parses args as parse does; -h, -help or --help among them
// prints the command's usage to stdout instead. done reports that the
// command is over, with its exit code: 0 after help, 2 after a bad flag.
func parseOrHelp(fs *flag.FlagSet, args []string, stdout io.Writer, usage string) (code int, done bool) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprint(stdout, usage)
			return 0, true
		}
	}
	if err := parse(fs, args); err != nil {
		return 2, true
	}
	return 0, false
}
