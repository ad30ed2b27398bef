package printf

import (
	"io"
	"runtime"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sprintf formats according to a format and returns the string, as
// fmt.Sprintf does.
func Sprintf(format string, args ...any) string {
	p := newPrinter()
	p.doPrintf(format, args)
	s := string(p.buf)
	p.free()
	return s
}

// Fprintf formats according to a format and writes to w, as fmt.Fprintf
// does. It returns the number of bytes written and any write error.
func Fprintf(w io.Writer, format string, args ...any) (int, error) {
	p := newPrinter()
	p.doPrintf(format, args)
	n, err := w.Write(p.buf)
	p.free()
	return n, err
}

// Appendf formats according to a format, appends the result to b and
// returns the extended slice, as fmt.Appendf does.
func Appendf(b []byte, format string, args ...any) []byte {
	p := newPrinter()
	p.doPrintf(format, args)
	b = append(b, p.buf...)
	p.free()
	return b
}

// free readies p for the next call (newPrinter, in pool_*.go), unless
// its buffer grew large.
func (p *printer) free() {
	if cap(p.buf) > 64<<10 {
		p.buf = nil
	}
	p.buf = p.buf[:0]
	putPrinter(p)
}

// The texts fmt writes where a format and its arguments do not agree, and
// unsupported, where fmt would format and this package cannot.
const (
	percentBang = "%!"
	missing     = "(MISSING)"
	badIndex    = "(BADINDEX)"
	panicked    = "(PANIC="
	extra       = "%!(EXTRA "
	badWidth    = "%!(BADWIDTH)"
	badPrec     = "%!(BADPREC)"
	noVerb      = "%!(NOVERB)"
	nilAngle    = "<nil>"
	unsupported = "(UNSUPPORTED)"
)

// flags are one directive's flags, width and precision.
type flags struct {
	widPresent, precPresent   bool
	minus, plus, sharp, space bool
	zero                      bool
	wid, prec                 int
}

// printer is the state of one Appendf: fmt's pp and fmt together.
type printer struct {
	buf []byte
	flags
	// erroring is set while a bad verb's argument is written, so that its
	// methods are not called (as in fmt).
	erroring bool
	// panicking is set while a panic in a method is written.
	panicking bool
	// scratch holds a number or a quoted string before it is padded.
	scratch [68]byte
	// reordered is set once the format has used an argument index.
	reordered  bool
	goodArgNum bool
}

// doPrintf is fmt's doPrintf: the parse of the format is the same.
func (p *printer) doPrintf(format string, a []any) {
	end := len(format)
	argNum := 0
	afterIndex := false
	p.reordered = false
	for i := 0; i < end; {
		p.goodArgNum = true
		lasti := i
		for i < end && format[i] != '%' {
			i++
		}
		if i > lasti {
			p.buf = append(p.buf, format[lasti:i]...)
		}
		if i >= end {
			break
		}
		i++ // the %
		p.flags = flags{}
	flagLoop:
		for ; i < end; i++ {
			switch format[i] {
			case '#':
				p.sharp = true
			case '0':
				p.zero = true
			case '+':
				p.plus = true
			case '-':
				p.minus = true
			case ' ':
				p.space = true
			default:
				break flagLoop
			}
		}

		argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))

		if i < end && format[i] == '*' {
			i++
			p.wid, p.widPresent, argNum = intFromArg(a, argNum)
			if !p.widPresent {
				p.buf = append(p.buf, badWidth...)
			}
			if p.wid < 0 {
				p.wid = -p.wid
				p.minus = true
				p.zero = false
			}
			afterIndex = false
		} else {
			p.wid, p.widPresent, i = parsenum(format, i, end)
			if afterIndex && p.widPresent { // "%[3]2d"
				p.goodArgNum = false
			}
		}

		if i+1 < end && format[i] == '.' {
			i++
			if afterIndex { // "%[3].2d"
				p.goodArgNum = false
			}
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
			if i < end && format[i] == '*' {
				i++
				p.prec, p.precPresent, argNum = intFromArg(a, argNum)
				if p.prec < 0 {
					p.prec = 0
					p.precPresent = false
				}
				if !p.precPresent {
					p.buf = append(p.buf, badPrec...)
				}
				afterIndex = false
			} else {
				p.prec, p.precPresent, i = parsenum(format, i, end)
				if !p.precPresent {
					p.prec = 0
					p.precPresent = true
				}
			}
		}

		if !afterIndex {
			argNum, i, _ = p.argNumber(argNum, format, i, len(a))
		}

		if i >= end {
			p.buf = append(p.buf, noVerb...)
			break
		}

		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size

		switch {
		case verb == '%': // takes no argument; ignores width and precision
			p.buf = append(p.buf, '%')
		case !p.goodArgNum:
			p.bang(verb, badIndex)
		case argNum >= len(a):
			p.bang(verb, missing)
		case p.plus || p.sharp || p.space:
			// fmt's +, # and space: not used in the handbook, not
			// implemented.
			p.bang(verb, unsupported)
			argNum++
		default:
			p.printArg(a[argNum], verb)
			argNum++
		}
	}

	if !p.reordered && argNum < len(a) {
		p.flags = flags{}
		p.buf = append(p.buf, extra...)
		for i, arg := range a[argNum:] {
			if i > 0 {
				p.buf = append(p.buf, ", "...)
			}
			if arg == nil {
				p.buf = append(p.buf, nilAngle...)
				continue
			}
			name := typeName(arg)
			if name == "" {
				p.buf = append(p.buf, unsupported[1:len(unsupported)-1]...)
				continue
			}
			p.buf = append(p.buf, name...)
			p.buf = append(p.buf, '=')
			p.printArg(arg, 'v')
		}
		p.buf = append(p.buf, ')')
	}
}

