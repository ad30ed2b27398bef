// The handbook's search: runs in the page, over the index that the build
// writes into search-index.js (no request is made; it works from file://).
// A query is split at spaces; every part must occur in a page (Chinese is
// matched as written, so 年终奖 finds 年终奖金; a Chinese part found
// nowhere as written matches the pages that hold it in pieces of two or
// more characters, so 总监年终奖 finds the director's pay plan). A page whose title is the
// query comes first; then a glossary entry whose term or alias it is (the
// meaning of a word before the pages that use it), then the pages of the
// policies that entry names; then pages whose title holds a part, those
// whose headings do, and by how often the parts occur. A calculator page
// (calc/…) comes after every other page unless the query asks for a
// calculator (计算): each scorecard and pay plan links to its own, and the
// forms would otherwise crowd the rules out of a broad query such as 考核.
// Each result shows the phrase around the first match, the match marked.
(function () {
  'use strict';
  var docs = window.HANDBOOK_SEARCH || [];
  var input = document.getElementById('q');
  var list = document.getElementById('results');
  var status = document.getElementById('status');
  function count(hay, needle) {
    var n = 0, i = hay.indexOf(needle);
    while (i >= 0 && n < 20) { n++; i = hay.indexOf(needle, i + needle.length); }
    return n;
  }
  // pieces cuts a run of Chinese characters into pieces of two or more
  // characters that occur in the page, left to right, choosing the cut whose
  // pieces score best there (in the title, the headings, how often), less a
  // little for each cut: 总监年终奖 in the director's pay plan is 总监 (in its
  // title) and 年终奖. It returns the cut's score and its pieces, or null
  // when no cut works, or for a part of fewer than three characters or with
  // other characters.
  function pieces(term, t, h, x) {
    if (term.length < 3 || !/^[\u3400-\u9fff]+$/.test(term)) return null;
    var best = [];
    best[term.length] = { score: 0, cut: [] };
    for (var i = term.length - 2; i >= 0; i--) {
      best[i] = null;
      for (var j = i + 2; j <= term.length; j++) {
        if (!best[j]) continue;
        var g = term.slice(i, j), gT = t.indexOf(g) >= 0, gH = h.indexOf(g) >= 0, gn = count(x, g);
        if (!gT && !gH && !gn) continue;
        var sc = (gT ? 100 : 0) + (gH ? 10 : 0) + Math.min(gn, 5) - 5 + best[j].score;
        if (!best[i] || sc > best[i].score) best[i] = { score: sc, cut: [g].concat(best[j].cut) };
      }
    }
    return best[0];
  }
  function search(q) {
    var terms = q.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    if (!terms.length) return [];
    var out = [];
    var wantCalc = terms.some(function (t) { return t.indexOf('计算') >= 0; });
    docs.forEach(function (d) {
      var t = d.t.toLowerCase(), h = (d.h || []).join(' ').toLowerCase(), x = d.x.toLowerCase();
      var k = (d.k || []).map(function (w) { return w.toLowerCase(); });
      var entry = d.u.indexOf('glossary.html#') === 0;
      var score = 0;
      var at = -1, len = 0;
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i];
        var inT = t.indexOf(term) >= 0, inH = h.indexOf(term) >= 0, n = count(x, term), isK = k.indexOf(term) >= 0;
        if (inT || inH || n || isK) {
          score += 300 + (t === term && !entry ? 5000 : 0) + (isK ? (entry ? 3000 : 2000) : 0) + (inT ? 1000 : 0) + (inH ? 100 : 0) + n;
          if (at < 0 && (at = x.indexOf(term)) >= 0) len = term.length;
          continue;
        }
        // Chinese is written without spaces: a part not found as written
        // matches a page that holds it in pieces, ranked below whole
        // matches, and the fewer the pieces the better.
        var ps = pieces(term, t, h, x);
        if (!ps) return;
        if (at < 0 && (at = x.indexOf(ps.cut[0])) >= 0) len = ps.cut[0].length;
        // Always below a page that holds the part as written (300 and up).
        score += Math.max(0, Math.min(ps.score, 280));
      }
      out.push({ d: d, score: score, at: at, len: len, later: !wantCalc && d.u.indexOf('calc/') === 0 });
    });
    out.sort(function (a, b) { return (a.later - b.later) || b.score - a.score || a.d.t.length - b.d.t.length || (a.d.u < b.d.u ? -1 : 1); });
    return out.slice(0, 20);
  }
  // For tests: the ranking without the page (see generator/site).
  window.HANDBOOK_SEARCH_RANK = search;
  if (!input) return;
  function show() {
    var q = input.value.trim();
    var results = search(q);
    list.textContent = '';
    results.forEach(function (r) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = r.d.u;
      a.textContent = r.d.t;
      li.appendChild(a);
      if (r.at >= 0) {
        // The phrase around the match, the match marked; as text nodes,
        // so that nothing in a page's text is ever read as markup.
        var p = document.createElement('p'), x = r.d.x;
        var start = Math.max(0, r.at - 30), end = Math.min(x.length, r.at + r.len + 60);
        var mark = document.createElement('mark');
        mark.textContent = x.slice(r.at, r.at + r.len);
        p.appendChild(document.createTextNode((start > 0 ? '…' : '') + x.slice(start, r.at)));
        p.appendChild(mark);
        p.appendChild(document.createTextNode(x.slice(r.at + r.len, end) + (end < x.length ? '…' : '')));
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    status.textContent = q ? (results.length ? '找到 ' + results.length + ' 个页面' : '没有找到含“' + q + '”的页面') : '';
  }
  input.addEventListener('input', show);
  var m = /[?&]q=([^&]*)/.exec(location.search) || /#q=(.*)$/.exec(location.hash);
  if (m) { input.value = decodeURIComponent(m[1]); }
  show();
})();
