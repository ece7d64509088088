// Faults with real parts: a SQLite file locked by another connection, and a process that died after the
// commit but before delivery (the outbox is then emptied by the real `npm run mail:retry` command).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
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
