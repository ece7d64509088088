// A spam flood against a running `next start` (tests/helpers/quote-server.ts) with a real SMTP server:
// bots post spam-like forms at a steady rate from many addresses (X-Forwarded-For behind the one trusted
// proxy hop the server is configured with), a prober keeps loading public pages, and one real visitor
// sends a genuine request in the middle. Used by `npm run bench:flood` (figures) and
// tests/e2e/flood.spec.ts (a smaller flood, correctness only).
import fs from "node:fs";
import Database from "better-sqlite3";
import { pace, until } from "./pace";
import { formFromResponse } from "./form-html";
import { percentile, rssMb, type QuoteServer } from "./quote-server";
import type { TestSmtpServer } from "./smtp-server";

export type FloodOptions = {
  server: QuoteServer;
  smtp: TestSmtpServer;
  /** Spam posts in all, spread evenly over `durationMs`. */
  posts: number;
  /** Distinct client addresses the posts come from (round robin). */
  addresses: number;
  durationMs: number;
  /** Most posts in flight at once (a bounded flood: the script must not take the machine down). */
  concurrency: number;
  /** When the real visitor posts, from the start of the flood. */
  leadAtMs: number;
  /** The server's MIN_SUBMIT_SECONDS: the real visitor takes longer than that to fill the form. */
  minSubmitSeconds: number;
  /** Public pages the prober cycles through. */
  pages: string[];
  /** Quiet probing before the flood, for comparison. */
  quietMs: number;
  /** The server's QUOTE_TO, where the owner's notice goes (tests/helpers/quote-server.ts's by default). */
  ownerTo?: string;
};

export type FloodResult = {
  wallMs: number;
  /** Wall clock (Date.now()) when the last spam post was answered: the end of the flood. */
  floodEndedAt: number;
  /** Status code (or "error") of each spam post. */
  statuses: Record<string, number>;
  spamMs: number[];
  /** Posts that started later than scheduled because `concurrency` were in flight. */
  delayedPosts: number;
  quietProbeMs: number[];
  probeMs: number[];
  /** Probes during the flood that failed or answered other than 200. */
  probeFailures: string[];
  lead: {
    status: number;
    reference?: string;
    stored?: string;
    mails: number;
    /** From the answer to its post to the SMTP server's receipt of both its emails (receipt times, not polling). */
    mailedAfterMs?: number;
    /** From the answer to its post to the receipt of the owner's notice. */
    noticeAfterMs?: number;
    /** Wall clock: when its post was sent and answered, and when the SMTP server received its owner's notice. */
    postedAt: number;
    answeredAt: number;
    noticeReceivedAt?: number;
    /** Its outbox rows as the database holds them at the end (attempts, createdAt → sentAt). */
    outbox: LeadOutboxRow[];
  };
  rows: Record<string, number>;
  outbox: Record<string, number>;
  dbBytes: { before: number; after: number };
  rssMb: { before: number; peak: number };
  alive: boolean;
};

export type LeadOutboxRow = { kind: string; status: string; attempts: number; createdAt: number; sentAt?: number };

/** Prisma's SQLite DateTime column as milliseconds since the epoch (stored as a number or an ISO string). */
function epochMs(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === "number" ? value : Date.parse(String(value));
}

const SPAM_KINDS = ["honeypot", "links", "forged-token", "no-token"] as const;

function addressOf(index: number): string {
  return `10.70.${Math.floor(index / 250)}.${(index % 250) + 1}`;
}

function spamFields(kind: (typeof SPAM_KINDS)[number], i: number, scraped: Record<string, string>) {
  const fields: Record<string, string> = {
    ...scraped,
    name: `Bot ${i}`,
    email: `bot${i}@spam.example`,
    interest: "service:automation",
    budget: "not-sure",
    timeline: "asap",
    description: "We offer guaranteed first page rankings for your website, contact us today for details.",
    consent: "yes",
  };
  if (kind === "honeypot") fields.hp_a7k = "https://spam.example";
  if (kind === "links")
    fields.description = `Cheap backlinks ${i}: http://a.example http://b.example http://c.example http://d.example`;
  if (kind === "forged-token") fields.formToken = `v1.${Date.now().toString(36)}.bm9uY2U.forged-signature-${i}`;
  if (kind === "no-token") delete fields.formToken;
  return fields;
}

