package cli

import (
	"github.com/kefu-hr/handbook/generator/coverage"
	"github.com/kefu-hr/handbook/generator/diff"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/wire"
)

// clauseKinds are the wire's names of the kinds of clause.
var clauseKinds = map[coverage.Kind]string{
	coverage.KindItem: "item", coverage.KindBandRow: "band_row", coverage.KindEvent: "event",
	coverage.KindLadder: "ladder", coverage.KindLedger: "ledger", coverage.KindComponent: "component",
	coverage.KindTableRow: "table_row", coverage.KindLeave: "leave", coverage.KindRedLine: "red_line",
}

// coverageDoc is the wire form of a coverage analysis.
func coverageDoc(a coverage.Analysis) wire.Coverage {
	out := wire.Coverage{Head: wire.Head{Wire: wire.Version, Kind: wire.KindCoverage}, Today: a.Today.String(), Cases: a.Cases, Probes: a.Probes,
		ByKind: []wire.KindCount{}, Versions: []wire.VersionCovered{}, NotExercised: []wire.ClauseMissed{}, Problems: a.Problems()}
	out.Clauses.ByCases, out.Clauses.Covered, out.Clauses.Total = a.Counts("")
	for _, k := range coverage.Kinds {
		if c, p, n := a.Counts(k); n > 0 {
			out.ByKind = append(out.ByKind, wire.KindCount{Kind: clauseKinds[k], ClauseCount: wire.ClauseCount{Total: n, ByCases: c, Covered: p}})
		}
	}
	for _, v := range a.Versions {
		out.Versions = append(out.Versions, wire.VersionCovered{Ref: v.Ref(), Policy: string(v.Policy.Kind), Computed: v.ByCase, Status: coverage.Status(v.Policy, a.Today)})
	}
	for _, c := range a.Clauses {
		if !c.Covered() {
			out.NotExercised = append(out.NotExercised, wire.ClauseMissed{Ref: c.Ref, Clause: c.Clause.Clause, Kind: clauseKinds[c.Kind], What: c.What, Status: coverage.Status(c.Policy, a.Today)})
		}
	}
	if out.Problems == nil {
		out.Problems = []string{}
	}
	out.Passed = len(out.Problems) == 0
	return out
}

// diffDoc is the wire form of a comparison with the policies at rev
// (commit).
func diffDoc(r *diff.Report, rev, commit string) wire.Diff {
	out := wire.Diff{Head: wire.Head{Wire: wire.Version, Kind: wire.KindDiff}, OldRev: rev, OldCommit: commit, Month: r.Month.String(), People: r.People, Seed: r.Seed, Changed: r.Changed(),
		Cases: []wire.CaseChange{}, Roles: []wire.RoleChange{}, Components: []wire.PayChange{}, Failures: []wire.DiffFailure{}, Omitted: []wire.DiffOmission{}}
	text := func(x *exact.Decimal) string {
		if x == nil {
			return ""
		}
		return x.String()
	}
	for _, c := range r.Cases {
		out.Cases = append(out.Cases, wire.CaseChange{Name: c.Name, Title: c.Title, Role: c.Role, Period: c.Period, Old: text(c.Old), New: text(c.New), OldError: c.OldErr, NewError: c.NewErr, Changed: c.Changed()})
	}
	for _, x := range r.Roles {
		out.Roles = append(out.Roles, wire.RoleChange{Role: x.Role, Title: x.Title, People: x.People, Up: x.Up, Down: x.Down, Same: x.Same, Error: x.Error,
			Total: x.Total.String(), MaxGain: x.MaxGain.String(), MaxLoss: x.MaxLoss.String(), Mean: text(x.Mean)})
	}
	for _, c := range r.Components {
		out.Components = append(out.Components, wire.PayChange{Role: c.Role, Plan: c.Plan, Name: c.Name, Title: c.Title, Kind: c.Kind, Period: c.Period,
			Old: c.Old.String(), New: c.New.String(), Delta: c.Delta().String(), Changed: c.Changed})
	}
	for _, f := range r.Failures {
		side := "new"
		if f.Side == r.OldName {
			side = "old"
		}
		out.Failures = append(out.Failures, wire.DiffFailure{Side: side, Role: f.Role, Reason: f.Reason, People: f.People})
	}
	for _, o := range r.Omitted {
		out.Omitted = append(out.Omitted, wire.DiffOmission{What: o.What, Name: o.Name})
	}
	return out
}