// bang writes %!verb followed by what went wrong.
func (p *printer) bang(verb rune, what string) {
	p.buf = append(p.buf, percentBang...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, what...)
}

// printArg formats one argument with one verb.
func (p *printer) printArg(arg any, verb rune) {
	if arg == nil {
		switch verb {
		case 'T', 'v':
			p.padString(nilAngle)
		default:
			p.bang(verb, "("+nilAngle+")")
		}
		return
	}
	if verb == 'T' || verb == 'p' { // the type and the address: reflect
		p.bang(verb, unsupported)
		return
	}
	switch x := arg.(type) {
	case bool:
		p.fmtBool(arg, x, verb)
	case int:
		p.fmtInteger(arg, uint64(x), true, verb)
	case int8:
		p.fmtInteger(arg, uint64(x), true, verb)
	case int16:
		p.fmtInteger(arg, uint64(x), true, verb)
	case int32:
		p.fmtInteger(arg, uint64(x), true, verb)
	case int64:
		p.fmtInteger(arg, uint64(x), true, verb)
	case uint:
		p.fmtInteger(arg, uint64(x), false, verb)
	case uint8:
		p.fmtInteger(arg, uint64(x), false, verb)
	case uint16:
		p.fmtInteger(arg, uint64(x), false, verb)
	case uint32:
		p.fmtInteger(arg, uint64(x), false, verb)
	case uint64:
		p.fmtInteger(arg, x, false, verb)
	case uintptr:
		p.fmtInteger(arg, uint64(x), false, verb)
	case string:
		p.fmtString(arg, x, verb)
	case []string:
		switch verb {
		case 'x', 'X':
			p.bang(verb, unsupported)
			return
		case 'w': // only Errorf takes it, for an error
			p.badVerb(arg, verb)
			return
		}
		p.buf = append(p.buf, '[')
		for i, s := range x {
			if i > 0 {
				p.buf = append(p.buf, ' ')
			}
			p.fmtString(s, s, verb)
		}
		p.buf = append(p.buf, ']')
	default:
		if !p.handleMethods(arg, verb) {
			p.bang(verb, unsupported)
		}
	}
}

// handleMethods formats a value by its Error or String method, for the
// verbs that take a string, as fmt does. It reports whether it did.
func (p *printer) handleMethods(arg any, verb rune) (handled bool) {
	if p.erroring {
		return false
	}
	switch verb {
	case 'v', 's', 'q':
		switch v := arg.(type) {
		case error:
			handled = true // before the call, which may panic
			defer p.catchPanic(arg, verb, "Error")
			p.fmtString(nil, v.Error(), verb)
		case interface{ String() string }:
			handled = true
			defer p.catchPanic(arg, verb, "String")
			p.fmtString(nil, v.String(), verb)
		}
	}
	return handled
}

// catchPanic writes what fmt writes when an Error or String method
// panics: <nil> for a nil pointer (here: a runtime error about a nil
// pointer, which is what calling the method of a nil pointer raises), else
// %!v(PANIC=String method: the panic).
func (p *printer) catchPanic(arg any, verb rune, method string) {
	err := recover()
	if err == nil {
		return
	}
	if re, ok := err.(runtime.Error); ok && (strings.Contains(re.Error(), "nil pointer") || strings.Contains(re.Error(), "called using nil")) {
		p.buf = append(p.buf, nilAngle...)
		return
	}
	if p.panicking {
		panic(err)
	}
	old := p.flags
	p.flags = flags{}
	p.buf = append(p.buf, percentBang...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, panicked...)
	p.buf = append(p.buf, method...)
	p.buf = append(p.buf, " method: "...)
	p.panicking = true
	p.printArg(err, 'v')
	p.panicking = false
	p.buf = append(p.buf, ')')
	p.flags = old
}

