// Several instances behind a real proxy: nginx (the committed lib/ops/nginx-site.conf, with the error page
// `npm run nginx:error-page` writes) -> two `next start` instances bound to 127.0.0.1 -> one PostgreSQL, mail to a
// real SMTP server. One topology serves every test here, in order: the config's caching and headers, the limits
// under simultaneous posts, page loads that must not queue, a form from an older build, 400 quote posts from 40
// parallel clients with one instance SIGKILLed mid-run, the shared settings check, and nginx's own error page.
// Each post comes from its own loopback source address (127.x.y.z), so nginx sees distinct visitors for real.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { quoteForm } from "@/content/quote-form";
import { MAX_CONFIRMATIONS_PER_DAY } from "@/lib/quotes/confirmation-cap";
import { REFERENCE_PATTERN } from "@/lib/quotes/reference";
import { contentSecurityPolicy, securityHeaders } from "@/lib/server/security-headers";
import { startCountingProxy } from "../helpers/counting-proxy";
import { fillValid } from "../helpers/e2e-server";
import { cookieHeader, formHiddenFields } from "../helpers/form-html";
import { startNginx, type TestNginx } from "../helpers/nginx";
import {
  loadFormFrom,
  multipart,
  postFormFrom,
  requestFrom,
  submitFrom,
  type RawResponse,
  type Submission,
} from "../helpers/loopback-client";
import { until } from "../helpers/pace";
import { closedPort, parseMail, startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { percentile, sampleValues, startQuoteServer, type QuoteServer } from "../helpers/quote-server";
import { emptyDatabase } from "../helpers/test-databases";

const CLIENTS = 40;
const PER_CLIENT = 10;
const KILL_AFTER = 150;
const CRON_SECRET = "topology-cron-secret-0123456789-abcdefghijkl";
const RATE_LIMIT_MAX = 5;
const INSTANCE_NAMES = ["fsdev-a", "fsdev-b"] as const;

test.skip(
  (process.env.TEST_DATABASES ?? "postgresql").split(",").every((name) => name.trim() !== "postgresql"),
  "TEST_DATABASES leaves PostgreSQL out",
);
test.describe.configure({ mode: "serial" });

/** Local addresses of listening TCP sockets on `port`, from the kernel's table (IPv4 and IPv6). */
function listeners(port: number): string[] {
  const found: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== "0A") continue; // 0A = LISTEN
      const [hex, portHex] = local.split(":");
      if (parseInt(portHex ?? "", 16) !== port) continue;
      found.push(
        hex!.length === 8
          ? hex!
              .match(/../g)!
              .reverse()
              .map((byte) => parseInt(byte, 16))
              .join(".")
          : `ipv6:${hex}`,
      );
    }
  }
  return found;
}

/** How many times each header name occurs in a response. */
const headerCount = (response: RawResponse, name: string) =>
  response.rawHeaders.filter((_, i) => i % 2 === 0 && response.rawHeaders[i]!.toLowerCase() === name).length;

/** nginx's built-in error page ("<center>nginx</center>"), which a visitor must never see. */
const isBareNginxPage = (response: RawResponse) => /<center>nginx<\/center>/.test(response.body);

/** Our page for a proxy error: its copy, each security header once, never cached. */
function expectOurProxyErrorPage(response: RawResponse) {
  expect([502, 503, 504]).toContain(response.status);
  expect(response.headers["content-type"]).toMatch(/^text\/html/);
  expect(response.body).toContain(quoteForm.proxyError.heading);
  expect(response.body).toContain(quoteForm.proxyError.text.slice(0, 60));
  expect(isBareNginxPage(response)).toBe(false);
  for (const { key, value } of securityHeaders(true)) {
    expect(headerCount(response, key.toLowerCase()), key).toBe(1);
    // The page has no script at all: the policy without 'unsafe-inline'.
    const expected = key === "Content-Security-Policy" ? contentSecurityPolicy(true, { inlineScripts: false }) : value;
    expect(response.headers[key.toLowerCase()], key).toBe(expected);
  }
  expect(response.headers["cache-control"]).toBe("no-store");
}

const env = {
  CRON_SECRET,
  TRUSTED_PROXY_HOPS: "1",
  RATE_LIMIT_MAX: String(RATE_LIMIT_MAX),
  OUTBOX_CLAIM_SECONDS: "15",
};

