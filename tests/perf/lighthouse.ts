// `npm run perf`: builds, starts the production server on 127.0.0.1, runs Lighthouse (mobile and desktop
// presets, Debian chromium) on the home page, an article, a product page and the quote page, and prints a
// table. A benchmark, not a test: figures vary with the machine's load, so nothing here fails a build.
//
// The framework's floor is measured in the same session: a bare Next.js app (tests/perf/floor-app) is built,
// started and run through the same presets, with the runs interleaved page by page, so that both sides of
// the comparison see the same machine load. PERF_FLOOR=0 leaves it out. PERF_PORT (default 3995; the build's
// SITE_URL must name it) and PERF_FLOOR_PORT (default PERF_PORT - 1) move the two servers.
//
// It also prints each measured page's document as built and as served: the build step
// (lib/build/script-free-adapter.mjs) serves content pages without the framework's runtime. Each run's line
// names its LCP element and the requests its simulated LCP counted (tests/perf/lcp-requests.ts).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { originalFileOf, SCRIPT_FREE_ORIGINALS } from "../../lib/build/script-free-files.mjs";
import { startQuoteServer } from "../helpers/quote-server";
import { startFloorApp } from "./floor-server";
import { lcpRequests } from "./lcp-requests";
import { scriptsBeforeLcp } from "./scripts-before-lcp";

const pages = process.env.PERF_PAGES?.split(",") ?? [
  "/",
  "/articles/understanding-back-end-developers",
  "/products/straider-ai",
  "/quote",
];
const presets = (process.env.PERF_PRESETS?.split(",") ?? ["mobile", "desktop"]) as ("mobile" | "desktop")[];
const chromePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const runs = Number(process.env.PERF_RUNS ?? 1);
const withFloor = process.env.PERF_FLOOR !== "0";
const port = Number(process.env.PERF_PORT ?? 3995);
const floorPort = Number(process.env.PERF_FLOOR_PORT ?? port - 1);

type Row = {
  page: string;
  preset: string;
  perf: number;
  a11y: number;
  bp: number;
  seo: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  scriptKb: number;
  totalKb: number;
  requests: number;
  jsBeforeLcpKb: number;
  lcpElement: string;
  lcpRequests: string[];
};
type Target = { label: string; url: string };

