// Package sorted sorts as slices.SortFunc, slices.SortStableFunc,
// sort.SliceStable, sort.Strings and slices.Sorted(maps.Keys(m)) do, with
// the same results, through package sort's two implementations (sort.Sort
// and sort.Stable, which sort an interface) instead of a generic one per
// element type: the browser calculator's WebAssembly linked five copies of
// slices' pattern-defeating quicksort (some 80 KB), and sort.SliceStable
// linked the reflect-based swapper of internal/reflectlite. Here a type
// costs three small methods.
//
// Func is sort.Sort, the same algorithm as slices.SortFunc: it leaves
// elements that compare equal in the order slices.SortFunc leaves them.
// StableFunc and SliceStable are sort.Stable.
//
// Used by generator/calculator, generator/engine, generator/formula,
// generator/inputs, generator/policy.
package sorted
