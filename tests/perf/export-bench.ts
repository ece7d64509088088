/**
 * `npm run bench:export` (after a build): the desk's CSV export of 5,000 leads with 5,000-character messages,
 * streamed by a fresh `next start` on SQLite (EXPORT_DATABASE=postgresql: on a throwaway PostgreSQL) while a
 * second client loads the desk's inbox and `/services` in turn.
 * Prints the file's size and time; the server's memory growth during the export over its level before it, as
 * V8's heap in use plus external memory (read inside the server by tests/perf/memory-probe.mjs, every 5 ms, over
 * a baseline taken after forced collections: resident memory rarely shrinks in Node, so it cannot tell what the
 * export holds) and as resident memory (read from /proc every 20 ms); the page loads' times during the export;
 * then the same page loads for as long without an export, from a fresh baseline, to compare.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import Database from "better-sqlite3";
import pg from "pg";
import { deskPaths } from "@/lib/routes";
import { startTempPostgres } from "../../prisma/temp-postgres.mjs";
import { percentile, rssMb, startQuoteServer } from "../helpers/quote-server";

const LEADS = Number(process.env.EXPORT_LEADS ?? 5_000);
const MESSAGE = "A long description of the project. ".repeat(143).slice(0, 5_000);
const PORT = Number(process.env.EXPORT_BENCH_PORT ?? 3997);
/** "sqlite" (a temp file) or "postgresql" (a throwaway server from prisma/temp-postgres.mjs). */
const DATABASE = process.env.EXPORT_DATABASE ?? "sqlite";
if (DATABASE !== "sqlite" && DATABASE !== "postgresql") throw new Error(`EXPORT_DATABASE: ${DATABASE}?`);
const PROBE_PORT = PORT + 1;
const MB = 1024 * 1024;
/** The review's target for the export's memory (issue 22, item 7). */
const TARGET_MB = 30;
const OWNER = "owner@fsdev.test";

/** The columns the bench fills; the others keep their defaults. */
const COLUMNS =
  "reference, status, name, email, emailKey, interest, interestLabel, budget, timeline, description, consentAt, " +
  "consentVersion, createdAt, updatedAt, activityAt";

/** Lead `i`: received `i` minutes ago. */
function lead(i: number, now: number) {
  const email = `bench${i}@example.test`;
  const at = new Date(now - i * 60_000);
  return { reference: `FS-2026-B${String(i).padStart(5, "0")}`, name: `Bench Lead ${i}`, email, at };
}

async function seedPostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const quoted = COLUMNS.split(", ")
    .map((column) => `"${column}"`)
    .join(", ");
  const now = Date.now();
  try {
    for (let start = 0; start < LEADS; start += 500) {
      const values: unknown[] = [];
      const rows: string[] = [];
      for (let i = start; i < Math.min(LEADS, start + 500); i++) {
        const { reference, name, email, at } = lead(i, now);
        // A timestamp without time zone holding UTC, as Prisma writes it.
        const utc = at.toISOString().replace("Z", "");
        const row = [reference, "new", name, email, email, "other", "Something else", "Not sure yet", "Flexible"];
        row.push(MESSAGE, utc, "2026-11-24", utc, utc, utc);
        rows.push(`(${row.map((_, k) => `$${values.length + k + 1}`).join(", ")})`);
        values.push(...row);
      }
      await client.query(`INSERT INTO "QuoteRequest" (${quoted}) VALUES ${rows.join(", ")}`, values);
    }
  } finally {
    await client.end();
  }
}

function seed(file: string) {
  const db = new Database(file);
  const insert = db.prepare(
    `INSERT INTO QuoteRequest (${COLUMNS}) VALUES (?, 'new', ?, ?, ?, 'other', 'Something else', 'Not sure yet', ` +
      `'Flexible', ?, ?, '2026-11-24', ?, ?, ?)`,
  );
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < LEADS; i++) {
      const { reference, name, email, at: date } = lead(i, now);
      // As Prisma's SQLite adapter writes a DateTime; a number would sort before every date text, and the daily
      // purge (30 s after the start) would take the leads for long expired.
      const at = date.toISOString().replace("Z", "+00:00");
      insert.run(reference, name, email, email, MESSAGE, at, at, at, at);
    }
  })();
  db.close();
}

