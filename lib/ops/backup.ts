/**
 * Backups of the whole database, consistent while the site takes posts, and their restore.
 *
 * - SQLite: the online backup API of the driver the app already uses (better-sqlite3's `backup()`), under
 *   SQLite's own locking with the write-ahead log included, in one step (see ALL_PAGES): one consistent moment.
 * - PostgreSQL: `pg_dump` in its custom format (one snapshot), restored with `pg_restore`.
 *
 * Each backup file gets a sidecar `<file>.json` saying when it was taken: a restore applies again every erasure
 * made after that moment (from the erasure journal, which lives beside the backups, outside the database, and
 * from the database being replaced), or erased people would come back with the old copy. Files are created
 * mode 0600: they hold every lead.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, sqliteFileFromUrl } from "@/prisma/providers.mjs";

const run = promisify(execFile);

/**
 * Every page in one step of SQLite's backup API. Copied a few pages at a time, a copy restarts whenever another
 * connection writes, so under steady posts it would never finish; one step copies inside one read transaction
 * (in WAL mode writers go on meanwhile), so the copy is one consistent moment and always ends.
 */
const ALL_PAGES = () => 0x7fffffff;

/** Daily backups' names: `fsdev-<UTC stamp>.db` (SQLite) or `.dump` (PostgreSQL), so they sort by age. */
const BACKUP_NAME = /^fsdev-\d{8}T\d{6}Z\.(db|dump)$/;
/** Where erasures are recorded outside the database, one JSON line each (see `journalErasure`). */
export const ERASURE_JOURNAL = "erasures.jsonl";

export type BackupMeta = { takenAt: string; provider: "sqlite" | "postgresql"; leads: number };

export type BackupResult = BackupMeta & { file: string; bytes: number; ms: number };

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/** The daily backup's file name for `at`. */
export function backupFileName(at: Date, provider: "sqlite" | "postgresql"): string {
  return `fsdev-${stamp(at)}.${provider === "sqlite" ? "db" : "dump"}`;
}

/** Refuses a backup target inside `public/` (it would be served to anyone) or an existing file. */
function checkTarget(file: string, root: string): void {
  const publicDir = path.resolve(root, "public") + path.sep;
  if ((path.resolve(file) + path.sep).startsWith(publicDir))
    throw new Error(`refusing to write a backup under public/ (${file}): everything there is served to the web`);
  if (fs.existsSync(file)) throw new Error(`${file} already exists; choose a new file name`);
}

/** An empty file only the owner can read, so the copy never exists readable by others, even for a moment. */
function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "wx", 0o600));
}

/** How PostgreSQL's tools are run: the folder holding them (else PATH) and the environment they inherit. */
export type PgTools = { bin?: string; env: NodeJS.ProcessEnv };

/** pg_dump/pg_restore's database argument and environment: the password in PGPASSWORD, never on the command line. */
function pgArgs(url: string, tools: PgTools): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: { ...tools.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function pgTool(name: "pg_dump" | "pg_restore", tools: PgTools): string {
  return tools.bin ? path.join(tools.bin, name) : name;
}

/** A failed tool's stderr, without the connection string (it may hold a password). */
function toolError(tool: string, error: unknown, url: string): Error {
  const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message ?? error);
  return new Error(`${tool} failed: ${stderr.split(url).join("<DATABASE_URL>").trim().slice(0, 2000)}`);
}