let database: { url: string; cleanup: () => Promise<void> };
let smtp: TestSmtpServer;
let ports: number[];
let site: string;
let settings: Record<string, string>;
const instances: QuoteServer[] = [];
/** The instance the kill run stops (the one a post was waiting on), and the one left. */
let killed = 0;
let survivor = 1;
let nginx: TestNginx;
let db: pg.Client;
/** Each instance names itself to PostgreSQL (application_name), so the test sees which one a query came from. */
const instanceUrl = (i: number) => `${database.url}?application_name=${INSTANCE_NAMES[i]}`;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await emptyDatabase("postgresql", "topology");
  smtp = await startSmtpServer();
  ports = [await closedPort(), await closedPort()];
  const nginxPort = await closedPort();
  site = `http://127.0.0.1:${nginxPort}`;
  settings = { ...env, SMTP_URL: smtp.url, SITE_URL: site };
  // One migration run, then both instances on the same database.
  instances.push(await startQuoteServer({ port: ports[0]!, databaseUrl: instanceUrl(0), env: settings }));
  instances.push(
    await startQuoteServer({ port: ports[1]!, databaseUrl: instanceUrl(1), migrated: true, env: settings }),
  );
  nginx = await startNginx({ port: nginxPort, upstreams: ports.map((port) => `127.0.0.1:${port}`) });
  expect(nginx.url).toBe(site);
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
});

test.afterAll(async () => {
  await db?.end().catch(() => {});
  await nginx?.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
  await smtp?.stop();
  await database?.cleanup();
});

test.afterEach(async () => {
  if (test.info().status === test.info().expectedStatus) return;
  // What nginx met, by kind ("no live upstreams", "upstream timed out", ...), then its last lines.
  const errors = nginx?.errorLog().split("\n").filter(Boolean) ?? [];
  const kinds = new Map<string, number>();
  for (const line of errors) {
    const kind = /\[error\] \S+ \*\d+ ([^,(]+)/.exec(line)?.[1]?.trim() ?? line.slice(20, 80);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  console.log(`nginx errors by kind: ${JSON.stringify([...kinds])}`);
  console.log(
    `nginx error log (first and last lines):\n${[...errors.slice(0, 10), "...", ...errors.slice(-10)].join("\n")}`,
  );
  console.log(`instance logs:\n${instances.map((i) => i.logs().slice(-2000)).join("\n---\n")}`);
});

const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

/** Quote requests waiting for a lock to be inserted, by the instance (application_name) inserting them. */
async function waitingInserts(): Promise<Record<string, number>> {
  const rows = await db.query<{ name: string; n: string }>(
    `SELECT application_name AS name, COUNT(*) AS n FROM pg_stat_activity
     WHERE wait_event_type = 'Lock' AND query ~ '^INSERT INTO ("public"\\.)?"QuoteRequest"'
     GROUP BY application_name`,
  );
  return Object.fromEntries(rows.rows.map((row) => [row.name, Number(row.n)]));
}

test("health through nginx; loopback-only instances; the drain endpoint's bearer", async () => {
  // The instances listen on loopback only: nothing but a local process (nginx) reaches them.
  for (const port of ports) expect(listeners(port)).toEqual(["127.0.0.1"]);
  const health = await requestFrom(`${site}/api/health`);
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body)).toMatchObject({
    status: "ok",
    database: "ok",
    migrations: { status: "current" },
    smtp: { status: "ok" },
    settings: "consistent",
  });
  expect(health.body).not.toMatch(/127\.0\.0\.1|postgres|smtp:/);
  expect((await requestFrom(`${site}/api/outbox/drain`, { method: "POST" })).status).toBe(401);
  expect(
    (await requestFrom(`${site}/api/outbox/drain`, { headers: { authorization: "Bearer wrong-secret" } })).status,
  ).toBe(401);
});

