#!/usr/bin/env python3
"""Paper Atlas search vs Pagefind on the same built site, in headless Debian Chromium.

usage: bench/search/compare.py [--site DIR] [--first-word attention]
Builds the real content (unless --site is given), runs Pagefind 1.6.0 (npm) over the same HTML, then runs
tests/PaperAtlas.BrowserTests/queries.tsv against both engines in the browser and prints: index build time,
index files and bytes, bytes a first one-word query fetches (gzip, as a static host serves them), and hits.
"""
import argparse, gzip, json, os, shutil, subprocess, sys, tempfile, threading, time, urllib.parse
from http.server import ThreadingHTTPServer, SimpleHTTPRequestHandler
from functools import partial

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NODE = "/tmp/bench-node"

def run(cmd, **kw):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - start

def ensure_pagefind():
    pkg = os.path.join(NODE, "node_modules", "pagefind", "package.json")
    if not os.path.exists(pkg) or json.load(open(pkg))["version"] != "1.6.0" or not os.path.isdir(os.path.join(NODE, "node_modules", "playwright-core")):
        os.makedirs(NODE, exist_ok=True)
        if not os.path.exists(os.path.join(NODE, "package.json")):
            subprocess.run(["npm", "init", "-y"], cwd=NODE, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "pagefind@1.6.0", "playwright-core@1.64.1"], cwd=NODE, check=True, stdout=subprocess.DEVNULL)

def dir_stats(path):
    files = [os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs]
    return len(files), sum(os.path.getsize(f) for f in files)

def gz(path):
    data = open(path, "rb").read()
    # Pagefind's index files are gzip already; a host serves them as they are.
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 9))

def queries():
    rows = []
    for line in open(os.path.join(ROOT, "tests", "PaperAtlas.BrowserTests", "queries.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        q, slug, within = line.rstrip("\n").split("\t")
        rows.append((q, slug, int(within)))
    return rows

def probe_page(site, engine, suite):
    page = os.path.join(site, f"probe-{engine}.html")
    scripts = '<script src="/assets/search.js"></script>' if engine in ("atlas", "latency") else ""
    with open(page, "w", encoding="utf-8") as f:
        f.write(f'<!doctype html><html><head><meta charset="utf-8"></head><body data-base="/"><script type="application/json" id="queries">{json.dumps([q for q, _, _ in suite], ensure_ascii=False)}</script>'
                f'<pre id="out"></pre>{scripts}<script type="module" src="/probe.js"></script></body></html>')
    shutil.copy(os.path.join(os.path.dirname(__file__), "probe.js"), os.path.join(site, "probe.js"))

def probe(site, engine, port, suite):
    probe_page(site, engine, suite)
    profile = tempfile.mkdtemp()
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--no-first-run", f"--user-data-dir={profile}", "--virtual-time-budget=60000", "--dump-dom",
                          f"http://127.0.0.1:{port}/probe-{engine}.html?engine={engine}"], capture_output=True, text=True, timeout=300).stdout
    shutil.rmtree(profile, ignore_errors=True)
    start = dom.index('<pre id="out"')
    text = dom[dom.index(">", start) + 1: dom.index("</pre>", start)]
    import html
    result = json.loads(html.unescape(text) or '{"error": "the probe did not finish"}')
    if "error" in result:
        raise SystemExit(f"{engine}: {result['error']}")
    missing = [q for q, _, _ in suite if q not in result.get("results", {q: 1})]
    if missing:
        print(f"{engine}: no results recorded for {missing[:5]} (keys: {list(result.get('results', {}))[:5]})", file=sys.stderr)
    return result

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site")
    ap.add_argument("--content", default=os.path.join(ROOT, "content"), help="content folder to build (e.g. a corpus from shared/bench/corpus.sh)")
    args = ap.parse_args()
    site = args.site or tempfile.mkdtemp(prefix="atlas-search-bench-")
    if not args.site:
        atlas_build = run(["dotnet", "run", "--project", os.path.join(ROOT, "src", "PaperAtlas.Cli"), "--", "build",
                           "--content", args.content, "--output", site, "--templates", os.path.join(ROOT, "templates")], cwd=ROOT)
    ensure_pagefind()
    shutil.rmtree(os.path.join(site, "pagefind"), ignore_errors=True)
    pf_time = run(["npx", "--no-install", "pagefind", "--site", site], cwd=NODE)
    pf_files, pf_bytes = dir_stats(os.path.join(site, "pagefind"))
    at_files, at_bytes = dir_stats(os.path.join(site, "search", "index"))

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass
    handler = partial(Quiet, directory=site)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    suite = queries()
    report = {}
    for engine in ("atlas", "pagefind"):
        result = probe(site, engine, port, suite)
        found = {q: f"/papers/{slug}/" in [urllib.parse.urlparse(u).path for u in result["results"][q][:max(within, 3)]] for q, slug, within in suite}
        hits = sum(found.values())
        misses = [q for q, ok in found.items() if not ok]
        first = [urllib.parse.urlparse(u).path for u in result["firstQueryResources"]]
        if engine == "atlas":
            first.append("/assets/search.js")  # loaded with the page, before the first query; counted to be fair
        first_bytes = sum(gz(os.path.join(site, p.lstrip("/"))) for p in first if os.path.exists(os.path.join(site, p.lstrip("/"))))
        report[engine] = dict(misses=misses, hits=hits, first_query_files=len(first), first_query_gzip_bytes=first_bytes, suite_ms=round(result["ms"]))
    probe_page(site, "latency", suite)
    latency = json.loads(subprocess.run(["node", os.path.join(os.path.dirname(__file__), "latency.mjs"), f"http://127.0.0.1:{port}/probe-latency.html?engine=latency"],
                                        capture_output=True, text=True, timeout=600, env=dict(os.environ, NODE_PATH=os.path.join(NODE, "node_modules"))).stdout)
    server.shutdown()
    print(f"query suite: {len(suite)} queries (tests/PaperAtlas.BrowserTests/queries.tsv); a hit = the expected paper in the first max(N,3) results")
    print(f"{'':26}{'Paper Atlas':>16}{'Pagefind 1.6.0':>18}")
    print(f"{'index build (s)':26}{'(in build)':>16}{pf_time:>18.2f}")
    print(f"{'index files':26}{at_files:>16}{pf_files:>18}")
    print(f"{'index bytes':26}{at_bytes:>16}{pf_bytes:>18}")
    for key, label in (("first_query_files", "first query: files"), ("first_query_gzip_bytes", "first query: bytes (gzip)"), ("hits", "hits"), ("suite_ms", "whole suite in browser (ms)")):
        print(f"{label:26}{report['atlas'][key]:>16}{report['pagefind'][key]:>18}")
    for engine in ("atlas", "pagefind"):
        print(f"{engine} misses: {', '.join(report[engine]['misses']) or 'none'}")
    print(f"keystroke latency (Paper Atlas, {latency['keystrokes']} keystrokes): median {latency['median']:.1f} ms, p90 {latency['p90']:.1f} ms, max {latency['max']:.1f} ms")
    json.dump(dict(latency=latency, pagefind_seconds=pf_time, atlas=report["atlas"], pagefind=report["pagefind"], atlas_index=[at_files, at_bytes], pagefind_index=[pf_files, pf_bytes]),
              open(os.path.join(site, "search-bench.json"), "w"))

if __name__ == "__main__":
    main()
