package wire

// The kinds of report.
const (
	KindCoverage = "coverage"
	KindDiff     = "diff"
)

// Coverage is handbook coverage's report: what the worked cases and the
// boundary probes exercise, and the gate's verdict.
type Coverage struct {
	Head
	Today        string           `json:"today"` // the day the gate is judged on
	Cases        int              `json:"cases"`
	Probes       int              `json:"probes"`
	Clauses      ClauseCount      `json:"clauses"`
	ByKind       []KindCount      `json:"by_kind"`
	Versions     []VersionCovered `json:"versions"`
	NotExercised []ClauseMissed   `json:"not_exercised"`
	Passed       bool             `json:"passed"`
	Problems     []string         `json:"problems"` // why the gate fails; empty when it passes
}

// ClauseCount counts clauses: all of them, those a worked case exercises,
// and those a worked case or a probe does.
type ClauseCount struct {
	Total   int `json:"total"`
	ByCases int `json:"by_cases"`
	Covered int `json:"covered"`
}

// KindCount is ClauseCount for one kind of clause.
type KindCount struct {
	Kind string `json:"kind"` // item, band_row, event, ladder, ledger, component, table_row, leave, red_line
	ClauseCount
}

// VersionCovered is a policy version that pays, and whether a worked case
// computes it.
type VersionCovered struct {
	Ref      string `json:"ref"` // id@version
	Policy   string `json:"policy"`
	Computed bool   `json:"computed"`
	Status   string `json:"status"`
}

// ClauseMissed is a clause nothing exercises.
type ClauseMissed struct {
	Ref    string `json:"ref"`
	Clause string `json:"clause"`
	Kind   string `json:"kind"`
	What   string `json:"what"`
	Status string `json:"status"`
}

// Diff is handbook diff's report: worked cases and a synthetic population
// computed under the policies at a revision and under the working tree.
type Diff struct {
	Head
	OldRev     string         `json:"old_rev"`    // the revision as given, e.g. origin/main
	OldCommit  string         `json:"old_commit"` // its commit
	Month      string         `json:"month"`      // the month compared (its quarter and year are settled too)
	People     int            `json:"people"`     // synthetic people per role
	Seed       uint64         `json:"seed"`
	Changed    bool           `json:"changed"` // whether any pay moves
	Cases      []CaseChange   `json:"cases"`
	Roles      []RoleChange   `json:"roles"`
	Components []PayChange    `json:"components"`
	Failures   []DiffFailure  `json:"failures"`
	Omitted    []DiffOmission `json:"omitted"`
}

// CaseChange is a worked case's total under both sides; a side without a
// total computed no pay, or failed (its error).
type CaseChange struct {
	Name     string `json:"name"`
	Title    string `json:"title"`
	Role     string `json:"role"`
	Period   string `json:"period"`
	Old      string `json:"old,omitempty"`
	New      string `json:"new,omitempty"`
	OldError string `json:"old_error,omitempty"`
	NewError string `json:"new_error,omitempty"`
	Changed  bool   `json:"changed"`
}

// RoleChange sums a role's synthetic people: a person's delta is the sum
// over the month, quarter and year of the new total minus the old.
type RoleChange struct {
	Role    string `json:"role"`
	Title   string `json:"title"`
	People  int    `json:"people"`
	Up      int    `json:"up"`
	Down    int    `json:"down"`
	Same    int    `json:"same"`
	Error   int    `json:"error"`
	Total   string `json:"total"`
	MaxGain string `json:"max_gain"`
	MaxLoss string `json:"max_loss"`
	Mean    string `json:"mean,omitempty"`
}

// PayChange sums one pay component of one role, as paid, over the people
// computed on both sides.
type PayChange struct {
	Role    string `json:"role"`
	Plan    string `json:"plan"`
	Name    string `json:"name"`
	Title   string `json:"title"`
	Kind    string `json:"kind"`
	Period  string `json:"period"`
	Old     string `json:"old"`
	New     string `json:"new"`
	Delta   string `json:"delta"`
	Changed int    `json:"changed"` // people whose amount differs
}

// DiffFailure is a group of people of one role who could not be computed
// on one side (old or new), for one reason.
type DiffFailure struct {
	Side   string `json:"side"`
	Role   string `json:"role"`
	Reason string `json:"reason"`
	People int    `json:"people"`
}

// DiffOmission is an input the old policies do not declare, left out when
// computing under them.
type DiffOmission struct {
	What string `json:"what"`
	Name string `json:"name"`
}

// KindVersion is the document handbook version --format json writes.
const KindVersion = "version"

// Build is handbook version's report: how the binary was built and which
// policies it holds (and, in a checkout, which the checkout has).
type Build struct {
	Head
	Module    string  `json:"module"`              // module path and version, "(devel)" for a local build
	Go        string  `json:"go"`                  // the toolchain
	Revision  string  `json:"revision,omitempty"`  // the VCS revision; absent when the build was not stamped
	Committed string  `json:"committed,omitempty"` // the revision's commit time
	Modified  bool    `json:"modified"`            // the working tree had uncommitted changes
	Policies  Digest  `json:"policies"`            // the policies built in
	Checkout  *Digest `json:"checkout,omitempty"`  // the checkout's, when run in one
}

// Digest is the SHA-256 of a set of policy files (load.Digest).
type Digest struct {
	SHA256 string `json:"sha256"`
	Files  int    `json:"files"`
	Dir    string `json:"dir,omitempty"` // the checkout, as the command names it
}
