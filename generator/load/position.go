package load

import (
	"strings"
	"unicode/utf8"

	"github.com/kefu-hr/handbook/generator/diag"
)

// formulaPos returns the position of byte offset off of a formula whose
// string value is at ptr. It follows the string's quoting: basic or literal,
// single- or multi-line.
func formulaPos(u *unit, ptr, src string, off int) diag.Pos {
	vp := u.vpos(ptr)
	lines := strings.Split(string(u.file.Data), "\n")
	if vp.Line < 1 || vp.Line > len(lines) {
		return vp
	}
	rest := []rune(lines[vp.Line-1])
	if vp.Col-1 < len(rest) {
		rest = rest[vp.Col-1:]
	}
	q := 1
	if r := string(rest); strings.HasPrefix(r, `"""`) || strings.HasPrefix(r, `'''`) {
		q = 3
		if len(rest) == 3 { // a newline right after the opening quotes is trimmed
			vp.Line++
			vp.Col = 1
			q = 0
		}
	}
	if off > len(src) {
		off = len(src)
	}
	before := src[:off]
	if n := strings.Count(before, "\n"); n > 0 {
		return diag.Pos{File: vp.File, Line: vp.Line + n, Col: utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1}
	}
	vp.Col += q + utf8.RuneCountInString(before)
	return vp
}
