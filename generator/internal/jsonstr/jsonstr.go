package jsonstr

import "unicode/utf8"

// Append appends s as a JSON string as encoding/json writes it
// with HTML escaping: ", \ and control characters escaped, <, > and & as
// \u003c …, U+2028 and U+2029 as \u2028 and \u2029, and each byte of
// invalid UTF-8 as \ufffd. It decodes each character beyond ASCII rather
// than check the whole text with utf8.ValidString first, which the
// calculator's WebAssembly would link for this alone.
func Append(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			if int(c) < len(shortEscapes) && shortEscapes[c] != "" {
				b = append(b, shortEscapes[c]...)
			} else {
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		esc := ""
		switch {
		case r == utf8.RuneError && size == 1:
			esc = `\ufffd`
		case r == '\u2028':
			esc = `\u2028`
		case r == '\u2029':
			esc = `\u2029`
		}
		if esc != "" {
			b = append(b, s[start:i]...)
			b = append(b, esc...)
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// shortEscapes are the characters JSON escapes with a backslash and a
// letter or themselves; the other unsafe ones are written \u00XX.
var shortEscapes = [...]string{'\\': `\\`, '"': `\"`, '\b': `\b`, '\f': `\f`, '\n': `\n`, '\r': `\r`, '\t': `\t`}

// jsonSafe are the ASCII bytes encoding/json writes as they are when it
// escapes HTML.
var jsonSafe = func() (m [utf8.RuneSelf]bool) {
	for c := byte(0x20); c < utf8.RuneSelf; c++ {
		m[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return m
}()
