package inputs

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// TestThousandsAsTheRegexp: thousands accepts exactly what the regular
// expression it writes out accepts, on the edge cases and on random texts
// of digits, commas, points and minus signs.
func TestThousandsAsTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)
	cases := []string{"1,000", "-1,234.50", "12,345,678", "1,00", "1,0000", "1000", ",100", "1,000.", "1,000.5.5", "--1,000", "1,000,", "", "-", "1234,567"}
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := []byte("0123456789,,,..-")
	for range 50000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if got, want := thousands(s), re.MatchString(s); got != want {
			t.Errorf("thousands(%q) = %v, the regexp says %v", s, got, want)
		}
	}
}
