// Runs the query suite against one engine in the browser and writes the results into the page as JSON.
// Loaded by probe.html (written next to the built site by compare.py); engine = "atlas" or "pagefind".
(async function () {
 try {
  const params = new URLSearchParams(location.search);
  const engine = params.get("engine");
  const queries = JSON.parse(document.getElementById("queries").textContent);
  const out = document.getElementById("out");
  const started = performance.now();
  const results = {};
  let firstQueryResources = null;
  const before = new Set(performance.getEntriesByType("resource").map(e => e.name));
  if (engine === "latency") {
    // Every keystroke of every query: time from the input to the first 8 results with their titles.
    const times = [];
    for (const q of queries) {
      for (let n = 1; n <= q.length; n++) {
        const t0 = performance.now();
        const r = await window.PaperAtlasSearch.search(q.slice(0, n));
        if (r.docs.length) { await window.PaperAtlasSearch.describe(r.manifest, r.docs.slice(0, 8)); }
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    out.textContent = JSON.stringify({ engine, keystrokes: times.length, median: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)], max: times[times.length - 1] });
    out.setAttribute("data-done", "1");
    return;
  }
  if (engine === "pagefind") {
    const pagefind = await import("/pagefind/pagefind.js");
    await pagefind.init();
    for (const q of queries) {
      const r = await pagefind.search(q);
      const top = await Promise.all(r.results.slice(0, 5).map(x => x.data()));
      results[q] = top.map(d => d.url);
      if (!firstQueryResources) { firstQueryResources = performance.getEntriesByType("resource").map(e => e.name).filter(n => !before.has(n)); }
    }
  } else {
    for (const q of queries) {
      const r = await window.PaperAtlasSearch.search(q);
      const rows = r.docs.length ? await window.PaperAtlasSearch.describe(r.manifest, r.docs.slice(0, 5)) : [];
      results[q] = rows.map(x => x.url);
      if (!firstQueryResources) { firstQueryResources = performance.getEntriesByType("resource").map(e => e.name).filter(n => !before.has(n)); }
    }
  }
  out.textContent = JSON.stringify({ engine, ms: performance.now() - started, results, firstQueryResources });
  out.setAttribute("data-done", "1");
 } catch (err) {
    document.getElementById("out").textContent = JSON.stringify({ error: String(err && err.stack || err) });
  }
})();
