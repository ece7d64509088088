/**
 * What `/api/health` reports: the database answers, its migrations match the committed history, how much mail
 * waits in the outbox, whether every live instance runs with the same shared settings (lib/ops/shared-settings.ts),
 * and (when SMTP is configured) whether the mail server greets. Cheap enough to poll every few seconds: four small
 * queries, a cached folder listing, and an SMTP greeting at most every 30 s.
 * The answer names parts and counts only: no URL, host, address, setting, digest or error text.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import tls from "node:tls";
import type { Db } from "@/lib/db/client";
import { countGivenUp, countWaiting } from "@/lib/mail/outbox-status";
import { MIGRATIONS_DIRS, providerOf } from "@/prisma/providers.mjs";
import { settingsAgreement, type SettingsAgreement } from "./shared-settings";
import type { BackupHealth } from "./daily-backup";

export type HealthReport = {
  /**
   * ok: all well; degraded: serving, but mail cannot leave now (it waits in the outbox) or the instances' shared
   * settings differ (tokens one makes, another may refuse); error: not serving.
   */
  status: "ok" | "degraded" | "error";
  /** The parts that failed, e.g. ["database"]. */
  failed: string[];
  database: "ok" | "unreachable";
  migrations: { status: "current" | "pending" | "failed" | "unknown"; applied: number; expected: number };
  outbox: { pending: number; failed: number } | null;
  /** Whether every instance seen on this database in the last minutes has this one's shared settings. */
  settings: SettingsAgreement | "unknown";
  smtp?: { status: "ok" | "unreachable"; greeting?: string };
  /** Only when BACKUP_DIR is set (lib/ops/daily-backup.ts). A missed backup does not change `status`. */
  backup?: BackupHealth;
};

const migrationNames = new Map<string, string[]>();

/** The committed migration folder names of the URL's provider (read once per process). */
export function expectedMigrations(databaseUrl: string, root = process.cwd()): string[] {
  // turbopackIgnore: the server reads the project's own prisma/ folder; tracing it would pull in the whole project.
  const dir = path.join(/*turbopackIgnore: true*/ root, MIGRATIONS_DIRS[providerOf(databaseUrl)]);
  let names = migrationNames.get(dir);
  if (!names) {
    names = fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
          .sort()
      : [];
    migrationNames.set(dir, names);
  }
  return names;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

type MigrationRow = { migration_name: string; finished_at: unknown; rolled_back_at: unknown };

export async function checkHealth(deps: {
  db: Db;
  expectedMigrations: string[];
  /** This process's keyed digest of its shared settings (lib/ops/shared-settings.ts). */
  settingsDigest: string;
  smtpUrl?: string;
  timeoutMs?: number;
  backup?: () => BackupHealth | undefined;
}): Promise<HealthReport> {
  const timeoutMs = deps.timeoutMs ?? 3_000;
  const smtp = deps.smtpUrl ? smtpGreeting(deps.smtpUrl, timeoutMs) : undefined;
  const report: HealthReport = {
    status: "ok",
    failed: [],
    database: "ok",
    migrations: { status: "unknown", applied: 0, expected: deps.expectedMigrations.length },
    outbox: null,
    settings: "unknown",
  };
  try {
    const [rows, pending, failed, settings] = await withTimeout(
      Promise.all([
        deps.db.$queryRawUnsafe<MigrationRow[]>(
          'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"',
        ),
        countWaiting(deps.db),
        countGivenUp(deps.db),
        settingsAgreement(deps.db, deps.settingsDigest),
      ]),
      timeoutMs,
    );
    report.outbox = { pending, failed };
    report.settings = settings;
    const live = rows.filter((row) => row.rolled_back_at === null);
    const applied = new Set(live.filter((row) => row.finished_at !== null).map((row) => row.migration_name));
    report.migrations.applied = applied.size;
    report.migrations.status = live.some((row) => row.finished_at === null)
      ? "failed"
      : deps.expectedMigrations.every((name) => applied.has(name))
        ? "current"
        : "pending";
  } catch {
    // Either the server is down or the tables are missing (never migrated): which one, a second query tells.
    const reachable = await withTimeout(deps.db.$queryRawUnsafe("SELECT 1"), timeoutMs).then(
      () => true,
      () => false,
    );
    if (!reachable) report.database = "unreachable";
    else report.migrations.status = "pending";
  }
  if (report.database !== "ok") report.failed.push("database");
  if (report.database === "ok" && report.migrations.status !== "current") report.failed.push("migrations");
  if (report.settings === "mismatch") report.failed.push("settings");
  if (smtp) {
    report.smtp = await smtp;
    if (report.smtp.status !== "ok") report.failed.push("smtp");
  }
  const backup = deps.backup?.();
  if (backup) report.backup = backup;
  // The site still takes requests without mail (the outbox keeps it) or with settings apart.
  const degrading = ["smtp", "settings"];
  report.status = report.failed.some((part) => !degrading.includes(part))
    ? "error"
    : report.failed.length
      ? "degraded"
      : "ok";
  return report;
}

let greetingCache: { url: string; at: number; result: Promise<NonNullable<HealthReport["smtp"]>> } | undefined;
const GREETING_TTL_MS = 30_000;

/**
 * Connects, reads the server's 220 greeting, says QUIT. The greeting's host name (its first word) is left out,
 * and so is any word holding a dot, a colon or an @, so no host or address reaches the answer.
 */
export function smtpGreeting(smtpUrl: string, timeoutMs: number): Promise<NonNullable<HealthReport["smtp"]>> {
  const now = Date.now();
  if (greetingCache && greetingCache.url === smtpUrl && now - greetingCache.at < GREETING_TTL_MS)
    return greetingCache.result;
  const result = readGreeting(smtpUrl, timeoutMs).then(
    (line) => {
      const [code = "", , ...words] = line.trim().split(/\s+/);
      const safe = words.filter((word) => !/[.:@]/.test(word)).join(" ");
      return code === "220"
        ? { status: "ok" as const, greeting: `220 ${safe}`.trim().slice(0, 80) }
        : { status: "unreachable" as const };
    },
    () => ({ status: "unreachable" as const }),
  );
  greetingCache = { url: smtpUrl, at: now, result };
  return result;
}

function readGreeting(smtpUrl: string, timeoutMs: number): Promise<string> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const port = Number(url.port || (secure ? 465 : 587));
  return new Promise((resolve, reject) => {
    const socket = secure
      ? tls.connect({ host: url.hostname, port, servername: url.hostname })
      : net.connect({ host: url.hostname, port });
    let buffer = "";
    const done = (error?: Error) => {
      socket.removeAllListeners("data");
      if (error) {
        socket.destroy();
        reject(error);
        return;
      }
      socket.end("QUIT\r\n");
      resolve(buffer.split("\r\n").find((line) => /^\d{3} /.test(line)) ?? buffer);
    };
    socket.setTimeout(timeoutMs, () => done(new Error("timeout")));
    socket.on("error", (error) => done(error));
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      if (/^\d{3} .*\r\n/m.test(buffer)) done();
    });
  });
}
