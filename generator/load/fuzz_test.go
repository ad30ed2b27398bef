package load

import (
	"fmt"
	"testing"
	"time"
)

// FuzzLoad guards that no file content makes the loader panic: whatever the
// bytes, Load returns a handbook or diagnostics. The fuzzed bytes replace, in
// turn, each file of the minimal valid handbook, so that the checks across
// files run too.
func FuzzLoad(f *testing.F) {
	base := archiveFiles(f, "../../testdata/valid/minimal.txtar")
	for i, fl := range base {
		f.Add(uint8(i), string(fl.Data))
	}
	f.Add(uint8(0), "#:schema role.schema.json\nid = 1\n")
	f.Add(uint8(3), "#:schema ../../generator/schema/bands.schema.json\nrows = [{min=\"1\"}]\n[x]\n[[x]]\n")
	f.Fuzz(func(t *testing.T, which uint8, data string) {
		files := append([]File(nil), base...)
		i := int(which) % len(files)
		files[i] = File{Path: files[i].Path, Data: []byte(data)}
		done := make(chan struct{})
		go func() {
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				panic(fmt.Sprintf("Load hangs on file %d: %q", i, data))
			}
		}()
		h, diags := Load(files)
		close(done)
		if (h == nil) == (len(diags) == 0) {
			t.Fatalf("Load returned handbook %v with %d problems", h != nil, len(diags))
		}
		for _, d := range diags {
			if d.Pos.File == "" || d.Message == "" {
				t.Fatalf("diagnostic without file or message: %+v", d)
			}
		}
	})
}
