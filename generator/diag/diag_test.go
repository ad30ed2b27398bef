package diag

import (
	"bytes"
	"testing"
)

func TestDiagnosticString(t *testing.T) {
	for _, tt := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: Pos{"roles/a.toml", 12, 3}, Message: "weights sum to 90, want 100", Key: "part[0].item"}, "roles/a.toml:12:3: weights sum to 90, want 100 (part[0].item)"},
		{Diagnostic{Pos: Pos{"roles/a.toml", 1, 1}, Message: "missing key", Key: ""}, "roles/a.toml:1:1: missing key"},
		{Diagnostic{Pos: Pos{File: "roles/a.toml"}, Message: "unreadable", Key: ""}, "roles/a.toml: unreadable"},
	} {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestListSortsAndDedupes(t *testing.T) {
	var l List
	l.Add(Pos{"b.toml", 1, 1}, "", "z")
	l.Add(Pos{"a.toml", 10, 2}, "", "y")
	l.Add(Pos{"a.toml", 2, 5}, "", "x")
	l.Add(Pos{"a.toml", 2, 5}, "", "x")
	l.Add(Pos{"a.toml", 2, 1}, "", "w")
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.String())
	}
	want := []string{"a.toml:2:1: w", "a.toml:2:5: x", "a.toml:10:2: y", "b.toml:1:1: z"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("[%d] got %q, want %q", i, got[i], want[i])
		}
	}
	if l.Err() == nil || (List{}).Err() != nil {
		t.Error("Err must be nil exactly when the list is empty")
	}
	if got := l.Error(); got != "a.toml:2:1: w (and 3 more problems)" {
		t.Errorf("Error() = %q", got)
	}
}

func TestExcerptAlignsUnderWideCharacters(t *testing.T) {
	src := []byte("id = \"x\"\ntitle = \"客服总监\" wrong\n")
	var b bytes.Buffer
	// Column 17 is the r of wrong: 9 ASCII characters, 4 wide ones, 3 more.
	Excerpt(&b, src, Pos{"f", 2, 17})
	want := "    2 | title = \"客服总监\" wrong\n      |                     ^\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	Excerpt(&b, src, Pos{"f", 9, 1})
	if b.Len() != 0 {
		t.Errorf("an out-of-range line prints nothing, got %q", b.String())
	}
}

func TestColumnOf(t *testing.T) {
	if got := ColumnOf([]byte("名称 = 1"), len("名称 ")); got != 4 {
		t.Errorf("got %d, want 4", got)
	}
}
