package batch

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
)

// gbk is s in GBK (GB18030), as Excel saves "CSV (逗号分隔)".
func gbk(t *testing.T, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDetect checks that Detect tells what Excel saves apart (issue 12 §1),
// and refuses, with how to save the file, what is not text it can read.
func TestDetect(t *testing.T) {
	const text = "姓名,岗位\n周航,客户经理\n"
	long := strings.Repeat("a,b\n", 40000) + text // the first non-ASCII byte beyond the first block
	tests := []struct {
		name, in string
		want     Encoding
		err      string
	}{
		{"UTF-8 with a byte-order mark", "\ufeff" + text, UTF8, ""},
		{"UTF-8 without", text, UTF8, ""},
		{"ASCII", "person,role\n", UTF8, ""},
		{"GBK", gbk(t, text), GB18030, ""},
		{"GBK after a long ASCII start", gbk(t, long), GB18030, ""},
		{"a workbook", "PK\x03\x04\x14\x00", Auto, "is an Excel workbook (.xlsx), not a CSV file"},
		{"an Excel 97 workbook", "\xd0\xcf\x11\xe0\xa1\xb1", Auto, "is an Excel 97–2003 workbook (.xls)"},
		{"UTF-16", "\xff\xfep\x00e\x00", Auto, "is UTF-16 text"},
		{"neither", "person,role\n\x81\x30\xff,x\n", GB18030, "line 2 is neither UTF-8 nor GBK/GB18030 text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Detect("p.csv", strings.NewReader(tt.in))
			var fe *FileError
			switch {
			case tt.err != "" && (!errors.As(err, &fe) || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("error %v, want a *FileError saying %q", err, tt.err)
			case tt.err == "" && err != nil:
				t.Errorf("error %v", err)
			case tt.err == "" && got != tt.want:
				t.Errorf("%v, want %v", got, tt.want)
			}
		})
	}
}

// TestPayReadsWhatExcelSaves pays the same small department from a GBK file,
// a UTF-8 file with a byte-order mark and one without, with the template's
// Chinese headers and guide row and the keys: every output is the same.
func TestPayReadsWhatExcelSaves(t *testing.T) {
	h := fixture.Handbook(t)
	per, _ := engine.ParsePeriod("2026-10")
	tmpl, err := NewTemplate(h, per, "dakehu-jingli")
	if err != nil {
		t.Fatal(err)
	}
	rows := "周航,客户经理,\"120,000.00\",\n李强,dakehu-jingli,80000,回扣\n"
	keys := "person,role,pay.collections,red_lines\n" + rows
	chinese := string(tmpl.CSV()) + rows
	var want string
	for i, in := range []string{keys, chinese, "\ufeff" + chinese, gbk(t, chinese)} {
		var out bytes.Buffer
		if _, errs, err := Pay(h, per, "p.csv", strings.NewReader(in), &out, Config{Encoding: Auto}); err != nil || len(errs) > 0 {
			t.Fatalf("file %d: %v %v", i, err, errs)
		}
		got := out.String()
		if !strings.HasPrefix(got, "\ufeff姓名,岗位,") || !strings.Contains(got, "\n合计,"+h.Latest(policy.KindRole, "dakehu-jingli").Head().Title+",") {
			t.Errorf("file %d: want UTF-8 with a byte-order mark and a 合计 row:\n%s", i, got)
		}
		if i == 0 {
			want = got
		} else if got != want {
			t.Errorf("file %d pays\n%s\nthe keys' file\n%s", i, got, want)
		}
	}
	// The output names the red line by its title.
	rl := h.Latest(policy.KindRedLines, "dianwang").(*policy.RedLines)
	i := slices.IndexFunc(rl.Line, func(l policy.RedLine) bool { return l.ID == "huikou" })
	if i < 0 || !strings.Contains(want, ","+rl.Line[i].Title+",") {
		t.Errorf("the red line named 回扣 is not huikou:\n%s", want)
	}
}
