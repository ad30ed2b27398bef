package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/wire"
)

// writeText prints one line per problem followed by the source line with a
// caret, for people.
// Messages are in the language the environment asks for (diag.LangFromEnv:
// Chinese unless the locale is English).
func writeText(w io.Writer, diags diag.List, src map[string][]byte) {
	lang := diag.LangFromEnv(os.Getenv)
	for _, d := range diags {
		fmt.Fprintln(w, d.In(lang))
		if b, ok := src[d.Pos.File]; ok {
			diag.Excerpt(w, b, d.Pos)
		}
	}
}

// writeJSON prints the problems as a wire problems document.
func writeJSON(w io.Writer, diags diag.List) {
	_, _ = w.Write(wire.Marshal(wire.FromDiagnostics(diags)))
}

// writeGitHub prints the problems as GitHub Actions workflow commands, which
// become annotations on the pull request's changed lines.
func writeGitHub(w io.Writer, diags diag.List) {
	lang := diag.LangFromEnv(os.Getenv)
	for _, d := range diags {
		msg := d.Text().In(lang)
		if d.Key != "" {
			msg += " (" + d.Key + ")"
		}
		fmt.Fprintf(w, "::error file=%s,line=%d,col=%d::%s\n", ghProp(d.Pos.File), d.Pos.Line, d.Pos.Col, ghData(msg))
	}
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProp escapes a workflow command's property value.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
