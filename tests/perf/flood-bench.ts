// Benchmark (not a test): a spam flood through `next start` with a real SMTP server. 2,000 spam-like
// posts in one minute from 500 addresses (X-Forwarded-For behind one trusted proxy hop, on loopback),
// public pages probed throughout, one real request in the middle. Prints the figures PERFORMANCE.md holds.
// Run after `npm run build`:  npm run bench:flood  [-- --posts 2000 --addresses 500 --seconds 60 --port 4420]
import { spread, runFlood } from "../helpers/flood";
import { startQuoteServer } from "../helpers/quote-server";
import { closedPort, startSmtpServer } from "../helpers/smtp-server";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const posts = arg("posts", 2000);
const addresses = arg("addresses", 500);
const seconds = arg("seconds", 60);

const smtp = await startSmtpServer();
const server = await startQuoteServer({
  port: arg("port", 0) || (await closedPort()),
  env: { SMTP_URL: smtp.url, MIN_SUBMIT_SECONDS: "3" },
});
try {
  console.log(
    `flood benchmark on ${new Date().toISOString()}, node ${process.version}: ${posts} spam posts in ${seconds} s ` +
      `from ${addresses} addresses, one real request at ${seconds / 2} s`,
  );
  const result = await runFlood({
    server,
    smtp,
    posts,
    addresses,
    durationMs: seconds * 1000,
    concurrency: 64,
    leadAtMs: (seconds * 1000) / 2,
    minSubmitSeconds: 3,
    pages: ["/", "/services", "/articles/understanding-back-end-developers", "/products/straider-ai", "/faq", "/quote"],
    quietMs: 10_000,
  });
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const spamRows = result.rows.spam ?? 0;
  const grown = result.dbBytes.after - result.dbBytes.before;
  console.log(
    `wall ${(result.wallMs / 1000).toFixed(1)} s; spam posts answered: ${JSON.stringify(result.statuses)}; ` +
      `${result.delayedPosts} started late (64 in flight)`,
  );
  console.log(`spam post latency: ${spread(result.spamMs)}`);
  console.log(`public pages, quiet (10 s before): ${spread(result.quietProbeMs)}`);
  console.log(`public pages, during the flood:   ${spread(result.probeMs)}; failures: ${result.probeFailures.length}`);
  console.log(
    `real request: ${result.lead.status}, ${result.lead.reference ?? "no reference"}, ` +
      `stored as ${result.lead.stored ?? "nothing"}, ${result.lead.mails} mails received` +
      (result.lead.mailedAfterMs !== undefined
        ? ` (both ${(result.lead.mailedAfterMs / 1000).toFixed(1)} s after the answer to its post)`
        : ""),
  );
  const inSeconds = (ms: number | undefined) => (ms === undefined ? "never" : `${(ms / 1000).toFixed(1)} s`);
  const { lead } = result;
  console.log(
    `real request's owner notice received ${inSeconds(lead.noticeAfterMs)} after the answer to its post ` +
      `(${inSeconds(lead.noticeReceivedAt === undefined ? undefined : lead.noticeReceivedAt - lead.postedAt)} ` +
      `after the post was sent; the post waited ${inSeconds(lead.answeredAt - lead.postedAt)} for its answer); ` +
      `the flood ended ${inSeconds(result.floodEndedAt - lead.answeredAt)} after that answer`,
  );
  console.log(
    `real request's outbox rows: ` +
      result.lead.outbox
        .map(
          (row) =>
            `${row.kind} ${row.status} after ${row.attempts} attempt(s), ` +
            `sent ${inSeconds(row.sentAt === undefined ? undefined : row.sentAt - row.createdAt)} after it was stored`,
        )
        .join("; "),
  );
  console.log(
    `stored: ${JSON.stringify(result.rows)}; outbox: ${JSON.stringify(result.outbox)}; ` +
      `database ${kb(result.dbBytes.before)} → ${kb(result.dbBytes.after)} (+${kb(grown)}, ` +
      `${spamRows ? (grown / spamRows).toFixed(0) : "?"} bytes per stored spam row, WAL included)`,
  );
  console.log(
    `server RSS ${result.rssMb.before.toFixed(0)} MB before, peak ${result.rssMb.peak.toFixed(0)} MB; ` +
      `alive after: ${result.alive}; ` +
      `SMTP received ${smtp.received.length} messages in all`,
  );
  // Delivery trouble (a failed attempt, its retry) shows in the server's mail log lines.
  const mailLines = server
    .logs()
    .split("\n")
    .filter((line) => /^mail:/.test(line));
  console.log(`server mail log: ${mailLines.length ? mailLines.join(" | ") : "(no line)"}`);
  const errors = server
    .logs()
    .split("\n")
    .filter((line) => /error|⨯/i.test(line));
  console.log(`server log lines with "error": ${errors.length}${errors.length ? `, first: ${errors[0]}` : ""}`);
} finally {
  await server.stop();
  await smtp.stop();
}
