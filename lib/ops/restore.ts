/**
 * `npm run db:restore <file>`: puts a backup back, then migrates it to today's schema and applies again every
 * erasure made after the backup was taken (from the journal beside the backups and from the database being
 * replaced), so nobody erased comes back with an old copy. A target that holds any lead is "live": refused
 * unless `force`, and then copied aside first (a backup of its own, beside the backups).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { eraseByEmail, type EraseOptions } from "@/lib/leads/erase";
import { erasureHash } from "@/lib/leads/keys";
import { providerOf, sqliteFileFromUrl } from "@/prisma/providers.mjs";
import {
  backupDatabase,
  journalErasuresAfter,
  readBackupMeta,
  restoreDatabase,
  type BackupResult,
  type PgTools,
} from "./backup";
import { plural } from "@/lib/text/plural";

export type RestoreResult = {
  takenAt: Date;
  takenAtSource: "sidecar" | "file time";
  /** The live database's copy, when `force` replaced one. */
  copiedAside: BackupResult | null;
  leads: number;
  /** Erasures made after the backup that were applied again: people and their requests. */
  reapplied: { people: number; requests: number };
  /** Journal lines that could not be read (each is said, never fatal). */
  damagedJournalLines: number;
};

export class RestoreRefused extends Error {
  override name = "RestoreRefused";
}

type Target = { leads: number; erasures: { emailHash: string; createdAt: Date }[] };

/** What the target holds now: its leads and its erasure log (nothing when it does not exist yet). */
async function inspectTarget(databaseUrl: string): Promise<Target> {
  const none: Target = { leads: 0, erasures: [] };
  if (providerOf(databaseUrl) === "sqlite") {
    const file = sqliteFileFromUrl(databaseUrl);
    if (!fs.existsSync(file)) return none;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const has = (name: string) =>
        !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
      const leads = has("QuoteRequest")
        ? (db.prepare('SELECT COUNT(*) AS n FROM "QuoteRequest"').get() as { n: number }).n
        : 0;
      const erasures = has("ErasureLog")
        ? (db.prepare('SELECT "emailHash", "createdAt" FROM "ErasureLog"').all() as {
            emailHash: string;
            createdAt: unknown;
          }[])
        : [];
      return {
        leads,
        erasures: erasures.map((row) => ({ emailHash: row.emailHash, createdAt: sqliteDate(row.createdAt) })),
      };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
    );
    const has = (name: string) => tables.rows.some((row) => row.name === name);
    const leads = has("QuoteRequest")
      ? Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM "QuoteRequest"')).rows[0]!.n)
      : 0;
    const erasures = has("ErasureLog")
      ? (
          await client.query<{ emailHash: string; createdAt: Date }>(
            'SELECT "emailHash", "createdAt" FROM "ErasureLog"',
          )
        ).rows
      : [];
    return { leads, erasures };
  } finally {
    await client.end();
  }
}

/** Prisma keeps SQLite DateTime values as milliseconds or as text, depending on how they were written. */
function sqliteDate(value: unknown): Date {
  return typeof value === "number" || typeof value === "bigint" ? new Date(Number(value)) : new Date(String(value));
}

export async function restoreBackup(opts: {
  databaseUrl: string;
  file: string;
  force: boolean;
  /** BACKUP_DIR: the erasure journal, and where a live database is copied aside (else beside the target). */
  backupDir?: string;
  secret: string;
  pgTools: PgTools;
  /** Brings the restored database to today's schema (the project's migrate command). */
  migrate: () => Promise<void>;
  /** A client on the restored database, and how erasure runs on it. */
  openDb: () => Db;
  eraseOptions: (db: Db) => Omit<EraseOptions, "db" | "journal">;
  now?: () => Date;
}): Promise<RestoreResult> {
  const now = opts.now ?? (() => new Date());
  const file = path.resolve(opts.file);
  if (!fs.existsSync(file)) throw new RestoreRefused(`${opts.file} does not exist`);
  const { takenAt, source } = readBackupMeta(file);
  const target = await inspectTarget(opts.databaseUrl);
  if (target.leads > 0 && !opts.force)
    throw new RestoreRefused(
      `the database holds ${plural(target.leads, "lead", "leads")}: restoring would replace them. ` +
        "Run again with --force to copy it aside first and then restore.",
    );

  // Erasures after the backup, from outside the copy: the journal and the database about to be replaced.
  const journal = opts.backupDir
    ? journalErasuresAfter(opts.backupDir, takenAt)
    : { hashes: new Set<string>(), damaged: 0 };
  const erased = new Set(journal.hashes);
  for (const row of target.erasures) if (row.createdAt > takenAt) erased.add(row.emailHash);

  let copiedAside: BackupResult | null = null;
  if (target.leads > 0) {
    const aside = path.join(
      opts.backupDir ??
        (providerOf(opts.databaseUrl) === "sqlite" ? path.dirname(sqliteFileFromUrl(opts.databaseUrl)) : process.cwd()),
      `before-restore-${now()
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}Z$/, "Z")}.${providerOf(opts.databaseUrl) === "sqlite" ? "db" : "dump"}`,
    );
    copiedAside = await backupDatabase({
      databaseUrl: opts.databaseUrl,
      file: aside,
      pgTools: opts.pgTools,
      now,
    });
  }

  await restoreDatabase({ databaseUrl: opts.databaseUrl, file, pgTools: opts.pgTools });
  await opts.migrate();

  const db = opts.openDb();
  try {
    let people = 0;
    let requests = 0;
    if (erased.size > 0) {
      const seen = new Set<string>();
      for (const lead of await db.quoteRequest.findMany({ select: { email: true } })) {
        const hash = erasureHash(lead.email, opts.secret);
        if (!erased.has(hash) || seen.has(hash)) continue;
        seen.add(hash);
        const result = await eraseByEmail(lead.email, { ...opts.eraseOptions(db), db });
        people += 1;
        requests += result.requests;
      }
    }
    return {
      takenAt,
      takenAtSource: source,
      copiedAside,
      leads: await db.quoteRequest.count(),
      reapplied: { people, requests },
      damagedJournalLines: journal.damaged,
    };
  } finally {
    await db.$disconnect();
  }
}
