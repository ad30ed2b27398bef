package sorted_test

import (
	"maps"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"testing"

	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/sorted"
)

// item has a key to sort by and a tag that tells apart items whose keys
// are equal, so that the order of ties is compared too.
type item struct {
	key int
	tag string
}

func cmpItems(a, b item) int { return a.key - b.key }

// inputs are slices of every length up to past the insertion sort's
// threshold (12) and sort.Stable's blocks (20), with few distinct keys
// (many ties), many, and presorted and reversed runs.
func inputs() [][]item {
	r := rand.New(rand.NewPCG(1, 2))
	var out [][]item
	for _, n := range []int{0, 1, 2, 3, 5, 12, 13, 20, 21, 40, 50, 100, 257, 1000} {
		for _, keys := range []int{1, 3, 10, 1 << 20} {
			xs := make([]item, n)
			for i := range xs {
				xs[i] = item{r.IntN(keys), strconv.Itoa(i)}
			}
			out = append(out, xs)
			sortedRun := slices.Clone(xs)
			slices.SortStableFunc(sortedRun, cmpItems)
			out = append(out, sortedRun, reversed(sortedRun))
		}
	}
	return out
}

func reversed(xs []item) []item {
	ys := slices.Clone(xs)
	slices.Reverse(ys)
	return ys
}

// TestSameOrder: each function leaves its slice exactly as the function
// of slices or sort it stands for, ties included.
func TestSameOrder(t *testing.T) {
	tests := []struct {
		name      string
		ours, std func([]item)
	}{
		{"Func", func(xs []item) { sorted.Func(xs, cmpItems) }, func(xs []item) { slices.SortFunc(xs, cmpItems) }},
		{"StableFunc", func(xs []item) { sorted.StableFunc(xs, cmpItems) }, func(xs []item) { slices.SortStableFunc(xs, cmpItems) }},
		{"SliceStable", func(xs []item) { sorted.SliceStable(xs, func(i, j int) bool { return xs[i].key < xs[j].key }) },
			func(xs []item) { sort.SliceStable(xs, func(i, j int) bool { return xs[i].key < xs[j].key }) }},
	}
	for _, tt := range tests {
		for _, in := range inputs() {
			got, want := slices.Clone(in), slices.Clone(in)
			tt.ours(got)
			tt.std(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s on %d items: %v, want %v", tt.name, len(in), got, want)
			}
		}
	}
}

// TestStringsIntsKeys: Strings, Ints and Keys (and AppendKeys) sort as sort.Strings,
// sort.Ints and slices.Sorted(maps.Keys(m)) do; Keys of an empty map is
// nil, as slices.Sorted's is.
func TestStringsIntsKeys(t *testing.T) {
	for _, in := range inputs() {
		ints := make([]int, len(in))
		strs := make([]string, len(in))
		m := map[string]item{}
		for i, x := range in {
			ints[i] = x.key
			strs[i] = strconv.Itoa(x.key)
			m[strs[i]+"/"+x.tag] = x
		}
		gotInts, wantInts := slices.Clone(ints), slices.Clone(ints)
		sorted.Ints(gotInts)
		sort.Ints(wantInts)
		if !slices.Equal(gotInts, wantInts) {
			t.Errorf("Ints(%v) = %v, want %v", ints, gotInts, wantInts)
		}
		gotStrs, wantStrs := slices.Clone(strs), slices.Clone(strs)
		sorted.Strings(gotStrs)
		sort.Strings(wantStrs)
		if !slices.Equal(gotStrs, wantStrs) {
			t.Errorf("Strings(%v) = %v, want %v", strs, gotStrs, wantStrs)
		}
		got, want := sorted.Keys(m), slices.Sorted(maps.Keys(m))
		if !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Errorf("Keys of %d = %#v, want %#v", len(m), got, want)
		}
		// AppendKeys sorts what it appends and leaves what buf held.
		var buf [2]string
		prefix := append(buf[:0], "zz")
		if got := sorted.AppendKeys(prefix, m); !slices.Equal(got, append([]string{"zz"}, want...)) {
			t.Errorf("AppendKeys([zz], map of %d) = %#v, want zz then %#v", len(m), got, want)
		}
	}
}
