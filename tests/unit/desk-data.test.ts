// The desk's data migration on a database that holds requests from before it, the privacy notice's
// retention periods (filled from the settings the purge enforces), and the owner notice's desk link.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { dateTime } from "@/components/desk/format";
import { mailRowStatus } from "@/components/desk/mail-status";
import { getPage } from "@/lib/content";
import { retentionSettings } from "@/lib/server/env";
import { fillRetention, retentionFacts } from "@/lib/leads/retention-notice";
import { renderOwnerNotice } from "@/lib/mail/render";
import { tempDatabaseUrl } from "../helpers/temp-db";

const root = fileURLToPath(new URL("../..", import.meta.url));
const migrations = path.join(root, "prisma/migrations");
const DESK_MIGRATION = fs.readdirSync(migrations).find((name) => name.endsWith("_desk"))!;

describe("the desk migration on existing data", () => {
  it("maps the old statuses and fills the lookup columns", () => {
    const database = tempDatabaseUrl("desk-migration");
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-migrations-"));
    try {
      // The history as it was before the desk: every migration older than it.
      for (const name of fs.readdirSync(migrations)) {
        if (name.endsWith(".toml")) fs.copyFileSync(path.join(migrations, name), path.join(before, name));
        else if (name < DESK_MIGRATION)
          fs.cpSync(path.join(migrations, name), path.join(before, name), { recursive: true });
      }
      const env = { ...process.env, DATABASE_URL: database.url };
      execFileSync(process.execPath, ["prisma/migrate.mjs", "deploy", "--migrations-dir", before], {
        cwd: root,
        env,
        stdio: "pipe",
      });
      const db = new Database(database.file);
      const insert = db.prepare(
        `INSERT INTO QuoteRequest (reference, status, name, email, company, interest, interestLabel, budget,
           timeline, description, consentAt, consentVersion, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, 'other', 'Other', 'b', 't', 'd', 0, 'v', 0, 1764000000000)`,
      );
      insert.run("FS-2026-AAAAAA", "new", "Ada", "Ada@Example.COM", "ACME");
      insert.run("FS-2026-BBBBBB", "contacted", "Bob", "bob@example.com", null);
      insert.run("FS-2026-CCCCCC", "closed", "Cy", "cy@example.com", null);
      insert.run("FS-2026-DDDDDD", "spam", "Di", "di@example.com", null);
      db.close();

      execFileSync(process.execPath, ["prisma/migrate.mjs", "deploy"], { cwd: root, env, stdio: "pipe" });
      const after = new Database(database.file, { readonly: true });
      const rows = after
        .prepare("SELECT reference, status, emailKey, searchText, activityAt FROM QuoteRequest ORDER BY reference")
        .all();
      after.close();
      expect(rows).toEqual([
        {
          reference: "FS-2026-AAAAAA",
          status: "new",
          emailKey: "ada@example.com",
          searchText: "fs-2026-aaaaaa ada ada@example.com acme d",
          activityAt: 1764000000000,
        },
        {
          reference: "FS-2026-BBBBBB",
          status: "in_progress",
          emailKey: "bob@example.com",
          searchText: "fs-2026-bbbbbb bob bob@example.com  d",
          activityAt: 1764000000000,
        },
        {
          reference: "FS-2026-CCCCCC",
          status: "lost",
          emailKey: "cy@example.com",
          searchText: "fs-2026-cccccc cy cy@example.com  d",
          activityAt: 1764000000000,
        },
        {
          reference: "FS-2026-DDDDDD",
          status: "spam",
          emailKey: "di@example.com",
          searchText: "fs-2026-dddddd di di@example.com  d",
          activityAt: 1764000000000,
        },
      ]);
    } finally {
      fs.rmSync(before, { recursive: true, force: true });
      database.cleanup();
    }
  });
});

describe("retention in the privacy notice", () => {
  it("states the periods from the same settings the purge reads, defaults and overrides alike", () => {
    expect(retentionFacts(retentionSettings({}))).toEqual({
      "lead-retention": "12 months",
      "spam-retention": "30 days",
      "mail-body-retention": "14 days",
      "ip-hash-retention": "10 minutes",
      "form-cookie-retention": "24 hours",
      "backup-retention": "7 days",
    });
    const custom = retentionSettings({ LEAD_RETENTION_MONTHS: "1", SPAM_RETENTION_DAYS: "7", BACKUP_KEEP: "30" });
    expect(fillRetention("[[lead-retention]] / [[spam-retention]] / [[backup-retention]]", custom)).toBe(
      "1 month / 7 days / 30 days",
    );
    expect(() => retentionSettings({ SPAM_RETENTION_DAYS: "0" })).toThrow(/SPAM_RETENTION_DAYS/);
    expect(() => fillRetention("[[lead-retension]]", custom, "privacy.mdx")).toThrow(
      /privacy.mdx: unknown placeholder \[\[lead-retension\]\]/,
    );
  });

  it("the privacy page uses every period and no unknown placeholder", () => {
    const body = getPage("privacy").body;
    for (const name of Object.keys(retentionFacts(retentionSettings({})))) expect(body).toContain(`[[${name}]]`);
    const filled = fillRetention(body, retentionSettings({}));
    expect(filled).not.toContain("[[");
    expect(filled).toContain("deleted 12 months after the last activity");
    expect(filled).toContain("deleted 30 days after they arrived");
  });
});

describe("owner notice", () => {
  it("links to the lead in the desk", () => {
    const mail = renderOwnerNotice(
      {
        reference: "FS-2026-ABC123",
        name: "Ada",
        email: "ada@example.com",
        company: null,
        phone: null,
        interestLabel: "Automation",
        budget: "b",
        timeline: "t",
        description: "d",
        referrerPath: null,
        utm: {},
        createdAt: new Date(),
        consentVersion: "v",
      },
      {
        siteName: "FS Dev",
        siteUrl: "https://www.fsdev.example/",
        ownerName: "Francois",
        ownerRole: "Founder",
        contact: {},
        timeZone: "Africa/Johannesburg",
      },
    );
    expect(mail.text).toContain("Open it in the desk: https://www.fsdev.example/desk/leads/FS-2026-ABC123");
    expect(mail.html).toContain('<a href="https://www.fsdev.example/desk/leads/FS-2026-ABC123"');
  });
});

describe("the desk's times", () => {
  const at = new Date("2026-12-02T21:26:00Z");

  it("are in the business's zone and say which", () => {
    expect(dateTime(at, "Africa/Johannesburg")).toBe("2 Dec 2026, 23:26 SAST");
    expect(dateTime(at, "UTC")).toBe("2 Dec 2026, 21:26 UTC");
    const sent = { status: "sent", attempts: 1, lastError: null, sentAt: at, nextAttemptAt: at };
    expect(mailRowStatus(sent, "Africa/Johannesburg")).toBe("Sent 2 Dec 2026, 23:26 SAST.");
  });
});
