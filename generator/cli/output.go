package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
)

// writeText prints one line per problem followed by the source line with a
// caret, for people.
func writeText(w io.Writer, diags diag.List, src map[string][]byte) {
	for _, d := range diags {
		fmt.Fprintln(w, d)
		if b, ok := src[d.Pos.File]; ok {
			diag.Excerpt(w, b, d.Pos)
		}
	}
}

// jsonDiag is the JSON form of a diagnostic.
type jsonDiag struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Key     string `json:"key,omitempty"`
	Message string `json:"message"`
}

// writeJSON prints the problems as a JSON array (empty when clean).
func writeJSON(w io.Writer, diags diag.List) {
	out := make([]jsonDiag, len(diags))
	for i, d := range diags {
		out[i] = jsonDiag{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Key: d.Key, Message: d.Message}
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	fmt.Fprintf(w, "%s\n", b)
}

// writeGitHub prints the problems as GitHub Actions workflow commands, which
// become annotations on the pull request's changed lines.
func writeGitHub(w io.Writer, diags diag.List) {
	for _, d := range diags {
		msg := d.Message
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
