// Package msgcheck finds the message formats a package writes, so that a
// test can require each to have its Chinese in the package's catalog
// (diag.Catalog), with verbs that take the same arguments.
package msgcheck
