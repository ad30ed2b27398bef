// Package site embeds the sources of the handbook's pages: the HTML
// templates (and, as the site grows, its style sheet and scripts), which
// package generator/site renders.
package site

import "embed"

// FS holds templates/*.html, style.css, search.js and calculator.js.
//
//go:embed templates style.css search.js calculator.js
var FS embed.FS
