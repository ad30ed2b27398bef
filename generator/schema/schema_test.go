package schema

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kefu-hr/handbook/generator/policy"
)

func TestSchemasCompile(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Schemas) != len(policy.Kinds) || s.Case == nil {
		t.Fatalf("compiled %d policy schemas and case %v, want %d and a case schema", len(s.Schemas), s.Case != nil, len(policy.Kinds))
	}
}

// TestCommonDefsIdentical guards the copies of the shared $defs: each schema
// must be self-contained for editors, so the shared definitions are repeated
// and must not drift apart.
func TestCommonDefsIdentical(t *testing.T) {
	defs := map[policy.Kind]map[string]any{}
	for _, k := range policy.Kinds {
		b, err := FS.ReadFile(FileName(k))
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Schema string         `json:"$schema"`
			Defs   map[string]any `json:"$defs"`
			Props  map[string]any `json:"properties"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Schema != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema = %q, want draft 2020-12", k, doc.Schema)
		}
		for _, key := range []string{"id", "version", "effective_from", "effective_until", "title", "summary", "source", "note"} {
			if doc.Props[key] == nil {
				t.Errorf("%s: no property %q every policy must have", k, key)
			}
		}
		defs[k] = doc.Defs
	}
	ref := defs[policy.KindRole]
	for k, d := range defs {
		for name, want := range ref {
			if diff := cmp.Diff(want, d[name]); diff != "" {
				t.Errorf("%s: $defs/%s differs from role.schema.json (-role +%s):\n%s", k, name, k, diff)
			}
		}
	}
}

func TestKindOf(t *testing.T) {
	for in, want := range map[string]policy.Kind{
		"../../generator/schema/scorecard.schema.json":               policy.KindScorecard,
		"https://kefu-hr.github.io/handbook/schema/role.schema.json": policy.KindRole,
		" ../generator/schema/payplan.schema.json ":                  policy.KindPayPlan,
		"../generator/schema/nothing.schema.json":                    "",
		"role.json": "",
	} {
		if got, _ := KindOf(in); got != want {
			t.Errorf("KindOf(%q) = %q, want %q", in, got, want)
		}
	}
}
