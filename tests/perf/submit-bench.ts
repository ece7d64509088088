// Benchmark (not a test): how long one quote submission takes on this machine, through `next start`
// (form post to the server action, store, respond), with a real SMTP server and with SMTP down.
// Run after `npm run build`:  npm run bench:submit  [-- --requests 100]
import Database from "better-sqlite3";
import { closedPort, startSmtpServer } from "../helpers/smtp-server";
import { percentile, sampleValues, startQuoteServer, submitThroughServer } from "../helpers/quote-server";

const requests = Number(process.argv[process.argv.indexOf("--requests") + 1]) || 100;

async function measure(label: string, smtpUrl: string, port: number) {
  const server = await startQuoteServer({ port, env: { SMTP_URL: smtpUrl, SMTP_TIMEOUT_MS: "2000" } });
  try {
    for (let i = 0; i < 5; i++)
      await submitThroughServer(server.url, `10.250.0.${i + 1}`, sampleValues(`Warm-up ${i}`));
    const times: number[] = [];
    let ok = 0;
    for (let i = 0; i < requests; i++) {
      const result = await submitThroughServer(
        server.url,
        `10.251.${Math.floor(i / 250)}.${(i % 250) + 1}`,
        sampleValues(`Bench ${i}`),
      );
      times.push(result.ms);
      if (result.reference) ok += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const db = new Database(server.databaseFile, { readonly: true });
    const outbox = db.prepare("SELECT status, COUNT(*) AS n FROM OutboxMessage GROUP BY status").all() as {
      status: string;
      n: number;
    }[];
    db.close();
    const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
    console.log(
      `${label.padEnd(14)} ${String(requests).padStart(4)} sequential submissions, ${ok} told "received": ` +
        `p50 ${fmt(percentile(times, 50))}, p90 ${fmt(percentile(times, 90))}, p99 ${fmt(percentile(times, 99))}; ` +
        `outbox after 3 s: ${outbox.map((row) => `${row.n} ${row.status}`).join(", ")}`,
    );
  } finally {
    await server.stop();
  }
}

const smtp = await startSmtpServer();
console.log(`submit benchmark on ${new Date().toISOString()}, node ${process.version}`);
await measure("SMTP up", smtp.url, 3990);
await measure("SMTP down", `smtp://127.0.0.1:${await closedPort()}`, 3991);
console.log(`SMTP server received ${smtp.received.length} messages`);
await smtp.stop();
