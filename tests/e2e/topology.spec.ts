// Several instances behind a real proxy: nginx (the committed lib/ops/nginx-site.conf) -> two `next start`
// instances bound to 127.0.0.1 -> one PostgreSQL, mail to a real SMTP server. 400 quote posts from 40 parallel
// clients, each post from its own loopback source address (127.1.c.n), one instance SIGKILLed mid-run.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startNginx, type TestNginx } from "../helpers/nginx";
import { requestFrom, submitFrom, type Submission } from "../helpers/loopback-client";
import { closedPort, parseMail, startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { percentile, sampleValues, startQuoteServer, type QuoteServer } from "../helpers/quote-server";
import { emptyDatabase } from "../helpers/test-databases";
import { contentSecurityPolicy } from "../../lib/server/security-headers";

const CLIENTS = 40;
const PER_CLIENT = 10;
const KILL_AFTER = 150;
const CRON_SECRET = "topology-cron-secret-0123456789-abcdefghijkl";

test.skip(
  (process.env.TEST_DATABASES ?? "postgresql").split(",").every((name) => name.trim() !== "postgresql"),
  "TEST_DATABASES leaves PostgreSQL out",
);

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

test("nginx -> two instances -> PostgreSQL: 400 posts, 40 clients, one instance killed mid-run", async () => {
  test.setTimeout(600_000);
  const database = await emptyDatabase("postgresql", "topology");
  const smtp: TestSmtpServer = await startSmtpServer();
  const ports = [await closedPort(), await closedPort()];
  const nginxPort = await closedPort();
  const site = `http://127.0.0.1:${nginxPort}`;
  const env = {
    SMTP_URL: smtp.url,
    SITE_URL: site,
    CRON_SECRET,
    TRUSTED_PROXY_HOPS: "1",
    RATE_LIMIT_MAX: "5",
    OUTBOX_CLAIM_SECONDS: "15",
  };
  const instances: QuoteServer[] = [];
  let nginx: TestNginx | undefined;
  const db = new pg.Client({ connectionString: database.url });
  try {
    // One migration run, then both instances on the same database.
    instances.push(await startQuoteServer({ port: ports[0]!, databaseUrl: database.url, env }));
    instances.push(await startQuoteServer({ port: ports[1]!, databaseUrl: database.url, migrated: true, env }));
    nginx = await startNginx({ port: nginxPort, upstreams: ports.map((port) => `127.0.0.1:${port}`) });
    expect(nginx.url).toBe(site);
    await db.connect();

    // The instances listen on loopback only: nothing but a local process (nginx) reaches them.
    for (const port of ports) expect(listeners(port)).toEqual(["127.0.0.1"]);

    // Health through nginx.
    const health = await requestFrom(`${site}/api/health`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({
      status: "ok",
      database: "ok",
      migrations: { status: "current" },
      smtp: { status: "ok" },
    });
    expect(health.body).not.toMatch(/127\.0\.0\.1|postgres|smtp:/);
    expect((await requestFrom(`${site}/api/outbox/drain`, { method: "POST" })).status).toBe(401);
    expect(
      (await requestFrom(`${site}/api/outbox/drain`, { headers: { authorization: "Bearer wrong-secret" } })).status,
    ).toBe(401);

    // The per-address limit holds across both instances. Each post carries a different forged
    // X-Forwarded-For, which nginx drops: the address counted is the connection's own.
    const limited: Submission[] = [];
    for (let i = 0; i < 6; i++) {
      // nginx takes turns between the instances; one extra uncached request every other post makes the
      // posts themselves alternate (otherwise each form load and its post would take the same turns).
      if (i % 2 === 1) await requestFrom(`${site}/api/health`);
      limited.push(
        await submitFrom(site, "127.9.9.9", sampleValues(`Limit ${i}`), { "x-forwarded-for": `198.51.100.${i + 1}` }),
      );
    }
    expect(limited.slice(0, 5).map((r) => Boolean(r.reference))).toEqual([true, true, true, true, true]);
    expect(limited[5]).toMatchObject({ status: 200, reference: undefined, rateLimited: true });
    const limitPosts = () =>
      nginx!.accessLog().filter((line) => line.startsWith("127.9.9.9 ") && line.includes('"POST /quote'));
    await expect.poll(() => limitPosts().length).toBe(6);
    // Both instances took posts from this address, and the sixth was refused all the same.
    expect(new Set(limitPosts().map((line) => line.split(" ")[1])).size).toBe(2);

    // 400 posts from 40 clients; one instance is SIGKILLed once 150 have completed.
    let completed = 0;
    let sendingAtKill = 0;
    let killedAt = 0;
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const mine: Submission[] = [];
        for (let i = 0; i < PER_CLIENT; i++) {
          const result = await submitFrom(site, `127.1.${client}.${i + 1}`, sampleValues(`Topo ${client}-${i}`));
          mine.push(result);
          completed += 1;
          if (completed === KILL_AFTER) {
            killedAt = performance.now() - started;
            await instances[0]!.kill();
            sendingAtKill = Number(
              (await db.query(`SELECT COUNT(*) AS n FROM "OutboxMessage" WHERE status = 'sending'`)).rows[0].n,
            );
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

    // Every message is delivered: what the killed instance had claimed is taken over once its claim expires,
    // here by the cron drain endpoint called through nginx.
    const drainStatuses: number[] = [];
    await expect
      .poll(
        async () => {
          const unsent = Number(
            (await db.query(`SELECT COUNT(*) AS n FROM "OutboxMessage" WHERE status <> 'sent'`)).rows[0].n,
          );
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
    const rows = Number((await db.query(`SELECT COUNT(*) AS n FROM "OutboxMessage"`)).rows[0].n);
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
    expect(afterKill.some((line) => line.split(" ")[1] === `127.0.0.1:${ports[1]}`)).toBe(true);
    const retried = all.reduce((sum, result) => sum + result.retries, 0);

    console.log(
      `topology: ${all.length} posts, ${CLIENTS} clients, wall ${(wall / 1000).toFixed(1)} s, ` +
        `p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms; ` +
        `instance killed at ${(killedAt / 1000).toFixed(1)} s after ${KILL_AFTER} posts; ` +
        `resubmitted after a proxy error: ${retried}; ` +
        `stored ${stored.length}, duplicates ${duplicates}, lost ${lost}; ` +
        `mail: ${rows} messages, ${smtp.received.length} received, ${distinct} distinct, ` +
        `${repeats} repeated (${sendingAtKill} were mid-send at the kill)`,
    );

    // The database gone: health says so, with 503, naming the part.
    await db.end();
    await database.cleanup();
    const down = await requestFrom(`${site}/api/health`);
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toMatchObject({ status: "error", failed: ["database"], database: "unreachable" });
  } catch (error) {
    console.log(`nginx error log:\n${nginx?.errorLog().split("\n").slice(-20).join("\n")}`);
    console.log(`instance logs:\n${instances.map((i) => i.logs().slice(-2000)).join("\n---\n")}`);
    throw error;
  } finally {
    await db.end().catch(() => {});
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    await smtp.stop();
    await database.cleanup();
  }
});

test("nginx config: cached prerendered pages, long-lived static files, one of each header, body limit", async () => {
  test.setTimeout(120_000);
  const database = await emptyDatabase("postgresql", "proxy-config");
  const port = await closedPort();
  const nginxPort = await closedPort();
  const site = `http://127.0.0.1:${nginxPort}`;
  const start = (migrated: boolean) =>
    startQuoteServer({
      port,
      databaseUrl: database.url,
      migrated,
      env: { SITE_URL: site, TRUSTED_PROXY_HOPS: "1", MAIL_TRANSPORT: "file" },
    });
  let instance = await start(false);
  const nginx = await startNginx({ port: nginxPort, upstreams: [`127.0.0.1:${port}`] });
  try {
    const count = (raw: string[], name: string) =>
      raw.filter((_, i) => i % 2 === 0 && raw[i]!.toLowerCase() === name).length;
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
        expect(count(response.rawHeaders, header), header).toBe(1);
    }
    expect(first.headers["server"]).toBe("nginx");

    // The form page is static but private (each load sets the form's cookies): never from the cache.
    await requestFrom(`${site}/quote`);
    const form = await requestFrom(`${site}/quote`);
    expect(form.headers["x-cache-status"]).not.toBe("HIT");
    expect(count(form.rawHeaders, "cache-control")).toBe(1);
    // The desk's opener isolation passes through the proxy once, and nowhere else.
    const desk = await requestFrom(`${site}/desk/sign-in`);
    expect(count(desk.rawHeaders, "cross-origin-opener-policy")).toBe(1);
    expect(count(desk.rawHeaders, "x-robots-tag")).toBe(1);
    expect(count(form.rawHeaders, "cross-origin-opener-policy")).toBe(0);

    // A content-hashed build file: a year, immutable, from the cache on the second request.
    const asset =
      /\/_next\/static\/[^"]+\.css/.exec(first.body)?.[0] ?? /\/_next\/static\/[^"]+\.js/.exec(second.body)?.[0];
    const plain = await requestFrom(`${site}/`);
    const file = asset ?? /\/_next\/static\/[^"]+\.(css|js)/.exec(plain.body)?.[0];
    expect(file).toBeTruthy();
    await requestFrom(`${site}${file}`);
    const cached = await requestFrom(`${site}${file}`);
    expect(cached.status).toBe(200);
    expect(cached.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(cached.headers["x-cache-status"]).toBe("HIT");

    // A content page is the build step's rewritten document (no framework script, the policy without
    // 'unsafe-inline'), from the app and then from the cache, and again from a restarted instance.
    const article = "/articles/understanding-back-end-developers";
    const scriptFree = (response: Awaited<ReturnType<typeof requestFrom>>) => {
      expect(response.status).toBe(200);
      expect(response.headers["content-security-policy"]).toBe(contentSecurityPolicy(true, { inlineScripts: false }));
      expect(response.body).toContain("<h1");
      expect(response.body).not.toMatch(/<script(?![^>]*application\/ld\+json)|__next_f/);
    };
    scriptFree(await requestFrom(`${site}${article}`));
    const fromCache = await requestFrom(`${site}${article}`);
    expect(fromCache.headers["x-cache-status"]).toBe("HIT");
    scriptFree(fromCache);
    await instance.stop();
    instance = await start(true);
    scriptFree(await requestFrom(`${instance.url}${article}`));

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
  } finally {
    await nginx.stop();
    await instance.stop();
    await database.cleanup();
  }
});
