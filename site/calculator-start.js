// The first lines of a calculator's page (generator/site puts this file in
// the head, inline, before the style sheet, and allows it by its hash in the
// page's Content-Security-Policy). From a server it asks for the module,
// its memory, the bundle and wasm_exec.js while the page is still being
// parsed, and has the module compiled as it downloads; calculator.js, which
// runs later, takes them up. (Asked for by calculator.js, wasm_exec.js had
// come 40-60 ms after the module was compiled, and held the start back.)
// From file:// it does nothing: calculator.js reads its base64 copies.
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
