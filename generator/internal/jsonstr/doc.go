// Package jsonstr writes a string as encoding/json writes it, HTML-escaped,
// without encoding/json: the site's search index is embedded in pages as
// script, and the calculator's WebAssembly links no encoding/json.
//
// Used by generator/calculator, generator/site.
package jsonstr
