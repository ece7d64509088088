// /api/health's checks against real databases (SQLite file and PostgreSQL) and a real SMTP server, and the
// drain endpoint's secret comparison.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { bearerMatches } from "@/lib/ops/bearer";
import { checkHealth, expectedMigrations, smtpGreeting } from "@/lib/ops/health";
import { LIVE_MS, recordInstance } from "@/lib/ops/shared-settings";
import { closedPort, startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { emptyDatabase, migratedDb, testProviders } from "../helpers/test-databases";

/** This process's digest, as the server computes it from its settings (its value does not matter here). */
const DIGEST = "a".repeat(64);

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.stop();
});

describe.each(testProviders())("health on %s", (provider) => {
  it("is ok on a migrated database: migrations current, outbox counts, SMTP greeting without host", async () => {
    const database = await migratedDb("health", provider);
    try {
      const report = await checkHealth({
        db: database.db,
        expectedMigrations: expectedMigrations(database.url),
        settingsDigest: DIGEST,
        smtpUrl: smtp.url,
      });
      expect(report).toMatchObject({
        status: "ok",
        failed: [],
        database: "ok",
        migrations: { status: "current" },
        outbox: { pending: 0, failed: 0 },
        settings: "consistent",
        smtp: { status: "ok", greeting: expect.stringMatching(/^220\b/) },
      });
      expect(report.migrations.applied).toBe(expectedMigrations(database.url).length);
      expect(report.migrations.applied).toBeGreaterThan(0);
      expect(JSON.stringify(report)).not.toMatch(/127\.0\.0\.1|localhost|postgres@|file:/);
    } finally {
      await database.cleanup();
    }
  });

  it("fails on migrations that are missing, and names the part", async () => {
    const database = await migratedDb("health-behind", provider);
    try {
      const report = await checkHealth({
        db: database.db,
        expectedMigrations: [...expectedMigrations(database.url), "29991231000000_not_applied"],
        settingsDigest: DIGEST,
      });
      expect(report).toMatchObject({ status: "error", failed: ["migrations"], migrations: { status: "pending" } });
    } finally {
      await database.cleanup();
    }
  });

  it("fails on a database never migrated", async () => {
    const database = await emptyDatabase(provider, "health-empty");
    const db = createDb(database.url);
    try {
      const report = await checkHealth({
        db,
        expectedMigrations: expectedMigrations(database.url),
        settingsDigest: DIGEST,
      });
      expect(report).toMatchObject({ status: "error", failed: ["migrations"], database: "ok", outbox: null });
    } finally {
      await db.$disconnect();
      await database.cleanup();
    }
  });

  it("reports mail trouble as degraded, not as an error (mail waits in the outbox)", async () => {
    const database = await migratedDb("health-smtp", provider);
    try {
      const report = await checkHealth({
        db: database.db,
        expectedMigrations: expectedMigrations(database.url),
        settingsDigest: DIGEST,
        smtpUrl: `smtp://127.0.0.1:${await closedPort()}`,
        timeoutMs: 1_000,
      });
      expect(report).toMatchObject({ status: "degraded", failed: ["smtp"], smtp: { status: "unreachable" } });
    } finally {
      await database.cleanup();
    }
  });

  it("reports instances with other shared settings as a mismatch while they are live, never the digest", async () => {
    const database = await migratedDb("health-settings", provider);
    const health = () =>
      checkHealth({ db: database.db, expectedMigrations: expectedMigrations(database.url), settingsDigest: DIGEST });
    try {
      const now = Date.now();
      await recordInstance(database.db, "this-one", DIGEST, new Date(now));
      await recordInstance(database.db, "same-settings", DIGEST, new Date(now - 1_000));
      expect(await health()).toMatchObject({ status: "ok", failed: [], settings: "consistent" });
      // Another process with other settings, seen a minute ago: a mismatch (the site still serves: degraded).
      const other = "b".repeat(64);
      await recordInstance(database.db, "other-settings", other, new Date(now - 60_000));
      const report = await health();
      expect(report).toMatchObject({ status: "degraded", failed: ["settings"], settings: "mismatch" });
      expect(JSON.stringify(report)).not.toMatch(/aaaa|bbbb/);
      // Once that process has been gone longer than LIVE_MS, its row no longer counts.
      await database.db.instanceSettings.update({
        where: { instance: "other-settings" },
        data: { seenAt: new Date(now - LIVE_MS - 1_000) },
      });
      expect(await health()).toMatchObject({ status: "ok", settings: "consistent" });
      // A day later it is deleted by the next heartbeat.
      await recordInstance(database.db, "this-one", DIGEST, new Date(now + 24 * 60 * 60_000));
      expect(await database.db.instanceSettings.count({ where: { instance: "other-settings" } })).toBe(0);
    } finally {
      await database.cleanup();
    }
  });
});

describe.runIf(testProviders().includes("postgresql"))("health with the database down", () => {
  it("answers error naming the database, within the timeout, with no address in it", async () => {
    const url = `postgresql://app:s3cret@127.0.0.1:${await closedPort()}/fsdev`;
    const db = createDb(url);
    try {
      const started = Date.now();
      const report = await checkHealth({
        db,
        expectedMigrations: expectedMigrations(url),
        settingsDigest: DIGEST,
        timeoutMs: 1_000,
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(report).toMatchObject({
        status: "error",
        failed: ["database"],
        database: "unreachable",
        outbox: null,
        settings: "unknown",
      });
      expect(JSON.stringify(report)).not.toMatch(/s3cret|127\.0\.0\.1/);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("SMTP greeting", () => {
  it("keeps the code and plain words, never a host name or address", async () => {
    const report = await smtpGreeting(smtp.url, 1_000);
    expect(report.status).toBe("ok");
    expect(report.greeting).toMatch(/^220( [^.:@\s]+)*$/);
  });
});

describe("bearerMatches", () => {
  const secret = "cron-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
  it("accepts the exact bearer token and nothing else", () => {
    expect(bearerMatches(`Bearer ${secret}`, secret)).toBe(true);
    expect(bearerMatches(`bearer ${secret}`, secret)).toBe(true);
    expect(bearerMatches(null, secret)).toBe(false);
    expect(bearerMatches("", secret)).toBe(false);
    expect(bearerMatches("Bearer ", secret)).toBe(false);
    expect(bearerMatches(secret, secret)).toBe(false);
    expect(bearerMatches(`Bearer ${secret}x`, secret)).toBe(false);
    expect(bearerMatches(`Bearer ${secret.slice(0, -1)}`, secret)).toBe(false);
    expect(bearerMatches(`Basic ${secret}`, secret)).toBe(false);
  });
});
