package tomlpos

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/kefu-hr/handbook/generator/diag"
)

// Position is a 1-based line and character column.
type Position struct {
	Line, Col int
}

// entry is what the index knows about one pointer.
type entry struct {
	key   Position // where the key (or table header) is written
	value Position // where the value starts; zero when unknown
}

// Index maps JSON pointers to positions in one document.
type Index struct {
	src     []byte
	lineOff []int // byte offset of the start of each line
	m       map[string]entry
	arrays  map[string]int // pointer of an array of tables → elements so far
}

// New indexes src. It returns an error only when src is not valid TOML; the
// caller normally parses with another decoder first and reports that error.
func New(src []byte) (*Index, error) {
	ix := &Index{src: src, m: map[string]entry{}, arrays: map[string]int{}}
	ix.lineOff = append(ix.lineOff, 0)
	for i, c := range src {
		if c == '\n' {
			ix.lineOff = append(ix.lineOff, i+1)
		}
	}
	var p unstable.Parser
	p.Reset(src)
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			keys, first := keyParts(e)
			table = ix.resolve("", keys)
			ix.set(table, ix.pos(first), Position{})
		case unstable.ArrayTable:
			keys, first := keyParts(e)
			parent := ix.resolve("", keys[:len(keys)-1])
			arr := parent + "/" + Escape(keys[len(keys)-1])
			n := ix.arrays[arr]
			ix.arrays[arr] = n + 1
			table = arr + "/" + strconv.Itoa(n)
			at := ix.pos(first)
			if n == 0 {
				ix.set(arr, at, Position{})
			}
			ix.set(table, at, Position{})
		case unstable.KeyValue:
			ix.keyValue(table, e)
		}
	}
	if err := p.Error(); err != nil {
		return nil, err
	}
	return ix, nil
}

// keyParts returns the parts of a node's key and the node of its first part.
func keyParts(n *unstable.Node) ([]string, *unstable.Node) {
	var parts []string
	var first *unstable.Node
	it := n.Key()
	for it.Next() {
		k := it.Node()
		if first == nil {
			first = k
		}
		parts = append(parts, string(k.Data))
	}
	return parts, first
}

// resolve appends keys to a table pointer, descending into the last element
// of any array of tables met on the way, as TOML headers do.
func (ix *Index) resolve(ptr string, keys []string) string {
	for _, k := range keys {
		ptr += "/" + Escape(k)
		if n, ok := ix.arrays[ptr]; ok {
			ptr += "/" + strconv.Itoa(n-1)
		}
	}
	return ptr
}

// keyValue indexes a key = value line (or an entry of an inline table) under
// table.
func (ix *Index) keyValue(table string, kv *unstable.Node) {
	keys, first := keyParts(kv)
	ptr := table
	keyPos := ix.pos(first)
	for _, k := range keys {
		ptr += "/" + Escape(k)
		ix.set(ptr, keyPos, Position{})
	}
	ix.value(ptr, keyPos, kv.Value())
}

// value indexes a value and, for arrays and inline tables, its elements.
func (ix *Index) value(ptr string, keyPos Position, v *unstable.Node) {
	vp := ix.pos(v)
	ix.m[ptr] = entry{key: keyPos, value: vp}
	switch v.Kind {
	case unstable.Array:
		i := 0
		it := v.Children()
		for it.Next() {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			ep := ix.pos(c)
			if ep == (Position{}) {
				ep = vp
			}
			ix.value(ptr+"/"+strconv.Itoa(i), ep, c)
			i++
		}
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			c := it.Node()
			if c.Kind == unstable.KeyValue {
				ix.keyValue(ptr, c)
			}
		}
	}
}

func (ix *Index) set(ptr string, key, value Position) {
	if _, ok := ix.m[ptr]; !ok {
		ix.m[ptr] = entry{key: key, value: value}
	}
}

// pos converts a node's raw byte range to a position; zero when the node
// carries no range (arrays).
func (ix *Index) pos(n *unstable.Node) Position {
	if n == nil || n.Raw.Length == 0 && n.Kind == unstable.Array {
		return Position{}
	}
	return ix.Offset(int(n.Raw.Offset))
}

// Offset converts a byte offset in the document to a position.
func (ix *Index) Offset(off int) Position {
	line := 0
	lo, hi := 0, len(ix.lineOff)-1
	for lo <= hi {
		mid := (lo + hi) / 2
		if ix.lineOff[mid] <= off {
			line = mid
			lo = mid + 1
		} else {
			hi = mid - 1
		}
	}
	start := ix.lineOff[line]
	end := len(ix.src)
	if line+1 < len(ix.lineOff) {
		end = ix.lineOff[line+1]
	}
	text := ix.src[start:end]
	if off-start > len(text) {
		off = start + len(text)
	}
	return Position{Line: line + 1, Col: len(bytes.Runes(text[:off-start])) + 1}
}

// Key returns the position of the key that holds the value at ptr. For a
// pointer that is not in the document (a missing key), it falls back to the
// nearest ancestor that is, so that "missing key" errors point at the table
// that lacks it. The root pointer "" is line 1, column 1.
func (ix *Index) Key(ptr string) Position {
	for {
		if e, ok := ix.m[ptr]; ok && e.key.Line > 0 {
			return e.key
		}
		if ptr == "" {
			return Position{Line: 1, Col: 1}
		}
		ptr = ptr[:strings.LastIndexByte(ptr, '/')]
	}
}

// Value returns the position where the value at ptr starts, or its key's
// position when the value's own position is not known.
func (ix *Index) Value(ptr string) Position {
	if e, ok := ix.m[ptr]; ok && e.value.Line > 0 {
		return e.value
	}
	return ix.Key(ptr)
}

// Has reports whether ptr names a value present in the document.
func (ix *Index) Has(ptr string) bool {
	_, ok := ix.m[ptr]
	return ok
}

// Escape escapes a key for use as a JSON pointer token (RFC 6901).
func Escape(k string) string {
	if !strings.ContainsAny(k, "~/") {
		return k
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(k)
}

// KeyPath turns a JSON pointer into the dotted key path people read, e.g.
// /part/0/item/2/weight → part[0].item[2].weight.
func KeyPath(ptr string) string { return diag.KeyPath(ptr) }
