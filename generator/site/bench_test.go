package site

import (
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/policy"
)

// synthetic makes a handbook of n roles from the fixture's: every role is
// copied under new ids with its own copies of its scorecards and pay plan,
// reporting to a role of the copy before it, so that the org chart, the
// reporting lines and every per-policy page grow with n. The copies share
// the fixture's compiled rules, which the site only reads.
func synthetic(tb testing.TB, n int) *policy.Handbook {
	h := fixture.Handbook(tb)
	var roles []*policy.Role
	var all []policy.Policy
	for _, p := range h.All() {
		if r, ok := p.(*policy.Role); ok && h.Latest(policy.KindRole, r.ID) == p {
			roles = append(roles, r)
			continue
		}
		all = append(all, p)
	}
	prev := ""
	for i := 0; i < n; i++ {
		src := roles[i%len(roles)]
		r := policy.Copy(src).(*policy.Role)
		r.ID = fmt.Sprintf("%s-%d", src.ID, i)
		r.Title = fmt.Sprintf("%s %d", src.Title, i)
		r.ReportsTo = nil
		if prev != "" {
			r.ReportsTo = []string{prev}
		}
		if i%7 == 0 {
			prev = r.ID // a manager every seven roles
		}
		r.Scorecards = nil
		for _, id := range src.Scorecards {
			sc, ok := h.Latest(policy.KindScorecard, id).(*policy.Scorecard)
			if !ok {
				continue
			}
			c := policy.Copy(sc)
			c.Head().ID = fmt.Sprintf("%s-%d", sc.ID, i)
			r.Scorecards = append(r.Scorecards, c.Head().ID)
			all = append(all, c)
		}
		if pp, ok := h.Latest(policy.KindPayPlan, src.PayPlan).(*policy.PayPlan); ok {
			c := policy.Copy(pp)
			c.Head().ID = fmt.Sprintf("%s-%d", pp.ID, i)
			r.PayPlan = c.Head().ID
			all = append(all, c)
		}
		r.Promotion = nil
		all = append(all, r)
	}
	return policy.New(all)
}

// BenchmarkBuild builds the site of a synthetic handbook of 1,000 and 5,000
// roles and reports the time per page (and the processor time per page,
// on every core together) and the peak of the heap. "memory"
// keeps every page, as tests and handbook serve do; the other two write
// each page as it is made, as handbook build does, through a Writer that
// puts the new site in place of the old one: "write" over the site of an
// earlier build (made before the timing starts), as a person running build
// again does, "write-new" into a directory that does not exist yet.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		h := synthetic(b, n)
		for _, mode := range []string{"memory", "write", "write-new"} {
			b.Run(fmt.Sprintf("roles=%d/%s", n, mode), func(b *testing.B) {
				in := Input{Handbook: h, Origin: "synthetic"}
				root := b.TempDir()
				dir := filepath.Join(root, "public")
				build := func(dir string) int {
					var w *Writer
					if mode != "memory" {
						var err error
						if w, err = NewWriter(dir); err != nil {
							b.Fatal(err)
						}
						in.Sink = w.Sink
					}
					ps, err := Build(in)
					if err == nil && w != nil {
						err = w.Commit(nil)
					}
					if err != nil {
						b.Fatal(err)
					}
					return len(ps)
				}
				if mode == "write" {
					build(dir)
				}
				runtime.GC()
				peak := watchHeap()
				cpu0 := cpuTime()
				b.ResetTimer()
				pages, i := 0, 0
				for b.Loop() {
					if mode == "write-new" {
						i++
						dir = filepath.Join(root, fmt.Sprint("new", i))
					}
					pages = build(dir)
				}
				b.StopTimer()
				cpu := cpuTime() - cpu0
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(pages), "ms/page")
				// The processor time of every core per page: unlike ms/page it
				// hardly moves when other programs share the machine.
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N)/float64(pages), "cpu-ms/page")
				b.ReportMetric(float64(pages), "pages")
				heap, live := peak()
				b.ReportMetric(float64(heap)/(1<<20), "MB-peak-heap")
				b.ReportMetric(float64(live)/(1<<20), "MB-peak-live")
			})
		}
	}
}

// watchHeap samples the heap every millisecond until the returned function
// is called, which returns the largest heap (live objects and garbage not
// yet swept) and the largest live heap (as the last collection found it).
func watchHeap() func() (heap, live uint64) {
	var (
		mu         sync.Mutex
		maxH, maxL uint64
		done       = make(chan struct{})
		wg         sync.WaitGroup
	)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			mu.Lock()
			maxH = maxOf(maxH, sample[0].Value.Uint64())
			maxL = maxOf(maxL, sample[1].Value.Uint64())
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() (uint64, uint64) {
		close(done)
		wg.Wait()
		return maxH, maxL
	}
}

func maxOf(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}
