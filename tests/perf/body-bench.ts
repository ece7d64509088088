// Benchmark (not a test): what oversized and slow request bodies cost `next start`. Ten connections at once
// each send 9.5 MB of a form post and then hold the connection open for 5 s without finishing it: first
// announcing a 10 MB Content-Length, then chunked without one. Then one body trickles in at 10 bytes a
// second. Prints the server's memory (RSS of the next-server process) before and at its peak, what each
// connection got back and when, how much of its body the server let it send, and how long the trickle lasted.
// Run after `npm run build`:  npm run bench:bodies  [-- --port 4410] [-- --trickle-seconds 100]
import { formFromResponse } from "../helpers/form-html";
import { bytesRead, rssMb, startQuoteServer, type QuoteServer } from "../helpers/quote-server";
import { multipartHead, rawPost, type RawExchange } from "../helpers/raw-http";
import { closedPort } from "../helpers/smtp-server";
import { pace } from "../helpers/pace";

const arg = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : undefined;
};
const CONNECTIONS = 10;
const BODY_BYTES = Math.round(9.5 * 1024 * 1024);
const TRICKLE_SECONDS = arg("trickle-seconds") ?? 100;
const boundary = "----body-bench-boundary";
const HOLD_MS = 5_000;

// Each phase gets a fresh server, so its memory starts from the same baseline.
let server: QuoteServer;
let port: number;
async function phase(run: () => Promise<void>) {
  server = await startQuoteServer({ port: arg("port") ?? (await closedPort()) });
  port = Number(new URL(server.url).port);
  try {
    for (let i = 0; i < 3; i++) await fetch(`${server.url}/`).then((response) => response.text());
    await run();
  } finally {
    await server.stop();
  }
}

async function formHead(ip: string): Promise<Buffer> {
  const page = await fetch(`${server.url}/quote`, { headers: { "X-Forwarded-For": ip } });
  return multipartHead(
    {
      ...(await formFromResponse(page)),
      name: "Body Bench",
      email: "body.bench@example.com",
      interest: "service:automation",
      budget: "not-sure",
      timeline: "exploring",
      consent: "yes",
    },
    boundary,
  );
}

async function flood(label: string, chunked: boolean) {
  const heads = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => formHead(`10.60.0.${i + 1}`)));
  const before = rssMb(server.pid);
  const readBefore = bytesRead(server.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 50);
  const started = performance.now();
  const answers: RawExchange[] = await Promise.all(
    heads.map((head, i) =>
      rawPost({
        port,
        path: "/quote",
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          origin: server.url,
          "x-forwarded-for": `10.60.0.${i + 1}`,
        },
        head,
        // 9.5 MB of a longer body, then the connection is held open: the body never ends.
        fillerBytes: 2 * BODY_BYTES,
        contentLength: 10 * 1024 * 1024,
        stallAfterBytes: BODY_BYTES,
        chunked,
        waitMs: HOLD_MS,
      }),
    ),
  );
  const wall = performance.now() - started;
  clearInterval(sampler);
  const read = bytesRead(server.pid) - readBefore;
  await pace(1_000, "the server RSS is sampled again 1 s after the run");
  const statuses = Object.entries(
    answers.reduce<Record<string, number>>((acc, answer) => {
      const key = String(answer.status ?? "no answer");
      acc[key] = (acc[key] ?? 0) + 1;
      return acc;
    }, {}),
  )
    .map(([status, n]) => `${n}× ${status}`)
    .join(", ");
  const answered = answers.map((answer) => answer.answeredAfterMs).filter((ms): ms is number => ms !== null);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
  const sent = answers.map((answer) => answer.bodyBytesSent);
  const range = (values: number[], format: (value: number) => string) =>
    values.length ? `${format(Math.min(...values))}–${format(Math.max(...values))}` : "never";
  const closed = answers.filter((answer) => answer.serverClosed).length;
  console.log(
    `${label}: ${CONNECTIONS} × ${mb(BODY_BYTES)} MB sent, then held ${HOLD_MS / 1000} s: ${statuses}; ` +
      `answered after ${range(answered, (ms) => `${ms.toFixed(0)} ms`)}; ` +
      `the server read ${mb(read)} MB in all (rchar), the clients wrote ${range(sent, mb)} MB each ` +
      `(closed by the server: ${closed}/${CONNECTIONS}); wall ${(wall / 1000).toFixed(1)} s; ` +
      `server RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB), ` +
      `${rssMb(server.pid).toFixed(0)} MB 1 s after`,
  );
}

async function trickle() {
  const head = await formHead("10.61.0.1");
  const started = performance.now();
  // A 2 KB form sent at 10 bytes a second would take 200 s: how long does the server keep it open?
  const answer = await rawPost({
    port,
    path: "/quote",
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      origin: server.url,
      "x-forwarded-for": "10.61.0.1",
    },
    head: Buffer.alloc(0),
    fillerBytes: 0,
    tail: Buffer.concat([head, Buffer.from(`${"x".repeat(100)}\r\n--${boundary}--\r\n`)]),
    chunkBytes: 10,
    bytesPerSecond: 10,
    deadlineMs: TRICKLE_SECONDS * 1000,
    waitMs: 0,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `trickle (10 B/s): ${answer.serverClosed ? "closed by the server" : "still open (stopped waiting)"} ` +
      `after ${seconds.toFixed(0)} s` +
      `${answer.status ? `, answered ${answer.status}` : ""}, ${answer.bodyBytesSent} bytes sent`,
  );
}

console.log(`body benchmark on ${new Date().toISOString()}, node ${process.version}`);
await phase(() => flood("Content-Length", false));
await phase(() => flood("chunked", true));
if (TRICKLE_SECONDS > 0) await phase(trickle);
