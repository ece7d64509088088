// Backups and restores on real databases (SQLite files, and PostgreSQL through pg_dump/pg_restore): a copy taken
// while writers insert is consistent and private, restore refuses a live database unless forced (and then copies
// it aside), erasures made after a backup are applied again, the daily backup runs once per local day across
// instances, and health says how old the newest backup is.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { eraseByEmail } from "@/lib/leads/erase";
import {
  backupDatabase,
  backupFileName,
  journalErasure,
  journalErasuresAfter,
  listBackups,
  pruneBackups,
  readBackupMeta,
  type PgTools,
} from "@/lib/ops/backup";
import { backupHealth, runDailyBackup } from "@/lib/ops/daily-backup";
import { restoreBackup, RestoreRefused } from "@/lib/ops/restore";
import { migrate } from "@/prisma/migrate.mjs";
import { leadRow } from "../helpers/lead-rows";
import { emptyDatabase, migratedDb, testProviders } from "../helpers/test-databases";

const SECRET = "backup-test-secret-0123456789-abcdefghijkl";
const pgTools: PgTools = { env: process.env };
let sequence = 0;

function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `fsdev-${label}-`));
}

async function insertLead(db: Db, email = `person${++sequence}@example.test`, createdAt = new Date()) {
  const reference = `FS-2026-B${String(++sequence).padStart(5, "0")}`;
  return db.quoteRequest.create({ data: leadRow({ reference, name: "Grace Hopper", email, createdAt }) });
}

function eraseOptions(db: Db, dir?: string) {
  return {
    db,
    mailDir: path.join(os.tmpdir(), "fsdev-backup-test-no-mail"),
    secret: SECRET,
    actor: "owner@fsdev.test",
    smtpTimeoutMs: 1_000,
    journal: dir ? (entry: { emailHash: string; at: Date }) => journalErasure(dir, entry) : undefined,
  };
}

