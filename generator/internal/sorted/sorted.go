package sorted

import "sort"

// Func sorts s in increasing order as determined by cmp, as
// slices.SortFunc does (and in the same order: both are sort's
// pattern-defeating quicksort). It is not stable.
func Func[E any](s []E, cmp func(a, b E) int) {
	sort.Sort(&byFunc[E]{s, cmp})
}

// StableFunc sorts s as Func does, keeping elements that compare equal
// in their original order, as slices.SortStableFunc does.
func StableFunc[E any](s []E, cmp func(a, b E) int) {
	sort.Stable(&byFunc[E]{s, cmp})
}

// SliceStable sorts s, keeping equal elements in their original order, as
// sort.SliceStable does: less(i, j) reports whether s[i] goes before s[j].
func SliceStable[E any](s []E, less func(i, j int) bool) {
	sort.Stable(&byIndex[E]{s, less})
}

// Strings sorts xs in increasing order, as sort.Strings does.
func Strings(xs []string) {
	//lint:ignore S1032 sort.Strings is slices.Sort: an instantiation more
	sort.Sort(sort.StringSlice(xs))
}

// Ints sorts xs in increasing order, as sort.Ints does.
func Ints(xs []int) {
	//lint:ignore S1032 sort.Ints is slices.Sort: an instantiation more
	sort.Sort(sort.IntSlice(xs))
}

// Keys returns the keys of m in increasing order, as
// slices.Sorted(maps.Keys(m)) does: nil if m is empty.
func Keys[M ~map[string]V, V any](m M) []string {
	if len(m) == 0 {
		return nil
	}
	return AppendKeys(make([]string, 0, len(m)), m)
}

// AppendKeys appends the keys of m to buf, in increasing order (a caller
// with a small array of its own sorts them without allocating).
func AppendKeys[M ~map[string]V, V any](buf []string, m M) []string {
	n := len(buf)
	for k := range m {
		buf = append(buf, k)
	}
	Strings(buf[n:])
	return buf
}

// byFunc is a slice and its comparison as a sort.Interface.
type byFunc[E any] struct {
	s   []E
	cmp func(a, b E) int
}

func (b *byFunc[E]) Len() int           { return len(b.s) }
func (b *byFunc[E]) Less(i, j int) bool { return b.cmp(b.s[i], b.s[j]) < 0 }
func (b *byFunc[E]) Swap(i, j int)      { b.s[i], b.s[j] = b.s[j], b.s[i] }

// byIndex is a slice and a less function of indexes as a sort.Interface.
type byIndex[E any] struct {
	s    []E
	less func(i, j int) bool
}

func (b *byIndex[E]) Len() int           { return len(b.s) }
func (b *byIndex[E]) Less(i, j int) bool { return b.less(i, j) }
func (b *byIndex[E]) Swap(i, j int)      { b.s[i], b.s[j] = b.s[j], b.s[i] }