async function countLeadsSqlite(file: string): Promise<number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'QuoteRequest'").get();
    return table ? (db.prepare('SELECT COUNT(*) AS n FROM "QuoteRequest"').get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

/** Writes a consistent copy of the database at `databaseUrl` to `file`, and its sidecar. */
export async function backupDatabase(opts: {
  databaseUrl: string;
  file: string;
  root?: string;
  now?: () => Date;
  pgTools: PgTools;
}): Promise<BackupResult> {
  const root = opts.root ?? process.cwd();
  // turbopackIgnore: a file chosen at run time; tracing it would pull the whole project into the server output.
  const file = path.resolve(/*turbopackIgnore: true*/ root, opts.file);
  checkTarget(file, root);
  const provider = providerOf(opts.databaseUrl);
  const started = Date.now();
  // Taken at the moment the copy starts: anything erased after it is applied again on restore.
  const takenAt = (opts.now ?? (() => new Date()))();
  createPrivateFile(file);
  let leads = 0;
  try {
    if (provider === "sqlite") {
      const source = new Database(sqliteFileFromUrl(opts.databaseUrl), { fileMustExist: true });
      try {
        await source.backup(file, { progress: ALL_PAGES });
      } finally {
        source.close();
      }
      const check = new Database(file, { readonly: true });
      try {
        const result = check.pragma("integrity_check", { simple: true });
        if (result !== "ok") throw new Error(`the copy failed SQLite's integrity check: ${String(result)}`);
      } finally {
        check.close();
      }
    } else {
      leads = await dumpPostgres(opts.databaseUrl, file, opts.pgTools);
    }
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  if (provider === "sqlite") leads = await countLeadsSqlite(file);
  const meta: BackupMeta = { takenAt: takenAt.toISOString(), provider, leads };
  fs.writeFileSync(`${file}.json`, `${JSON.stringify(meta, null, 2)}\n`, { mode: 0o600 });
  return { ...meta, file, bytes: fs.statSync(file).size, ms: Date.now() - started };
}

/** When a backup was taken: its sidecar, else the file's modification time (said so in `source`). */
export function readBackupMeta(file: string): { takenAt: Date; source: "sidecar" | "file time" } {
  try {
    const meta = JSON.parse(fs.readFileSync(`${file}.json`, "utf8")) as Partial<BackupMeta>;
    const takenAt = new Date(String(meta.takenAt));
    if (!Number.isNaN(takenAt.getTime())) return { takenAt, source: "sidecar" };
  } catch {
    // no sidecar: fall back below
  }
  return { takenAt: fs.statSync(file).mtime, source: "file time" };
}

/** Daily backups in `dir`, newest first (their names sort by time). */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse()
    .map((name) => path.join(dir, name));
}

/** When the newest daily backup in `dir` was taken, or null. */
export function newestBackup(dir: string): Date | null {
  const newest = listBackups(dir)[0];
  return newest ? readBackupMeta(newest).takenAt : null;
}

/** Deletes all but the newest `keep` daily backups (and their sidecars); returns the files deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const file of old) {
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.json`, { force: true });
  }
  return old;
}

/** Records an erasure outside the database (a keyed hash of the address and the time, never the address). */
export function journalErasure(dir: string, entry: { emailHash: string; at: Date }): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.appendFileSync(
    path.join(dir, ERASURE_JOURNAL),
    `${JSON.stringify({ emailHash: entry.emailHash, at: entry.at.toISOString() })}\n`,
    { mode: 0o600 },
  );
}

/** The journal's erasures made after `after`. A damaged line is skipped (and counted), never fatal. */
export function journalErasuresAfter(dir: string, after: Date): { hashes: Set<string>; damaged: number } {
  const hashes = new Set<string>();
  let damaged = 0;
  const file = path.join(dir, ERASURE_JOURNAL);
  if (!fs.existsSync(file)) return { hashes, damaged };
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as { emailHash?: unknown; at?: unknown };
      const at = new Date(String(entry.at));
      if (typeof entry.emailHash !== "string" || Number.isNaN(at.getTime())) throw new Error("bad entry");
      if (at > after) hashes.add(entry.emailHash);
    } catch {
      damaged += 1;
    }
  }
  return { hashes, damaged };
}

/**
 * pg_dump of one exported snapshot, counted in that same snapshot: the sidecar's lead count is exactly what the
 * dump holds, however many posts arrive meanwhile.
 */
async function dumpPostgres(databaseUrl: string, file: string, tools: PgTools): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
    const table = await client.query(
      `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'QuoteRequest'`,
    );
    const leads = table.rowCount
      ? Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM "QuoteRequest"')).rows[0]!.n)
      : 0;
    const { dbname, env } = pgArgs(databaseUrl, tools);
    try {
      await run(
        pgTool("pg_dump", tools),
        ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${file}`, dbname],
        { env, maxBuffer: 16 * 1024 * 1024 },
      );
    } catch (error) {
      throw toolError("pg_dump", error, dbname);
    }
    await client.query("COMMIT");
    return leads;
  } finally {
    await client.end();
  }
}

/** Copies the backup in `file` over the database at `databaseUrl` (the caller has checked it may). */
export async function restoreDatabase(opts: { databaseUrl: string; file: string; pgTools: PgTools }): Promise<void> {
  const file = path.resolve(opts.file);
  if (!fs.existsSync(file)) throw new Error(`${opts.file} does not exist`);
  if (providerOf(opts.databaseUrl) === "sqlite") {
    const target = sqliteFileFromUrl(opts.databaseUrl);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      if (source.pragma("integrity_check", { simple: true }) !== "ok")
        throw new Error(`${opts.file} fails SQLite's integrity check; it is not restored`);
      // Through SQLite's backup API into the target: a server holding the target open sees the new content
      // under SQLite's locking (never a file swapped under an open connection, WAL and all).
      await source.backup(target, { progress: ALL_PAGES });
    } finally {
      source.close();
    }
    fs.chmodSync(target, 0o600);
    return;
  }
  const { dbname, env } = pgArgs(opts.databaseUrl, opts.pgTools);
  try {
    await run(
      pgTool("pg_restore", opts.pgTools),
      ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", `--dbname=${dbname}`, file],
      { env, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    throw toolError("pg_restore", error, dbname);
  }
}

/** Whether `dir` sits on the same filesystem as the SQLite database (a lost disk would take both). */
export function sameFilesystem(dir: string, databaseUrl: string): boolean | null {
  if (providerOf(databaseUrl) !== "sqlite") return null;
  try {
    return fs.statSync(dir).dev === fs.statSync(path.dirname(sqliteFileFromUrl(databaseUrl))).dev;
  } catch {
    return null;
  }
}
