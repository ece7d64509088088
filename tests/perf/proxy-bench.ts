// Benchmark (not a test): the home page served three ways, side by side, 50 connections, gzip accepted:
//   1. `next start` directly;
//   2. through nginx with the committed config (lib/ops/nginx-site.conf: the prerendered page from its cache);
//   3. nginx serving the same HTML itself from a file (pre-compressed, gzip_static): nginx's own rate.
// Load from autocannon on loopback. Rounds are interleaved so a busy machine weighs on all three alike.
// Run after `npm run build`:  npm run bench:proxy  [-- --seconds 10 --rounds 3]
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import zlib from "node:zlib";
import { startNginx } from "../helpers/nginx";
import { startQuoteServer } from "../helpers/quote-server";
import { closedPort } from "../helpers/smtp-server";

type Result = { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: object) => Promise<Result>;

const arg = (flag: string, fallback: number) =>
  process.argv.includes(flag) ? Number(process.argv[process.argv.indexOf(flag) + 1]) || fallback : fallback;
const seconds = arg("--seconds", 10);
const rounds = arg("--rounds", 3);

const port = await closedPort();
const proxyPort = await closedPort();
const app = await startQuoteServer({
  port,
  env: { SITE_URL: `http://127.0.0.1:${proxyPort}`, TRUSTED_PROXY_HOPS: "1", MAIL_TRANSPORT: "file" },
});
const proxy = await startNginx({ port: proxyPort, upstreams: [`127.0.0.1:${port}`], workers: 2 });
const html = await (await fetch(`${app.url}/`)).text();
const own = await startNginx({
  upstreams: [],
  workers: 2,
  site: ({ port: ownPort, dir }) => {
    fs.mkdirSync(path.join(dir, "www"));
    fs.writeFileSync(path.join(dir, "www/index.html"), html);
    fs.writeFileSync(path.join(dir, "www/index.html.gz"), zlib.gzipSync(html));
    fs.chmodSync(path.join(dir, "www"), 0o755);
    return [
      "server {",
      `  listen 127.0.0.1:${ownPort};`,
      `  root ${path.join(dir, "www")};`,
      "  default_type text/html;",
      "  gzip_static on;",
      "  location = / { try_files /index.html =404; }",
      "}",
    ].join("\n");
  },
});

const targets = [
  { label: "next start directly", url: `${app.url}/` },
  { label: "nginx with lib/ops/nginx-site.conf", url: `${proxy.url}/` },
  { label: "nginx serving the HTML file itself", url: `${own.url}/` },
];
const totals = new Map<string, { rps: number[]; p50: number[]; p99: number[]; bad: number }>();
try {
  console.log(
    `proxy benchmark on ${new Date().toISOString()}, node ${process.version}: home page, ${html.length} bytes`,
  );
  // Warm-up: the first request fills nginx's cache.
  for (const target of targets) await autocannon({ url: target.url, connections: 10, duration: 2 });
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const r = await autocannon({
        url: target.url,
        connections: 50,
        duration: seconds,
        headers: { "accept-encoding": "gzip, deflate, br" },
      });
      const entry = totals.get(target.label) ?? { rps: [], p50: [], p99: [], bad: 0 };
      entry.rps.push(r.requests.average);
      entry.p50.push(r.latency.p50);
      entry.p99.push(r.latency.p99);
      entry.bad += r.non2xx + r.errors;
      totals.set(target.label, entry);
      console.log(`round ${round} ${target.label}: ${r.requests.average.toFixed(0)} req/s`);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const ownRate = median(totals.get(targets[2]!.label)!.rps);
  console.log(`\n| served by | req/s (median of ${rounds}) | share of nginx's own rate | p50 | p99 | non-2xx/errors |`);
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const target of targets) {
    const t = totals.get(target.label)!;
    const rps = median(t.rps);
    console.log(
      `| ${target.label} | ${rps.toFixed(0)} | ${((rps / ownRate) * 100).toFixed(0)} % | ` +
        `${median(t.p50).toFixed(0)} ms | ${median(t.p99).toFixed(0)} ms | ${t.bad} |`,
    );
  }
} finally {
  await own.stop();
  await proxy.stop();
  await app.stop();
}
