package site

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/policy"
)

// calcData is a calculator's page: a scorecard's (scored alone) or a pay
// plan's (computed for a role that it pays). The form itself is made in
// the page from the policy's fields, by the calculator's WebAssembly
// (cmd/calculator), so that it is the inputs layer's form to the letter.
type calcData struct {
	Mode   string // "card" or "plan"
	ID     string // the scorecard's or the pay plan's id
	Title  string
	Role   *policy.Role        // the role computed, for a pay plan
	Roles  []string            // every role the pay plan pays (a link may name any of them)
	Period string              // the period the form opens with
	Back   string              // the policy's page, from the site's root
	Cards  []*policy.Scorecard // the scorecards the form may ask for, by whose titles its groups are named
}

// queueCalculators queues a calculator page per scorecard and per pay plan
// that some role is paid by.
func (b *builder) queueCalculators() {
	for _, p := range b.latest[policy.KindScorecard] {
		sc := p.(*policy.Scorecard)
		b.add(calcPath(policy.KindScorecard, sc.ID), "calculator", "计算器："+sc.Title, "scorecards", func() any {
			return calcData{Mode: "card", ID: sc.ID, Title: sc.Title, Period: periodOf(sc.Period, sc.EffectiveFrom), Back: "scorecards/" + sc.ID + ".html", Cards: []*policy.Scorecard{sc}}
		})
	}
	for _, p := range b.latest[policy.KindPayPlan] {
		pp := p.(*policy.PayPlan)
		paid := b.paidBy(pp.ID)
		if len(paid) == 0 {
			continue
		}
		role := paid[0]
		var ids []string
		for _, r := range paid {
			ids = append(ids, r.ID)
		}
		b.add(calcPath(policy.KindPayPlan, pp.ID), "calculator", "计算器："+pp.Title, "pay", func() any {
			// The form asks for the role's scorecards that the plan uses:
			// their titles name its groups. Not every scorecard: a page
			// per plan listing all of them made the site quadratic in
			// its size.
			var cards []*policy.Scorecard
			seen := map[string]bool{}
			for _, id := range append(slices.Clone(role.Scorecards), pp.Scorecard) {
				if sc, ok := b.h.Latest(policy.KindScorecard, id).(*policy.Scorecard); ok && !seen[id] {
					seen[id] = true
					cards = append(cards, sc)
				}
			}
			return calcData{Mode: "plan", ID: pp.ID, Title: pp.Title, Role: role, Roles: ids, Period: periodOf(pp.Period, pp.EffectiveFrom), Back: "pay/" + pp.ID + ".html", Cards: cards}
		})
	}
}

// Calculator returns the path, from the site's root, of the calculator of
// a scorecard or of a pay plan some role is paid by; "" for none.
func (b *builder) Calculator(k policy.Kind, id string) string {
	if k == policy.KindPayPlan && len(b.paidBy(id)) == 0 {
		return ""
	}
	if k != policy.KindPayPlan && k != policy.KindScorecard {
		return ""
	}
	return calcPath(k, id)
}

func calcPath(k policy.Kind, id string) string {
	if k == policy.KindPayPlan {
		return "calc/pay/" + id + ".html"
	}
	return "calc/scorecards/" + id + ".html"
}

// paidBy returns the roles, by id, whose latest version is paid by the
// plan: the first is the one its calculator computes.
func (b *builder) paidBy(plan string) []*policy.Role {
	var out []*policy.Role
	for _, p := range b.latest[policy.KindRole] {
		if r := p.(*policy.Role); r.PayPlan == plan {
			out = append(out, r)
		}
	}
	return out
}

// periodOf is the period of a kind that holds day: the first period the
// policy's latest version is in effect for.
func periodOf(kind policy.PeriodKind, day civil.Date) string {
	switch kind {
	case policy.Quarterly:
		return engine.Period{Kind: kind, Year: day.Year(), Quarter: (day.Month()-1)/3 + 1}.String()
	case policy.Annual:
		return strconv.Itoa(day.Year())
	case policy.Monthly:
	}
	return engine.Period{Kind: policy.Monthly, Year: day.Year(), Month: day.Month()}.String()
}

// CalculatorFragment is the URL fragment that opens a calculator with a
// case's values: period=…&role=…&PATH=TEXT…, each part escaped as
// JavaScript's encodeURIComponent does (the page decodes it with
// decodeURIComponent). The person's name is left out: a calculator does
// not ask for it.
func CalculatorFragment(c engine.Case) string {
	var b strings.Builder
	b.WriteString("period=" + escapeComponent(c.Period.String()))
	for _, v := range inputs.Encode(c) {
		if v.Path == "person" || v.Text == "" {
			continue
		}
		b.WriteString("&" + escapeComponent(v.Path) + "=" + escapeComponent(v.Text))
	}
	return b.String()
}

// escapeComponent escapes s as encodeURIComponent does.
func escapeComponent(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-_.!~*'()", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
