// Package cli implements the handbook command. Run takes the arguments and
// the output streams and returns the exit code, so that main stays one line
// and the commands are tested with testscript.
//
//	handbook validate [--format text|json|github] [--against REV] [--cases dir | path ...]
//	handbook build [-o dir] [--force]
//	handbook calc [--format text|json] CASE.toml|CASE.json
//	handbook coverage [--cases dir] [--format text|json]
//	handbook payout --period PERIOD [-o payouts.csv] [--force] [--format csv|json] people.csv
//	handbook payout --period PERIOD --template ROLE [-o people.csv] [--force]
//	handbook diff [--period YYYY-MM] [--people N] [--seed N] [--cases dir] [--format markdown|json] REV
//	handbook version [--format text|json]
//	handbook new-version [--from DATE] [--today DATE] FILE
//	handbook serve [--addr 127.0.0.1:8080] [--cases dir]
//
// Exit codes: 0 success, 1 problems found in the policies, 2 wrong usage or
// an I/O failure.
//
// What a command says to a person (problems, summaries, usage and help) is
// in the language the locale asks for (diag.LangFromEnv): Chinese, unless
// LC_ALL, LC_MESSAGES or LANG name an English locale. Each message comes
// from the catalog of zh.go, or of the package that made it; key paths,
// column names, ids, commands and flags are kept as they are typed, and
// the JSON output does not change with the language.
//
// Used by cmd/handbook, generator/internal/realistic.
package cli
