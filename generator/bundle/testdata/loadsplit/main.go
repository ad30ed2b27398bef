//go:build js && wasm

// Command loadsplit times, inside the calculator's WebAssembly, what the
// calculator's load(bundle) does, step by step: bundle.DecodePolicies, then
// compile.Compile, then calculator.New. Run by TestDecodeTimeInWasm
// (generator/bundle) under Node with run.cjs.
package main

import (
	"runtime/debug"
	"syscall/js"
	"time"

	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/calculator"
	"github.com/kefu-hr/handbook/generator/compile"
)

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func main() {
	debug.SetGCPercent(800) // as cmd/calculator
	js.Global().Set("loadSplit", js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := make([]byte, args[0].Get("length").Int())
		js.CopyBytesToGo(data, args[0])
		out := js.Global().Get("Array").New()
		for range args[1].Int() {
			t0 := time.Now()
			ps, err := bundle.DecodePolicies(data)
			if err != nil {
				return err.Error()
			}
			t1 := time.Now()
			h, problems := compile.Compile(ps, nil)
			if len(problems) > 0 {
				return problems[0].String()
			}
			t2 := time.Now()
			calculator.New(h)
			t3 := time.Now()
			out.Call("push", js.ValueOf([]any{ms(t1.Sub(t0)), ms(t2.Sub(t1)), ms(t3.Sub(t2))}))
		}
		return out
	}))
	select {}
}
