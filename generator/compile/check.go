package compile

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/formula"
	"github.com/kefu-hr/handbook/generator/internal/printf"
	"github.com/kefu-hr/handbook/generator/policy"
)

var (
	zero    = exact.FromInt(0)
	hundred = exact.FromInt(100)
)

// check runs the semantic checks of one policy (stage 6, within a file).
func (l *compiler) check(u *unit) {
	h := u.pol.Head()
	if h.EffectiveUntil != nil && h.EffectiveUntil.Before(h.EffectiveFrom) {
		l.verrf(u, "/effective_until", "effective_until %s is before effective_from %s",
			h.EffectiveUntil.String(), h.EffectiveFrom.String())
	}
	switch p := u.pol.(type) {
	case *policy.Role:
		l.checkRole(u, p)
	case *policy.Competency:
		// The schema fixes the five levels; nothing else to check.
	case *policy.Scorecard:
		l.checkScorecard(u, p)
	case *policy.Bands:
		l.checkBands(u, p)
	case *policy.PayPlan:
		l.checkPayPlan(u, p)
	case *policy.Points:
		l.checkPoints(u, p)
	case *policy.RedLines:
		l.checkRedLines(u, p)
	case *policy.Rules:
		l.checkRules(u, p)
	default:
		panic("load: no checks for policies of kind " + string(h.Kind))
	}
}

// unique reports ids that repeat within one list; at gives the pointer of
// the i-th id.
func unique[T any](l *compiler, u *unit, what string, list []T, at func(i int) string, id func(T) string) {
	first := map[string]int{}
	for i, x := range list {
		v := id(x)
		if j, ok := first[v]; ok {
			l.verrf(u, at(i), "duplicate %s %q (first at line %s)", word(what), v, u.line(at(j)))
			continue
		}
		first[v] = i
	}
}

// each returns the pointer function of key in the elements of the array at
// prefix: prefix/i/key.
func each(prefix, key string) func(int) string {
	return func(i int) string { return printf.Sprintf("%s/%d/%s", prefix, i, key) }
}

func sum(xs []exact.Decimal) exact.Decimal {
	s := zero
	for _, x := range xs {
		s = s.Add(x)
	}
	return s
}

// ---- roles

func (l *compiler) checkRole(u *unit, r *policy.Role) {
	for i, to := range r.ReportsTo {
		if to == r.ID {
			l.verrf(u, printf.Sprintf("/reports_to/%d", i), "role %q reports to itself", r.ID)
		}
	}
	for i, k := range r.KPI {
		ptr := printf.Sprintf("/kpi/%d", i)
		switch {
		case k.Comparator == "rated" && k.Target != nil:
			l.verrf(u, ptr+"/target", "a rated KPI has no numeric target; remove target or use a comparator such as >=")
		case k.Comparator != "rated" && k.Target == nil:
			l.errf(u, ptr, "KPI %q compares with %s but has no target", k.ID, k.Comparator)
		}
	}
	unique(l, u, "KPI id", r.KPI, each("/kpi", "id"), func(k policy.KPI) string { return k.ID })
	if r.Promotion != nil && r.Promotion.To == r.ID {
		l.verrf(u, "/promotion/to", "role %q is promoted to itself", r.ID)
	}
}

// ---- intervals (tiers, bands, tables)

// row is one interval of a table, with the pointer of its entry.
type row struct {
	ptr string
	iv  policy.Interval
}

// checkIntervals checks that rows go from best to worst and cover every value
// exactly once: the first row open above, the last open below (or starting at
// 0), each row's min equal to the next row's below.
func (l *compiler) checkIntervals(u *unit, rows []row) {
	// Each stage reports only when the one before found nothing, so that
	// one mistake gives one message rather than its consequences too.
	bad := false
	for _, r := range rows {
		if r.iv.Min != nil && r.iv.Below != nil && r.iv.Min.Cmp(*r.iv.Below) >= 0 {
			l.errf(u, r.ptr, "empty interval: min %s is not below %s", r.iv.Min, r.iv.Below)
			bad = true
		}
	}
	for i := 1; i < len(rows) && !bad; i++ {
		prev, r := rows[i-1], rows[i]
		if prev.iv.Min != nil && r.iv.Min != nil && r.iv.Min.Cmp(*prev.iv.Min) >= 0 {
			l.errf(u, r.ptr, "rows must go from best to worst: min %s is not below the previous row's min %s", r.iv.Min, prev.iv.Min)
			bad = true
		}
	}
	if bad || len(rows) < 2 {
		return
	}
	if first := rows[0]; first.iv.Below != nil {
		l.errf(u, first.ptr, "the first row is the best and must be open above: remove below = %s", first.iv.Below)
	}
	if last := rows[len(rows)-1]; last.iv.Min != nil && last.iv.Min.Sign() != 0 {
		l.errf(u, last.ptr, "the last row must be open below (no min, or min = 0) so that every value lands in a row; values below %s land in no row", last.iv.Min)
	}
	for i := 1; i < len(rows); i++ {
		prev, r := rows[i-1], rows[i]
		switch {
		case prev.iv.Min == nil:
			l.errf(u, prev.ptr, "row %d has no min, so it reaches down to every value below it: only the last row may be open below", i)
		case r.iv.Below == nil:
			l.errf(u, r.ptr, "row %d has no below, so it overlaps the row above (which starts at %s): set below = %s", i+1, prev.iv.Min, quote(prev.iv.Min))
		case r.iv.Below.Cmp(*prev.iv.Min) < 0:
			l.errf(u, r.ptr, "gap: values from %s up to %s land in no row", r.iv.Below, prev.iv.Min)
		case r.iv.Below.Cmp(*prev.iv.Min) > 0:
			l.errf(u, r.ptr, "overlap: values from %s up to %s land in two rows", prev.iv.Min, r.iv.Below)
		}
	}
}

