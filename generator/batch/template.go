package batch

import (
	"bytes"
	"slices"
	"strings"

	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/policy"
)

// Template is the CSV a payout of one or more roles needs for a period:
// a header row of Chinese headers (each field's label and unit, with its
// key when another field has the same header), which payout reads as
// well as the keys, and a guide row under it (first cell 说明…) that says
// what to write in each column, which payout skips.
type Template struct {
	Roles  []string       // the roles' ids
	Fields []inputs.Field // every column, once
	Header []string       // each column's header
	Guide  []string       // each column's guide
	For    [][]string     // the roles each column is for
}

// NewTemplate makes the template for who: a role (its id or Chinese title),
// several joined by commas, a department (客服部: its roles paid in the
// period) or all (every role paid in the period).
func NewTemplate(h *policy.Handbook, period engine.Period, who string) (*Template, error) {
	ids, err := templateRoles(h, period, who)
	if err != nil {
		return nil, err
	}
	t := &Template{Roles: ids}
	at := map[string]int{}
	for _, id := range ids {
		fields, err := inputs.Fields(h, period, id)
		if err != nil {
			return nil, err
		}
		for _, f := range fields {
			if i, ok := at[f.Path]; ok {
				t.For[i] = append(t.For[i], id)
				continue
			}
			at[f.Path] = len(t.Fields)
			t.Fields = append(t.Fields, f)
			t.For = append(t.For, []string{id})
		}
	}
	idx := newTitleIndex(h, period)
	ru := &run{h: h, period: period}
	for i, f := range t.Fields {
		t.Header = append(t.Header, idx.title(f))
		what := f.What
		switch {
		case f.Path == "role" && len(ids) > 1:
			var names []string
			for _, id := range ids {
				names = append(names, id+"（"+ru.resolveRole(id).title+"）")
			}
			what = "岗位：写代号或中文名称：" + strings.Join(names, "、")
		case f.Kind == inputs.KindRedLines && len(f.Options) > 0:
			var opts []string
			for _, o := range f.Options {
				opts = append(opts, o.ID+"（"+o.Text+"）")
			}
			what += "：" + strings.Join(opts, "、") + "，写代号或中文名称"
		}
		if len(ids) > 1 && len(t.For[i]) < len(ids) && f.Path != "person" && f.Path != "role" {
			what += "〔仅 " + strings.Join(t.For[i], "、") + "〕"
		}
		if i == 0 {
			what = guidePrefix + "：" + what
		}
		t.Guide = append(t.Guide, what)
	}
	return t, nil
}

// CSV is the template as CSV (UTF-8): the header row and the guide row.
func (t *Template) CSV() []byte {
	var b bytes.Buffer
	w := newLineWriter(&b)
	_ = w.Write(t.Header) // a bytes.Buffer takes every write
	_ = w.Write(t.Guide)
	w.Flush()
	return b.Bytes()
}

// templateRoles lists the roles a template is for (see NewTemplate).
func templateRoles(h *policy.Handbook, period engine.Period, who string) ([]string, error) {
	paid := paidRoles(h, period)
	day := period.Settled()
	if who == "all" {
		return paid, nil
	}
	var dept []string
	for _, id := range paid {
		if r := h.At(policy.KindRole, id, day).(*policy.Role); r.Department == who {
			dept = append(dept, id)
		}
	}
	if len(dept) > 0 {
		return dept, nil
	}
	var ids []string
	ru := &run{h: h, period: period}
	for _, name := range strings.Split(who, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		info := ru.resolveRole(name)
		if info.problem.En != "" {
			return nil, info.problem
		}
		if !slices.Contains(ids, info.id) {
			ids = append(ids, info.id)
		}
	}
	return ids, nil
}
