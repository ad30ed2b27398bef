//go:build !unix

package site

import "time"

// cpuTime is 0 here: the processor time of the process cannot be read.
func cpuTime() time.Duration { return 0 }
