// The first lines of a calculator's page (generator/site puts this file in
// the head, inline, before the style sheet, and allows it by its hash in the
// page's Content-Security-Policy). From a server it asks for the module,
// its memory, the bundle and wasm_exec.js while the page is still being
// parsed, and has the module compiled as it downloads; calculator.js, which
// runs later, takes them up. (Asked for by calculator.js, wasm_exec.js had
// come 40-60 ms after the module was compiled, and held the start back.)
// From file:// it does nothing: calculator.js reads its base64 copies.
//
// Tried and not kept, measured in headless Chromium on the two-core CI
// machine (a fresh profile per visit):
// - the calculator run in a worker that this script starts (3 visits,
//   against 2 of this page, one after the other): its module was compiled
//   no sooner (133-151 ms after navigation, against 147-162) and its first
//   result came no sooner (243-260, against 245-262): V8 compiles each
//   function on its first call in a worker as on the page;
// - a worker that has V8 compile, on the other core, the functions the
//   page calls when it opens (branch warmup-trial; A/B, 5-7 interleaved
//   rounds, first visits): with the functions of a Chromium trace of this
//   page, 240 -> 204 ms; with the branch's list, recorded under Node, later
//   and under load, 280 -> 333, and 280 -> 299 when the worker started only
//   once the module compiled: on two cores it takes the page's own core
//   as often as it frees it.
(function (s) {
  if (!/^https?:$/.test(location.protocol)) return;
  var early = window.HANDBOOK_CALC_EARLY = {
    // null: compile it from its bytes (a host that does not serve it as
    // application/wasm), as calculator.js does without this script.
    module: fetch(s.getAttribute('data-wasm')).then(function (r) {
      return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(r).catch(function () { return null; }) : null;
    }, function () { return null; }),
    memory: fetch(s.getAttribute('data-memory')),
    bundle: fetch(s.getAttribute('data-bundle')),
    exec: new Promise(function (ok, no) {
      var x = document.createElement('script');
      x.src = s.getAttribute('data-exec');
      x.onload = ok;
      x.onerror = function () { no(new Error('无法载入 ' + x.src)); };
      document.head.appendChild(x);
    })
  };
  // Reported where calculator.js awaits them.
  early.memory.catch(function () {});
  early.bundle.catch(function () {});
  early.exec.catch(function () {});
})(document.currentScript);