/** A session cookie for the owner: a one-time link from `npm run desk:link` against the server's settings. */
async function signIn(url: string, env: Record<string, string>): Promise<string> {
  const output = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/cli/desk-link.ts"], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  const link = /(https?:\/\/\S+magic-link\/verify\?\S+)/.exec(output)?.[1];
  if (!link) throw new Error(`desk:link printed no link:\n${output}`);
  const response = await fetch(link.replace(/^https?:\/\/[^/]+/, url), { redirect: "manual" });
  const cookie = response.headers.getSetCookie().find((header) => header.includes("session_token="));
  if (!cookie) throw new Error(`no session cookie (status ${response.status})`);
  return cookie.split(";")[0]!;
}

const env = {
  SITE_URL: `http://127.0.0.1:${PORT}`,
  FORM_SECRET: "load-test-form-secret-0123456789-abcdefghij",
  QUOTE_TO: OWNER,
  MAIL_FROM: "FS Dev website <website@fsdev.test>",
  MAIL_TRANSPORT: "file",
};

/** What tests/perf/memory-probe.mjs reads, in bytes. */
type Memory = Record<
  "heapUsed" | "external" | "heapAndExternal" | "rss" | "new_space" | "new_large_object_space",
  number
>;
type ProbeReading = { baseline: Memory; peak: Memory; now: Memory; samples: number };

async function probe(method: "POST" | "GET", what: "baseline" | "peak" | "settled"): Promise<ProbeReading> {
  const response = await fetch(`http://127.0.0.1:${PROBE_PORT}/${what}`, { method });
  if (!response.ok) throw new Error(`memory probe /${what} answered ${response.status}`);
  return (await response.json()) as ProbeReading;
}

const mb = (bytes: number) => `${bytes >= 0 ? "+" : ""}${(bytes / MB).toFixed(1)} MB`;

/** Page loads, the desk's inbox and `/services` in turn, until `done()`; each one's time by path. */
async function loadPages(url: string, cookie: string, done: () => boolean): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>([
    [deskPaths.inbox, []],
    ["/services", []],
  ]);
  while (!done()) {
    for (const [path, list] of times) {
      const started = performance.now();
      const response = await fetch(`${url}${path}`, { headers: path === deskPaths.inbox ? { cookie } : {} });
      await response.text();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      list.push(performance.now() - started);
    }
  }
  return times;
}

const describeLoads = (times: Map<string, number[]>) =>
  [...times]
    .map(
      ([path, list]) =>
        `${path} ${list.length}× p50 ${percentile(list, 50).toFixed(0)} ms, max ${Math.max(...list).toFixed(0)} ms`,
    )
    .join("; ");

/**
 * Runs `work` from a fresh baseline (forced collections in the server), with the page loads going on beside it or not;
 * the peaks of heap + external memory (inside the server) and of resident memory (outside) over that baseline.
 */
async function measure<T>(url: string, cookie: string, pageLoads: boolean, work: () => Promise<T>) {
  const { baseline } = await probe("POST", "baseline");
  const rssBefore = rssMb(server.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(server.pid))), 20);
  let working = true;
  const loads = pageLoads ? loadPages(url, cookie, () => !working) : Promise.resolve(new Map<string, number[]>());
  let result: T;
  try {
    result = await work();
  } finally {
    working = false;
  }
  const times = await loads;
  clearInterval(sampler);
  const { peak, samples } = await probe("GET", "peak");
  const settled = await probe("POST", "settled");
  const growth = (key: keyof Memory) => peak[key] - baseline[key];
  return {
    baseline,
    heapAndExternal: growth("heapAndExternal"),
    heapUsed: growth("heapUsed"),
    young: growth("new_space") + growth("new_large_object_space"),
    external: growth("external"),
    left: settled.now.heapAndExternal - baseline.heapAndExternal,
    samples,
    rssBefore,
    rss: rssPeak - rssBefore,
    times,
    result,
  };
}

/** The desk's export of the "new" tab, read as fast as it comes: its size, time and time to the first bytes. */
async function download(url: string, cookie: string) {
  const started = performance.now();
  const response = await fetch(`${url}${deskPaths.export}`, {
    method: "POST",
    headers: { cookie, origin: url, "content-type": "application/x-www-form-urlencoded" },
    body: "status=new",
  });
  if (response.status !== 200) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  let firstByteMs = 0;
  const reader = response.body!.getReader();
  for (let piece = await reader.read(); !piece.done; piece = await reader.read()) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += piece.value.length;
  }
  return { bytes, firstByteMs, ms: performance.now() - started };
}

