// 200 quote requests from 20 parallel clients against `next start`, on SQLite and on PostgreSQL, with a real
// SMTP server receiving the mail. Also: mail left pending by a process that died is delivered on the next start.
import { expect, test } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { submitQuote } from "@/lib/quotes/submit";
import { migratedDbEnv, testMail, tokenFrom, validSubmission } from "../helpers/quote-fixtures";
import { closedPort, parseMail, startSmtpServer } from "../helpers/smtp-server";
import { percentile, sampleValues, startQuoteServer, submitThroughServer } from "../helpers/quote-server";
import { emptyDatabase, queryRows, testProviders } from "../helpers/test-databases";

const CLIENTS = 20;
const PER_CLIENT = 10;

for (const provider of testProviders())
  test(`${provider}: 200 requests, 20 clients: each stored once, each mail sent once, no busy errors`, async () => {
    test.setTimeout(300_000);
    const smtp = await startSmtpServer();
    const shared = provider === "postgresql" ? await emptyDatabase(provider, "concurrency") : undefined;
    let crashed = "";
    const server = await startQuoteServer({
      port: await closedPort(),
      databaseUrl: shared?.url,
      env: { SMTP_URL: smtp.url },
      // A request committed by an earlier process that died before delivering its mail.
      beforeStart: async (url) => {
        const db = createDb(url);
        const result = await submitQuote(
          validSubmission({ name: "Before The Crash", formToken: tokenFrom(30, migratedDbEnv.FORM_SECRET) }),
          { ip: "192.0.2.99", userAgent: null },
          { db, env: migratedDbEnv, mail: testMail },
        );
        await db.$disconnect();
        if (result.status !== "ok") throw new Error(result.status);
        crashed = result.reference;
      },
    });
    try {
      const started = performance.now();
      const results = await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          const mine = [];
          for (let i = 0; i < PER_CLIENT; i++) {
            // Behind the one trusted proxy, each request comes from its own address.
            mine.push(
              await submitThroughServer(server.url, `10.${client}.${i}.1`, sampleValues(`Load ${client}-${i}`)),
            );
          }
          return mine;
        }),
      );
      const wall = performance.now() - started;
      const all = results.flat();
      const times = all.map((result) => result.ms);
      console.log(
        `concurrency (${provider}): ${all.length} requests, ${CLIENTS} clients, wall ${(wall / 1000).toFixed(1)} s, ` +
          `submit p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms, ` +
          `max ${Math.max(...times).toFixed(0)} ms`,
      );

      expect(all.map((result) => result.status)).toEqual(all.map(() => 200));
      for (const result of all) {
        // The success panel with a reference, never the form's error region or a server error.
        expect(/SQLITE_BUSY|database is locked|Internal Server Error/i.test(result.html)).toBe(false);
        expect(result.html.includes('data-testid="quote-success"')).toBe(true);
        expect(result.reference).toMatch(/^FS-\d{4}-[0-9A-Z]{6}$/);
      }
      const references = all.map((result) => result.reference!);
      expect(new Set(references).size).toBe(CLIENTS * PER_CLIENT);

      const count = async (sql: string) => Number((await queryRows<{ n: unknown }>(server.databaseUrl, sql))[0]?.n);
      const rows = await queryRows<{ reference: string }>(
        server.databaseUrl,
        `SELECT reference FROM "QuoteRequest" WHERE name LIKE 'Load %'`,
      );
      expect(rows.map((row) => row.reference).sort()).toEqual([...references].sort());

      // Every outbox message ends up sent, by the after-response delivery or the retry loop.
      await expect
        .poll(() => count(`SELECT COUNT(*) AS n FROM "OutboxMessage" WHERE status <> 'sent'`), {
          timeout: 120_000,
          intervals: [500],
        })
        .toBe(0);
      const sent = await count(`SELECT COUNT(*) AS n FROM "OutboxMessage"`);
      expect(sent).toBe(2 * (CLIENTS * PER_CLIENT + 1));
      expect(smtp.received).toHaveLength(sent);
      const messageIds = smtp.received.map((mail) => parseMail(mail.raw).headers["message-id"]);
      expect(new Set(messageIds).size).toBe(sent);
      for (const reference of [...references, crashed]) {
        expect(
          smtp.received.filter((mail) => mail.raw.includes(reference)),
          reference,
        ).toHaveLength(2);
      }
      expect(server.logs()).not.toMatch(/SQLITE_BUSY|database is locked/);
    } finally {
      await server.stop();
      await smtp.stop();
      await shared?.cleanup();
    }
  });
