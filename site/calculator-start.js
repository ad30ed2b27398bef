// The first lines of a calculator's page (generator/site puts this file in
// the head, inline, before the style sheet, and allows it by its hash in the
// page's Content-Security-Policy). From a server it asks for the module,
// its memory and the bundle while the page is still being parsed, and has
// the module compiled as it downloads; calculator.js, which runs later,
// takes them up.
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
    bundle: fetch(s.getAttribute('data-bundle'))
  };
  // Reported where calculator.js awaits them.
  early.memory.catch(function () {});
  early.bundle.catch(function () {});
})(document.currentScript);