describe.each(testProviders())("backup and restore on %s", (provider) => {
  let source: { db: Db; url: string; cleanup: () => Promise<void> };
  let dir: string;
  beforeAll(async () => {
    source = await migratedDb(`backup-src-${provider}`, provider);
    dir = tempDir(`backups-${provider}`);
  }, 60_000);
  afterAll(async () => {
    await source.db.$disconnect();
    await source.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("copies a consistent, private database while writers insert; restores it, erasures applied again", async () => {
    const db = source.db;
    const before = await Promise.all(Array.from({ length: 10 }, () => insertLead(db)));
    // Writers keep inserting while the copy is taken.
    let writing = true;
    const writers = Array.from({ length: 4 }, async () => {
      let made = 0;
      while (writing) {
        await insertLead(db);
        made += 1;
        // Yield to the event loop between inserts, as requests arriving over a socket do.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return made;
    });
    const file = path.join(dir, backupFileName(new Date(), provider));
    const backup = await backupDatabase({
      databaseUrl: source.url,
      file,
      pgTools,
    });
    writing = false;
    const written = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
    expect(written).toBeGreaterThan(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(`${file}.json`).mode & 0o777).toBe(0o600);
    expect(readBackupMeta(file)).toMatchObject({ source: "sidecar", takenAt: new Date(backup.takenAt) });
    if (provider === "sqlite") {
      const copy = new Database(file, { readonly: true });
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      copy.close();
    }

    // After the backup: one person who was in it is erased, and stays erased through the restore.
    const erasedLead = before[0]!;
    await eraseByEmail(erasedLead.email, eraseOptions(db, dir));
    expect(journalErasuresAfter(dir, new Date(backup.takenAt)).hashes.size).toBe(1);

    // Into a fresh database: nothing live there, so no --force needed.
    const target = await emptyDatabase(provider, `backup-dst-${provider}`);
    try {
      const restore = (force: boolean, migrateTo = true) =>
        restoreBackup({
          databaseUrl: target.url,
          file,
          force,
          backupDir: dir,
          secret: SECRET,
          pgTools,
          migrate: async () => {
            if (migrateTo) expect((await migrate("deploy", { url: target.url })).exitCode).toBe(0);
          },
          openDb: () => createDb(target.url),
          eraseOptions: (restored) => eraseOptions(restored),
        });
      const result = await restore(false);
      expect(result.copiedAside).toBeNull();
      expect(result.reapplied).toEqual({ people: 1, requests: 1 });
      const restored = createDb(target.url);
      try {
        const references = new Set((await restored.quoteRequest.findMany()).map((lead) => lead.reference));
        for (const lead of before.slice(1)) expect(references.has(lead.reference)).toBe(true);
        expect(references.has(erasedLead.reference)).toBe(false);
        expect(references.size).toBe(backup.leads - 1);
        expect((await migrate("status", { url: target.url })).exitCode).toBe(0);
      } finally {
        await restored.$disconnect();
      }

      // The target now holds leads: a second restore is refused without --force, and copies it aside with it.
      await expect(restore(false, false)).rejects.toThrow(RestoreRefused);
      const forced = await restore(true, false);
      expect(forced.copiedAside?.leads).toBe(backup.leads - 1);
      expect(fs.existsSync(forced.copiedAside!.file)).toBe(true);
      expect(forced.leads).toBe(backup.leads - 1);
    } finally {
      await target.cleanup();
    }
  }, 120_000);
});

describe("backup files and the erasure journal", () => {
  it("refuses a target under public/ or an existing file", async () => {
    const root = tempDir("root");
    fs.mkdirSync(path.join(root, "public"));
    const database = await migratedDb("backup-refuse");
    try {
      const attempt = (file: string) => backupDatabase({ databaseUrl: database.url, file, root, pgTools });
      await expect(attempt("public/leads.db")).rejects.toThrow(/under public\//);
      await attempt("kept/leads.db");
      await expect(attempt("kept/leads.db")).rejects.toThrow(/already exists/);
    } finally {
      await database.db.$disconnect();
      await database.cleanup();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("keeps the newest N daily backups, and reads a journal with a damaged line", () => {
    const dir = tempDir("prune");
    const days = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"];
    for (const day of days)
      fs.writeFileSync(path.join(dir, backupFileName(new Date(`${day}T00:30:00Z`), "sqlite")), "");
    fs.writeFileSync(path.join(dir, "notes.txt"), "not a backup");
    expect(pruneBackups(dir, 2).map((file) => path.basename(file))).toEqual([
      "fsdev-20261202T003000Z.db",
      "fsdev-20261201T003000Z.db",
    ]);
    expect(listBackups(dir).map((file) => path.basename(file))).toEqual([
      "fsdev-20261204T003000Z.db",
      "fsdev-20261203T003000Z.db",
    ]);
    expect(fs.existsSync(path.join(dir, "notes.txt"))).toBe(true);

    journalErasure(dir, { emailHash: "old", at: new Date("2026-12-01T00:00:00Z") });
    fs.appendFileSync(path.join(dir, "erasures.jsonl"), "{not json\n");
    journalErasure(dir, { emailHash: "new", at: new Date("2026-12-05T00:00:00Z") });
    const read = journalErasuresAfter(dir, new Date("2026-12-03T00:00:00Z"));
    expect([...read.hashes]).toEqual(["new"]);
    expect(read.damaged).toBe(1);
    expect(fs.statSync(path.join(dir, "erasures.jsonl")).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe.each(testProviders())("the daily backup on %s", (provider) => {
  it("waits for BACKUP_TIME, runs once a local day across instances, gives its claim back on failure", async () => {
    const database = await migratedDb(`daily-${provider}`, provider);
    const other = createDb(database.url);
    const dir = tempDir(`daily-${provider}`);
    const settings = {
      BACKUP_DIR: dir,
      BACKUP_KEEP: 2,
      BACKUP_TIME: "02:00",
      BUSINESS_TIME_ZONE: "Africa/Johannesburg",
      DATABASE_URL: database.url,
    };
    try {
      await insertLead(database.db);
      // 01:59 in Johannesburg is 23:59 UTC the day before.
      expect(
        await runDailyBackup({ db: database.db, settings, pgTools, now: new Date("2026-12-06T23:59:00Z") }),
      ).toEqual({ status: "not-yet" });
      expect(backupHealth(settings, new Date("2026-12-07T00:00:00Z"))).toMatchObject({
        status: "none",
        ageHours: null,
      });

      // Two instances (two clients) at 02:00 local: one backup.
      const at = new Date("2026-12-07T00:00:00Z");
      const both = [
        () => runDailyBackup({ db: database.db, settings, pgTools, now: at }),
        () => runDailyBackup({ db: other, settings, pgTools, now: at }),
      ];
      // At once on PostgreSQL. On SQLite one after the other: two clients in one process would block each other
      // (the driver waits for the lock synchronously); separate processes on one file take turns.
      const results =
        provider === "postgresql" ? await Promise.all(both.map((run) => run())) : [await both[0]!(), await both[1]!()];
      expect(results.map((result) => result.status).sort()).toEqual(["done-elsewhere", "made"]);
      expect(listBackups(dir)).toHaveLength(1);
      expect(await runDailyBackup({ db: other, settings, pgTools, now: new Date("2026-12-07T20:00:00Z") })).toEqual({
        status: "done-elsewhere",
      });
      expect(backupHealth(settings, new Date("2026-12-07T03:00:00Z"))).toMatchObject({ status: "ok", ageHours: 3 });
      expect(backupHealth(settings, new Date("2026-12-08T03:00:00Z"))).toMatchObject({ status: "stale", ageHours: 27 });
      if (provider === "sqlite")
        expect(backupHealth({ ...settings, BACKUP_DIR: path.dirname(database.url.slice(5)) }, at)?.warnings).toEqual([
          "same-filesystem",
        ]);

      // A failing backup (its folder is a file) gives the day back, so the next minute tries again.
      const blocked = path.join(dir, "blocked");
      fs.writeFileSync(blocked, "");
      const failing = { ...settings, BACKUP_DIR: blocked };
      const nextDay = new Date("2026-12-08T00:00:00Z");
      await expect(runDailyBackup({ db: database.db, settings: failing, pgTools, now: nextDay })).rejects.toThrow();
      const retried = await runDailyBackup({ db: database.db, settings, pgTools, now: nextDay });
      expect(retried.status).toBe("made");
      // BACKUP_KEEP 2: a third day removes the first day's file.
      const third = await runDailyBackup({ db: database.db, settings, pgTools, now: new Date("2026-12-09T00:00:00Z") });
      expect(third).toMatchObject({ status: "made", pruned: [expect.stringContaining("fsdev-20261207T000000Z")] });
    } finally {
      await other.$disconnect();
      await database.db.$disconnect();
      await database.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