test("nginx config: cached prerendered pages, long-lived static files, one of each header, body limit", async () => {
  const first = await requestFrom(`${site}/`, { headers: { "accept-encoding": "gzip" } });
  const second = await requestFrom(`${site}/`, { headers: { "accept-encoding": "gzip" } });
  expect(first.status).toBe(200);
  expect(second.headers["x-cache-status"]).toBe("HIT");
  // Served from nginx's cache as the app compressed it once.
  expect(second.headers["content-encoding"]).toBe("gzip");
  for (const response of [first, second]) {
    for (const header of [
      "content-security-policy",
      "x-content-type-options",
      "referrer-policy",
      "x-frame-options",
      "permissions-policy",
      "strict-transport-security",
      "cache-control",
      "vary",
    ])
      expect(headerCount(response, header), header).toBe(1);
  }
  expect(first.headers["server"]).toBe("nginx");

  // The form page is static but private (each load sets the form's cookies): never from the cache.
  await requestFrom(`${site}/quote`);
  const form = await requestFrom(`${site}/quote`);
  expect(form.headers["x-cache-status"]).not.toBe("HIT");
  expect(headerCount(form, "cache-control")).toBe(1);
  // The desk's opener isolation passes through the proxy once, and nowhere else.
  const desk = await requestFrom(`${site}/desk/sign-in`);
  expect(headerCount(desk, "cross-origin-opener-policy")).toBe(1);
  expect(headerCount(desk, "x-robots-tag")).toBe(1);
  expect(headerCount(form, "cross-origin-opener-policy")).toBe(0);

  // A content-hashed build file (the form page links its stylesheet and scripts; content pages carry neither): a
  // year, immutable, from the cache on the second request.
  const file = /\/_next\/static\/[^"]+\.(css|js)/.exec(form.body)?.[0];
  expect(file).toBeTruthy();
  await requestFrom(`${site}${file}`);
  const cached = await requestFrom(`${site}${file}`);
  expect(cached.status).toBe(200);
  expect(cached.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(cached.headers["x-cache-status"]).toBe("HIT");

  // A content page is the build step's rewritten document (no framework script, the policy without
  // 'unsafe-inline'), from the app and then from the cache, and again from a restarted instance.
  const article = "/articles/understanding-back-end-developers";
  const scriptFree = (response: RawResponse) => {
    expect(response.status).toBe(200);
    expect(response.headers["content-security-policy"]).toBe(contentSecurityPolicy(true, { inlineScripts: false }));
    expect(response.body).toContain("<h1");
    expect(response.body).not.toMatch(/<script(?![^>]*application\/ld\+json)|__next_f/);
  };
  scriptFree(await requestFrom(`${site}${article}`));
  const fromCache = await requestFrom(`${site}${article}`);
  expect(fromCache.headers["x-cache-status"]).toBe("HIT");
  scriptFree(fromCache);
  await instances[0]!.stop();
  instances[0] = await startQuoteServer({
    port: ports[0]!,
    databaseUrl: instanceUrl(0),
    migrated: true,
    env: settings,
  });
  scriptFree(await requestFrom(`${instances[0]!.url}${article}`));

  // A body over the form's limit is refused by nginx itself.
  const big = await requestFrom(`${site}/quote`, {
    method: "POST",
    body: Buffer.alloc(100 * 1024, "a"),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: site },
  });
  expect(big.status).toBe(413);
  // nginx writes the log line just after the response: poll.
  await expect
    .poll(() => nginx.accessLog().some((line) => line.includes('"POST /quote') && / - 413 /.test(line)))
    .toBe(true);
});

test("limits hold across both instances: one address and one mailbox, 10 simultaneous posts each", async () => {
  // The per-address limit, sequentially. Each post carries a different forged X-Forwarded-For, which nginx
  // drops: the address counted is the connection's own.
  const limited: Submission[] = [];
  for (let i = 0; i < RATE_LIMIT_MAX + 1; i++) {
    // nginx takes turns between the instances; one extra uncached request every other post makes the
    // posts themselves alternate (otherwise each form load and its post would take the same turns).
    if (i % 2 === 1) await requestFrom(`${site}/api/health`);
    limited.push(
      await submitFrom(site, "127.9.9.9", sampleValues(`Limit ${i}`), { "x-forwarded-for": `198.51.100.${i + 1}` }),
    );
  }
  expect(limited.slice(0, RATE_LIMIT_MAX).every((r) => Boolean(r.reference))).toBe(true);
  expect(limited[RATE_LIMIT_MAX]).toMatchObject({ status: 200, reference: undefined, rateLimited: true });
  const postsFrom = (address: string) =>
    nginx.accessLog().filter((line) => line.startsWith(`${address} `) && line.includes('"POST /quote'));
  await expect.poll(() => postsFrom("127.9.9.9").length).toBe(RATE_LIMIT_MAX + 1);
  // Both instances took posts from this address, and the sixth was refused all the same.
  expect(new Set(postsFrom("127.9.9.9").map((line) => line.split(" ")[1])).size).toBe(2);

  // 10 forms loaded one by one from one address (10 tokens, so no cap per form hides the limit), then posted
  // at once: the posts race on both instances, and at most RATE_LIMIT_MAX may be stored.
  const burst = "127.9.8.1";
  const forms = [];
  for (let i = 0; i < 10; i++) forms.push(await loadFormFrom(site, burst));
  const fromOne = await Promise.all(
    forms.map((form, i) => postFormFrom(site, burst, form, sampleValues(`Burst ${i}`))),
  );
  await expect.poll(() => postsFrom(burst).length).toBe(10);
  expect(new Set(postsFrom(burst).map((line) => line.split(" ")[1])).size).toBe(2);
  const storedFromOne = await count(`SELECT COUNT(*) AS n FROM "QuoteRequest" WHERE name LIKE 'Burst %'`);
  expect.soft(storedFromOne, "stored from one address").toBe(RATE_LIMIT_MAX);
  expect.soft(fromOne.filter((r) => r.reference).length).toBe(RATE_LIMIT_MAX);
  expect.soft(fromOne.filter((r) => r.rateLimited).length).toBe(10 - RATE_LIMIT_MAX);

  // 10 visitors from 10 addresses, one mailbox (written 10 ways that deliver to it), posted at once: every
  // request is stored, and the mailbox gets its daily cap of confirmations, no more.
  const mailboxForms = [];
  for (let i = 0; i < 10; i++) mailboxForms.push(await loadFormFrom(site, `127.9.7.${i + 1}`));
  const toOne = await Promise.all(
    mailboxForms.map((form, i) =>
      postFormFrom(site, `127.9.7.${i + 1}`, form, {
        ...sampleValues(`Mailbox ${i}`),
        email: `${i % 2 ? "Same.Box" : "same.box"}+${i}@example.com`,
      }),
    ),
  );
  expect(toOne.filter((r) => r.reference).length).toBe(10);
  const confirmations = await count(
    `SELECT COUNT(*) AS n FROM "OutboxMessage" o JOIN "QuoteRequest" q ON q.id = o."quoteRequestId"
     WHERE q.name LIKE 'Mailbox %' AND o.kind = 'prospect_confirmation'`,
  );
  expect(confirmations, "confirmations to one mailbox").toBe(MAX_CONFIRMATIONS_PER_DAY);
  expect(await count(`SELECT COUNT(*) AS n FROM "QuoteRequest" WHERE name LIKE 'Mailbox %'`)).toBe(10);
});

test("page loads never queue in nginx: 20 at once of /quote and of a dynamic page reach it together", async () => {
  // A second nginx with the same config, in front of one instance through a counting pass-through.
  const counter = await startCountingProxy(instances[1]!.url);
  const proxy = await startNginx({ upstreams: [counter.address] });
  try {
    for (const path of ["/quote", "/desk/sign-in"]) {
      counter.close();
      counter.reset();
      const loads = Promise.all(Array.from({ length: 20 }, () => requestFrom(`${proxy.url}${path}`)));
      // All 20 are held at the instance's door at once: nothing in front of it released them one by one.
      // (nginx's cache lock held each uncached load until the one before it had finished, or for 5 s.)
      const together = await until(() => counter.inFlight() >= 20, {
        what: `20 loads of ${path} in flight at the instance at once`,
        timeoutMs: 4_000,
        intervalMs: 50,
      }).then(
        () => true,
        () => false,
      );
      const peakWhileClosed = counter.peak();
      counter.open();
      const answers = await loads;
      expect.soft(together, `${path}: 20 in flight at once within 4 s (peak ${peakWhileClosed})`).toBe(true);
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
      expect(counter.peak()).toBe(20);
    }
  } finally {
    await proxy.stop();
    await counter.stop();
  }
});

test("a form loaded from an older build keeps its values and asks to send again (no-JS and JS posts)", async ({
  page,
}) => {
  // An action id this build does not know, in the shape Next.js gives ids (42 hex digits).
  const unknownId = (id: string) => `${id.slice(0, 2)}${"0123456789abcdef".repeat(3).slice(0, 40)}`;

  // Without JavaScript: the form's hidden fields name the action; an older build's form names another one.
  const form = await loadFormFrom(site, "127.9.6.1");
  const actionField = Object.entries(form.hidden).find(([name]) => /^\$ACTION_\d+:0$/.test(name))!;
  const currentId = (JSON.parse(actionField[1]) as { id: string }).id;
  const oldId = unknownId(currentId);
  const old = {
    ...form,
    hidden: Object.fromEntries(
      Object.entries(form.hidden).map(([name, value]) => [
        name.replaceAll(currentId, oldId),
        value.replaceAll(currentId, oldId),
      ]),
    ),
  };
  const values = sampleValues("Older Build");
  const first = await postFormFrom(site, "127.9.6.1", old, values);
  expect(first.status).toBe(200);
  expect(first.reference).toBeUndefined();
  expect(first.message).toBe(quoteForm.outdated);
  expect(first.html).toContain(`value="${values.name}"`);
  expect(first.html).toContain(`value="${values.email}"`);
  expect(first.html).toContain(`>${values.description}</textarea>`);
  expect(await count(`SELECT COUNT(*) AS n FROM "QuoteRequest" WHERE name = 'Older Build'`)).toBe(0);
  // The page it answered with is this build's form (with a token for sending these values again): sent again
  // from there, the request is stored.
  const resend = { hidden: formHiddenFields(first.html), cookie: form.cookie, retries: 0, failures: [] };
  const second = await postFormFrom(site, "127.9.6.1", resend, values);
  expect(second.reference).toMatch(REFERENCE_PATTERN);
  expect(await count(`SELECT COUNT(*) AS n FROM "QuoteRequest" WHERE name = 'Older Build'`)).toBe(1);

  // With JavaScript: the page's script posts the action by id (Next-Action header); an older page's script
  // sends an id this build does not know. The visitor keeps what they typed and is asked to send again.
  await page.route(`${site}/quote`, async (route) => {
    const headers = route.request().headers();
    if (route.request().method() !== "POST" || !headers["next-action"]) return route.continue();
    await route.continue({ headers: { ...headers, "next-action": unknownId(headers["next-action"]) } });
  });
  await page.goto(`${site}/quote`);
  await fillValid(page, "Older Script");
  await page.getByRole("button", { name: quoteForm.submit }).click();
  await expect(page.getByTestId("form-status")).toHaveText(quoteForm.outdated);
  await expect(page.getByLabel(/Your name/)).toHaveValue("Older Script");
  await expect(page.getByLabel(/About the project/)).toHaveValue(/holiday season/);
  expect(await count(`SELECT COUNT(*) AS n FROM "QuoteRequest" WHERE name = 'Older Script'`)).toBe(0);
  // Sent again as asked (its script still the older one): stored, once.
  await page.getByRole("button", { name: quoteForm.submit }).click();
  await expect(page.getByTestId("quote-reference")).toHaveText(REFERENCE_PATTERN);
  expect(await count(`SELECT COUNT(*) AS n FROM "QuoteRequest" WHERE name = 'Older Script'`)).toBe(1);
});

test("400 posts, 40 clients, an instance killed mid-run: stored and mailed once, no bare proxy error", async () => {
  test.setTimeout(600_000);
  let completed = 0;
  let sendingAtKill = 0;
  let killedAt = 0;
  let midRequestAtKill: Record<string, number> = {};
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const mine: Submission[] = [];
      for (let i = 0; i < PER_CLIENT; i++) {
        const result = await submitFrom(site, `127.1.${client}.${i + 1}`, sampleValues(`Topo ${client}-${i}`));
        mine.push(result);
        completed += 1;
        if (completed === KILL_AFTER) {
          // The kill meets posts mid-request: inserts of quote requests wait on a table lock (reads go on) until an
          // instance has a post waiting, and that instance dies.
          const hold = new pg.Client({ connectionString: database.url });
          await hold.connect();
          try {
            await hold.query(`BEGIN; LOCK TABLE "QuoteRequest" IN SHARE MODE`);
            midRequestAtKill = await until(
              async () => {
                const waiting = await waitingInserts();
                return INSTANCE_NAMES.some((name) => (waiting[name] ?? 0) > 0) && waiting;
              },
              { what: "a post waiting to insert on an instance", timeoutMs: 20_000, intervalMs: 100 },
            ).catch(async (error: Error) => {
              const rows = await db.query(
                `SELECT application_name, wait_event_type, wait_event, state, left(query, 60) AS query
                 FROM pg_stat_activity WHERE datname = current_database()`,
              );
              throw new Error(`${error.message}; sessions: ${JSON.stringify(rows.rows)}`);
            });
            killedAt = performance.now() - started;
            killed = INSTANCE_NAMES.findIndex((name) => (midRequestAtKill[name] ?? 0) > 0);
            survivor = 1 - killed;
            await instances[killed]!.kill();
          } finally {
            await hold.query("ROLLBACK");
            await hold.end();
          }
          sendingAtKill = await count(`SELECT COUNT(*) AS n FROM "OutboxMessage" WHERE status = 'sending'`);
        }
      }
      return mine;
    }),
  );
  const wall = performance.now() - started;
  const all = results.flat();
  const times = all.map((result) => result.ms);

  // Every post got a reference; each is stored once, none is missing.
  const unanswered = all.filter((result) => !result.reference);
  expect(
    unanswered.length,
    unanswered.map((result) => `${result.status} after ${result.retries} retries: ${result.message}`).join("\n"),
  ).toBe(0);
  const references = all.map((result) => result.reference!);
  const stored = (
    await db.query<{ reference: string }>(`SELECT reference FROM "QuoteRequest" WHERE name LIKE 'Topo %'`)
  ).rows.map((row) => row.reference);
  const duplicates = stored.length - new Set(stored).size;
  const lost = references.filter((reference) => !stored.includes(reference)).length;
  expect(new Set(references).size).toBe(CLIENTS * PER_CLIENT);
  expect(stored.sort()).toEqual([...references].sort());

  // The posts that met the dying instance were sent on to the other one by nginx: no visitor saw nginx's bare
  // "502 Bad Gateway", and any proxy error a visitor did meet is our page.
  const failures = all.flatMap((result) => result.failures);
  expect(failures.filter(isBareNginxPage).map((failure) => `${failure.status} ${failure.body.slice(0, 80)}`)).toEqual(
    [],
  );
  for (const failure of failures) expectOurProxyErrorPage(failure);
  const retried = all.reduce((sum, result) => sum + result.retries, 0);

  // Every message is delivered: what the killed instance had claimed is taken over once its claim expires,
  // here by the cron drain endpoint called through nginx.
  const drainStatuses: number[] = [];
  await expect
    .poll(
      async () => {
        const unsent = await count(`SELECT COUNT(*) AS n FROM "OutboxMessage" WHERE status <> 'sent'`);
        if (unsent > 0) {
          const drain = await requestFrom(`${site}/api/outbox/drain`, {
            method: "POST",
            headers: { authorization: `Bearer ${CRON_SECRET}` },
          });
          drainStatuses.push(drain.status);
        }
        return unsent;
      },
      { message: "messages not yet sent", timeout: 90_000, intervals: [2_000] },
    )
    .toBe(0);
  expect(drainStatuses.filter((status) => status !== 200)).toEqual([]);
  const rows = await count(`SELECT COUNT(*) AS n FROM "OutboxMessage"`);
  const messageIds = smtp.received.map((mail) => parseMail(mail.raw).headers["message-id"]);
  const distinct = new Set(messageIds).size;
  // Each message reached the server; a message whose sender was killed between the server's "250 OK" and
  // the row's update can arrive twice, with the same Message-ID (so the receiving side drops the repeat).
  expect(distinct).toBe(rows);
  const repeats = smtp.received.length - distinct;
  expect(repeats).toBeLessThanOrEqual(sendingAtKill);
  // Both messages of every request (owner notice, confirmation), told apart by Message-ID.
  for (const reference of references) {
    const ids = smtp.received
      .filter((mail) => mail.raw.includes(reference))
      .map((mail) => parseMail(mail.raw).headers["message-id"]);
    expect(new Set(ids).size, reference).toBe(2);
  }

  // Failover: after the kill every post was answered by the surviving instance.
  const afterKill = nginx.accessLog().filter((line) => line.includes('"POST /quote') && / 200 /.test(line));
  expect(afterKill.some((line) => line.split(" ")[1] === `127.0.0.1:${ports[survivor]}`)).toBe(true);
  // Posts nginx sent on to the other instance: the access log names both upstreams ("a, b"). Each post that was
  // mid-request on the killed instance is one of them.
  const resent = nginx.accessLog().filter((line) => line.includes('"POST /quote') && /^\S+ \S+, /.test(line)).length;
  expect(resent).toBeGreaterThanOrEqual(midRequestAtKill[INSTANCE_NAMES[killed]!]!);

  console.log(
    `topology: ${all.length} posts, ${CLIENTS} clients, wall ${(wall / 1000).toFixed(1)} s, ` +
      `p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms; ` +
      `instance killed at ${(killedAt / 1000).toFixed(1)} s after ${KILL_AFTER} posts, ` +
      `posts mid-request on it ${midRequestAtKill[INSTANCE_NAMES[killed]!]} ` +
      `(on the other ${midRequestAtKill[INSTANCE_NAMES[survivor]!] ?? 0}); ` +
      `posts nginx sent on to the other instance: ${resent}; proxy errors seen: ${failures.length}, ` +
      `sent again by the visitor: ${retried}; ` +
      `stored ${stored.length}, duplicates ${duplicates}, lost ${lost}; ` +
      `mail: ${rows} messages, ${smtp.received.length} received, ${distinct} distinct, ` +
      `${repeats} repeated (${sendingAtKill} were mid-send at the kill)`,
  );
});

