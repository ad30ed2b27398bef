package load

import "testing"

func BenchmarkLoadMinimal(b *testing.B) {
	files := archiveFiles(b, "../../testdata/valid/minimal.txtar")
	for b.Loop() {
		if _, diags := Load(files); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}
