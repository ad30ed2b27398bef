package engine

// asInputError is errors.As(err, target) for an *InputError, with a type
// assertion where errors.As uses reflection: errors.As links
// internal/reflectlite into the browser calculator, and this was its only
// call there. It follows the same chain: err, its As method, its Unwrap
// methods (one error, or several, depth first).
func asInputError(err error, target **InputError) bool {
	for {
		if ie, ok := err.(*InputError); ok {
			*target = ie
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if err != nil && asInputError(err, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}
