package site

import (
	"strings"
	"testing"
)

func TestProse(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string // substrings of the HTML
		not      []string // substrings it must not have
	}{
		{"heading ids keep Chinese", "## 考核指标\n\n## 考核指标", []string{`<h2 id="考核指标">`, `<h2 id="考核指标-1">`}, nil},
		{"tables", "| 分数 | 系数 |\n|---|---|\n| 95 | 1.2 |", []string{"<table>", "<td>1.2</td>"}, nil},
		{"raw HTML is dropped", "<script>alert(1)</script>\n\n文字<img src=x onerror=alert(2)>", []string{"文字"}, []string{"<script", "<img", "onerror"}},
		{"javascript links are emptied", "[点我](javascript:alert(1))", []string{"点我"}, []string{"javascript:"}},
		{"footnotes", "见原文[^1]。\n\n[^1]: 000 号文件。", []string{`class="footnotes"`}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Prose(tt.in))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("no %q in\n%s", w, got)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("%q in\n%s", w, got)
				}
			}
		})
	}
}
