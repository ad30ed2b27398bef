package site

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/kefu-hr/handbook/generator/policy"
)

// formData is a scorecard laid out like the seeds' paper forms.
type formData struct {
	Card  *policy.Scorecard
	Parts []formPart
	Bands *policy.Bands
}

type formPart struct {
	Part *policy.Part
	Rows []formRow
}

// formRow is one line of the form: 序号, 考核项目, 权重, 指标要求, 评分等级,
// and the blank columns 得分, 自评, 上级评分, 结果.
type formRow struct {
	N           int
	Item        *policy.Item
	Group       string
	Requirement []string
	Grading     []string
}

func scorecardForm(h *policy.Handbook, sc *policy.Scorecard) formData {
	d := formData{Card: sc}
	if sc.Bands != "" {
		d.Bands, _ = h.Latest(policy.KindBands, sc.Bands).(*policy.Bands)
	}
	n := 0
	for pi := range sc.Part {
		p := &sc.Part[pi]
		fp := formPart{Part: p}
		groups := map[string]string{}
		for _, g := range p.Group {
			groups[g.ID] = g.Title
		}
		for ii := range p.Item {
			it := &p.Item[ii]
			n++
			req := it.Requirements
			if it.Requirement != "" {
				req = append([]string{it.Requirement}, req...)
			}
			fp.Rows = append(fp.Rows, formRow{N: n, Item: it, Group: groups[it.Group], Requirement: req, Grading: grading(h, it)})
		}
		d.Parts = append(d.Parts, fp)
	}
	return d
}

// grading says in Chinese how an item is scored, one line per tier, level
// or rule, in the words of its kind (policy.ScoringRule.Grading), with the
// descriptions of its competency's levels.
func grading(h *policy.Handbook, it *policy.Item) []string {
	if it.Rule == nil {
		return nil
	}
	var levels []string
	if it.Competency != "" {
		if c, _ := h.Latest(policy.KindCompetency, it.Competency).(*policy.Competency); c != nil {
			levels = c.Levels
		}
	}
	return it.Rule.Grading(it, levels)
}

// orgChart draws the reporting lines as an SVG: one row per level, from
// the roles that report to no one in the handbook down, each box a link to
// its role's page. It needs no script.
func orgChart(roles []policy.Policy, reports map[string][]*policy.Role) template.HTML {
	byID := map[string]*policy.Role{}
	for _, p := range roles {
		byID[p.Head().ID] = p.(*policy.Role)
	}
	var tops []*policy.Role
	for _, p := range roles {
		r := p.(*policy.Role)
		top := true
		for _, up := range r.ReportsTo {
			if byID[up] != nil {
				top = false
			}
		}
		if top {
			tops = append(tops, r)
		}
	}
	// Levels by breadth-first walk; a role is placed once, at its first level.
	var levels [][]*policy.Role
	placed := map[string]bool{}
	cur := tops
	for len(cur) > 0 {
		var row, next []*policy.Role
		for _, r := range cur {
			if placed[r.ID] {
				continue
			}
			placed[r.ID] = true
			row = append(row, r)
			next = append(next, reports[r.ID]...)
		}
		if len(row) > 0 {
			levels = append(levels, row)
		}
		cur = next
	}
	const w, hgt, gapX, gapY = 132, 40, 16, 36
	widest := 0
	for _, row := range levels {
		widest = max(widest, len(row))
	}
	width := max(1, widest)*(w+gapX) + gapX
	height := len(levels)*(hgt+gapY) + gapY
	pos := map[string][2]int{}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="org" role="group" aria-labelledby="org-title" viewBox="0 0 %d %d" width="%d" height="%d" xmlns="http://www.w3.org/2000/svg"><title id="org-title">组织结构图</title>`, width, height, width, height)
	for li, row := range levels {
		offset := (width - len(row)*(w+gapX) + gapX) / 2
		for i, r := range row {
			x, y := offset+i*(w+gapX), gapY+li*(hgt+gapY)
			pos[r.ID] = [2]int{x, y}
		}
	}
	for _, row := range levels {
		for _, r := range row {
			for _, up := range r.ReportsTo {
				if p, ok := pos[up]; ok {
					q := pos[r.ID]
					fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d"/>`, p[0]+w/2, p[1]+hgt, q[0]+w/2, q[1])
				}
			}
		}
	}
	for _, row := range levels {
		for _, r := range row {
			p := pos[r.ID]
			fmt.Fprintf(&b, `<a href="roles/%s.html"><rect x="%d" y="%d" width="%d" height="%d" rx="6"/><text x="%d" y="%d">%s</text></a>`,
				template.HTMLEscapeString(r.ID), p[0], p[1], w, hgt, p[0]+w/2, p[1]+hgt/2+5, template.HTMLEscapeString(r.Title))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // every value above is escaped
}
