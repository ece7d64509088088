// `npm run perf`: builds, starts the production server on 127.0.0.1, runs Lighthouse (mobile and desktop
// presets, Debian chromium) on the home page, an article, a product page and the quote page, and prints a
// table. A benchmark, not a test: figures vary with the machine's load, so nothing here fails a build.
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { startQuoteServer } from "../helpers/quote-server";

const pages = process.env.PERF_PAGES?.split(",") ?? ["/", "/articles/understanding-back-end-developers", "/products/straider-ai", "/quote"];
const presets = (process.env.PERF_PRESETS?.split(",") ?? ["mobile", "desktop"]) as ("mobile" | "desktop")[];
const chromePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const runs = Number(process.env.PERF_RUNS ?? 1);

type Row = { page: string; preset: string; perf: number; a11y: number; bp: number; seo: number; fcp: number; lcp: number; tbt: number; cls: number; scriptKb: number; totalKb: number };

const server = await startQuoteServer({ port: 3995 });
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const rows: Row[] = [];
try {
  for (const page of pages) {
    for (const preset of presets) {
      const samples: Row[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(
          `${server.url}${page}`,
          { port: chrome.port, output: "json", logLevel: "error" },
          preset === "desktop" ? desktopConfig : undefined,
        );
        const lhr = result!.lhr;
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        const items = (lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] })?.items ?? [];
        const bytes = (type: string) => (items.find((item) => item.resourceType === type)?.transferSize ?? 0) / 1024;
        samples.push({
          page, preset,
          perf: score("performance"), a11y: score("accessibility"), bp: score("best-practices"), seo: score("seo"),
          fcp: audit("first-contentful-paint"), lcp: audit("largest-contentful-paint"), tbt: audit("total-blocking-time"),
          cls: audit("cumulative-layout-shift"), scriptKb: bytes("script"), totalKb: bytes("total"),
        });
      }
      // The median run by performance score.
      samples.sort((a, b) => a.perf - b.perf);
      rows.push(samples[Math.floor(samples.length / 2)]!);
    }
  }
} finally {
  chrome.kill();
  await server.stop();
}

const header = "| page | preset | perf | a11y | best practices | SEO | FCP | LCP | TBT | CLS | script (KB) | total (KB) |";
console.log(`\nLighthouse ${new Date().toISOString().slice(0, 10)}, ${runs} run(s) each (median shown), node ${process.version}\n`);
console.log(header);
console.log(header.replace(/[^|]+/g, "---"));
for (const row of rows) {
  console.log(
    `| ${row.page} | ${row.preset} | ${row.perf} | ${row.a11y} | ${row.bp} | ${row.seo} | ${(row.fcp / 1000).toFixed(2)} s | ${(row.lcp / 1000).toFixed(2)} s | ` +
      `${row.tbt.toFixed(0)} ms | ${row.cls.toFixed(3)} | ${row.scriptKb.toFixed(1)} | ${row.totalKb.toFixed(1)} |`,
  );
}