func quote(d *exact.Decimal) string { return strconv.Quote(d.String()) }

// ---- scorecards

func (l *compiler) checkScorecard(u *unit, s *policy.Scorecard) {
	shares := make([]exact.Decimal, len(s.Part))
	// Item ids are unique across the parts of a scorecard.
	var items []itemAt
	for pi, part := range s.Part {
		pptr := printf.Sprintf("/part/%d", pi)
		shares[pi] = part.Share
		max := part.MaxPoints()
		groupW := map[string]exact.Decimal{}
		groupSum := map[string]exact.Decimal{}
		gids := make([]string, len(part.Group))
		for gi, g := range part.Group {
			gids[gi] = g.ID
			groupW[g.ID], groupSum[g.ID] = g.Weight, zero
		}
		unique(l, u, "group id", part.Group, each(pptr+"/group", "id"), func(g policy.Group) string { return g.ID })
		weights := make([]exact.Decimal, len(part.Item))
		for ii := range part.Item {
			it := &part.Item[ii]
			iptr := printf.Sprintf("%s/item/%d", pptr, ii)
			items = append(items, itemAt{iptr, it.ID})
			weights[ii] = it.Weight
			switch {
			case it.Group == "" && len(part.Group) > 0:
				l.errf(u, iptr, "item %q has no group, but part %q is divided into groups (%s)", it.ID, part.ID, strings.Join(gids, ", "))
			case it.Group != "":
				if _, ok := groupW[it.Group]; !ok {
					l.verrf(u, iptr+"/group", "unknown group %q in part %q%s", it.Group, part.ID, didYouMean(it.Group, gids))
				} else {
					groupSum[it.Group] = groupSum[it.Group].Add(it.Weight)
				}
			}
			l.checkItem(u, iptr, it)
		}
		if len(part.Group) > 0 {
			gw := make([]exact.Decimal, len(part.Group))
			for gi, g := range part.Group {
				gw[gi] = g.Weight
				if got := groupSum[g.ID]; got.Cmp(g.Weight) != 0 {
					l.errf(u, printf.Sprintf("%s/group/%d/weight", pptr, gi), "item weights of group %q sum to %s, want %s", g.ID, got, g.Weight)
				}
			}
			if got := sum(gw); got.Cmp(max) != 0 {
				l.errf(u, pptr+"/group", "group weights of part %q sum to %s, want %s", part.ID, got, max)
			}
		} else if got := sum(weights); got.Cmp(max) != 0 {
			l.errf(u, pptr+"/item", "item weights of part %q sum to %s, want %s", part.ID, got, max)
		}
	}
	if got := sum(shares); got.Cmp(hundred) != 0 {
		l.errf(u, "/part", "part shares sum to %s, want 100", got)
	}
	unique(l, u, "part id", s.Part, each("/part", "id"), func(p policy.Part) string { return p.ID })
	unique(l, u, "item id", items, func(i int) string { return items[i].ptr + "/id" }, func(it itemAt) string { return it.id })
}

// itemAt is an item id with the pointer of its item.
type itemAt struct{ ptr, id string }

// itemKey is a scoring-specific key of an item and whether the item sets
// it.
type itemKey struct {
	name string
	set  bool
}

