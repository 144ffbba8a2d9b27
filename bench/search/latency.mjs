// Keystroke latency of Paper Atlas search in headless Debian Chromium, in real time (not virtual time).
// usage: node latency.mjs URL   (URL = the probe page compare.py writes: .../probe-latency.html?engine=latency)
// playwright-core is resolved from NODE_PATH (compare.py installs it next to Pagefind); it drives /usr/bin/chromium.
import { createRequire } from "module";
const require = createRequire(process.env.NODE_PATH + "/");
const { chromium } = require("playwright-core");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage();
await page.goto(process.argv[2]);
await page.waitForSelector("#out[data-done]", { timeout: 120000 });
console.log(await page.textContent("#out"));
await browser.close();
