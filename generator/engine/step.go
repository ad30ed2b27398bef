package engine

import (
	"strconv"
	"strings"

	"github.com/kefu-hr/handbook/generator/policy"
)

// Ref names what a step is about: a policy version, and within it an item,
// part, component, event, ladder or table (Part, "" for the policy itself).
type Ref struct {
	Kind    policy.Kind
	ID      string
	Version int
	Part    string
}

// String writes the reference as traces and goldens show it:
// kefu-zongjian-monthly@1#crm.
func (r Ref) String() string {
	s := r.ID + "@" + strconv.Itoa(r.Version)
	if r.Part != "" {
		s += "#" + r.Part
	}
	return s
}

// Anchor is the version-free form of the reference, stable across versions
// of a policy: for page anchors and rule diffs (scorecard/kefu-zongjian-monthly#crm).
func (r Ref) Anchor() string {
	s := string(r.Kind) + "/" + r.ID
	if r.Part != "" {
		s += "#" + r.Part
	}
	return s
}

// Operand is one value a step used: its name as the formula or the policy
// writes it, its Chinese label, its value as written and its unit.
type Operand struct {
	Name, Label, Value, Unit string
}

// String writes the operand as traces show it: name=value, or the name
// alone when it has no value (第2次).
func (o Operand) String() string {
	if o.Value == "" {
		return o.Name
	}
	return o.Name + "=" + o.Value
}

// Operands joins operands as traces show them: a=1, b=2.
func Operands(ops []Operand) string {
	parts := make([]string, len(ops))
	for i, o := range ops {
		parts[i] = o.String()
	}
	return strings.Join(parts, ", ")
}

// operand is an operand whose name is its label.
func operand(label, value, unit string) Operand {
	return Operand{Name: label, Label: label, Value: value, Unit: unit}
}

// ref references a part of a policy.
func ref(h *policy.Header, part string) Ref {
	return Ref{Kind: h.Kind, ID: h.ID, Version: h.Version, Part: part}
}

// addStep appends to a trace the step of a policy's part (ref): the clause
// that fired, the operands used, the value produced and what the step says.
func addStep(trace []Step, h *policy.Header, part, clause string, ops []Operand, value string, say Sentence) []Step {
	return append(trace, Step{Ref: ref(h, part), Clause: clause, Operands: ops, Value: value, Say: say})
}
