package calculator

import (
	"testing"
)

// BenchmarkKeystroke is what the page asks of the calculator per
// keystroke: a worked case computed from its form's text (no report, no
// next) and written as the JSON the page parses.
func BenchmarkKeystroke(b *testing.B) {
	calc := shipped(b)
	var reqs []Request
	for _, wc := range workedCases(b, calc.Handbook()) {
		r := wc.req
		r.Report, r.Next, r.Title = false, false, ""
		reqs = append(reqs, r)
	}
	b.ResetTimer()
	for i := range b.N {
		AppendAnswer(nil, calc.Compute(reqs[i%len(reqs)]))
	}
}
