// Benchmark (not a test): quote submissions through `next start` on this machine: form load + post to the
// server action, store, respond, with a real SMTP server receiving the mail. Columns: SQLite (one instance),
// PostgreSQL (one instance), and PostgreSQL with two instances behind nginx (lib/ops/nginx-site.conf);
// rows: 1, 10 and 40 parallel clients. Every post comes from its own loopback address (127.x.y.z), so the
// per-address limit never interferes. A last row times one client with the SMTP server down.
// Run after `npm run build`:  npm run bench:submit  [-- --requests 120]
import { startTempPostgres } from "../../prisma/temp-postgres.mjs";
import { submitFrom } from "../helpers/loopback-client";
import { startNginx, type TestNginx } from "../helpers/nginx";
import { percentile, sampleValues, startQuoteServer, type QuoteServer } from "../helpers/quote-server";
import { closedPort, startSmtpServer } from "../helpers/smtp-server";
import { queryRows } from "../helpers/test-databases";
import { pace } from "../helpers/pace";

const requestsArg = process.argv[process.argv.indexOf("--requests") + 1];
const requests = (process.argv.includes("--requests") && Number(requestsArg)) || 120;
const CLIENTS = [1, 10, 40];
let block = 0;

type Setup = { label: string; url: string; databaseUrl: string; stop: () => Promise<void> };

async function measure(setup: Setup, clients: number) {
  block += 1;
  const base = block;
  // Warm-up: the first posts compile and cache code paths.
  for (let i = 0; i < 3; i++)
    await submitFrom(setup.url, `127.200.${base}.${i + 1}`, sampleValues(`Warm ${base}-${i}`));
  const times: number[] = [];
  let ok = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        const i = next++;
        const result = await submitFrom(
          setup.url,
          `127.${base}.${Math.floor(i / 250)}.${(i % 250) + 1}`,
          sampleValues(`Bench ${base}-${i}`),
        );
        times.push(result.ms);
        if (result.reference) ok += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    ok,
    perSecond: requests / seconds,
    p50: percentile(times, 50),
    p90: percentile(times, 90),
    p99: percentile(times, 99),
  };
}

const smtp = await startSmtpServer();
const postgres = await startTempPostgres();
const env = { SMTP_URL: smtp.url, SMTP_TIMEOUT_MS: "2000", TRUSTED_PROXY_HOPS: "0" };

async function single(label: string, databaseUrl?: string, extra: Record<string, string> = {}): Promise<Setup> {
  const server = await startQuoteServer({ port: await closedPort(), databaseUrl, env: { ...env, ...extra } });
  return { label, url: server.url, databaseUrl: server.databaseUrl, stop: server.stop };
}

async function pair(label: string, databaseUrl: string): Promise<Setup> {
  const nginxPort = await closedPort();
  const siteEnv = { ...env, TRUSTED_PROXY_HOPS: "1", SITE_URL: `http://127.0.0.1:${nginxPort}` };
  const instances: QuoteServer[] = [];
  instances.push(await startQuoteServer({ port: await closedPort(), databaseUrl, env: siteEnv }));
  instances.push(await startQuoteServer({ port: await closedPort(), databaseUrl, migrated: true, env: siteEnv }));
  const nginx: TestNginx = await startNginx({
    port: nginxPort,
    upstreams: instances.map((instance) => instance.url.replace("http://", "")),
  });
  return {
    label,
    url: nginx.url,
    databaseUrl,
    stop: async () => {
      await nginx.stop();
      await Promise.all(instances.map((instance) => instance.stop()));
    },
  };
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
console.log(`submit benchmark on ${new Date().toISOString()}, node ${process.version}, ${requests} posts per cell`);
console.log("| setup | clients | submissions/s | p50 | p90 | p99 | told received | outbox sent after 3 s |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
try {
  const setups: [string, () => Promise<Setup>][] = [
    ["SQLite, 1 instance", () => single("SQLite, 1 instance")],
    [
      "PostgreSQL, 1 instance",
      async () => single("PostgreSQL, 1 instance", await postgres.createDatabase("bench_one")),
    ],
    [
      "PostgreSQL, 2 instances + nginx",
      async () => pair("PostgreSQL, 2 instances + nginx", await postgres.createDatabase("bench_two")),
    ],
  ];
  for (const [, make] of setups) {
    const setup = await make();
    try {
      for (const clients of CLIENTS) {
        const r = await measure(setup, clients);
        await pace(3000, "the outbox gets 3 s after the run before its sent count is read");
        const [counts] = await queryRows<{ sent: unknown; total: unknown }>(
          setup.databaseUrl,
          `SELECT SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END) AS sent, COUNT(*) AS total FROM "OutboxMessage"`,
        );
        console.log(
          `| ${setup.label} | ${clients} | ${r.perSecond.toFixed(1)} | ` +
            `${fmt(r.p50)} | ${fmt(r.p90)} | ${fmt(r.p99)} | ` +
            `${r.ok}/${requests} | ${Number(counts?.sent)}/${Number(counts?.total)} |`,
        );
      }
    } finally {
      await setup.stop();
    }
  }
  const down = await single("SQLite, SMTP down", undefined, { SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` });
  try {
    const r = await measure(down, 1);
    console.log(
      `| SQLite, 1 instance, SMTP down | 1 | ${r.perSecond.toFixed(1)} | ` +
        `${fmt(r.p50)} | ${fmt(r.p90)} | ${fmt(r.p99)} | ${r.ok}/${requests} | (mail stays pending) |`,
    );
  } finally {
    await down.stop();
  }
  console.log(`SMTP server received ${smtp.received.length} messages`);
} finally {
  await smtp.stop();
  await postgres.stop();
}
