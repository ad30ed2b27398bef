package tomlpos

import "testing"

const doc = `#:schema x
id = "a"
source = [{ seed = "s", section = "节" }]
[[part]]
id = "p"
  [[part.item]]
  id = "i0"
  [[part.item]]
  id = "i1"
  tiers = [
    { min = "95", points = 30 },
    { below = "95", points = 0 },
  ]
[[part]]
id = "q"
[promotion]
to = "x"
a.b.c = 1
"名称" = "中文"
`

func TestIndex(t *testing.T) {
	ix, err := New([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ptr      string
		key, val Position
	}{
		{"/id", Position{2, 1}, Position{2, 6}},
		{"/source/0/section", Position{3, 25}, Position{3, 35}},
		{"/part/0", Position{4, 3}, Position{4, 3}},
		{"/part/0/item/1/id", Position{9, 3}, Position{9, 8}},
		{"/part/0/item/1/tiers/1/below", Position{12, 7}, Position{12, 15}},
		{"/part/0/item/1/tiers/1", Position{12, 5}, Position{12, 5}},
		{"/part/1/id", Position{15, 1}, Position{15, 6}},
		{"/promotion/to", Position{17, 1}, Position{17, 6}},
		{"/promotion/a/b/c", Position{18, 1}, Position{18, 9}},
		{"/promotion/名称", Position{19, 1}, Position{19, 8}},
		// Missing keys fall back to the nearest present ancestor.
		{"/part/1/title", Position{14, 3}, Position{14, 3}},
		{"/nothing", Position{1, 1}, Position{1, 1}},
	}
	for _, tt := range tests {
		if got := ix.Key(tt.ptr); got != tt.key {
			t.Errorf("Key(%q) = %v, want %v", tt.ptr, got, tt.key)
		}
		if got := ix.Value(tt.ptr); got != tt.val {
			t.Errorf("Value(%q) = %v, want %v", tt.ptr, got, tt.val)
		}
	}
}

func TestKeyPath(t *testing.T) {
	for ptr, want := range map[string]string{
		"":                      "",
		"/id":                   "id",
		"/part/0/item/2/weight": "part[0].item[2].weight",
		"/a~1b/0":               "a/b[0]",
	} {
		if got := KeyPath(ptr); got != want {
			t.Errorf("KeyPath(%q) = %q, want %q", ptr, got, want)
		}
	}
}
