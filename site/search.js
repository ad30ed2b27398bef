// The handbook's search: runs in the page, over the index that the build
// writes into search-index.js (no request is made; it works from file://).
// A query is split at spaces; every part must occur in a page (Chinese is
// matched as written, so 年终奖 finds 年终奖金; a Chinese part found
// nowhere as written matches the pages that hold it in pieces of two or
// more characters, so 总监年终奖 finds the director's pay plan). A page whose title is the
// query comes first; then a glossary entry whose term or alias it is (the
// meaning of a word before the pages that use it), then the pages of the
// policies that entry names; then pages whose title holds a part, those
// whose headings do, and by how often the parts occur. Each result shows
// the phrase around the first match.
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
  // pieces cuts a run of Chinese characters into the longest pieces of two
  // or more characters that occur in hay, left to right (总监年终奖 in the
  // director's pay plan: 总监, 年终奖); null when some piece does not occur,
  // or for a part of fewer than three characters or with other characters.
  function pieces(term, hay) {
    if (term.length < 3 || !/^[\u3400-\u9fff]+$/.test(term)) return null;
    var out = [];
    for (var i = 0; i < term.length;) {
      var j = term.length;
      while (j >= i + 2 && hay.indexOf(term.slice(i, j)) < 0) j--;
      if (j < i + 2) return null;
      out.push(term.slice(i, j));
      i = j;
    }
    return out;
  }
  function search(q) {
    var terms = q.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    if (!terms.length) return [];
    var out = [];
    docs.forEach(function (d) {
      var t = d.t.toLowerCase(), h = (d.h || []).join(' ').toLowerCase(), x = d.x.toLowerCase();
      var k = (d.k || []).map(function (w) { return w.toLowerCase(); });
      var entry = d.u.indexOf('glossary.html#') === 0;
      var score = 0;
      var at = -1;
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i];
        var inT = t.indexOf(term) >= 0, inH = h.indexOf(term) >= 0, n = count(x, term), isK = k.indexOf(term) >= 0;
        if (inT || inH || n || isK) {
          score += (t === term && !entry ? 5000 : 0) + (isK ? (entry ? 3000 : 2000) : 0) + (inT ? 1000 : 0) + (inH ? 100 : 0) + n;
          if (at < 0) at = x.indexOf(term);
          continue;
        }
        // Chinese is written without spaces: a part not found as written
        // matches a page that holds it in pieces, ranked below whole
        // matches, and the fewer the pieces the better.
        var ps = pieces(term, t + ' ' + h + ' ' + x);
        if (!ps) return;
        for (var j = 0; j < ps.length; j++) {
          var g = ps[j], gT = t.indexOf(g) >= 0, gH = h.indexOf(g) >= 0, gn = count(x, g);
          score += (gT ? 100 : 0) + (gH ? 10 : 0) + Math.min(gn, 5);
          if (at < 0) at = x.indexOf(g);
        }
        score -= 20 * ps.length;
      }
      out.push({ d: d, score: score, at: at });
    });
    out.sort(function (a, b) { return b.score - a.score || a.d.t.length - b.d.t.length || (a.d.u < b.d.u ? -1 : 1); });
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
        var p = document.createElement('p');
        var start = Math.max(0, r.at - 30);
        p.textContent = (start > 0 ? '…' : '') + r.d.x.slice(start, r.at + 60) + '…';
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
