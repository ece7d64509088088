/**
 * The scheduler's daily backup into BACKUP_DIR: once a local day (BUSINESS_TIME_ZONE), after BACKUP_TIME, on
 * one instance of however many share the database (the day's ScheduledRun row, lib/db/once.ts), keeping the
 * newest BACKUP_KEEP files. A backup that fails gives its claim back, so the next run (a minute later, or
 * another instance) tries again.
 */
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { claimOnce, ONCE_JOBS } from "@/lib/db/once";
import type { Env } from "@/lib/server/env";
import { providerOf } from "@/prisma/providers.mjs";
import { localDate, isoWithOffset } from "@/lib/text/local-time";
import {
  backupDatabase,
  backupFileName,
  newestBackup,
  pruneBackups,
  sameFilesystem,
  type BackupResult,
  type PgTools,
} from "./backup";

export type BackupSettings = Pick<
  Env,
  "BACKUP_DIR" | "BACKUP_KEEP" | "BACKUP_TIME" | "BUSINESS_TIME_ZONE" | "DATABASE_URL"
>;

export type DailyBackupResult =
  { status: "off" | "not-yet" | "done-elsewhere" } | { status: "made"; backup: BackupResult; pruned: string[] };

export async function runDailyBackup(deps: {
  db: Db;
  settings: BackupSettings;
  pgTools: PgTools;
  now: Date;
}): Promise<DailyBackupResult> {
  const { settings, now } = deps;
  if (!settings.BACKUP_DIR) return { status: "off" };
  const localTime = isoWithOffset(now, settings.BUSINESS_TIME_ZONE).slice(11, 16);
  if (localTime < settings.BACKUP_TIME) return { status: "not-yet" };
  const day = localDate(now, settings.BUSINESS_TIME_ZONE);
  const claimed = await deps.db.$transaction((tx) => claimOnce(tx, ONCE_JOBS.backup, day, now));
  if (!claimed) return { status: "done-elsewhere" };
  const dir = path.resolve(settings.BACKUP_DIR);
  try {
    const backup = await backupDatabase({
      databaseUrl: settings.DATABASE_URL,
      file: path.join(dir, backupFileName(now, providerOf(settings.DATABASE_URL))),
      pgTools: deps.pgTools,
      now: () => now,
    });
    return { status: "made", backup, pruned: pruneBackups(dir, settings.BACKUP_KEEP) };
  } catch (error) {
    await deps.db.scheduledRun.deleteMany({ where: { job: ONCE_JOBS.backup, key: day } });
    throw error;
  }
}

/** A day and its slack: a daily backup older than this has been missed. */
const STALE_AFTER_HOURS = 26;

export type BackupHealth = {
  /** ok: a backup from the last day; stale: the newest is older; none: no backup yet. */
  status: "ok" | "stale" | "none";
  /** Age of the newest backup in hours (one decimal), or null. */
  ageHours: number | null;
  /** "same-filesystem": BACKUP_DIR is on the SQLite database's own disk, which a lost disk would take along. */
  warnings: string[];
};

/** What the health report says about backups (only when BACKUP_DIR is set): names and an age, never a path. */
export function backupHealth(settings: Pick<Env, "BACKUP_DIR" | "DATABASE_URL">, now: Date): BackupHealth | undefined {
  if (!settings.BACKUP_DIR) return undefined;
  const dir = path.resolve(settings.BACKUP_DIR);
  const newest = newestBackup(dir);
  const ageHours = newest ? Math.round(((now.getTime() - newest.getTime()) / 3_600_000) * 10) / 10 : null;
  return {
    status: ageHours === null ? "none" : ageHours > STALE_AFTER_HOURS ? "stale" : "ok",
    ageHours,
    warnings: sameFilesystem(dir, settings.DATABASE_URL) ? ["same-filesystem"] : [],
  };
}
