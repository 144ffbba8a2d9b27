// Paper Atlas search: reads the split index that the generator writes to search/index/.
// The tokeniser below follows the same rules as PaperAtlas.Search.Tokenizer (C#); a browser test feeds
// both the same inputs. Exposed as window.PaperAtlasSearch for that test.
(function () {
  "use strict";
  var base = document.body.getAttribute("data-base") || "/";
  var root = base + "search/index/";
  var NAME = "=";

  // ---- tokeniser (mirror of Tokenizer.cs) ----
  function isCjk(c) {
    var x = c.charCodeAt(0);
    return (x >= 0x3400 && x <= 0x4dbf) || (x >= 0x4e00 && x <= 0x9fff) || (x >= 0xf900 && x <= 0xfaff) || (x >= 0x3040 && x <= 0x30ff);
  }
  function isAsciiDigit(c) { return c >= "0" && c <= "9"; }
  function isWordChar(c) {
    if ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || isAsciiDigit(c)) { return true; }
    return c > "\u007f" && !isCjk(c) && /[\p{L}\p{Nd}]/u.test(c) && !/\p{Lo}/u.test(c);
  }
  function stem(w) {
    if (w.length <= 3 || !/[a-z]/.test(w[w.length - 1])) { return w; }
    if (w.length > 4 && w.endsWith("ies")) { return w.slice(0, -3) + "y"; }
    if (w.length > 5 && w.endsWith("ing")) { return w.slice(0, -3); }
    if (w.length > 4 && w.endsWith("ed")) { return w.slice(0, -2); }
    if (w.length > 4 && w.endsWith("es") && (w[w.length - 3] === "s" || w[w.length - 3] === "x" || w.endsWith("ches") || w.endsWith("shes"))) { return w.slice(0, -2); }
    var p = w[w.length - 2];
    return w[w.length - 1] === "s" && p !== "s" && p !== "u" && p !== "i" ? w.slice(0, -1) : w;
  }
  function withoutVersion(w) {
    var v = w.lastIndexOf("v"), dot = w.indexOf(".");
    return v > 5 && dot > 0 && dot < v && /^[0-9.]+$/.test(w.slice(0, v)) && /^[0-9]+$/.test(w.slice(v + 1)) ? w.slice(0, v) : w;
  }
  function tokenize(text) {
    var s = text.normalize("NFKC").toLowerCase(), out = [], i = 0;
    while (i < s.length) {
      var c = s[i], start = i;
      if (isCjk(c)) {
        while (i < s.length && isCjk(s[i])) { i++; }
        var run = s.slice(start, i);
        for (var k = 0; k < run.length; k++) {
          out.push({ text: run[k], unigram: true });
          if (k + 1 < run.length) { out.push({ text: run.substr(k, 2), unigram: false }); }
        }
      } else if (isWordChar(c)) {
        while (i < s.length && (isWordChar(s[i]) ||
               (s[i] === "." && i + 1 < s.length && isAsciiDigit(s[i + 1]) && i > start && isAsciiDigit(s[i - 1])))) { i++; }
        out.push({ text: stem(withoutVersion(s.slice(start, i))), unigram: false });
      } else {
        i++;
      }
    }
    return out;
  }
  function terms(text) {
    var seen = {}, out = [];
    tokenize(text).forEach(function (t) { if (!seen[t.text]) { seen[t.text] = 1; out.push(t.text); } });
    return out;
  }
  // The tokens a query looks up: bigrams for Chinese of two or more characters, a unigram for one.
  function queryTokens(text) {
    var all = tokenize(text), hasBigram = all.some(function (t) { return !t.unigram && isCjk(t.text[0]); });
    var seen = {}, out = [];
    all.forEach(function (t) {
      if (t.unigram && hasBigram) { return; }
      if (!seen[t.text]) { seen[t.text] = 1; out.push(t.text); }
    });
    return out;
  }

  // ---- index access ----
  var cache = {};
  function load(name) {
    if (!cache[name]) {
      cache[name] = fetch(root + name).then(function (r) {
        if (!r.ok) { throw new Error("search index: " + name + " " + r.status); }
        return r.json();
      });
    }
    return cache[name];
  }
  function manifest() { return load("manifest.json"); }
  // Index of the last shard whose first term is <= term.
  function shardIndex(m, term) {
    var lo = 0, hi = m.shards.length - 1, ans = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (m.shards[mid][0] <= term) { ans = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return ans;
  }
  // The shards that can hold terms starting with prefix.
  function shardsFor(m, prefix) {
    var first = shardIndex(m, prefix), list = [first];
    for (var k = first + 1; k < m.shards.length && m.shards[k][0].lastIndexOf(prefix, 0) === 0; k++) { list.push(k); }
    return list;
  }
  function lowerBound(arr, term) {
    var lo = 0, hi = arr.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] < term) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }
  function addPostings(into, list, factor) {
    var doc = 0;
    for (var k = 0; k < list.length; k += 2) {
      doc += list[k];
      var score = list[k + 1] * factor;
      if (!(doc in into) || into[doc] < score) { into[doc] = score; }
    }
  }
  function editDistanceAtMostOne(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) { return a === b; }
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) { return false; }
      if (a.length > b.length) { i++; } else if (a.length < b.length) { j++; } else if (i + 1 < a.length && a[i] === b[j + 1] && a[i + 1] === b[j]) { i += 2; j += 2; } else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }
  // doc -> score for one query token: exact match, else prefix (while typing), else one typo in longer words.
  function lookup(m, token, allowPrefix) {
    var cjk = isCjk(token[0]);
    return Promise.all(shardsFor(m, token).map(function (k) { return load(m.shards[k][1]); })).then(function (shards) {
      var hits = {}, exact = false;
      shards.forEach(function (shard) {
        var at = lowerBound(shard.t, token);
        if (shard.t[at] === token) { addPostings(hits, shard.p[at], 1); exact = true; }
        if (allowPrefix && !cjk) {
          for (var k = at; k < shard.t.length && shard.t[k].lastIndexOf(token, 0) === 0; k++) {
            if (shard.t[k] !== token && shard.t[k][0] !== NAME) { addPostings(hits, shard.p[k], 0.6); }
          }
        }
      });
      if (exact || Object.keys(hits).length || cjk || token.length < 5) { return hits; }
      var stemPrefix = token.slice(0, 2);
      return Promise.all(shardsFor(m, stemPrefix).map(function (k) { return load(m.shards[k][1]); })).then(function (near) {
        near.forEach(function (shard) {
          for (var k = lowerBound(shard.t, stemPrefix); k < shard.t.length && shard.t[k].lastIndexOf(stemPrefix, 0) === 0; k++) {
            if (editDistanceAtMostOne(token, shard.t[k])) { addPostings(hits, shard.p[k], 0.4); }
          }
        });
        return hits;
      });
    });
  }
  function nameHits(m, tokens) {
    var key = NAME + tokens.join(" ");
    return load(m.shards[shardIndex(m, key)][1]).then(function (shard) {
      var hits = {}, at = lowerBound(shard.t, key);
      if (shard.t[at] === key) { addPostings(hits, shard.p[at], 1); }
      return hits;
    });
  }

  // Ranked doc numbers for a query: every token must match (else any token may), plus whole-name matches.
  function search(query) {
    var tokens = queryTokens(query);
    if (!tokens.length) { return Promise.resolve({ tokens: [], docs: [] }); }
    return manifest().then(function (m) {
      var lookups = tokens.map(function (t, k) { return lookup(m, t, k === tokens.length - 1 || t.length >= 3); });
      lookups.push(nameHits(m, terms(query)));
      return Promise.all(lookups).then(function (perToken) {
        var names = perToken.pop();
        function combine(requireAll) {
          var total = {}, count = {};
          perToken.forEach(function (hits) {
            Object.keys(hits).forEach(function (d) { total[d] = (total[d] || 0) + hits[d]; count[d] = (count[d] || 0) + 1; });
          });
          return Object.keys(total).filter(function (d) { return !requireAll || count[d] === perToken.length; })
            .map(function (d) { return { doc: +d, score: total[d] + (names[d] || 0) }; });
        }
        var ranked = combine(true);
        if (!ranked.length && perToken.length > 1) { ranked = combine(false); }
        Object.keys(names).forEach(function (d) {
          if (!ranked.some(function (r) { return r.doc === +d; })) { ranked.push({ doc: +d, score: names[d] }); }
        });
        ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        return { manifest: m, tokens: tokens, docs: ranked.map(function (r) { return r.doc; }) };
      });
    });
  }
  function describe(m, docs) {
    var bundles = {};
    docs.forEach(function (d) { bundles[Math.floor(d / m.bundleSize)] = 1; });
    return Promise.all(Object.keys(bundles).map(function (b) { return load(m.bundles[b]).then(function (rows) { bundles[b] = rows; }); }))
      .then(function () {
        return docs.map(function (d) {
          var row = bundles[Math.floor(d / m.bundleSize)][d % m.bundleSize];
          return { doc: d, url: base + "papers/" + row[0] + "/", title: row[1], year: row[2], aliases: row[3], topics: row[4] };
        });
      });
  }
  function facets(m) { return load(m.facets); }

  // ---- rendering ----
  function highlight(el, text, tokens) {
    var lower = text.toLowerCase(), marks = [];
    tokens.forEach(function (t) {
      if (t.length < 2 && !isCjk(t[0])) { return; }
      var at = lower.indexOf(t);
      while (at >= 0) { marks.push([at, at + t.length]); at = lower.indexOf(t, at + t.length); }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    marks.forEach(function (mk) {
      if (mk[0] < pos) { return; }
      el.appendChild(document.createTextNode(text.slice(pos, mk[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(mk[0], mk[1]);
      el.appendChild(mark);
      pos = mk[1];
    });
    el.appendChild(document.createTextNode(text.slice(pos)));
  }
  function yearOf(r) {
    var y = document.createElement("span");
    y.className = "muted";
    y.textContent = " " + r.year;
    return y;
  }
  // A result on the search page: a plain link, its year, its nicknames and topics.
  function resultItem(r, tokens) {
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = r.url;
    highlight(a, r.title, tokens);
    li.appendChild(a);
    if (r.year) { li.appendChild(yearOf(r)); }
    if (r.aliases || r.topics) {
      var p = document.createElement("p"); p.className = "muted result-meta";
      p.textContent = [r.aliases, r.topics].filter(Boolean).join(" — ");
      li.appendChild(p);
    }
    return li;
  }
  // A result in the search box's listbox: an option (no link inside, the box keeps focus), its target in data-href.
  function optionItem(r, tokens, index) {
    var option = document.createElement("li");
    option.id = "search-option-" + index;
    option.setAttribute("role", "option");
    option.setAttribute("aria-selected", "false");
    option.setAttribute("data-href", r.url);
    highlight(option, r.title, tokens);
    if (r.year) { option.appendChild(yearOf(r)); }
    return option;
  }

  // The search box on every page follows the WAI-ARIA combobox pattern: a listbox of options, the highlighted one
  // named by aria-activedescendant while focus stays in the box, the count of results said by a polite live region.
  // Arrows move, Enter opens the highlighted paper (or the search page), Escape closes, "/" focuses the box (site.js).
  var input = document.getElementById("search-input");
  var form = input && input.form;
  if (input && !document.getElementById("search-results")) {
    var panel = document.createElement("div");
    panel.className = "suggestions";
    panel.hidden = true;
    var box = document.createElement("ul");
    box.id = "search-suggestions";
    box.setAttribute("role", "listbox");
    box.setAttribute("aria-label", input.getAttribute("data-suggestions") || "Suggestions");
    var none = document.createElement("p");
    none.className = "suggestions-none muted";
    none.textContent = input.getAttribute("data-none") || "No results";
    panel.appendChild(box);
    panel.appendChild(none);
    form.appendChild(panel);
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.setAttribute("role", "status");
    form.appendChild(live);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", box.id);
    var active = -1, generation = 0;
    function options() { return box.querySelectorAll("[role=option]"); }
    function close() {
      panel.hidden = true;
      input.setAttribute("aria-expanded", "false");
      select(-1);
    }
    function open() {
      var any = options().length > 0;
      panel.hidden = false;
      box.hidden = !any;
      none.hidden = any;
      input.setAttribute("aria-expanded", any ? "true" : "false");
    }
    // Highlights option k (the first again after the last), or none for -1.
    function select(k) {
      var all = options();
      active = k < 0 || !all.length ? -1 : k % all.length;
      all.forEach(function (o, i) { o.setAttribute("aria-selected", i === active ? "true" : "false"); });
      if (active < 0) { input.removeAttribute("aria-activedescendant"); return; }
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }
    function go(option) { location.href = option.getAttribute("data-href"); }
    input.addEventListener("input", function () {
      var q = input.value, mine = ++generation;
      if (!q.trim()) { box.textContent = ""; live.textContent = ""; close(); return; }
      search(q).then(function (res) {
        return describe(res.manifest, res.docs.slice(0, 8)).then(function (rows) {
          if (mine !== generation) { return; }
          box.textContent = "";
          box.setAttribute("data-query", q);
          rows.forEach(function (r, i) { box.appendChild(optionItem(r, res.tokens, i)); });
          active = -1;
          input.removeAttribute("aria-activedescendant");
          live.textContent = rows.length ? res.docs.length + " " + (input.getAttribute("data-found") || "results") : none.textContent;
          open();
        });
      });
    });
    input.addEventListener("keydown", function (e) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        var count = options().length;
        if (!count) { return; }
        if (!expanded) { open(); }
        select(e.key === "ArrowDown" ? active + 1 : (active <= 0 ? count - 1 : active - 1));
      } else if (e.key === "Enter" && expanded && active >= 0) {
        e.preventDefault();
        go(options()[active]);
      } else if (e.key === "Escape" && !panel.hidden) {
        // Closing comes first; a second Escape clears the box as a search field does.
        e.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
    // Keeps focus in the box while a pointer picks an option.
    box.addEventListener("mousedown", function (e) { e.preventDefault(); });
    box.addEventListener("click", function (e) {
      var option = e.target.closest("[role=option]");
      if (option) { go(option); }
    });
  }

  // The search page: reads ?q= (and topic, year) so results can be shared.
  var results = document.getElementById("search-results");
  if (results) {
    var params = new URLSearchParams(location.search);
    var query = params.get("q") || "", topic = params.get("topic") || "", year = params.get("year") || "";
    if (input) { input.value = query; }
    var status = document.getElementById("search-status");
    var topicSelect = document.getElementById("search-topic"), yearSelect = document.getElementById("search-year");
    document.getElementById("search-filters").hidden = false;
    function run() {
      var q = input ? input.value : query;
      var t = topicSelect.value, y = yearSelect.value;
      var url = new URL(location.href);
      url.searchParams.set("q", q);
      if (t) { url.searchParams.set("topic", t); } else { url.searchParams.delete("topic"); }
      if (y) { url.searchParams.set("year", y); } else { url.searchParams.delete("year"); }
      history.replaceState(null, "", url);
      if (!q.trim()) { results.textContent = ""; status.textContent = ""; return; }
      search(q).then(function (res) {
        var filtering = t || y;
        return (filtering ? facets(res.manifest) : Promise.resolve(null)).then(function (f) {
          var docs = res.docs;
          if (f) {
            var ti = t ? f.topics.findIndex(function (x) { return x[0] === t; }) : -1;
            docs = docs.filter(function (d) { return (!y || String(f.years[d]) === y) && (!t || f.docTopics[d].indexOf(ti) >= 0); });
          }
          return describe(res.manifest, docs.slice(0, 50)).then(function (rows) {
            results.textContent = "";
            rows.forEach(function (r) { results.appendChild(resultItem(r, res.tokens)); });
            status.textContent = rows.length ? (docs.length + " " + (status.getAttribute("data-found") || "results")) : (status.getAttribute("data-none") || "No results");
          });
        });
      }).catch(function (err) { status.textContent = String(err); });
    }
    manifest().then(facets).then(function (f) {
      f.topics.forEach(function (x) { var o = document.createElement("option"); o.value = x[0]; o.textContent = x[1] + " " + x[2]; topicSelect.appendChild(o); });
      Array.from(new Set(f.years.filter(Boolean))).sort().reverse().forEach(function (v) { var o = document.createElement("option"); o.value = String(v); o.textContent = String(v); yearSelect.appendChild(o); });
      topicSelect.value = topic; yearSelect.value = year;
    }).then(run);
    if (input) {
      var timer;
      input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 40); });
      form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    }
    topicSelect.addEventListener("change", run);
    yearSelect.addEventListener("change", run);
  }

  window.PaperAtlasSearch = { tokenize: tokenize, terms: terms, queryTokens: queryTokens, search: search, describe: describe, manifest: manifest };
})();
