// Faults with real parts: a SQLite file locked by another connection, and a process that died after the
// commit but before delivery (the outbox is then emptied by the real `npm run mail:retry` command).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db/client";
import { deliverPending } from "@/lib/mail/outbox";
import { createMailTransport } from "@/lib/mail/transport";
import { submitQuote } from "@/lib/quotes/submit";
import { testEnv, testMail, validSubmission } from "../helpers/quote-fixtures";
import { migratedDb } from "../helpers/test-databases";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";

const run = promisify(execFile);
let database: Awaited<ReturnType<typeof migratedDb>>;
let smtp: TestSmtpServer;

beforeAll(async () => {
  database = await migratedDb("faults");
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await smtp?.stop();
  await database?.cleanup();
});

describe("database locked by another writer", () => {
  it("tells the visitor it could not save, keeps every value, logs the cause, works once unlocked", async () => {
    const file = database.url.replace(/^file:/, "");
    const db = createDb(database.url, { busyTimeoutMs: 300 });
    const locker = new Database(file);
    locker.exec("BEGIN EXCLUSIVE");
    const logged: string[] = [];
    const deps = {
      db,
      env: testEnv,
      mail: testMail,
      log: (line: string, error?: unknown) => logged.push(`${line} ${String(error)}`),
    };
    try {
      const result = await submitQuote(
        validSubmission({ name: "Locked Out" }),
        { ip: "192.0.2.10", userAgent: null },
        deps,
      );
      expect(result.status).toBe("unavailable");
      if (result.status === "unavailable")
        expect(result.values).toMatchObject({ name: "Locked Out", email: "Ada@Example.COM", consent: "yes" });
      expect(logged.join("\n")).toMatch(/could not store[\s\S]*(locked|busy|timed out)/i);
    } finally {
      locker.exec("ROLLBACK");
      locker.close();
    }
    const retry = await submitQuote(
      validSubmission({ name: "Locked Out" }),
      { ip: "192.0.2.10", userAgent: null },
      deps,
    );
    expect(retry.status).toBe("ok");
    expect(await db.quoteRequest.count({ where: { name: "Locked Out" } })).toBe(1);
    await db.$disconnect();
  });
});

describe("the process dies after the commit, before delivery", () => {
  it("npm run mail:retry delivers the pending mail exactly once", async () => {
    const db = createDb(database.url);
    // Stored and committed, but the after-response delivery never ran (the process "died").
    const result = await submitQuote(
      validSubmission({ name: "Crash Survivor" }),
      { ip: "192.0.2.20", userAgent: null },
      { db, env: testEnv, mail: testMail },
    );
    if (result.status !== "ok") throw new Error(result.status);
    await db.$disconnect();

    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      MAIL_FROM: "site@fsdev.test",
      NODE_ENV: "test" as const,
    };
    const first = await run("npm", ["run", "--silent", "mail:retry"], { env });
    // Everything pending goes, this request's two messages included (the locked-database test left two more).
    expect(first.stdout).toMatch(/mail:retry sent [2-9], failed 0, left 0 pending/);
    const second = await run("npm", ["run", "--silent", "mail:retry"], { env });
    expect(second.stdout).toMatch(/mail:retry sent 0, failed 0, left 0 pending/);
    const mine = smtp.received.filter((mail) => mail.raw.includes(result.reference));
    expect(mine).toHaveLength(2);
  }, 60_000);
});

describe("outbox hygiene after mail faults (real SMTP refusing, then accepting)", () => {
  const from = "FS Dev website <website@fsdev.test>";

  /** A stored request with its two messages pending, and a transport to the real SMTP server. */
  async function storedRequest(name: string, ip: string) {
    const db = createDb(database.url);
    const transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "unused", timeoutMs: 2_000 });
    const result = await submitQuote(
      validSubmission({ name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.com` }),
      { ip, userAgent: null },
      { db, env: testEnv, mail: testMail },
    );
    if (result.status !== "ok") throw new Error(result.status);
    const close = async () => {
      smtp.failWith(null);
      transport.close();
      await db.$disconnect();
    };
    return { db, transport, ids: result.outboxIds, reference: result.reference, close };
  }

  it("a message sent after failed attempts keeps no old lastError", async () => {
    const { db, transport, ids, close } = await storedRequest("Second Time Lucky", "192.0.2.30");
    try {
      smtp.failWith({ code: 451, message: "greylisted, try later" });
      const failed = await deliverPending(db, transport, { from, ids, log: () => {} });
      expect(failed.failed).toBe(2);
      for (const row of await db.outboxMessage.findMany({ where: { id: { in: ids } } }))
        expect(row.lastError).toMatch(/451/);

      smtp.failWith(null);
      const sent = await deliverPending(db, transport, { from, ids, ignoreSchedule: true });
      expect(sent.sent).toBe(2);
      for (const row of await db.outboxMessage.findMany({ where: { id: { in: ids } } }))
        expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    } finally {
      await close();
    }
  });

  it("a message that used up its attempts is logged at error level (the owner must act), a retry at warn", async () => {
    const { db, transport, ids, reference, close } = await storedRequest("Never Delivered", "192.0.2.31");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      smtp.failWith({ code: 550, message: "mailbox unavailable" });
      const options = { from, ids, maxAttempts: 2, ignoreSchedule: true };
      await deliverPending(db, transport, options);
      expect(error).not.toHaveBeenCalled();
      expect(warn.mock.calls.map((call) => String(call[0])).join("\n")).toMatch(/attempt 1 failed: .*550.*next try/);
      await deliverPending(db, transport, options);
      const errors = error.mock.calls.map((call) => String(call[0]));
      expect(errors).toHaveLength(2);
      for (const line of errors) expect(line).toMatch(/attempt 2 failed: .*550.*giving up after 2 attempts/);
      expect(errors.join("\n")).toContain(reference);
    } finally {
      warn.mockRestore();
      error.mockRestore();
      await close();
    }
  });
});
