/**
 * `npm run bench:export` (after a build): the desk's CSV export of 5,000 leads with 5,000-character messages,
 * streamed by `next start`, while page loads go on. Prints the file's size and time, the server's resident
 * memory (peak over its level before the export) and the page loads' times during the export.
 */
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { percentile, rssMb, startQuoteServer } from "../helpers/quote-server";

const LEADS = Number(process.env.EXPORT_LEADS ?? 5_000);
const MESSAGE = "A long description of the project. ".repeat(143).slice(0, 5_000);
const PORT = Number(process.env.EXPORT_BENCH_PORT ?? 3997);
const OWNER = "owner@fsdev.test";

function seed(file: string) {
  const db = new Database(file);
  const insert = db.prepare(
    "INSERT INTO QuoteRequest (reference, status, name, email, emailKey, interest, interestLabel, budget, timeline, " +
      "description, consentAt, consentVersion, createdAt, updatedAt, activityAt) " +
      "VALUES (?, 'new', ?, ?, ?, 'other', 'Something else', 'Not sure yet', 'Flexible', ?, ?, '2026-11-24', ?, ?, ?)",
  );
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < LEADS; i++) {
      const email = `bench${i}@example.test`;
      const at = now - i * 60_000;
      insert.run(`FS-2026-B${String(i).padStart(5, "0")}`, `Bench Lead ${i}`, email, email, MESSAGE, at, at, at, at);
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
const server = await startQuoteServer({ port: PORT, env, beforeStart: async (url) => seed(url.replace(/^file:/, "")) });
try {
  const cookie = await signIn(server.url, { ...env, DATABASE_URL: server.databaseUrl, NODE_ENV: "production" });
  for (let i = 0; i < 5; i++) await (await fetch(`${server.url}/services`)).text();
  const before = rssMb(server.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 50);
  let exporting = true;
  const loads: number[] = [];
  const pages = (async () => {
    while (exporting) {
      const started = performance.now();
      await (await fetch(`${server.url}/services`)).text();
      loads.push(performance.now() - started);
    }
  })();
  const started = performance.now();
  const response = await fetch(`${server.url}/desk/export`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: "status=new",
  });
  let bytes = 0;
  let firstByteMs = 0;
  const reader = response.body!.getReader();
  for (let piece = await reader.read(); !piece.done; piece = await reader.read()) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += piece.value.length;
  }
  const totalMs = performance.now() - started;
  exporting = false;
  await pages;
  clearInterval(sampler);
  if (response.status !== 200) throw new Error(`export answered ${response.status}`);
  console.log(
    `export: ${LEADS} leads, ${(bytes / 1e6).toFixed(1)} MB in ${(totalMs / 1000).toFixed(1)} s ` +
      `(first bytes after ${firstByteMs.toFixed(0)} ms)`,
  );
  console.log(
    `server memory: ${before.toFixed(0)} MB before, peak +${(peak - before).toFixed(1)} MB during the export`,
  );
  console.log(
    `page loads during the export (/services, ${loads.length}): p50 ${percentile(loads, 50).toFixed(0)} ms, ` +
      `max ${Math.max(...loads).toFixed(0)} ms`,
  );
} finally {
  await server.stop();
}
