package engine

import (
	"errors"
	"fmt"
	"testing"
)

// asTarget is an error whose As method sets an *InputError.
type asTarget struct{ ie *InputError }

func (asTarget) Error() string { return "as" }
func (a asTarget) As(target any) bool {
	if p, ok := target.(**InputError); ok {
		*p = a.ie
		return true
	}
	return false
}

// nilUnwrap wraps nothing.
type nilUnwrap struct{}

func (nilUnwrap) Error() string { return "nil unwrap" }
func (nilUnwrap) Unwrap() error { return nil }

// TestAsInputError: asInputError finds what errors.As finds, along the
// same chain.
func TestAsInputError(t *testing.T) {
	ie, other := &InputError{}, &InputError{}
	plain := errors.New("plain")
	tests := []struct {
		name string
		err  error
	}{
		{"itself", ie},
		{"plain", plain},
		{"wrapped", fmt.Errorf("ctx: %w", ie)},
		{"wrapped twice", fmt.Errorf("a: %w", fmt.Errorf("b: %w", ie))},
		{"joined, first wins", errors.Join(plain, nil, other, ie)},
		{"joined, none", errors.Join(plain, nilUnwrap{})},
		{"several %w", fmt.Errorf("%w and %w", plain, ie)},
		{"As method", asTarget{ie}},
		{"As method, wrapped", fmt.Errorf("x: %w", asTarget{other})},
		{"nil Unwrap", nilUnwrap{}},
		{"joined in wrapped", fmt.Errorf("x: %w", errors.Join(plain, fmt.Errorf("y: %w", other)))},
	}
	for _, tt := range tests {
		var got, want *InputError
		gotOK, wantOK := asInputError(tt.err, &got), errors.As(tt.err, &want)
		if gotOK != wantOK || got != want {
			t.Errorf("%s: asInputError = %v, %p; errors.As = %v, %p", tt.name, gotOK, got, wantOK, want)
		}
	}
}