/** More `node` options for the server, e.g. EXPORT_NODE_ARGS=--no-allocation-site-pretenuring (docs/performance.md). */
const NODE_ARGS = (process.env.EXPORT_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);

const postgres = DATABASE === "postgresql" ? await startTempPostgres() : undefined;
const server = await startQuoteServer({
  port: PORT,
  env: { ...env, MEMORY_PROBE_PORT: String(PROBE_PORT) },
  nodeArgs: ["--expose-gc", "--import", "./tests/perf/memory-probe.mjs", ...NODE_ARGS],
  databaseUrl: postgres ? await postgres.createDatabase("bench_export") : undefined,
  beforeStart: async (url) => (postgres ? seedPostgres(url) : seed(url.replace(/^file:/, ""))),
});
try {
  const cookie = await signIn(server.url, { ...env, DATABASE_URL: server.databaseUrl, NODE_ENV: "production" });
  // Both pages once compiled and cached before the baseline, as on a server that has been up a while.
  let warm = 0;
  await loadPages(server.url, cookie, () => warm++ >= 5);
  const load = os.loadavg()[0]!;

  const exportAlone = await measure(server.url, cookie, false, () => download(server.url, cookie));
  const during = await measure(server.url, cookie, true, () => download(server.url, cookie));
  const { bytes } = exportAlone.result;
  if (during.result.bytes !== bytes) throw new Error(`the exports differ: ${bytes} and ${during.result.bytes} bytes`);
  const pagesAlone = await measure(server.url, cookie, true, async () => {
    await new Promise((resolve) => setTimeout(resolve, during.result.ms));
  });

  type Measured = Awaited<ReturnType<typeof measure<unknown>>>;
  const memory = (m: Measured) =>
    `heap + external peak ${mb(m.heapAndExternal)} (heap in use ${mb(m.heapUsed)}, of it the young generation ` +
    `${mb(m.young)}; external ${mb(m.external)}; ${m.samples} samples), ${mb(m.left)} left after forced ` +
    `collections; resident peak ${mb(m.rss * MB)} over ${m.rssBefore.toFixed(0)} MB`;
  const verdict = (m: Measured) => (m.heapAndExternal <= TARGET_MB * MB ? "within" : "OVER");
  console.log(
    `${LEADS} leads with ${MESSAGE.length}-character messages: ${(bytes / 1e6).toFixed(1)} MB of CSV; ` +
      `${DATABASE === "sqlite" ? "SQLite" : "PostgreSQL"}; ` +
      `load average ${load.toFixed(1)} on ${os.cpus().length} cores at the start` +
      (NODE_ARGS.length ? `; server node options ${NODE_ARGS.join(" ")}` : "") +
      `; memory over a baseline taken ` +
      `after forced collections (${(exportAlone.baseline.heapAndExternal / MB).toFixed(1)} MB heap + external)`,
  );
  const took = ({ ms, firstByteMs }: { ms: number; firstByteMs: number }) =>
    `${(ms / 1000).toFixed(1)} s, first bytes after ${firstByteMs.toFixed(0)} ms`;
  console.log(
    `export alone (the first since the start): ${took(exportAlone.result)}; ${memory(exportAlone)} ` +
      `[${verdict(exportAlone)} the ${TARGET_MB} MB target]`,
  );
  console.log(`export with page loads beside it: ${took(during.result)}; ${memory(during)}`);
  console.log(`  page loads during it: ${describeLoads(during.times)}`);
  console.log(`the same page loads for as long without an export: ${memory(pagesAlone)}`);
  console.log(`  page loads: ${describeLoads(pagesAlone.times)}`);
} finally {
  await server.stop();
  await postgres?.stop();
  // E.g. with EXPORT_NODE_ARGS="--trace-gc --trace-pretenuring": what V8 printed, for reading afterwards.
  if (process.env.EXPORT_SERVER_LOG) fs.writeFileSync(process.env.EXPORT_SERVER_LOG, server.logs());
}
