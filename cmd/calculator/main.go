//go:build js && wasm

package main

import (
	"sort"
	"syscall/js"

	"github.com/kefu-hr/handbook/generator/calculator"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/inputs"
)

func main() {
	var calc *calculator.Calculator
	api := js.Global().Get("Object").New()
	api.Set("load", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 {
			return "load(bundle): no bundle"
		}
		data := make([]byte, args[0].Get("length").Int())
		js.CopyBytesToGo(data, args[0])
		c, err := calculator.Load(data)
		if err != nil {
			return err.Error()
		}
		calc = c
		return ""
	}))
	api.Set("fields", fields(&calc, "fields(role, period)", (*calculator.Calculator).Fields))
	api.Set("cardFields", fields(&calc, "cardFields(card, period)", (*calculator.Calculator).CardFields))
	api.Set("score", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if calc == nil || len(args) < 3 {
			return problem("", "load a bundle first; score(card, period, values)")
		}
		period, err := engine.ParsePeriod(args[1].String())
		if err != nil {
			return problem("period", diag.ErrorIn(err, diag.Chinese))
		}
		req := calculator.Request{Period: period, Values: values(args[2])}
		if len(args) > 3 && args[3].Type() == js.TypeObject {
			req.Next = args[3].Get("next").Truthy()
		}
		return object(calculator.AppendAnswer(nil, calc.Score(args[0].String(), req)))
	}))
	api.Set("compute", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if calc == nil || len(args) < 3 {
			return problem("", "load a bundle first; compute(role, period, values, title)")
		}
		period, err := engine.ParsePeriod(args[1].String())
		if err != nil {
			return problem("period", diag.ErrorIn(err, diag.Chinese))
		}
		req := calculator.Request{Role: args[0].String(), Period: period}
		if len(args) > 3 && args[3].Type() == js.TypeObject {
			opts := args[3]
			req.Report = opts.Get("report").Truthy()
			req.Next = opts.Get("next").Truthy()
			if t := opts.Get("title"); t.Type() == js.TypeString {
				req.Title = t.String()
			}
		}
		req.Values = values(args[2])
		return object(calculator.AppendAnswer(nil, calc.Compute(req)))
	}))
	js.Global().Set("handbookCalculator", api)
	select {}
}

// fields is the function of the page that lists the fields of a form,
// fields(role, period) or cardFields(card, period) as usage says: the
// fields get returns, or {error}, in Chinese where the message has it.
func fields(calc **calculator.Calculator, usage string, get func(*calculator.Calculator, string, engine.Period) ([]inputs.Field, error)) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		if *calc == nil || len(args) < 2 {
			return errorObject("load a bundle first; " + usage)
		}
		period, err := engine.ParsePeriod(args[1].String())
		if err != nil {
			return errorObject(diag.ErrorIn(err, diag.Chinese))
		}
		fs, err := get(*calc, args[0].String(), period)
		if err != nil {
			return errorObject(diag.ErrorIn(err, diag.Chinese))
		}
		return object(calculator.AppendFields(nil, fs))
	})
}

// errorObject is the answer {error} of a form that cannot be listed.
func errorObject(msg string) js.Value {
	return js.ValueOf(map[string]any{"error": msg})
}

// problem is an answer with one problem, {problems: [{path, reason}]}.
func problem(path, reason string) js.Value {
	return js.ValueOf(map[string]any{"problems": []any{map[string]any{"path": path, "reason": reason}}})
}

// object makes an answer or a form written as JSON (calculator.AppendAnswer,
// calculator.AppendFields) a JavaScript object: parsed by JSON.parse, one
// crossing instead of one per property.
func object(json []byte) js.Value {
	return jsonParse.Invoke(string(json))
}

// jsonParse is the page's JSON.parse.
var jsonParse = js.Global().Get("JSON").Get("parse").Call("bind", js.Global().Get("JSON"))

// values reads a form's values, an object {path: text}, in the order of
// their paths (whatever the object's).
func values(o js.Value) []inputs.Value {
	var out []inputs.Value
	if o.Type() != js.TypeObject {
		return nil
	}
	keys := js.Global().Get("Object").Call("keys", o)
	paths := make([]string, keys.Length())
	for i := range paths {
		paths[i] = keys.Index(i).String()
	}
	// The paths, not the values, with sort.Sort (the algorithm of
	// slices.Sort) rather than an instantiation of slices' sort of its own:
	// see generator/internal/sorted.
	sort.Sort(sort.StringSlice(paths))
	for _, k := range paths {
		if v := o.Get(k); v.Type() == js.TypeString {
			out = append(out, inputs.Value{Path: k, Text: v.String()})
		}
	}
	return out
}
