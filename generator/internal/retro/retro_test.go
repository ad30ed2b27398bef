package retro

import (
	"strings"
	"testing"
	"time"

	_ "github.com/kefu-hr/handbook/generator/golden" // the -update flag
	"github.com/kefu-hr/handbook/generator/load"
)

const pay = `#:schema ../../generator/schema/payplan.schema.json
id = "director-pay"
version = 1
effective_from = 2026-01-01
title = "客服总监薪酬"
source = [{ seed = "000_43110d09609c800c.txt", section = "薪酬结构" }]
period = "monthly"

[[note]]
about = "a"
decision = "b"

[[param]]
name = "performance_base"
label = "绩效工资基数"
kind = "money"
value = "3000.00"
`

const correction = `
[[correction]]
date = 2026-12-02
reason = "原文为 3200 元，录入有误"
approved_by = "人力资源部 王敏"
`

var today = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)

func TestCheck(t *testing.T) {
	raised := strings.Replace(pay, `"3000.00"`, `"3200.00"`, 1)
	future := strings.Replace(pay, "2026-01-01", "2027-01-01", 1)
	v2 := func(from string) string {
		return strings.Replace(strings.Replace(raised, "version = 1", "version = 2", 1), "effective_from = 2026-01-01", "effective_from = "+from, 1)
	}
	ended := func(until string) string {
		return strings.Replace(pay, "effective_from = 2026-01-01\n", "effective_from = 2026-01-01\neffective_until = "+until+"\n", 1)
	}
	for _, tt := range []struct {
		name      string
		base, cur map[string]string
		want      []string
	}{
		{name: "unchanged", base: map[string]string{"p.toml": pay}, cur: map[string]string{"p.toml": pay}},
		{name: "a note, the title and the summary may change",
			base: map[string]string{"p.toml": pay},
			cur:  map[string]string{"p.toml": strings.Replace(strings.Replace(pay, `decision = "b"`, `decision = "c"`, 1), "客服总监薪酬", "客服总监的薪酬", 1)}},
		{name: "a rule changed in a version in effect",
			base: map[string]string{"p.toml": pay}, cur: map[string]string{"p.toml": raised},
			want: []string{`p.toml:17:9: version 1 of pay plan "director-pay" has been in effect since 2026-01-01: param[0].value: "3000.00" → "3200.00" changes pay of periods already started; make it a new version (handbook new-version p.toml --from 2027-01-01), or record why it must apply to the past in a [[correction]] (date, reason, approved_by) (param[0].value)`}},
		{name: "the same change with a correction",
			base: map[string]string{"p.toml": pay}, cur: map[string]string{"p.toml": raised + correction}},
		{name: "a correction dated after today does not count",
			base: map[string]string{"p.toml": pay}, cur: map[string]string{"p.toml": raised + strings.Replace(correction, "2026-12-02", "2026-12-03", 1)},
			want: []string{`p.toml:17:9: version 1 of pay plan "director-pay" has been in effect since 2026-01-01: param[0].value: "3000.00" → "3200.00" changes pay`,
				"p.toml:20:8: the correction is dated 2026-12-03, after today (2026-12-02): date it the day it is made (correction)"}},
		{name: "a recorded correction is kept",
			base: map[string]string{"p.toml": raised + correction}, cur: map[string]string{"p.toml": raised + strings.Replace(correction, "录入有误", "录入错误", 1)},
			want: []string{`p.toml:19:3: correction 1 of version 1 of pay plan "director-pay" was changed or removed: a recorded correction is kept as it was; add a new one instead (correction[0])`}},
		{name: "a version not yet in effect may change",
			base: map[string]string{"p.toml": future}, cur: map[string]string{"p.toml": strings.Replace(future, `"3000.00"`, `"3200.00"`, 1)}},
		{name: "ending a version from today on is a new version's business",
			base: map[string]string{"p.toml": pay}, cur: map[string]string{"p.toml": ended("2026-12-31"), "p.v2.toml": v2("2027-01-01")}},
		{name: "ending a version before today moves periods already started",
			base: map[string]string{"p.toml": pay}, cur: map[string]string{"p.toml": ended("2026-11-30"), "p.v2.toml": v2("2026-12-01")},
			want: []string{`p.toml:5:19: version 1 of pay plan "director-pay" has been in effect since 2026-01-01: effective_until: open-ended → 2026-11-30 moves the end of the version before today (2026-12-02) changes pay`,
				`p.v2.toml:4:18: version 2 of pay plan "director-pay" is new and starts on 2026-12-01, on or before today (2026-12-02): it changes periods already started; start it after today (handbook new-version --from DATE), or record a [[correction]] (date, reason, approved_by) (effective_from)`}},
		{name: "a version in effect removed",
			base: map[string]string{"p.toml": pay}, cur: map[string]string{},
			want: []string{`p.toml:1:1: version 1 of pay plan "director-pay", in effect since 2026-01-01, was removed`}},
		{name: "a new policy may start in the past",
			base: map[string]string{}, cur: map[string]string{"p.toml": pay}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := func(m map[string]string, prefix string) []load.File {
				var out []load.File
				for name, src := range m {
					out = append(out, load.File{Path: prefix + name, Data: []byte(src)})
				}
				return out
			}
			got := Check(files(tt.base, "main:"), files(tt.cur, ""), today)
			if len(got) != len(tt.want) {
				t.Fatalf("%d problems, want %d:\n%v", len(got), len(tt.want), got)
			}
			for i, d := range got {
				if !strings.HasPrefix(d.String(), tt.want[i]) {
					t.Errorf("problem %d:\n%s\nwant it to start with\n%s", i, d, tt.want[i])
				}
			}
		})
	}
}
