// The handbook's calculator page: runs the calculator's WebAssembly
// (cmd/calculator, the engine CI tests) in the page. The form is made from
// the policy's fields (handbookCalculator.fields/cardFields); every input
// recomputes at once; what it takes is computed after the result is shown.
// Inputs live only in the page and in the URL fragment: after the module
// and the policy bundle are loaded, the page makes no request.
//
// The script is in the page's head (async). From a server, the page's
// first lines (calculator-start.js, inline) have asked for what it needs
// before it runs; from file://, or on a page without them, it asks as soon
// as it runs, while the page is still being parsed. From a server: the
// module, compiled as it downloads (calc/calculator.wasm, which a host may
// serve from its pre-compressed .gz; a browser may keep the compiled code
// for the next visit), its initial memory (calc/calculator.mem, likewise),
// the bundle's bytes (calc/bundle.bin) and wasm_exec.js. From file://,
// where a page cannot fetch, the module, its memory and the bundle are
// read from scripts that hold the same bytes in base64
// (calc/calculator.wasm.js, calc/calculator.mem.js, calc/bundle.js).
(function () {
  'use strict';
  // Milliseconds since navigation: this script running, the module's
  // bytes in hand (from file://; streamed from a server, they are compiled
  // as they come), compiled (and its memory in hand), the Go program
  // started, the bundle's bytes in hand, the bundle loaded into Go (ready),
  // the first result in the page, and the first frame painted after it
  // (shown); what the first result spent (phases: the fields from Go, the
  // form's DOM, the computation, the answer's DOM); and the time of each
  // recompute.
  var timing = window.HANDBOOK_CALC_TIMING = { script: performance.now(), bytes: null, compiled: null, started: null, bundle: null, ready: null,
    firstResult: null, shown: null, phases: null, recomputes: [] };
  var script = document.currentScript;
  var base = script ? script.src.replace(/[^/]*$/, '') : ''; // the site's root
  var served = location.protocol === 'http:' || location.protocol === 'https:';

  function bytesOf(b64) {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);
    var s = atob(b64), out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function loadScript(src) {
    return new Promise(function (ok, no) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = ok; s.onerror = function () { no(new Error('无法载入 ' + src)); };
      document.head.appendChild(s);
    });
  }
  function bodyOf(url, response) {
    return response.then(function (r) {
      if (!r.ok) throw new Error(url.replace(/^.*\//, '') + ': ' + r.status);
      return r.arrayBuffer();
    });
  }
  function fetchBytes(url) { return bodyOf(url, fetch(url)); }
  // From a server, the page's first lines (calculator-start.js) have asked
  // for the module, its memory, the bundle and wasm_exec.js already, before
  // the style sheet; without them (a page of an older build) this script
  // asks.
  var early = served && window.HANDBOOK_CALC_EARLY;
  // The module: from a server streamed, so that the browser compiles it
  // while it downloads (and, the response being cacheable, may keep the
  // compiled code); a host that does not serve it as application/wasm
  // gets it compiled from its bytes.
  var module = served
    ? (early ? early.module : WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetch(base + 'calc/calculator.wasm')).catch(function () { return null; }) : Promise.resolve(null))
      .then(function (m) { return m || fetchBytes(base + 'calc/calculator.wasm').then(function (b) { return WebAssembly.compile(b); }); })
    : loadScript(base + 'calc/calculator.wasm.js').then(function () {
      var b = bytesOf(window.HANDBOOK_WASM);
      window.HANDBOOK_WASM = null;
      timing.bytes = performance.now();
      return WebAssembly.compile(b);
    });
  // The module's initial memory (cut out of it, so that it compiles
  // sooner: generator/internal/wasmdata), written into the instance's
  // memory before the program runs.
  var memory = served
    ? (early ? bodyOf(base + 'calc/calculator.mem', early.memory) : fetchBytes(base + 'calc/calculator.mem')).then(function (b) { return new Uint8Array(b); })
    : loadScript(base + 'calc/calculator.mem.js').then(function () { var b = bytesOf(window.HANDBOOK_MEMORY); window.HANDBOOK_MEMORY = null; return b; });
  var bundle = (served
    ? (early ? bodyOf(base + 'calc/bundle.bin', early.bundle) : fetchBytes(base + 'calc/bundle.bin')).then(function (b) { return new Uint8Array(b); })
    : loadScript(base + 'calc/bundle.js').then(function () { var b = bytesOf(window.HANDBOOK_BUNDLE); window.HANDBOOK_BUNDLE = null; return b; }))
    .then(function (b) { timing.bundle = performance.now(); return b; });
  var exec = window.Go ? Promise.resolve() : early ? early.exec : loadScript(base + 'calc/wasm_exec.js');
  var parsed = new Promise(function (ok) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ok);
    else ok();
  });
  // Unhandled until used: a failure is reported once, where it is awaited.
  [module, memory, bundle, exec].forEach(function (p) { p.catch(function () {}); });

  // setMemory writes a memory image into the instance's memory: the
  // SHA-256 of the rest, which the module holds too (its custom section
  // handbook.memory), so that a module and an image of different builds are
  // refused; then each segment: its address and length, 4 bytes each,
  // little-endian, then its bytes (generator/internal/wasmdata).
  function setMemory(module, mem, image) {
    var sums = WebAssembly.Module.customSections(module, 'handbook.memory');
    var sum = sums.length === 1 ? new Uint8Array(sums[0]) : null;
    if (!sum || sum.length !== 32 || image.length < 32 || sum.some(function (b, i) { return b !== image[i]; })) {
      throw new Error('calculator.wasm 与 calculator.mem 不是同一次构建的文件，请刷新页面');
    }
    var into = new Uint8Array(mem.buffer), view = new DataView(image.buffer, image.byteOffset, image.byteLength);
    for (var at = 32; at < image.length;) {
      if (image.length - at < 8) throw new Error('calculator.mem: cut short');
      var addr = view.getUint32(at, true), n = view.getUint32(at + 4, true);
      if (n > image.length - at - 8 || addr + n > into.length) throw new Error('calculator.mem: a segment does not fit');
      into.set(image.subarray(at + 8, at + 8 + n), addr);
      at += 8 + n;
    }
  }

  var form, mode, id, role, roles, periodInput, periodErr, spoken, fieldsBox, results, nextBox;
  var fields = [];
  var formKey = ''; // the fields the form was built from, as JSON
  var controls = Object.create(null); // path → {get(), set(text), box, err, input or inputs}
  // What the person entered, path → text, kept when the form is built
  // again for another period (a path the new form lacks keeps its value
  // for when it comes back).
  var entered = Object.create(null);
  var notes = []; // what the fragment held that the form could not take
  var fromLink = false; // entered holds a fragment not yet put in a form
  var periodOK = true;
  var nextTimer = 0;

  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function status(text, problem) {
    fieldsBox.textContent = '';
    var p = el('p', { id: 'calc-status', role: 'status', 'class': problem ? 'problem' : null }, text);
    fieldsBox.appendChild(p);
  }

  // ---- the fragment: period and values
  // readFragment returns the fragment's pairs, path → text, and the parts
  // it cannot read (no "=", or a broken %-escape: a link cut short, a
  // hand-typed %), which the form then names.
  function readFragment() {
    var out = Object.create(null), bad = [];
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf('=');
      try {
        if (i > 0) out[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
        else bad.push(kv);
      } catch (e) {
        bad.push(kv);
      }
    });
    return { values: out, bad: bad };
  }
  // takeFragment makes the fragment what the form holds: its period, its
  // role (a role this page's plan pays; another is named, not taken) and
  // its values; what it cannot take becomes a note.
  function takeFragment() {
    var frag = readFragment(), v = frag.values;
    dropFragment();
    notes = [];
    entered = Object.create(null);
    if (v.period) periodInput.value = v.period;
    if (mode === 'plan') {
      role = form.getAttribute('data-role');
      if (v.role && (v.role === role || roles.indexOf(v.role) >= 0)) role = v.role;
      else if (v.role) notes.push('网址中的岗位「' + v.role + '」不按本方案计薪，按本页的岗位计算');
    }
    Object.keys(v).forEach(function (k) { if (k !== 'period' && k !== 'role') entered[k] = v[k]; });
    if (frag.bad.length) notes.push('网址 # 后有 ' + frag.bad.length + ' 处无法读取，未使用：' + frag.bad.join('、'));
    formKey = ''; // build the form again, whatever it was
    fromLink = true;
  }
  // writeFragment writes what the form held: its period, its role (when
  // not the page's own) and its values.
  function writeFragment(held) {
    var values = held.values;
    var parts = ['period=' + encodeURIComponent(held.period)];
    if (mode === 'plan' && held.role !== form.getAttribute('data-role')) parts.push('role=' + encodeURIComponent(held.role));
    Object.keys(values).sort().forEach(function (k) { parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(values[k])); });
    try {
      history.replaceState(null, '', '#' + parts.join('&'));
    } catch (e) {
      // A browser that refuses it (Safari, after 100 in 30 s): the next
      // write catches up.
    }
  }
  // The fragment follows the form: written once the answer is painted
  // (replaceState costs about as much as a recompute, so not within the
  // keystroke), and at most once every 320 ms (Safari refuses a page's
  // 101st replaceState in 30 s; Chromium throttles a flood of them), the
  // latest values then. A reload a moment after typing keeps what was
  // typed, unless the typing was quicker than that.
  var fragPending = null, fragScheduled = false, fragLast = -1e9;
  function scheduleFragment(values) {
    fragPending = { period: periodInput.value.trim(), role: role, values: values };
    if (fragScheduled) return;
    fragScheduled = true;
    var painted = function () { requestAnimationFrame(function () { setTimeout(flushFragment, 0); }); };
    var wait = fragLast + 320 - performance.now();
    if (wait > 0) setTimeout(painted, wait); else painted();
  }
  function flushFragment() {
    fragScheduled = false;
    if (!fragPending) return;
    fragLast = performance.now();
    writeFragment(fragPending);
    fragPending = null;
  }
  // dropFragment forgets a write not yet made: the fragment the page is
  // given (by hand, or by back and forward), or a period that cannot be
  // computed, is not to be overwritten with the values before it.
  function dropFragment() { fragPending = null; }

  // ---- the form
  var cardTitles = {};
  function group(path) {
    var p = path.split('.');
    if (p[0] === 'scorecard') return ['scorecard.' + p[1], '评分表：' + (cardTitles[p[1]] || p[1])];
    if (p[0] === 'pay') return ['pay', '本期数据'];
    if (p[0] === 'own') return ['own', '本人数额（留空取方案默认）'];
    if (p[0] === 'points') return ['points', '本月积分'];
    if (p[0] === 'history') return ['history.' + p[1], p[1] + '（以前季度，台账结转用）'];
    return ['other', '其他'];
  }
  // notOffered names a value from a link that the field does not offer.
  function notOffered(v) { return '「' + v + '」（网址中的值，不是可选项）'; }
  function fieldId(path) { return 'f-' + path.replace(/[^A-Za-z0-9_-]/g, '_'); }
  function makeControl(f) {
    var box = el('div', { 'class': 'calc-field', 'data-path': f.path });
    var fid = fieldId(f.path), hintId = fid + '-hint', errId = fid + '-err';
    // The unit, unless the label says it already: （%） or …，%） at its end.
    var named = f.unit && (f.label.indexOf('（' + f.unit + '）') >= 0 || f.label.slice(-f.unit.length - 1) === f.unit + '）');
    var label = f.label + (f.unit && !named ? '（' + f.unit + '）' : '');
    var hint = f.what;
    if (f.min != null) {
      var wide = Number(f.max) >= 1e9; // the bound of any amount: not worth saying
      hint = (wide ? '' : f.min + '～' + (f.itemMax || f.max) + (f.unit ? ' ' + f.unit : '') + '，') + (f.places === 0 ? '整数' : '最多 ' + f.places + ' 位小数');
    }
    var c = { box: box };
    var opts = f.options || [];
    if (f.kind === 'checks' || f.kind === 'redlines') {
      var fs = el('fieldset', { 'aria-describedby': hintId + ' ' + errId });
      fs.appendChild(el('legend', null, f.kind === 'redlines' ? '触及的电网指标（开关）' : label));
      var boxes = [];
      var addBox = function (value, text) {
        var l = el('label', { 'class': 'calc-check' });
        var cb = el('input', { type: 'checkbox', value: value });
        l.appendChild(cb); l.appendChild(document.createTextNode(' ' + text));
        fs.appendChild(l);
        boxes.push(cb);
        return cb;
      };
      opts.forEach(function (o) { addBox(o.id, o.text); });
      box.appendChild(fs);
      c.inputs = boxes;
      c.get = function () {
        var on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        if (f.kind === 'checks') return on.length ? on.join('|') : 'none';
        return on.join('|');
      };
      // A value the policy does not offer (from a link) gets a box of its
      // own, ticked, so that the calculator names it at the field.
      c.set = function (t) {
        var on = t.split('|').filter(function (x) { return x && !(f.kind === 'checks' && x === 'none'); });
        on.forEach(function (x) {
          if (!boxes.some(function (b) { return b.value === x; })) addBox(x, notOffered(x));
        });
        boxes.forEach(function (b) { b.checked = on.indexOf(b.value) >= 0; });
      };
    } else {
      box.appendChild(el('label', { 'for': fid }, label));
      var input;
      if (f.kind === 'yesno' || f.kind === 'level' || f.kind === 'choice' || f.kind === 'leave') {
        input = el('select', { id: fid, 'aria-describedby': hintId + ' ' + errId });
        input.appendChild(el('option', { value: '' }, '—'));
        var choices = opts;
        if (f.kind === 'yesno') choices = [{ id: 'true', text: '是' }, { id: 'false', text: '否' }];
        if (f.kind === 'level' && !choices.length) choices = [1, 2, 3, 4, 5].map(function (n) { return { id: String(n), text: '' }; });
        choices.forEach(function (o) {
          var text = f.kind === 'level' ? o.id + ' 级' + (o.text ? '：' + o.text : '') : o.text;
          input.appendChild(el('option', { value: o.id }, text));
        });
      } else {
        var num = f.kind === 'number' || f.kind === 'count' || f.kind === 'months';
        input = el('input', { id: fid, type: 'text', inputmode: num ? (f.places === 0 || f.kind !== 'number' ? 'numeric' : 'decimal') : null,
          autocomplete: 'off', spellcheck: 'false', 'aria-describedby': hintId + ' ' + errId });
      }
      box.appendChild(input);
      c.get = function () { return input.value.trim(); };
      c.set = function (t) { input.value = t; };
      if (input.tagName === 'INPUT') {
        // What the field prints (style.css): a text field cuts a long value
        // (a ladder's steps, a list of awards) at its width.
        c.mirror = box.appendChild(el('span', { 'class': 'calc-print', 'aria-hidden': 'true' }));
      }
      if (input.tagName === 'SELECT') {
        // A value the list does not offer (from a link) is kept as an
        // option of its own, so that the calculator names it at the field
        // rather than the form dropping it; yes/no as any case writes it.
        c.set = function (t) {
          var all = Array.prototype.map.call(input.options, function (o) { return o.value; });
          var same = all.filter(function (v) { return v.toLowerCase() === t.toLowerCase(); })[0];
          if (all.indexOf(t) < 0 && same == null && t) input.appendChild(el('option', { value: t }, notOffered(t)));
          input.value = all.indexOf(t) < 0 && same != null ? same : t;
        };
      }
      c.input = input;
    }
    box.appendChild(el('small', { id: hintId, 'class': 'calc-hint' }, hint));
    c.err = box.appendChild(el('p', { id: errId, 'class': 'calc-error', hidden: '' }));
    return c;
  }
  // periodIssue shows why the period cannot be computed (or, given null,
  // that it can): at the period's field, with the result cleared; the form
  // and what was typed stay for when the period is put right.
  function periodIssue(msg) {
    periodOK = !msg;
    periodErr.hidden = !msg;
    periodErr.textContent = msg || '';
    if (!msg) { periodInput.removeAttribute('aria-invalid'); return; }
    periodInput.setAttribute('aria-invalid', 'true');
    dropFragment();
    clearTimeout(nextTimer);
    cancelAnimationFrame(nextFrame);
    nextBox.textContent = '';
    results.textContent = '';
    results.appendChild(el('p', { 'class': 'problem' }, '考核期间有误，改正后即时计算。'));
    spoken.textContent = '考核期间有误：' + msg;
    if (!fields.length) status('请先填写有效的考核期间。', true);
  }
  // buildForm asks Go for the form's fields for the period and builds it,
  // off the page, then puts it in at once, with what was entered; the
  // same fields as the form has keep the form as it is (and the field the
  // person is in). False when the period cannot be computed.
  function buildForm() {
    var period = periodInput.value.trim();
    var t = performance.now();
    var got = mode === 'plan' ? handbookCalculator.fields(role, period) : handbookCalculator.cardFields(id, period);
    var t1 = performance.now();
    if (got.error) { periodIssue(got.error); return false; }
    periodIssue(null);
    var list = got.fields.filter(function (f) { return f.path !== 'role' && f.path !== 'person'; });
    var key = JSON.stringify(list);
    if (key === formKey) return true;
    if (formKey) values(); // into entered
    formKey = key;
    fields = list;
    controls = Object.create(null);
    marked = Object.create(null);
    var box = document.createDocumentFragment();
    var told = notes;
    if (fromLink) {
      var unknown = Object.keys(entered).filter(function (k) { return !fields.some(function (f) { return f.path === k; }); });
      if (unknown.length) told = told.concat(['网址中的这些项不在本表中，未使用：' + unknown.join('、')]);
    }
    if (told.length) box.appendChild(el('p', { 'class': 'problem', role: 'status' }, told.join('。') + '。'));
    notes = [];
    fromLink = false;
    var sets = {};
    fields.forEach(function (f) {
      var g = group(f.path);
      if (!sets[g[0]]) {
        sets[g[0]] = el('fieldset', { 'class': 'calc-group' });
        sets[g[0]].appendChild(el('legend', null, g[1]));
        box.appendChild(sets[g[0]]);
      }
      var c = makeControl(f);
      controls[f.path] = c;
      sets[g[0]].appendChild(c.box);
    });
    fieldsBox.textContent = '';
    fieldsBox.appendChild(box);
    Object.keys(entered).forEach(function (k) { if (has(controls, k)) controls[k].set(entered[k]); });
    if (!timing.phases) timing.phases = { fields: t1 - t, form: performance.now() - t1 };
    return true;
  }
  // values returns the form's values, path → text, the empty left out;
  // it keeps them in entered, and each text field's print copy current.
  function values() {
    var out = {};
    fields.forEach(function (f) {
      if (!has(controls, f.path)) return;
      var c = controls[f.path], v = c.get();
      if (c.mirror && c.mirror.textContent !== v) c.mirror.textContent = v;
      entered[f.path] = v;
      if (v) out[f.path] = v;
    });
    return out;
  }

  // ---- results
  // showProblems shows each problem at its field and clears the fields
  // whose problem is gone, touching no other field: clearing every field
  // per keystroke had cost more than drawing the result.
  var marked = Object.create(null); // path → the text shown at its field
  function invalid(c, on) {
    (c.input ? [c.input] : c.inputs || []).forEach(function (x) {
      if (on) x.setAttribute('aria-invalid', 'true'); else x.removeAttribute('aria-invalid');
    });
  }
  function showProblems(problems) {
    var now = Object.create(null), general = [];
    problems.forEach(function (p) {
      if (!has(controls, p.path)) { general.push(p.reason); return; }
      now[p.path] = now[p.path] ? now[p.path] + '；' + p.reason : p.reason;
    });
    Object.keys(marked).forEach(function (path) {
      if (now[path] == null && has(controls, path)) {
        var c = controls[path];
        c.err.hidden = true; c.err.textContent = '';
        invalid(c, false);
      }
    });
    Object.keys(now).forEach(function (path) {
      if (marked[path] === now[path]) return;
      var c = controls[path];
      c.err.hidden = false; c.err.textContent = now[path];
      invalid(c, true);
    });
    marked = now;
    return general;
  }
  function table(caption, head, rows) {
    var t = el('table');
    t.appendChild(el('caption', null, caption));
    var tr = el('tr');
    head.forEach(function (h) { tr.appendChild(el('th', { scope: 'col' }, h)); });
    t.appendChild(el('thead')).appendChild(tr);
    var tb = el('tbody');
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (c, i) { row.appendChild(el('td', i > 0 && /^[+-]?[0-9.,]+$/.test(c) ? { 'class': 'num' } : null, c)); });
      tb.appendChild(row);
    });
    t.appendChild(tb);
    var d = el('div', { 'class': 'scroll' }); d.appendChild(t);
    return d;
  }
  function trace(sentences) {
    var d = el('details'); d.appendChild(el('summary', null, '计算过程'));
    var ol = el('ol', { 'class': 'trace' });
    sentences.forEach(function (s) { ol.appendChild(el('li', null, s)); });
    d.appendChild(ol);
    return d;
  }
  function showAnswer(a) {
    results.textContent = '';
    var general = showProblems(a.problems || []);
    if (a.problems) {
      var n = Object.keys(marked).length + general.length; // fields, not problems
      results.appendChild(el('p', { 'class': 'problem' }, '有 ' + n + ' 处需要修改或补填，修改后即时计算。' + general.join('；')));
      return false;
    }
    results.appendChild(el('h2', null, '结果'));
    (a.cards || []).forEach(function (c) {
      var sum = el('p', { 'class': 'calc-total' });
      sum.appendChild(document.createTextNode((c.title || c.id) + '：总分 '));
      sum.appendChild(el('strong', null, c.total));
      if (c.k) { sum.appendChild(document.createTextNode('　奖金系数 K ')); sum.appendChild(el('strong', null, c.k)); }
      if (c.grade) { sum.appendChild(document.createTextNode('　等级 ')); sum.appendChild(el('strong', null, c.grade)); }
      results.appendChild(sum);
      if (c.items.length) results.appendChild(table('各项得分', ['考核项目', '得分', '满分'], c.items.map(function (i) { return [i.title, i.points, i.max]; })));
      if (c.parts.length > 1) results.appendChild(table('小计', ['部分', '得分', '满分', '百分制'], c.parts.map(function (p) { return [p.title, p.raw, p.points, p.score]; })));
      results.appendChild(trace(c.sentences));
    });
    if (a.pay) {
      var p = el('p', { 'class': 'calc-total' });
      p.appendChild(document.createTextNode('本期应发合计 '));
      p.appendChild(el('strong', null, a.pay.total + ' 元'));
      results.appendChild(p);
      results.appendChild(table('各项薪酬', ['项目', '金额（元）'], a.pay.lines.map(function (l) { return [l.title + (l.withheld ? '（暂停发放）' : ''), l.amount]; })));
      a.pay.redLines.forEach(function (t) { results.appendChild(el('p', { 'class': 'calc-redline' }, '触及电网指标：' + t)); });
      results.appendChild(trace(a.pay.sentences));
    }
    if (a.ledger && a.ledger.length) {
      results.appendChild(table('季度奖金台账', ['季度', '回款', '基数', '目标', '奖金', '未补足差额'], a.ledger.map(function (q) { return [q.quarter, q.actual, q.base, q.target, q.bonus, q.outstanding]; })));
      var all = []; a.ledger.forEach(function (q) { all = all.concat(q.sentences); });
      results.appendChild(trace(all));
    }
    return true;
  }
  // said names an improvement by what the person would pick: a choice's
  // or level's text where the field offers one, else the probe's label.
  function said(x) {
    var v = x.values && x.values.length === 1 ? x.values[0] : null;
    var f = v && fields.filter(function (f) { return f.path === v.path; })[0];
    var o = f && (f.options || []).filter(function (o) { return o.id === v.text; })[0];
    if (o && o.text) return f.kind === 'level' ? o.id + ' 级：' + o.text : o.text;
    return x.label;
  }
  function showNext(n) {
    nextBox.textContent = '';
    if (!n) return;
    var any = n.items.length || n.bands.length || n.ledger;
    if (!any) return;
    nextBox.appendChild(el('h2', null, '怎样做得更好'));
    n.bands.forEach(function (b) {
      var p = el('p', { 'class': 'calc-band' });
      var to = b.k ? '奖金系数 K ' + b.k : '等级 ' + b.grade;
      p.textContent = '离下一档最近：把「' + b.title + '」做到 ' + said(b) + '，总分 ' + b.total + '，' + to +
        (b.payChange ? '，应发合计 ' + b.payTotal + ' 元（' + (b.payChange.charAt(0) === '-' ? '' : '+') + b.payChange + ' 元）' : '') + '。';
      nextBox.appendChild(p);
    });
    if (n.ledger && n.ledger.exempt) {
      nextBox.appendChild(el('h3', null, '季度台账'));
      nextBox.appendChild(el('p', null, '本季不承担任务（免考核）：回款多少都不改变本季奖金。'));
    } else if (n.ledger) {
      var g = n.ledger, ul = el('ul');
      [['base', '达到基数'], ['target', '达到目标'], ['makeUp', '补足以前季度的差额']].forEach(function (k) {
        var x = g[k[0]];
        if (!x) return;
        ul.appendChild(el('li', null, x.reached ? k[1] + '：本季回款已经做到。' :
          k[1] + '：本季回款至少 ' + x.collection + ' 元' + (x.payChange ? '，应发合计 ' + x.payTotal + ' 元（+' + x.payChange + ' 元）' : '') + '。'));
      });
      if (ul.children.length) { nextBox.appendChild(el('h3', null, '季度台账')); nextBox.appendChild(ul); }
    }
    if (n.items.length) {
      nextBox.appendChild(table('各项的下一档', ['考核项目', '做到', '得分', '增加'], n.items.map(function (i) { return [i.title, said(i), i.points, '+' + i.adds]; })));
    }
  }
  var nextFrame = 0;
  function compute(withNext) {
    if (!periodOK) return;
    var period = periodInput.value.trim();
    var v = values();
    var t = performance.now();
    var a = mode === 'plan' ? handbookCalculator.compute(role, period, v, {}) : handbookCalculator.score(id, period, v);
    var t1 = performance.now();
    var ok = showAnswer(a);
    var ms = performance.now() - t;
    if (timing.firstResult == null && ok) {
      timing.firstResult = performance.now();
      timing.phases.compute = t1 - t;
      timing.phases.show = timing.firstResult - t1;
    } else timing.recomputes.push(ms);
    clearTimeout(nextTimer);
    cancelAnimationFrame(nextFrame);
    nextBox.textContent = '';
    scheduleFragment(v);
    // What it takes waits until the answer is painted, and until typing
    // pauses.
    var next = function () {
      if (timing.shown == null && timing.firstResult != null) timing.shown = performance.now();
      // What a screen reader says: the result's last line (the pay, or the
      // card's total) or how many fields need a change, once typing
      // pauses; the results themselves, rebuilt at every keystroke, are
      // not live.
      var lines = results.querySelectorAll('.calc-total, .problem');
      var summary = lines.length ? lines[lines.length - 1].textContent : '';
      if (spoken.textContent !== summary) spoken.textContent = summary;
      if (ok) showNext((mode === 'plan' ? handbookCalculator.compute(role, period, v, { next: true }) : handbookCalculator.score(id, period, v, { next: true })).next);
    };
    if (withNext) nextFrame = requestAnimationFrame(function () { nextTimer = setTimeout(next, 0); });
    else nextTimer = setTimeout(next, 150);
  }

  // start runs the calculator once the page is parsed, the module
  // compiled and the bundle in hand: the Go program starts as soon as the
  // module is compiled, and loads the bundle when it is in hand.
  function start() {
    form = document.getElementById('calc');
    if (!form) return;
    mode = form.getAttribute('data-mode');
    id = form.getAttribute('data-id');
    role = form.getAttribute('data-role');
    roles = (form.getAttribute('data-roles') || '').split(' ');
    periodInput = document.getElementById('calc-period');
    periodErr = document.getElementById('calc-period-err');
    spoken = document.getElementById('calc-said');
    fieldsBox = document.getElementById('calc-fields');
    results = document.getElementById('calc-results');
    nextBox = document.getElementById('calc-next');
    Array.prototype.forEach.call(document.querySelectorAll('#calc-cards li'), function (li) { cardTitles[li.getAttribute('data-id')] = li.textContent; });
    Promise.all([module, exec, memory]).then(function (got) {
      timing.compiled = performance.now();
      var go = new Go();
      // The heap is a few megabytes: collecting less often costs little
      // memory and takes the collector's pauses out of most keystrokes.
      // Set here, as the program's environment, so that the module need
      // not link runtime/debug (and with it fmt and os) to set it.
      go.env = { GOGC: '800' };
      return WebAssembly.instantiate(got[0], go.importObject).then(function (instance) {
        setMemory(got[0], instance.exports.mem, got[2]);
        go.run(instance);
        timing.started = performance.now();
        return bundle;
      });
    }).then(function (b) {
      var refused = handbookCalculator.load(b);
      if (refused) throw new Error(refused);
      timing.ready = performance.now();
      takeFragment();
      if (buildForm()) compute(true);
      form.addEventListener('input', function (e) {
        if (e.target === periodInput) return;
        compute(false);
      });
      form.addEventListener('change', function (e) {
        if (e.target === periodInput && buildForm()) compute(true);
      });
      // A fragment changed by hand, or by back and forward: the form takes
      // it (the page's own writes, by replaceState, fire no hashchange).
      window.addEventListener('hashchange', function () {
        takeFragment();
        if (buildForm()) compute(true);
      });
    }).catch(function (err) {
      status('计算器无法载入：' + err.message, true);
    });
  }
  parsed.then(start);
})();