// present lists the scoring-specific keys of an item, in the order of
// their names, each with whether the item sets it. (A slice, made once per
// item: compiling the handbook in the browser's calculator had spent a
// third of its time building maps here.)
func present(it *policy.Item) []itemKey {
	return []itemKey{
		{"base", it.Base != nil},
		{"checks", len(it.Checks) > 0},
		{"choices", len(it.Choices) > 0},
		{"competency", it.Competency != ""},
		{"down", it.Down != nil},
		{"floor", it.Floor != nil},
		{"formula", it.Formula != ""},
		{"full", it.Full != nil},
		{"input", it.Input != nil},
		{"inputs", len(it.Inputs) > 0},
		{"levels", len(it.Levels) > 0},
		{"max", it.Max != nil},
		{"min", it.Min != nil},
		{"no", it.No != nil},
		{"par", it.Par != nil},
		{"per", it.Per != nil},
		{"requirements", len(it.Requirements) > 0},
		{"scale", it.Scale != nil},
		{"step", it.Step != nil},
		{"tiers", len(it.Tiers) > 0},
		{"up", it.Up != nil},
		{"yes", it.Yes != nil},
	}
}

func (l *compiler) checkItem(u *unit, ptr string, it *policy.Item) {
	before := len(l.problems)
	l.checkItemKeys(u, ptr, it)
	it.Rule = policy.NewRule(it)
	if it.Rule == nil && len(l.problems) == before {
		l.verrf(u, ptr+"/scoring", "internal: no scoring rule could be built for scoring = %q", it.Scoring)
	}
}

// checkItemKeys checks the keys of an item for its scoring kind, then the
// kind's own checks (policy.ScoringKind).
func (l *compiler) checkItemKeys(u *unit, ptr string, it *policy.Item) {
	kind, known := policy.LookupScoring(it.Scoring)
	for _, k := range present(it) {
		if k.set && !slices.Contains(kind.Keys, k.name) {
			l.errf(u, ptr+"/"+k.name, "key %q does not apply to scoring = %q", k.name, it.Scoring)
		}
	}
	if kinds := kind.InputKinds; kinds != nil && it.Input != nil && !slices.Contains(kinds, it.Input.Kind) {
		l.verrf(u, ptr+"/input/kind", "scoring = %q needs an input of kind %s, not %q", it.Scoring, strings.Join(kinds, " or "), it.Input.Kind)
	}
	c := itemChecker{l, u, ptr}
	c.negative("/weight", &it.Weight, "weight")
	c.negative("/bonus_max", it.BonusMax, "bonus_max")
	if known {
		kind.Check(it, c)
	}
}

// itemChecker is where a scoring kind reports the problems of an item at
// ptr (policy.ItemChecker).
type itemChecker struct {
	l   *compiler
	u   *unit
	ptr string
}

func (c itemChecker) KeyErrorf(ptr, format string, args ...any) {
	c.l.errf(c.u, c.ptr+ptr, format, args...)
}

func (c itemChecker) Errorf(ptr, format string, args ...any) {
	for i := range args {
		args[i] = itemWord(args[i])
	}
	c.l.verrf(c.u, c.ptr+ptr, format, args...)
}

func (c itemChecker) Intervals(ptrs []string, ivs []policy.Interval) {
	rows := make([]row, len(ivs))
	for i := range ivs {
		rows[i] = row{c.ptr + ptrs[i], ivs[i]}
	}
	c.l.checkIntervals(c.u, rows)
}

func (c itemChecker) Unique(what, list, key string, ids []string) {
	unique(c.l, c.u, what, ids, each(c.ptr+list, key), func(id string) string { return id })
}

func (c itemChecker) Formula(ptr, src string, env formula.Env) *formula.Expr {
	return c.l.formula(c.u, c.ptr+ptr, src, env)
}

func (c itemChecker) negative(ptr string, x *exact.Decimal, what string) {
	if x != nil && x.Sign() < 0 {
		c.Errorf(ptr, "%s must not be negative: %s", what, x)
	}
}

// formula parses and checks a formula whose result is a number.
func (l *compiler) formula(u *unit, ptr, src string, env formula.Env) *formula.Expr {
	return l.typedFormula(u, ptr, src, env, formula.Num)
}

// typedFormula parses and checks a formula, reporting problems at their
// position inside the formula's text. It returns nil when the formula has
// problems or its result is not of type want.
func (l *compiler) typedFormula(u *unit, ptr, src string, env formula.Env, want formula.Type) *formula.Expr {
	e, err := formula.Parse(src)
	if err != nil {
		fe := err.(*formula.Error)
		l.formulaErr(u, ptr, src, fe.Off, diag.Text{En: fe.Msg, Zh: fe.Zh})
		return nil
	}
	t, errs := formula.Check(e, env)
	for _, fe := range errs {
		l.formulaErr(u, ptr, src, fe.Off, diag.Text{En: fe.Msg, Zh: fe.Zh})
	}
	if len(errs) > 0 {
		return nil
	}
	if t != want {
		l.verrf(u, ptr, "formula: the result must be a %s, not a %s", want, t)
		return nil
	}
	return e
}
