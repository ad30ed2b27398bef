package batch

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
)

const header = "person,role,scorecard.kefu-zongjian-monthly.crm,scorecard.kefu-zongjian-monthly.info-mastery,scorecard.kefu-zongjian-monthly.referral,scorecard.kefu-zongjian-monthly.key-visits,scorecard.kefu-zongjian-monthly.satisfaction,scorecard.kefu-zongjian-monthly.complaints,scorecard.kefu-zongjian-monthly.orphan-loss,scorecard.kefu-zongjian-monthly.zhihui,scorecard.kefu-zongjian-monthly.zhiyehua,scorecard.kefu-zongjian-monthly.kehu-zhongxin,scorecard.kefu-zongjian-monthly.fuwu-xizhi,scorecard.kefu-zongjian-monthly.chengdan-zeren,pay.orphan_sales,pay.extra_award\n"

// people returns n synthetic rows for the director's month.
func people(n int) string {
	var b strings.Builder
	b.WriteString(header)
	for i := range n {
		fmt.Fprintf(&b, "p%d,kefu-zongjian,%d,%d,%v,%d,%d,%d,0,%d,%d,%d,%d,%d,%d.00,0\n",
			i, 70+i%30, 75+i%25, i%2 == 0, 85+i%15, 75+i%25, i%4, 1+i%5, 1+(i/5)%5, 1+(i/25)%5, 3, 4, (i%50)*10000)
	}
	return b.String()
}

func TestRunKeepsEveryRow(t *testing.T) {
	h := fixture.Handbook(t)
	per, _ := engine.ParsePeriod("2026-10")
	in := people(50) + "bad,kefu-zongjian,x,,,,,,,,,,,,,\nshort,row\n"
	rows, errs, err := Run(h, per, "people.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 52 {
		t.Fatalf("%d rows out for 52 in", len(rows))
	}
	want := []string{
		`people.csv:52: column scorecard.kefu-zongjian-monthly.crm: "x" is not a plain number (digits, a leading - and a decimal point, thousands separated by commas or not: 1000, -3.5, 1,234.50; no + or exponent)`,
		"people.csv:52: column pay.orphan_sales: no input given: pay plan kefu-zongjian-pay needs orphan_sales（当月孤儿客户销售额）in a monthly settlement",
		"people.csv:52: column pay.extra_award: no input given: pay plan kefu-zongjian-pay needs extra_award（公司决定的额外嘉奖金额（无则为0））in a monthly settlement",
		"people.csv:53: 2 cells, the header has 16: a cell is missing, or a line break splits the row",
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var b bytes.Buffer
	if err := Write(&b, rows); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != 55 {
		t.Errorf("%d output lines, want 55 (header + 52 + the role's 合计 + 总计, which counts the row of role \"row\")", n)
	}
}

// BenchmarkPayout100k computes a 100,000-row month for the director's plan
// the way handbook payout does (Pay): CSV in from a file, every row checked,
// scored and paid, CSV out. It reports the processor time (cpu-s/op, which
// a loaded machine does not inflate as it does the time) and the peak heap
// (peak-heap-MB): Pay streams, so the peak must not grow with the rows
// (compare BenchmarkPayout1M).
func BenchmarkPayout100k(b *testing.B) { benchPay(b, people(100000)) }

// BenchmarkPayout1M is BenchmarkPayout100k for 1,000,000 rows (issue 12 §6:
// at most 100 MB).
func BenchmarkPayout1M(b *testing.B) {
	if testing.Short() {
		b.Skip("1,000,000 rows: not in -short")
	}
	benchPay(b, people(1000000))
}

// benchPay pays a month's CSV as handbook payout does, which must have no
// bad row: from a file, to nowhere, with the garbage collector set as the
// command sets it.
func benchPay(b *testing.B, in string) {
	h := fixture.Handbook(b)
	per, _ := engine.ParsePeriod("2026-10")
	path := filepath.Join(b.TempDir(), "people.csv")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		b.Fatal(err)
	}
	in = "" // not kept in the heap measured
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	defer debug.SetGCPercent(debug.SetGCPercent(400))          // as handbook payout sets it
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(64 << 20)) // likewise
	runtime.GC()
	peak := watchHeap()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			b.Fatal(err)
		}
		if _, errs, err := Pay(h, per, "people.csv", f, io.Discard, Config{}); err != nil || len(errs) > 0 {
			b.Fatal(err, errs[:min(3, len(errs))])
		}
	}
	// The processor time of a run, on every core: what the time of a run
	// would be on one core, and about twice the time on two idle ones.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
}