// badVerb writes %!verb(type=value) for an argument whose type the verb
// does not suit (fmt's badVerb); arg is nil for a string from a method.
func (p *printer) badVerb(arg any, verb rune) {
	name := typeName(arg)
	if name == "" {
		p.bang(verb, unsupported)
		return
	}
	p.erroring = true
	p.buf = append(p.buf, percentBang...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, '(')
	p.buf = append(p.buf, name...)
	p.buf = append(p.buf, '=')
	p.printArg(arg, 'v')
	p.buf = append(p.buf, ')')
	p.erroring = false
}

// typeName is the name fmt gives the types printArg formats itself, ""
// for others.
func typeName(arg any) string {
	switch arg.(type) {
	case bool:
		return "bool"
	case int:
		return "int"
	case int8:
		return "int8"
	case int16:
		return "int16"
	case int32:
		return "int32"
	case int64:
		return "int64"
	case uint:
		return "uint"
	case uint8:
		return "uint8"
	case uint16:
		return "uint16"
	case uint32:
		return "uint32"
	case uint64:
		return "uint64"
	case uintptr:
		return "uintptr"
	case string:
		return "string"
	case []string:
		return "[]string"
	}
	return ""
}

func (p *printer) fmtBool(arg any, v bool, verb rune) {
	if !p.takes(arg, verb, "tv", "tv") {
		return
	}
	if v {
		p.padString("true")
	} else {
		p.padString("false")
	}
}

// takes reports whether printf formats a basic type with verb: the verbs
// ours. For a verb that fmt formats (fmts) but printf does not, it writes
// %!verb(UNSUPPORTED); for one that fmt does not either, what fmt writes.
func (p *printer) takes(arg any, verb rune, ours, fmts string) bool {
	switch {
	case hasVerb(ours, verb):
		return true
	case hasVerb(fmts, verb):
		p.bang(verb, unsupported)
	default:
		p.badVerb(arg, verb)
	}
	return false
}

// hasVerb reports whether the ASCII verbs include verb: strings.ContainsRune
// without strings.IndexRune, which nothing else in the calculator needs.
func hasVerb(verbs string, verb rune) bool {
	return verb < utf8.RuneSelf && strings.IndexByte(verbs, byte(verb)) >= 0
}

// fmtString formats a string with v, s or q (a method's string), or an
// argument arg that is a string with any verb.
func (p *printer) fmtString(arg any, v string, verb rune) {
	if !p.takes(arg, verb, "vsq", "vsqxX") {
		return
	}
	if verb == 'q' {
		p.pad(strconv.AppendQuote(p.scratch[:0], p.truncate(v)))
		return
	}
	p.padString(p.truncate(v))
}

// truncate cuts s to the precision, in characters, if there is one.
func (p *printer) truncate(s string) string {
	if p.precPresent {
		n := p.prec
		for i := range s {
			n--
			if n < 0 {
				return s[:i]
			}
		}
	}
	return s
}

func (p *printer) fmtInteger(arg any, u uint64, isSigned bool, verb rune) {
	if !p.takes(arg, verb, "vdq", "vdqboOxXcU") {
		return
	}
	if verb != 'q' {
		p.fmtDecimal(u, isSigned)
		return
	}
	r := rune(u)
	if u > utf8.MaxRune {
		r = utf8.RuneError
	}
	p.pad(strconv.AppendQuoteRune(p.scratch[:0], r))
}

// fmtDecimal is fmt's fmtInteger in base 10.
func (p *printer) fmtDecimal(u uint64, isSigned bool) {
	negative := isSigned && int64(u) < 0
	if negative {
		u = -u
	}
	buf := p.scratch[:]
	if p.widPresent || p.precPresent {
		if width := 3 + p.wid + p.prec; width > len(buf) {
			buf = make([]byte, width)
		}
	}
	// Two ways to ask for leading zeros: %.3d or %03d; with both, the 0
	// flag is ignored and the padding is spaces.
	prec := 0
	if p.precPresent {
		prec = p.prec
		if prec == 0 && u == 0 { // nothing but padding
			oldZero := p.zero
			p.zero = false
			p.writePadding(p.wid)
			p.zero = oldZero
			return
		}
	} else if p.zero && !p.minus && p.widPresent {
		prec = p.wid
		if negative {
			prec-- // room for the sign
		}
	}
	i := len(buf)
	for u >= 10 {
		i--
		next := u / 10
		buf[i] = byte('0' + u - next*10)
		u = next
	}
	i--
	buf[i] = byte('0' + u)
	for i > 0 && prec > len(buf)-i {
		i--
		buf[i] = '0'
	}
	if negative {
		i--
		buf[i] = '-'
	}
	// Zero padding is done, as precision, above.
	oldZero := p.zero
	p.zero = false
	p.pad(buf[i:])
	p.zero = oldZero
}

