// Package explain writes the engine's trace in Chinese: every sentence a
// person reads about a computation (in the CLI's reports, on the site's
// worked examples, in the calculator) is rendered here from the typed
// steps the engine records, and only when it is shown.
//
// Used by generator/report, generator/site, generator/wire.
package explain
