package diag

import (
	"strings"

	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// Lang is a language a message is shown in.
type Lang int

// The languages of messages: Chinese, the readers' own, by default.
const (
	Chinese Lang = iota
	English
)

// LangFromEnv returns the language the environment asks for: English when
// the first of LC_ALL, LC_MESSAGES and LANG that is set names an English
// locale (en_US.UTF-8, en), Chinese otherwise, including C, POSIX and none.
func LangFromEnv(getenv func(string) string) Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			if s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en.") || strings.HasPrefix(s, "en-") {
				return English
			}
			return Chinese
		}
	}
	return Chinese
}

// Text is a message in the two languages the handbook speaks. As an
// argument of Catalog.Sprintf, each language's message takes the text in
// its own language; printed with %s or %v, or as an error, it is English.
type Text struct {
	En, Zh string
}

// String returns the English text.
func (t Text) String() string { return t.En }

// Error returns the English text, so that a Text can be an error.
func (t Text) Error() string { return t.En }

// In returns the text in language l; the English one where there is no
// Chinese.
func (t Text) In(l Lang) string {
	if l == Chinese && t.Zh != "" {
		return t.Zh
	}
	return t.En
}

// Catalog maps the English formats of a package's messages to their
// Chinese. Formats and translations take the same verbs in the same order.
type Catalog map[string]string

// CatalogOf makes a Catalog of pairs of an English format and its Chinese;
// it panics when a format is given twice. A catalog of a few entries that
// the calculator links is written this way: Go compiles a map literal of up
// to 25 entries into code that sets each entry in turn (about 250 bytes of
// WebAssembly an entry), where a list of constant pairs is data.
func CatalogOf(pairs [][2]string) Catalog {
	c := make(Catalog, len(pairs))
	for _, p := range pairs {
		if _, dup := c[p[0]]; dup {
			panic("diag: format " + p[0] + " given twice")
		}
		c[p[0]] = p[1]
	}
	return c
}

// Sprintf formats a message in both languages: the English format, and its
// Chinese from the catalog (the English one when the catalog has none; a
// test of each package requires every format it uses to be there). An
// argument that is a Text, or an error that wraps one, gives each language
// its own text. It formats as fmt.Sprintf does, with
// generator/internal/printf: the verbs and argument types that package
// implements (its tests check every call and catalog).
func (c Catalog) Sprintf(format string, args ...any) Text {
	en := printf.Sprintf(format, args...)
	zf, ok := c[format]
	if !ok {
		zf = format
	}
	zargs := args
	for i, a := range args {
		if t, ok := asText(a); ok {
			if &zargs[0] == &args[0] {
				zargs = append([]any(nil), args...)
			}
			zargs[i] = t.Zh
		}
	}
	return Text{En: en, Zh: printf.Sprintf(zf, zargs...)}
}

// Errorf is Sprintf as an error whose Error is the English message, and
// which wraps every argument that is an error (errors.Is and errors.As see
// them; write %v for them, as vet wants of a Sprintf). As an argument of
// Sprintf, or through ErrorIn, it gives each language its own message.
func (c Catalog) Errorf(format string, args ...any) error {
	e := &textError{t: c.Sprintf(format, args...)}
	for _, a := range args {
		if err, ok := a.(error); ok {
			e.errs = append(e.errs, err)
		}
	}
	if e.errs == nil {
		return e.t
	}
	return e
}

// textError is an error in both languages that wraps others.
type textError struct {
	t    Text
	errs []error
}

func (e *textError) Error() string   { return e.t.En }
func (e *textError) Zh() string      { return e.t.Zh }
func (e *textError) Unwrap() []error { return e.errs }

// ErrorIn returns an error's message in language l: its own Chinese when
// it is a Text or was made by Catalog.Errorf, else its Error.
func ErrorIn(err error, l Lang) string {
	if t, ok := asText(err); ok {
		return t.In(l)
	}
	return err.Error()
}

// TextOf returns an error as a Text: its Chinese where it has one (see
// ErrorIn), its English otherwise.
func TextOf(err error) Text {
	if t, ok := asText(err); ok {
		return t
	}
	return Text{En: err.Error(), Zh: err.Error()}
}

// asText returns the Text an argument is or holds: a Text, or a value
// with a Zh method and an Error or String method (its English, as fmt
// would print it; Error first, as fmt).
func asText(a any) (Text, bool) {
	switch x := a.(type) {
	case Text:
		return x, x.Zh != ""
	case *Text:
		if x != nil {
			return *x, x.Zh != ""
		}
	case interface {
		Zh() string
		Error() string
	}:
		return Text{En: x.Error(), Zh: x.Zh()}, true
	case interface {
		Zh() string
		String() string
	}:
		return Text{En: x.String(), Zh: x.Zh()}, true
	}
	return Text{}, false
}
