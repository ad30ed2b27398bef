// node run.cjs wasm_exec.js loadsplit.wasm bundle.bin N: prints the times
// (ms) of the first load, in a fresh module, and of N more, as JSON
// {first: [decode, compile, new], again: [[decode, compile, new], ...]}.
"use strict";
const fs = require("fs");
const [execJS, wasmPath, bundlePath, n] = process.argv.slice(2);
globalThis.require = require;
globalThis.fs = fs;
globalThis.path = require("path");
globalThis.TextEncoder = require("util").TextEncoder;
globalThis.TextDecoder = require("util").TextDecoder;
globalThis.performance ??= require("perf_hooks").performance;
globalThis.crypto ??= require("crypto");
require(execJS);
(async () => {
	const go = new Go();
	const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), go.importObject);
	go.run(instance);
	const data = new Uint8Array(fs.readFileSync(bundlePath));
	const first = loadSplit(data, 1);
	const again = loadSplit(data, +n);
	if (typeof first === "string" || typeof again === "string") {
		throw new Error(String(first) + String(again));
	}
	process.stdout.write(JSON.stringify({ first: first[0], again }), () => process.exit(0));
})().catch((err) => {
	console.error(err);
	process.exit(1);
});