/** One Lighthouse run; a run Lighthouse could not complete (it reports a runtime error) gives no row. */
async function measure(port: number, target: Target, preset: "mobile" | "desktop"): Promise<Row | string> {
  const result = await lighthouse(
    target.url,
    { port, output: "json", logLevel: "error" },
    preset === "desktop" ? desktopConfig : undefined,
  );
  const { lhr, artifacts } = result!;
  if (lhr.runtimeError) return `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const items =
    (
      lhr.audits["resource-summary"]?.details as {
        items?: { resourceType: string; transferSize: number; requestCount: number }[];
      }
    )?.items ?? [];
  const lcp = lcpRequests(lhr);
  const bytes = (type: string) => (items.find((item) => item.resourceType === type)?.transferSize ?? 0) / 1024;
  return {
    page: target.label,
    preset,
    perf: score("performance"),
    a11y: score("accessibility"),
    bp: score("best-practices"),
    seo: score("seo"),
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    scriptKb: bytes("script"),
    totalKb: bytes("total"),
    requests: items.find((item) => item.resourceType === "total")?.requestCount ?? 0,
    jsBeforeLcpKb: scriptsBeforeLcp(artifacts.Trace.traceEvents, artifacts.DevtoolsLog).kb,
    lcpElement: lcp.element,
    lcpRequests: lcp.requests,
  };
}

/** The body's size as sent with gzip (fetch would decompress it). */
function compressedSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve(bytes));
      })
      .on("error", reject);
  });
}

/** Each page's document: as `next build` made it, and as served (gzip as `next start` sends it). */
async function printDocumentSizes() {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  for (const page of pages) {
    const served = await fetch(`${server.url}${page}`).then((response) => response.text());
    const gzipped = await compressedSize(`${server.url}${page}`);
    const originalFile = path.join(distDir, SCRIPT_FREE_ORIGINALS, originalFileOf(page));
    const built = fs.existsSync(originalFile) ? fs.readFileSync(originalFile) : undefined;
    const asBuilt = built ? `${built.length} bytes (gzip ${zlib.gzipSync(built).length})` : "the same";
    const scripts = (served.match(/<script\b(?![^>]*application\/ld\+json)/g) ?? []).length;
    console.log(
      `${page}: document as built ${asBuilt}; served ${Buffer.byteLength(served)} bytes (gzip ${gzipped}), ` +
        `${scripts} script tag(s)`,
    );
  }
}

const samples = new Map<string, Row[]>();
const server = await startQuoteServer({ port });
let floor: Awaited<ReturnType<typeof startFloorApp>> | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  await printDocumentSizes();
  floor = withFloor ? await startFloorApp(floorPort) : undefined;
  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const targets: Target[] = pages.map((page) => ({ label: page, url: `${server.url}${page}` }));
  if (floor) targets.push({ label: "bare Next.js page (floor)", url: `${floor.url}/` });
  for (let run = 0; run < runs; run++) {
    for (const target of targets) {
      for (const preset of presets) {
        const row = await measure(chrome.port, target, preset);
        if (typeof row === "string") {
          console.log(`run ${run + 1}, ${target.label}, ${preset}: Lighthouse failed, run left out (${row})`);
          continue;
        }
        samples.set(`${target.label} ${preset}`, [...(samples.get(`${target.label} ${preset}`) ?? []), row]);
        console.log(
          `run ${run + 1}, ${target.label}, ${preset}: performance ${row.perf}, LCP ${row.lcp.toFixed(0)} ms, ` +
            `TBT ${row.tbt.toFixed(0)} ms, JS run before the LCP frame ${row.jsBeforeLcpKb.toFixed(1)} KB`,
        );
        console.log(
          `  LCP element: ${row.lcpElement}; requests finished before it: ${row.lcpRequests.join(", ") || "none"}`,
        );
      }
    }
  }
} finally {
  chrome?.kill();
  await server.stop();
  await floor?.stop();
}

const header =
  "| page | preset | perf | a11y | best practices | SEO | FCP | LCP | TBT | CLS | script (KB) | requests " +
  "| total (KB) | JS before LCP (KB) |";
const completed = [...samples.values()].map((rows) => rows.length);
console.log(
  `\nLighthouse ${new Date().toISOString().slice(0, 10)}, ${runs} run(s) each, ` +
    `${Math.min(...completed)}-${Math.max(...completed)} completed (the median run by performance score), ` +
    `node ${process.version}\n`,
);
console.log(header);
console.log(header.replace(/[^|]+/g, "---"));
for (const rows of samples.values()) {
  const row = [...rows].sort((a, b) => a.perf - b.perf)[Math.floor(rows.length / 2)]!;
  console.log(
    `| ${row.page} | ${row.preset} | ${row.perf} | ${row.a11y} | ${row.bp} | ${row.seo} | ` +
      `${(row.fcp / 1000).toFixed(2)} s | ${(row.lcp / 1000).toFixed(2)} s | ${row.tbt.toFixed(0)} ms | ` +
      `${row.cls.toFixed(3)} | ${row.scriptKb.toFixed(1)} | ${row.requests} | ${row.totalKb.toFixed(1)} | ` +
      `${row.jsBeforeLcpKb.toFixed(1)} |`,
  );
}
if (runs > 1) {
  console.log("\nMedians per metric (each taken on its own, so a row need not be one run):\n");
  console.log("| page | preset | perf | FCP | LCP | TBT | JS before LCP (KB) |\n|---|---|---|---|---|---|---|");
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const rows of samples.values()) {
    const { page, preset } = rows[0]!;
    const perf = rows.map((r) => r.perf);
    console.log(
      `| ${page} | ${preset} | ${median(perf)} (${Math.min(...perf)}-${Math.max(...perf)}) | ` +
        `${(median(rows.map((r) => r.fcp)) / 1000).toFixed(2)} s | ` +
        `${(median(rows.map((r) => r.lcp)) / 1000).toFixed(2)} s | ${median(rows.map((r) => r.tbt)).toFixed(0)} ms | ` +
        `${median(rows.map((r) => r.jsBeforeLcpKb)).toFixed(1)} |`,
    );
  }
}
