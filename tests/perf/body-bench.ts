// Benchmark (not a test): what oversized and slow request bodies cost `next start`. Ten connections at once
// each send 9.5 MB of a form post and then hold the connection open for 5 s without finishing it: first
// announcing a 10 MB Content-Length, then chunked without one. Then one body trickles in at 10 bytes a
// second. Prints the server's memory (RSS of the next-server process) before and at its peak, what each
// connection got back and when, how much of its body the server let it send, and how long the trickle lasted.
// Last, stalled bodies against the body guard itself (an in-process server, so its heap can be measured): N
// sockets each send 64,000 bytes of a 65,000-byte post and stall; prints what they got and the heap + external
// memory (after a forced gc) before, while they are held and after they are released.
// Run after `npm run build`:  npm run bench:bodies  [-- --port 4410] [-- --trickle-seconds 100]
//   [-- --stalled 1000,3000]  [-- --stalled-only]
import http from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createBodyGuard, MAX_WAITING_POSTS } from "@/lib/server/body-guard";
import { formFromResponse } from "../helpers/form-html";
import { bytesRead, rssMb, startQuoteServer, type QuoteServer } from "../helpers/quote-server";
import { multipartHead, rawPost, type RawExchange } from "../helpers/raw-http";
import { closedPort } from "../helpers/smtp-server";
import { pace } from "../helpers/pace";

const arg = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : undefined;
};
const STALLED = (process.argv[process.argv.indexOf("--stalled") + 1] ?? "").split(",").map(Number);
const stalledCounts = process.argv.includes("--stalled") ? STALLED.filter((n) => n > 0) : [1000, 3000];
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

// A forced gc without --expose-gc on the command line (tsx runs this file).
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heldMb = () => {
  for (let i = 0; i < 3; i++) gc();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.external) / 1024 / 1024; // external includes the Buffers' memory
};

/**
 * Sockets that each send 64,000 bytes of a 65,000-byte post and stall: what they cost the guard's process while
 * held and after they are gone. `cap`: the guard's limit on held posts (Infinity: no cap, as before it had one).
 */
async function stalled(count: number, cap: number) {
  const guard = createBodyGuard({
    maxBytes: 64 * 1024,
    maxWaitingPosts: cap,
    refusal: () => ({ html: "too large", headers: {} }),
    busy: () => ({ html: "busy", headers: {} }),
  });
  const sockets = new Set<import("node:net").Socket>();
  const guarded = http.createServer((request, response) => {
    sockets.add(request.socket);
    guard(request, response, () => request.resume().on("end", () => response.end("ok")));
  });
  // A backlog for every socket at once (the kernel caps it at net.core.somaxconn).
  await new Promise<void>((resolve) => guarded.listen({ port: 0, host: "127.0.0.1", backlog: count + 100 }, resolve));
  const guardPort = (guarded.address() as AddressInfo).port;
  const before = heldMb();
  const answers = Promise.all(
    Array.from({ length: count }, () =>
      rawPost({
        port: guardPort,
        path: "/stalled",
        headers: {},
        head: Buffer.alloc(0),
        fillerBytes: 65_000,
        stallAfterBytes: 64_000,
        waitMs: 600_000,
      }),
    ),
  );
  // Held: every request has arrived and the bytes read stop growing.
  const read = () => [...sockets].reduce((sum, socket) => sum + socket.bytesRead, 0);
  let last = -1;
  let steady = 0;
  while (steady < 10) {
    await settle(200);
    const now = read();
    steady = now === last && sockets.size > 0 ? steady + 1 : 0;
    last = now;
  }
  const arrived = sockets.size;
  const held = heldMb();
  // Release: the connections go (as when the clients give up or time out).
  guarded.closeAllConnections();
  sockets.clear();
  const statuses = (await answers).reduce<Record<string, number>>((acc, answer) => {
    const key = String(answer.status ?? "held");
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});
  await new Promise((resolve) => guarded.close(resolve));
  // Closed sockets free their buffers a little later: sample until the figure stops falling.
  let after = heldMb();
  for (let i = 0; i < 20; i++) {
    await settle(250);
    const now = heldMb();
    if (after - now < 0.5) break;
    after = now;
  }
  const list = Object.entries(statuses)
    .map(([status, n]) => `${n}× ${status}`)
    .join(", ");
  console.log(
    `stalled bodies, ${count} sockets × 64,000 bytes, cap ${cap === Infinity ? "none" : cap}: ` +
      `${arrived} arrived; ${list}; ` +
      `heap + external after gc ${before.toFixed(1)} MB before, ${held.toFixed(1)} MB held ` +
      `(+${(held - before).toFixed(1)} MB), ${after.toFixed(1)} MB after release (+${(after - before).toFixed(1)} MB)`,
  );
}

/** Deliberate pacing between samples of the server's state. */
const settle = (ms: number) => pace(ms, "samples of the server's state are taken apart");

console.log(`body benchmark on ${new Date().toISOString()}, node ${process.version}`);
if (!process.argv.includes("--stalled-only")) {
  await phase(() => flood("Content-Length", false));
  await phase(() => flood("chunked", true));
  if (TRICKLE_SECONDS > 0) await phase(trickle);
}
for (const count of stalledCounts) {
  await stalled(count, Infinity);
  await stalled(count, MAX_WAITING_POSTS);
}