async function post(url: string, ip: string, fields: Record<string, string>): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return fetch(`${url}/quote`, { method: "POST", body: form, headers: { "X-Forwarded-For": ip, Origin: url } });
}

function dbBytes(file: string): number {
  return [file, `${file}-wal`].reduce((sum, path) => sum + (fs.existsSync(path) ? fs.statSync(path).size : 0), 0);
}

export async function runFlood(opts: FloodOptions): Promise<FloodResult> {
  const { server, smtp } = opts;
  // Bots scrape the form once and replay its hidden fields (the action id and one token).
  const scraped = await formFromResponse(await fetch(`${server.url}/quote`));

  let probing = true;
  let phase = "quiet" as "quiet" | "flood";
  const quietProbeMs: number[] = [];
  const probeMs: number[] = [];
  const probeFailures: string[] = [];
  const prober = (async () => {
    for (let i = 0; probing; i++) {
      const page = opts.pages[i % opts.pages.length]!;
      const started = performance.now();
      try {
        const response = await fetch(`${server.url}${page}`);
        await response.arrayBuffer();
        if (response.status !== 200 && phase === "flood") probeFailures.push(`${page}: ${response.status}`);
      } catch (error) {
        if (phase === "flood") probeFailures.push(`${page}: ${String(error)}`);
      }
      (phase === "quiet" ? quietProbeMs : probeMs).push(performance.now() - started);
      await pace(100, "a visitor loads a page every 100 ms");
    }
  })();
  await pace(opts.quietMs, "the quiet period before the flood");

  const dbBefore = dbBytes(server.databaseFile);
  const rssBefore = rssMb(server.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(server.pid))), 250);
  phase = "flood";
  const started = performance.now();

  const lead = (async () => {
    await pace(opts.leadAtMs - (opts.minSubmitSeconds * 1000 + 500), "the real prospect arrives mid-flood");
    const ip = "10.71.0.1";
    const hidden = await formFromResponse(await fetch(`${server.url}/quote`, { headers: { "X-Forwarded-For": ip } }));
    await pace(opts.minSubmitSeconds * 1000 + 500, "the prospect fills the form for longer than the minimum time");
    const postedAt = Date.now();
    const response = await post(server.url, ip, {
      ...hidden,
      name: "Real Prospect",
      email: "real.prospect@example.com",
      company: "Genuine Ltd",
      interest: "service:custom-web-applications",
      budget: "not-sure",
      timeline: "1-3-months",
      description: "We need a booking system for our guest houses in the Western Cape, ready by March.",
      consent: "yes",
    });
    const html = await response.text();
    return {
      status: response.status,
      reference: /data-testid="quote-reference">([^<]+)</.exec(html)?.[1],
      // Wall clock, to compare with the SMTP server's receipt times.
      postedAt,
      answeredAt: Date.now(),
    };
  })();

  const statuses: Record<string, number> = {};
  const spamMs: number[] = [];
  let inFlight = 0;
  let delayedPosts = 0;
  const slots: (() => void)[] = [];
  const pending: Promise<void>[] = [];
  for (let i = 0; i < opts.posts; i++) {
    await pace(started + (i * opts.durationMs) / opts.posts - performance.now(), "posts spread evenly over the flood");
    if (inFlight >= opts.concurrency) {
      delayedPosts += 1;
      await new Promise<void>((resolve) => slots.push(resolve));
    }
    inFlight += 1;
    const kind = SPAM_KINDS[i % SPAM_KINDS.length]!;
    const sent = performance.now();
    pending.push(
      post(server.url, addressOf(i % opts.addresses), spamFields(kind, i, scraped))
        .then(async (response) => {
          await response.arrayBuffer();
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        })
        .catch(() => {
          statuses.error = (statuses.error ?? 0) + 1;
        })
        .finally(() => {
          spamMs.push(performance.now() - sent);
          inFlight -= 1;
          slots.shift()?.();
        }),
    );
  }
  await Promise.all(pending);
  const floodEndedAt = Date.now();
  const leadResult = await lead;
  const wallMs = performance.now() - started;
  probing = false;
  await prober;
  clearInterval(sampler);

  // The real lead's two messages reach the SMTP server (after the response, or by the retry loop).
  const mailed = () => smtp.received.filter((mail) => leadResult.reference && mail.raw.includes(leadResult.reference));
  await until(() => mailed().length >= 2, {
    what: "the real lead's two messages",
    timeoutMs: 90_000,
    intervalMs: 250,
  }).catch(() => undefined);
  const arrivals = mailed().map((mail) => mail.receivedAt);
  const mailedAfterMs = arrivals.length >= 2 ? Math.max(...arrivals) - leadResult.answeredAt : undefined;
  const notice = mailed().find((mail) => mail.to.includes(opts.ownerTo ?? "owner@fsdev.test"));
  const noticeAfterMs = notice ? notice.receivedAt - leadResult.answeredAt : undefined;

  const sqlite = new Database(server.databaseFile, { readonly: true });
  const group = (table: string, column: string) =>
    Object.fromEntries(
      (
        sqlite.prepare(`SELECT ${column} AS k, COUNT(*) AS n FROM ${table} GROUP BY ${column}`).all() as {
          k: string;
          n: number;
        }[]
      ).map((row) => [row.k, row.n]),
    );
  const rows = group("QuoteRequest", "status");
  const outbox = group("OutboxMessage", "kind");
  const stored = leadResult.reference
    ? (
        sqlite.prepare("SELECT status FROM QuoteRequest WHERE reference = ?").get(leadResult.reference) as
          { status: string } | undefined
      )?.status
    : undefined;
  const leadOutbox = (
    leadResult.reference
      ? sqlite
          .prepare(
            `SELECT o.kind, o.status, o.attempts, o.createdAt, o.sentAt FROM OutboxMessage o
             JOIN QuoteRequest q ON q.id = o.quoteRequestId WHERE q.reference = ? ORDER BY o.id`,
          )
          .all(leadResult.reference)
      : []
  ).map((row) => {
    const { kind, status, attempts, createdAt, sentAt } = row as Record<string, unknown>;
    return {
      kind: String(kind),
      status: String(status),
      attempts: Number(attempts),
      createdAt: epochMs(createdAt) ?? NaN,
      sentAt: epochMs(sentAt),
    };
  });
  sqlite.close();

  const alive = await fetch(`${server.url}/`).then(
    (response) => response.status === 200,
    () => false,
  );
  return {
    wallMs,
    floodEndedAt,
    statuses,
    spamMs,
    delayedPosts,
    quietProbeMs,
    probeMs,
    probeFailures,
    lead: {
      status: leadResult.status,
      reference: leadResult.reference,
      stored,
      mails: mailed().length,
      mailedAfterMs,
      noticeAfterMs,
      postedAt: leadResult.postedAt,
      answeredAt: leadResult.answeredAt,
      noticeReceivedAt: notice?.receivedAt,
      outbox: leadOutbox,
    },
    rows,
    outbox,
    dbBytes: { before: dbBefore, after: dbBytes(server.databaseFile) },
    rssMb: { before: rssBefore, peak: rssPeak },
    alive,
  };
}

/** p50/p99/max of a list of milliseconds, for printing. */
export function spread(values: number[]): string {
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  const [p50, p99, max] = [percentile(values, 50), percentile(values, 99), Math.max(...values)].map(fmt);
  return `p50 ${p50}, p99 ${p99}, max ${max} (n=${values.length})`;
}
