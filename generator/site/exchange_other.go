//go:build !linux

package site

import "errors"

// exchange is not available here: Writer.Commit renames twice instead.
func exchange(a, b string) error { return errors.New("no exchange of directories on this system") }
