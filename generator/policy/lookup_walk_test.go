package policy_test

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
)

// TestNumberRefWalksAsByReflection: NumberRef.Number, which walks a path
// with code generated from the policy model (lookup_gen.go), finds what the
// reflective walk it replaced found, or fails with its message, for every
// path into every policy of the shipped handbook and of the fixture: each
// key and entry (by index, id and name) down to the leaves, and at every
// node keys and entries that are not there.
func TestNumberRefWalksAsByReflection(t *testing.T) {
	shipped, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	paths := 0
	for _, h := range []*policy.Handbook{shipped, fixture.Handbook(t)} {
		for _, p := range h.All() {
			var visit func(v reflect.Value, path []string, depth int)
			visit = func(v reflect.Value, path []string, depth int) {
				check := func(path []string) {
					paths++
					ref := policy.NumberRef{Kind: p.Head().Kind, ID: p.Head().ID, Path: path}
					got, gotErr := ref.Number(p)
					want, wantErr := reflectNumber(ref.Path, p)
					if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || gotErr == nil && got.String() != want.String() {
						t.Fatalf("%s: %s, %v; by reflection %s, %v", ref, got, gotErr, want, wantErr)
					}
				}
				grow := func(seg string) []string { return append(path[:len(path):len(path)], seg) }
				for _, bad := range []string{"nope", "", "-1", "999", "+0", "id", "name"} {
					check(grow(bad))
				}
				if depth > 8 {
					return
				}
				for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
					if v.IsNil() {
						return
					}
					v = v.Elem()
				}
				switch v.Kind() {
				case reflect.Struct:
					for _, k := range reflectKeys(v.Type()) {
						f, _ := reflectField(v, k)
						check(grow(k))
						visit(f, grow(k), depth+1)
					}
				case reflect.Slice:
					for i := range v.Len() {
						visit(v.Index(i), grow(strconv.Itoa(i)), depth+1)
						if e := reflect.Indirect(v.Index(i)); e.Kind() == reflect.Struct {
							for _, key := range []string{"id", "name"} {
								if f, ok := reflectField(e, key); ok && f.Kind() == reflect.String {
									check(grow(f.String()))
								}
							}
						}
					}
				}
			}
			visit(reflect.ValueOf(p.Written()), nil, 0)
		}
	}
	t.Logf("%d paths walked as by reflection", paths)
}

// reflectNumber is NumberRef.Number as it was written with reflect.
func reflectNumber(path []string, p policy.Policy) (exact.Decimal, error) {
	v := reflect.ValueOf(p.Written())
	for i, seg := range path {
		next, err := reflectStep(v, seg)
		if err != nil {
			return exact.Decimal{}, fmt.Errorf("%s: %v", strings.Join(path[:i+1], "/"), err)
		}
		v = next
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return exact.Decimal{}, fmt.Errorf("%s is not set", strings.Join(path, "/"))
		}
		v = v.Elem()
	}
	switch x := v.Interface().(type) {
	case exact.Decimal:
		return x, nil
	case int:
		return exact.FromInt(int64(x)), nil
	}
	return exact.Decimal{}, fmt.Errorf("%s is not a number", strings.Join(path, "/"))
}

func reflectStep(v reflect.Value, seg string) (reflect.Value, error) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return v, fmt.Errorf("nothing there")
		}
		v = v.Elem()
	}
	if v.Type() == reflect.TypeFor[exact.Decimal]() {
		return v, fmt.Errorf("%q: a number has no keys", seg)
	}
	switch v.Kind() {
	case reflect.Struct:
		if f, ok := reflectField(v, seg); ok {
			return f, nil
		}
		return v, fmt.Errorf("no key %q", seg)
	case reflect.Slice:
		for i := range v.Len() {
			e := reflect.Indirect(v.Index(i))
			if e.Kind() != reflect.Struct {
				continue
			}
			for _, key := range []string{"id", "name"} {
				if f, ok := reflectField(e, key); ok && f.Kind() == reflect.String && f.String() == seg {
					return v.Index(i), nil
				}
			}
		}
		if i, err := strconv.Atoi(seg); err == nil && i >= 0 && i < v.Len() {
			return v.Index(i), nil
		}
		return v, fmt.Errorf("no entry %q (an id, a name or an index from 0 to %d)", seg, v.Len()-1)
	}
	return v, fmt.Errorf("%q: a number has no keys", seg)
}

func reflectField(v reflect.Value, key string) (reflect.Value, bool) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if f.Anonymous && tag == "" {
			if got, ok := reflectField(v.Field(i), key); ok {
				return got, true
			}
			continue
		}
		if tag == key {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// reflectKeys lists the TOML keys of struct type t, embedded structs' too.
func reflectKeys(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if f.Anonymous && tag == "" {
			out = append(out, reflectKeys(f.Type)...)
			continue
		}
		out = append(out, tag)
	}
	return out
}
