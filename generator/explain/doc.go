// Package explain writes the engine's trace in Chinese: every sentence a
// person reads about a computation (in the CLI's reports, on the site's
// worked examples, in the calculator) is rendered here from the typed
// steps the engine records, and only when it is shown. How an item earned
// its points is said in the words of its scoring kind
// (policy.ScoringRule.Explain), so that a kind lives in one file.
//
// Used by generator/calculator, generator/report, generator/site,
// generator/wire.
package explain
