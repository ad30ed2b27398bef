package policy

import (
	"strconv"

	"github.com/kefu-hr/handbook/generator/exact"
	"github.com/kefu-hr/handbook/generator/internal/printf"
)

// ScoreLevels is the scoring kind that maps the behaviour levels 1–5 of a
// competency to points.
const ScoreLevels = "levels"

// LevelsRule maps the behaviour levels 1–5 to points, in order.
type LevelsRule struct {
	Levels []Level
}

func init() { register(levelsScoring, &levelsKind{}) }

// levelsScoring is the ScoreLevels kind as the loader meets it: a
// package-level value, so that its lists are data, not code run at start.
var levelsScoring = ScoringKind{
	Name: ScoreLevels,
	Keys: []string{"competency", "levels"},
}

// levelsKind checks and builds behaviour-level items.
type levelsKind struct{}

func (*levelsKind) check(it *Item, c ItemChecker) {
	seen := map[int]bool{}
	var prev *exact.Decimal
	for i, lv := range it.Levels {
		lp := printf.Sprintf("/levels/%d", i)
		switch {
		case lv.Level < 1 || lv.Level > 5:
			c.Errorf(lp+"/level", "level %d is outside 1–5", lv.Level)
		case seen[lv.Level]:
			c.Errorf(lp+"/level", "level %d is given twice", lv.Level)
		case lv.Level != i+1:
			c.Errorf(lp+"/level", "levels must be listed 1 to 5 in order: found level %d in place %d", lv.Level, i+1)
		}
		seen[lv.Level] = true
		negative(c, lp+"/points", &it.Levels[i].Points, "points")
		if prev != nil && lv.Points.Cmp(*prev) < 0 {
			c.Errorf(lp+"/points", "level %d gives fewer points (%s) than the level below it (%s)", lv.Level, lv.Points, prev)
		}
		p := it.Levels[i].Points
		prev = &p
		over(c, it, lp+"/points", lv.Points, printf.Sprintf("level %d", lv.Level))
	}
}

func (*levelsKind) build(it *Item) ScoringRule {
	return &LevelsRule{it.Levels}
}

// Clause names of the levels, kept as constants so that scoring allocates
// nothing for them.
var levelClauses = []string{"levels[0]", "levels[1]", "levels[2]", "levels[3]", "levels[4]"}

func (*LevelsRule) rule() {}

// Kind implements ScoringRule.
func (*LevelsRule) Kind() string { return ScoreLevels }

// Score gives the points of the level assessed.
func (r *LevelsRule) Score(_ *Item, in ItemInput) (exact.Decimal, string, error) {
	for i := range r.Levels {
		if l := &r.Levels[i]; l.Level == in.Level {
			return l.Points, levelClauses[min(i, len(levelClauses)-1)], nil
		}
	}
	if in.Level == 0 {
		return zero, "", ErrNoInput
	}
	return zero, "", zh.Errorf("level %d is outside 1–5", in.Level)
}

// Clauses lists every level.
func (r *LevelsRule) Clauses() []string {
	var cs []string
	for i := range r.Levels {
		cs = append(cs, printf.Sprintf("levels[%d]", i))
	}
	return cs
}

// Uses gives the level.
func (*LevelsRule) Uses(_ *Item, in ItemInput, dst []Used) []Used {
	return append(dst, used("等级", strconv.Itoa(in.Level), "级"))
}

// Explain says the level.
func (*LevelsRule) Explain(_ *Item, in ItemInput) string {
	return printf.Sprintf("评定为 %d 级", in.Level)
}

// Grading gives one line per level, with the competency's description of
// it.
func (r *LevelsRule) Grading(_ *Item, levels []string) []string {
	var out []string
	for _, l := range r.Levels {
		line := printf.Sprintf("%d 级 %s 分", l.Level, l.Points)
		if l.Level-1 < len(levels) {
			line += "：" + levels[l.Level-1]
		}
		out = append(out, line)
	}
	return out
}

// Probes tries every level.
func (r *LevelsRule) Probes(*Item) []Probe {
	var out []Probe
	for _, l := range r.Levels {
		out = append(out, Probe{In: ItemInput{Level: l.Level}, Label: printf.Sprintf("%d级", l.Level)})
	}
	return out
}

// Field is a level.
func (*LevelsRule) Field(*Item) Field { return Field{Shape: ShapeLevel} }

// Sample picks a level by skill.
func (r *LevelsRule) Sample(_ *Item, s Sampler) ItemInput {
	pts := make([]exact.Decimal, len(r.Levels))
	for i, l := range r.Levels {
		pts[i] = l.Points
	}
	return ItemInput{Level: r.Levels[ranked(pts, s.Skill())].Level}
}

// fastLevels is a levels item at the fast scale: the points of levels 1–5,
// and which are present.
type fastLevels struct {
	points [6]int64
	has    [6]bool
}

// Fast converts the points of each level.
func (r *LevelsRule) Fast(*Item) (FastRule, bool) {
	f := fastNums{ok: true}
	fl := &fastLevels{}
	for _, l := range r.Levels {
		if l.Level < 1 || l.Level > 5 {
			f.ok = false
			continue
		}
		fl.points[l.Level], fl.has[l.Level] = f.num(l.Points), true
	}
	return fl, f.ok
}

// Points implements FastRule.
func (fl *fastLevels) Points(in *ItemInput) (int64, bool) {
	if in.Level < 1 || in.Level > 5 || !fl.has[in.Level] {
		return 0, false
	}
	return fl.points[in.Level], true
}
