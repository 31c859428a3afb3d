// Lighthouse (mobile preset) on each address given, each in a fresh Chromium
// (CHROME_PATH; one reused for several pages scored layout shifts of the page
// before): prints one JSON line per address with the four categories' scores
// and the audits that cost points. Used by test_lighthouse.py.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const CHROME_FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
// Lighthouse now and then fails to record the trace (NO_NAVSTART, "run
// Lighthouse again"): a page gets a second run then, in a new browser.
async function run(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH,
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      logLevel: "error",
      onlyCategories: CATEGORIES,
      disableFullPageScreenshot: true,
      skipAudits: ["screenshot-thumbnails", "final-screenshot"],
    });
    return lhr;
  } finally {
    await chrome.kill();
  }
}

for (const url of process.argv.slice(2)) {
  let lhr = await run(url);
  if (lhr.runtimeError) lhr = await run(url);
  const failing = [];
  for (const category of Object.values(lhr.categories)) {
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        failing.push(`${category.id}: ${ref.id} ${audit.displayValue ?? audit.score}`);
      }
    }
  }
  const scores = Object.fromEntries(
    Object.values(lhr.categories).map((category) => [category.id, Math.round(category.score * 100)]),
  );
  console.log(JSON.stringify({ url, scores, failing, error: lhr.runtimeError?.message ?? null }));
}