// watchHeap samples the heap (objects, live or not yet collected) every
// millisecond until the returned function is called, which gives the
// largest sample.
func watchHeap() func() uint64 {
	var (
		max  uint64
		stop = make(chan struct{})
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > max {
				max = v
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		return max
	}
}

// reps returns n synthetic rows for a 客服代表's month on the points system:
// pay inputs, events, an award, ladder shortfalls and now and then a red line.
func reps(n int) string {
	var b strings.Builder
	b.WriteString("person,role,pay.base_quota_rate,pay.attendance_rate,pay.member_rate,pay.probation,pay.adopted_suggestions,pay.star_month,pay.profit_received," +
		"points.fuwu-buguifan,points.jinyongyu,points.biaoyang,points.heli-jianyi,points.award.qita-tuchu,points.ladder.jiechuliang,red_lines\n")
	for i := range n {
		ladder := ""
		switch i % 4 {
		case 1:
			ladder = "1:58"
		case 2:
			ladder = "2:62|3:67:met=3"
		case 3:
			ladder = "3:66|4:68:met=3+4"
		}
		red := ""
		if i%97 == 0 {
			red = "huikou"
		}
		fmt.Fprintf(&b, "r%d,kefu-daibiao,%d,%d,%d,%v,%d,%v,%d.00,%d,%d,%d,%d,%d,%s,%s\n",
			i, 85+i%30, 90+i%11, 95+i%60, i%9 == 0, i%3, i%10 == 0, (i%40)*1000, i%3, i%2, i%4, i%2, i%3, ladder, red)
	}
	return b.String()
}

// BenchmarkPayout100kPoints pays a 100,000-row month of 客服代表 on the
// points system: events, awards, ladder steps with their conditions.
func BenchmarkPayout100kPoints(b *testing.B) { benchPay(b, reps(100000)) }

// TestRowsAreIndependent checks that a row's result does not depend on the
// rows decoded before it (workers reuse their storage from row to row): a
// batch of varied rows, some with cells left empty, gives for every row what
// that row gives alone.
func TestRowsAreIndependent(t *testing.T) {
	h := fixture.Handbook(t)
	per, _ := engine.ParsePeriod("2026-10")
	lines := strings.Split(strings.TrimSuffix(people(1200), "\n"), "\n")[1:]
	for i := range lines {
		cells := strings.Split(lines[i], ",")
		switch i % 7 {
		case 3:
			cells[2+i%12] = "" // an item left empty: an error unless it leaks in
		case 5:
			cells[len(cells)-2] = "" // a pay input left empty
		}
		lines[i] = strings.Join(cells, ",")
	}
	write := func(rows []Row) string {
		var b bytes.Buffer
		if err := Write(&b, rows); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	all, _, err := Run(h, per, "people.csv", strings.NewReader(header+strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	errors := 0
	for i, l := range lines {
		one, _, err := Run(h, per, "people.csv", strings.NewReader(header+l+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if one[0].Err != "" {
			errors++
		}
		if got, want := write(all[i:i+1]), write(one); got != want {
			t.Fatalf("row %d in a batch:\n%s\nalone:\n%s", i+2, got, want)
		}
	}
	if errors == 0 {
		t.Error("no row failed: the empty cells did not test anything")
	}
}

// TestRepRowsAreIndependent is TestRowsAreIndependent for the points role:
// events, awards, ladder shortfalls and red lines left out of some rows must
// not be carried over from the row before.
func TestRepRowsAreIndependent(t *testing.T) {
	h := fixture.Handbook(t)
	per, _ := engine.ParsePeriod("2026-10")
	all := strings.Split(strings.TrimSuffix(reps(600), "\n"), "\n")
	head, lines := all[0], all[1:]
	for i := range lines {
		cells := strings.Split(lines[i], ",")
		if i%5 == 2 {
			for j := 9; j < len(cells); j++ {
				cells[j] = "" // no events, awards, shortfalls or red lines this month
			}
			cells[9] = "0"
		}
		lines[i] = strings.Join(cells, ",")
	}
	write := func(rows []Row) string {
		var b bytes.Buffer
		if err := Write(&b, rows); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	batch, _, err := Run(h, per, "people.csv", strings.NewReader(head+"\n"+strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range lines {
		alone, _, err := Run(h, per, "people.csv", strings.NewReader(head+"\n"+l+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.SplitN(write(batch[i:i+1]), "\n", 2)[1], strings.SplitN(write(alone), "\n", 2)[1]; got != want {
			t.Fatalf("row %d in a batch:\n%s\nalone:\n%s", i+2, got, want)
		}
	}
}

// TestPayWritesWhatWriteWrites checks that the streaming Pay gives, byte for
// byte, what Write gives for Run's rows, and the same errors and counts, on
// the director's and the 客服代表's months with bad rows and a person twice.
func TestPayWritesWhatWriteWrites(t *testing.T) {
	h := fixture.Handbook(t)
	per, _ := engine.ParsePeriod("2026-10")
	for name, in := range map[string]string{
		"director": people(3000) + "bad,kefu-zongjian,x,,,,,,,,,,,,,\nshort,row\np7,kefu-zongjian,92,88,true,95,86,1,0,4,3,4,3,5,150000.00,0\n",
		"reps":     reps(3000) + "r5,kefu-daibiao,100,100,100,false,0,false,0.00,0,0,0,0,0,,\n",
	} {
		rows, errs, err := Run(h, per, "people.csv", strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := Write(&want, rows); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		sum, perrs, err := Pay(h, per, "people.csv", strings.NewReader(in), &got, Config{Encoding: UTF8})
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: Pay writes\n%.600s\nWrite writes\n%.600s", name, got.String(), want.String())
		}
		if fmt.Sprint(perrs) != fmt.Sprint(errs) {
			t.Errorf("%s: Pay's errors %v, Run's %v", name, perrs, errs)
		}
		failed := 0
		for _, r := range rows {
			if r.Err != "" {
				failed++
			}
		}
		if sum.Rows != len(rows) || sum.Failed != failed || failed < 2 {
			t.Errorf("%s: summary %+v, Run has %d rows, %d failed", name, sum, len(rows), failed)
		}
	}
}

// TestQuarterlyRowsShowBottomRank guards issue 9 §3.3 in the payout CSV: a
// quarterly file of 客服代表 (fixture) has the columns of the standing
// bottom_rank (正常 or 末位) and of its measure, under their titles, Pay
// writes them as Write does, and a monthly file has none.
func TestQuarterlyRowsShowBottomRank(t *testing.T) {
	h := fixture.Handbook(t)
	// The columns as the header names them: the plan's title and the
	// standing's.
	plan := h.Latest(policy.KindPayPlan, "kefu-daibiao-pay").(*policy.PayPlan)
	col := ""
	for _, st := range plan.Standing {
		if st.Name == "bottom_rank" {
			col = plan.Title + "：" + st.Title
		}
	}
	if col == "" {
		t.Fatal("the fixture's kefu-daibiao-pay has no standing bottom_rank")
	}
	tests := []struct {
		name, period, in string
		want             map[string][2]string // person → label, measure
	}{
		{"quarter", "2026-Q3",
			"person,role,pay.full_quarter_met,pay.star_quarter,pay.points_month_1,pay.points_month_2,pay.points_month_3\n" +
				"a,kefu-daibiao,false,false,70,58,66\nb,kefu-daibiao,true,true,98,103,96\nc,kefu-daibiao,true,false,65,65,65\n",
			map[string][2]string{"a": {"末位", "64.67"}, "b": {"正常", "99.00"}, "c": {"正常", "65.00"}}},
		{"month", "2026-10", reps(3), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			per, _ := engine.ParsePeriod(tt.period)
			var out bytes.Buffer
			if _, errs, err := Pay(h, per, "people.csv", strings.NewReader(tt.in), &out, Config{Encoding: UTF8}); err != nil || len(errs) > 0 {
				t.Fatal(err, errs)
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			head := strings.Split(lines[0], ",")
			at := -1
			for i, h := range head {
				if h == col {
					at = i
				}
			}
			if tt.want == nil {
				if at >= 0 || strings.Contains(lines[0], "的依据") {
					t.Errorf("a monthly file has standing columns: %s", lines[0])
				}
				return
			}
			if at < 0 || at+1 >= len(head) || head[at+1] != col+"的依据" {
				t.Fatalf("header %s: want %s and %s的依据", lines[0], col, col)
			}
			for _, l := range lines[1:] {
				cells := strings.Split(l, ",")
				w := tt.want[cells[0]]
				if cells[at] != w[0] || cells[at+1] != w[1] {
					t.Errorf("%s: %s %s, want %s %s", cells[0], cells[at], cells[at+1], w[0], w[1])
				}
			}
		})
	}
}
