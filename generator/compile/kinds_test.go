package compile_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/schema"
)

// TestScoringKindsDeclared guards that the scoring kinds registered by
// policy's kind_*.go files are exactly those the scorecard schema accepts,
// and that the language reference has a row for each: a kind added in Go
// only, or in the schema only, fails here.
func TestScoringKindsDeclared(t *testing.T) {
	data, err := schema.FS.ReadFile("scorecard.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var enum []string
	var find func(v any)
	find = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["scoring"].(map[string]any); ok {
				if e, ok := s["enum"].([]any); ok {
					for _, x := range e {
						enum = append(enum, x.(string))
					}
				}
			}
			for _, x := range v {
				find(x)
			}
		case []any:
			for _, x := range v {
				find(x)
			}
		}
	}
	find(doc)
	slices.Sort(enum)
	if got := policy.ScoringKinds(); !slices.Equal(got, enum) {
		t.Errorf("scoring kinds with a file in policy: %v\nscoring kinds the scorecard schema accepts: %v", got, enum)
	}
	ref, err := os.ReadFile("../../policies/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range policy.ScoringKinds() {
		if !strings.Contains(string(ref), "| `"+k+"` |") {
			t.Errorf("policies/README.md has no row for scoring = %q in its table of scoring kinds", k)
		}
	}
}
