// The lead's "page before the form" is `referrerPath` in code and keeps its first column name, "sourcePath", in
// the database (@map): a database deployed before the rename keeps every row's value through later migrations.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../../prisma/migrate.mjs";
import { createDb } from "@/lib/db/client";
import { tempDatabaseUrl } from "../helpers/temp-db";

/** The last migration of the history before the rename: the database as the site had it. */
const BEFORE_RENAME = "20261206122452_owner_reply";

describe("the renamed referrerPath column", () => {
  const database = tempDatabaseUrl("referrer-path");
  afterAll(() => database.cleanup());

  it("keeps an existing row's value: the column is not dropped and re-added", async () => {
    const history = path.join(path.dirname(database.file), "history-before");
    fs.mkdirSync(history);
    const all = fs.readdirSync("prisma/migrations");
    expect(all).toContain(BEFORE_RENAME);
    for (const name of all.filter((entry) => !/^\d{14}_/.test(entry) || entry <= BEFORE_RENAME))
      fs.cpSync(path.join("prisma/migrations", name), path.join(history, name), { recursive: true });
    expect((await migrate("deploy", { url: database.url, migrationsDir: history })).exitCode).toBe(0);

    const sqlite = new Database(database.file);
    sqlite
      .prepare(
        `INSERT INTO QuoteRequest (reference, name, email, interest, interestLabel, budget, timeline, description,
           consentAt, consentVersion, sourcePath, updatedAt)
         VALUES ('FS-2026-OLDROW', 'Old Row', 'old@example.test', 'other', 'Other', 'b', 't', 'An earlier request.',
           0, '2026-01', '/services/automation', 0)`,
      )
      .run();
    sqlite.close();

    // Every migration of today's history, then the app's client.
    expect((await migrate("deploy", { url: database.url })).exitCode).toBe(0);
    const db = createDb(database.url);
    try {
      const row = await db.quoteRequest.findUnique({ where: { reference: "FS-2026-OLDROW" } });
      expect(row?.referrerPath).toBe("/services/automation");
    } finally {
      await db.$disconnect();
    }
  });
});
