package inputs

import "github.com/kefu-hr/handbook/generator/policy"

// CardFields lists the fields of every item of a scorecard, in the card's
// order: what a form that scores the card alone asks for (the calculator
// of a scorecard, or of a role whose pay plan does not use the card).
func CardFields(sc *policy.Scorecard) []Field {
	var out fields
	for pi := range sc.Part {
		for ii := range sc.Part[pi].Item {
			out.item(sc, &sc.Part[pi].Item[ii])
		}
	}
	return out
}