// writePadding appends n bytes of padding: zeros to the left with the 0
// flag, else spaces.
func (p *printer) writePadding(n int) {
	if n <= 0 {
		return
	}
	pad := byte(' ')
	if p.zero && !p.minus {
		pad = '0'
	}
	for ; n > 0; n-- {
		p.buf = append(p.buf, pad)
	}
}

// padString appends s padded to the width, counted in characters, on the
// left or (with the - flag) on the right.
func (p *printer) padString(s string) {
	if !p.widPresent || p.wid == 0 {
		p.buf = append(p.buf, s...)
		return
	}
	width := p.wid - utf8.RuneCountInString(s)
	if !p.minus {
		p.writePadding(width)
		p.buf = append(p.buf, s...)
	} else {
		p.buf = append(p.buf, s...)
		p.writePadding(width)
	}
}

// pad is padString for bytes (which must not be p.buf's).
func (p *printer) pad(b []byte) {
	if !p.widPresent || p.wid == 0 {
		p.buf = append(p.buf, b...)
		return
	}
	width := p.wid - utf8.RuneCount(b)
	if !p.minus {
		p.writePadding(width)
		p.buf = append(p.buf, b...)
	} else {
		p.buf = append(p.buf, b...)
		p.writePadding(width)
	}
}

// tooLarge reports whether a width or precision is beyond reason.
func tooLarge(x int) bool {
	const max int = 1e6
	return x > max || x < -max
}

// parsenum reads a decimal number of s[start:end].
func parsenum(s string, start, end int) (num int, isnum bool, newi int) {
	if start >= end {
		return 0, false, end
	}
	for newi = start; newi < end && '0' <= s[newi] && s[newi] <= '9'; newi++ {
		if tooLarge(num) {
			return 0, false, end
		}
		num = num*10 + int(s[newi]-'0')
		isnum = true
	}
	return
}

// intFromArg takes a width or precision from the argument argNum.
func intFromArg(a []any, argNum int) (num int, isInt bool, newArgNum int) {
	newArgNum = argNum
	if argNum < len(a) {
		switch x := a[argNum].(type) {
		case int:
			num, isInt = x, true
		case int8:
			num, isInt = int(x), true
		case int16:
			num, isInt = int(x), true
		case int32:
			num, isInt = int(x), true
		case int64:
			if int64(int(x)) == x {
				num, isInt = int(x), true
			}
		case uint, uint8, uint16, uint32, uint64, uintptr:
			var n uint64
			switch y := x.(type) {
			case uint:
				n = uint64(y)
			case uint8:
				n = uint64(y)
			case uint16:
				n = uint64(y)
			case uint32:
				n = uint64(y)
			case uint64:
				n = y
			case uintptr:
				n = uint64(y)
			}
			if int64(n) >= 0 && uint64(int(n)) == n {
				num, isInt = int(n), true
			}
		}
		newArgNum = argNum + 1
		if tooLarge(num) {
			num = 0
			isInt = false
		}
	}
	return
}

// parseArgNumber reads the bracketed argument number at format[0], minus
// one, and how many bytes it took.
func parseArgNumber(format string) (index int, wid int, ok bool) {
	if len(format) < 3 {
		return 0, 1, false
	}
	for i := 1; i < len(format); i++ {
		if format[i] == ']' {
			width, ok, newi := parsenum(format, 1, i)
			if !ok || newi != i {
				return 0, i + 1, false
			}
			return width - 1, i + 1, true
		}
	}
	return 0, 1, false
}

// argNumber returns the next argument: argNum, or the one an index at
// format[i:] names.
func (p *printer) argNumber(argNum int, format string, i int, numArgs int) (newArgNum, newi int, found bool) {
	if len(format) <= i || format[i] != '[' {
		return argNum, i, false
	}
	p.reordered = true
	index, wid, ok := parseArgNumber(format[i:])
	if ok && 0 <= index && index < numArgs {
		return index, i + wid, true
	}
	p.goodArgNum = false
	return argNum, i + wid, ok
}