test("shared settings: consistent on every instance, a mismatch once one starts with other values", async () => {
  const healthOf = async (url: string) => JSON.parse((await requestFrom(`${url}/api/health`)).body);
  expect(await healthOf(instances[survivor]!.url)).toMatchObject({ status: "ok", settings: "consistent" });
  // A third instance on the same database with another CRON_SECRET: it and the others report the mismatch
  // (never the values, nor their digest: health is public).
  const third = await startQuoteServer({
    port: await closedPort(),
    databaseUrl: database.url,
    migrated: true,
    env: { ...settings, CRON_SECRET: `${CRON_SECRET}-other` },
  });
  instances.push(third);
  // Each instance records its digest as it starts: wait for the third one's.
  for (const url of [third.url, instances[survivor]!.url])
    await expect.poll(async () => (await healthOf(url)).settings, { message: url }).toBe("mismatch");
  for (const url of [third.url, instances[survivor]!.url]) {
    const health = await requestFrom(`${url}/api/health`);
    expect(health.status).toBe(200);
    const report = JSON.parse(health.body);
    expect(report).toMatchObject({ status: "degraded", failed: ["settings"], settings: "mismatch" });
    expect(JSON.stringify(report)).not.toMatch(/[0-9a-f]{32}|cron/i);
  }
  await third.stop();
});

test("nginx's own errors are our page; the app's own JSON 503 passes through unchanged", async () => {
  // The database gone: health says so, with 503 and its JSON, naming the part.
  await db.end();
  await database.cleanup();
  const down = await requestFrom(`${site}/api/health`);
  expect(down.status).toBe(503);
  expect(down.headers["content-type"]).toMatch(/^application\/json/);
  expect(JSON.parse(down.body)).toMatchObject({ status: "error", failed: ["database"], database: "unreachable" });

  // No instance left: nginx answers itself, for a page load and for a post of the form alike.
  await Promise.all(instances.map((instance) => instance.kill()));
  const load = await requestFrom(`${site}/quote`);
  expectOurProxyErrorPage(load);
  const { body, type } = await multipart(sampleValues("Nobody Home"));
  const post = await requestFrom(`${site}/quote`, {
    method: "POST",
    body,
    headers: { "content-type": type, origin: site, cookie: cookieHeader([]) },
  });
  expectOurProxyErrorPage(post);
});
