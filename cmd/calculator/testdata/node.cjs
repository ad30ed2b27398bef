// Runs requests through the calculator's WebAssembly under Node, the way a
// page calls it (handbookCalculator.load, then compute), and prints the
// answers and timings as JSON. Driven by the Go tests (generator/cli):
//
//	node node.cjs wasm_exec.js calculator.wasm calculator.mem bundle.bin requests.json
//
// calculator.mem is the module's initial memory (generator/internal/wasmdata
// Split: its SHA-256, which the module's custom section handbook.memory
// holds too, then address, length, bytes, little-endian), written into the
// instance's memory before the program runs, as site/calculator.js does.
"use strict";
const fs = require("fs");
const [execJS, wasmPath, memPath, bundlePath, requestsPath] = process.argv.slice(2);
globalThis.require = require;
globalThis.fs = fs;
globalThis.path = require("path");
globalThis.TextEncoder = require("util").TextEncoder;
globalThis.TextDecoder = require("util").TextDecoder;
globalThis.performance ??= require("perf_hooks").performance;
globalThis.crypto ??= require("crypto");
require(execJS);

(async () => {
	const t0 = performance.now();
	const go = new Go();
	const { module, instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), go.importObject);
	const image = new Uint8Array(fs.readFileSync(memPath));
	const [sum] = WebAssembly.Module.customSections(module, "handbook.memory");
	if (!sum || !Buffer.from(sum).equals(Buffer.from(image.subarray(0, 32)))) throw new Error("memory image: not the module's (handbook.memory)");
	const mem = new Uint8Array(instance.exports.mem.buffer);
	const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
	for (let at = 32; at < image.length;) {
		const addr = view.getUint32(at, true), n = view.getUint32(at + 4, true);
		if (at + 8 + n > image.length || addr + n > mem.length) throw new Error("memory image: segment at byte " + at + " does not fit");
		mem.set(image.subarray(at + 8, at + 8 + n), addr);
		at += 8 + n;
	}
	go.run(instance); // main defines handbookCalculator and waits for calls
	const refused = handbookCalculator.load(new Uint8Array(fs.readFileSync(bundlePath)));
	if (refused) {
		throw new Error("bundle refused: " + refused);
	}
	const ready = performance.now() - t0;
	const requests = JSON.parse(fs.readFileSync(requestsPath, "utf8"));
	const answers = [];
	const first = [];
	for (const r of requests) {
		const t = performance.now();
		answers.push(handbookCalculator.compute(r.role, r.period, r.values, { report: true, next: true, title: r.title }));
		first.push(performance.now() - t);
	}
	// Again, as a page recomputes while the person types: the result
	// alone, then what it takes.
	const again = [], next = [];
	for (const r of requests) {
		let t = performance.now();
		handbookCalculator.compute(r.role, r.period, r.values, {});
		again.push(performance.now() - t);
		t = performance.now();
		handbookCalculator.compute(r.role, r.period, r.values, { next: true });
		next.push(performance.now() - t);
	}
	// Exit once the output is flushed: Go's main never returns.
	process.stdout.write(JSON.stringify({ readyMs: ready, firstMs: first, againMs: again, nextMs: next, answers }), () => process.exit(0));
})().catch((err) => {
	console.error(err);
	process.exit(1);
});
