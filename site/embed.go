// Package site embeds the sources of the handbook's pages: the HTML
// templates (and, as the site grows, its style sheet and scripts), which
// package generator/site renders.
package site

import "embed"

// FS holds templates/*.html, style.css, favicon.svg, search.js,
// calculator.js and calculator-start.js (the calculator page's first
// lines, inline).
//
//go:embed templates style.css favicon.svg search.js calculator.js calculator-start.js
var FS embed.FS
