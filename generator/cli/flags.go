package cli

import (
	"flag"
	"io"
	"regexp"
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
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
				return parsed(fs, flags) // reports the missing value
			}
			i++
			flags = append(flags, args[i])
		}
	}
	return parsed(fs, append(append(flags, "--"), pos...))
}

// parsed is fs.Parse, whose error it reports in the reader's language
// with where to find the command's usage, instead of the flag package's
// English list of flags.
func parsed(fs *flag.FlagSet, args []string) error {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(out)
	fs.Usage = usage
	if err != nil {
		printf(out, "handbook %s: %s\n", fs.Name(), flagError(err))
		printf(out, "(handbook help %s prints the usage of the command)\n", fs.Name())
	}
	return err
}

// flagMessages are the flag package's errors, as patterns, and their
// messages.
var flagMessages = []struct {
	re     *regexp.Regexp
	format string
}{
	{regexp.MustCompile(`^flag provided but not defined: (-\S+)$`), "unknown flag %s"},
	{regexp.MustCompile(`^flag needs an argument: (-\S+)$`), "flag %s needs a value"},
	{regexp.MustCompile(`^invalid boolean value ("[^"]*") for (-\S+): .*$`), "invalid value %s for flag %s: want true or false"},
	{regexp.MustCompile(`^invalid value ("[^"]*") for flag (-\S+): .*$`), "invalid value %s for flag %s"},
}

// flagError is an error of the flag package in both languages: its own
// English, the Chinese of the pattern it matches.
func flagError(err error) diag.Text {
	en := err.Error()
	for _, m := range flagMessages {
		if sub := m.re.FindStringSubmatch(en); sub != nil {
			args := make([]any, len(sub)-1)
			for i, a := range sub[1:] {
				args[i] = a
			}
			return diag.Text{En: en, Zh: zh.Sprintf(m.format, args...).Zh}
		}
	}
	return diag.Text{En: en, Zh: en}
}

// isBool reports whether f is a boolean flag (-force, not -force VALUE).
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// parseOrHelp parses args as parse does; -h, -help or --help among them
// prints the command's usage (commandUsage) to stdout instead. done reports that the
// command is over, with its exit code: 0 after help, 2 after a bad flag.
func parseOrHelp(fs *flag.FlagSet, args []string, stdout io.Writer, cmd string) (code int, done bool) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			u, _ := commandUsage(cmd)
			io.WriteString(stdout, u)
			return 0, true
		}
	}
	if err := parse(fs, args); err != nil {
		return 2, true
	}
	return 0, false
}
