package wire

// KindPayout is the document handbook payout --format json writes.
const KindPayout = "payout"

// Payout is a period's payout of a people file: one row per person, in the
// file's order, then the totals of each role. handbook payout streams it
// (a row is written as soon as it is computed), so its rows come before
// its totals; the bytes are one JSON document.
type Payout struct {
	Head
	Period string      `json:"period"`
	File   string      `json:"file"`
	Rows   []PayoutRow `json:"rows"`
	// Totals has a line per role, in the order the file first names them;
	// empty with --totals=false.
	Totals []PayoutTotal `json:"totals"`
	// All is the total of every role, when there are several or when rows
	// of no role failed.
	All *PayoutTotal `json:"all,omitempty"`
}

// PayoutRow is one person's row: computed, or with the problems that kept
// it from being computed (Error) and no numbers.
type PayoutRow struct {
	Row        int              `json:"row"` // the line the row starts on; the header is line 1
	Person     string           `json:"person"`
	Role       string           `json:"role"` // as the row gives it
	Plan       string           `json:"plan,omitempty"`
	Score      string           `json:"score,omitempty"` // the first scorecard's total, or the month's points
	K          string           `json:"k,omitempty"`
	Total      string           `json:"total,omitempty"`
	Components []Amount         `json:"components,omitempty"`
	Standings  []PayoutStanding `json:"standings,omitempty"`
	Withheld   []string         `json:"withheld,omitempty"`  // the components withheld (a red line)
	RedLines   []string         `json:"red_lines,omitempty"` // the red lines touched, by id
	Error      string           `json:"error,omitempty"`
}

// Amount is a pay component's amount.
type Amount struct {
	Name   string `json:"name"`
	Amount string `json:"amount"`
}

// PayoutStanding is where a row lands in one of its plan's standings
// (末位管理): the band's label and the measure that put it there.
type PayoutStanding struct {
	Name    string `json:"name"`
	Label   string `json:"label"`
	Measure string `json:"measure"`
}

// PayoutTotal is the sums of a role's computed rows (or of every role's,
// as All): how many people are counted, how many rows failed and are not.
type PayoutTotal struct {
	Role       string   `json:"role,omitempty"`
	Plan       string   `json:"plan,omitempty"`
	People     int      `json:"people"`
	Failed     int      `json:"failed"`
	Total      string   `json:"total"`
	Components []Amount `json:"components,omitempty"`
}
