#!/usr/bin/env node
/* global WebAssembly */
// Prisma migrations without Prisma's native schema engine (a binary the Prisma CLI downloads, which this project
// never fetches). This drives the same engine compiled to WebAssembly (@prisma/schema-engine-wasm, pinned to the
// installed prisma's engine version) through the driver adapter the app uses, and keeps Prisma's formats:
// migrations/<name>/migration.sql, migration_lock.toml and the `_prisma_migrations` table (checksum = sha256 of the
// file), so the native `prisma migrate deploy` can take over on any machine that has it.
//
// node prisma/migrate.mjs <command>:
//   deploy                      apply pending migrations                     exit 0
//   status                      database history vs. the migrations folder   exit 0 up to date, 1 not
//   diff                        SQL from the migrations to schema.prisma     exit 0 none, 2 changes
//   diff-empty                  SQL from an empty database to schema.prisma (the first migration)
//   new <name>                  write migrations/<UTC YYYYMMDDHHMMSS>_<name>/migration.sql
//   resolve-rolled-back <name>  mark a failed migration rolled back (after cleaning up by hand)
// Options: --schema <file> (default prisma/schema.prisma), --migrations-dir <dir> (default prisma/migrations).
// DATABASE_URL defaults to lib/defaults.mjs's; relative paths resolve against the cwd (the project root).
// SQLite migrations are not transactional: a failed one can leave partial DDL behind (clean up, then resolve).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import nextEnv from "@next/env";
import { DEFAULT_DATABASE_URL } from "../lib/defaults.mjs";

const COMMANDS = ["deploy", "status", "diff", "diff-empty", "new", "resolve-rolled-back"];
const FILTERS = { externalTables: [], externalEnums: [] };
const ADAPTERS = { postgres: "@prisma/adapter-pg", postgresql: "@prisma/adapter-pg", mysql: "@prisma/adapter-mariadb" };

/** Absolute SQLite path of a `file:` URL; any other scheme is refused, naming the adapter it would need. */
export function sqliteFileFromUrl(url) {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? "";
  if (scheme !== "file") {
    throw new Error(
      ADAPTERS[scheme]
        ? `DATABASE_URL is a ${scheme}: URL, which needs the ${ADAPTERS[scheme]} driver adapter; ` +
            "migrate.mjs supports only SQLite file: URLs so far"
        : `DATABASE_URL must be a SQLite file: URL (got ${scheme ? `"${scheme}:"` : "no scheme"})`,
    );
  }
  const file = url.startsWith("file://") ? fileURLToPath(url.split("?")[0]) : url.slice(5).split("?")[0];
  if (!file) throw new Error("DATABASE_URL has an empty file path");
  return path.resolve(file);
}

// node 20 cannot `import` a .wasm file, so the engine's wasm is instantiated by hand, once per process.
let bindings;
function loadEngine() {
  bindings ??= (async () => {
    const bgPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = await import(pathToFileURL(bgPath).href);
    const wasm = new WebAssembly.Module(fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm")));
    const instance = new WebAssembly.Instance(wasm, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return bg;
  })();
  return bindings;
}

/**
 * The better-sqlite3 adapter factory with two fixes for the engine (the app's own use is unaffected):
 * - on the shadow database the engine replays each migration as one `executeRaw` without arguments, which
 *   better-sqlite3's prepare() refuses ("contains more than one statement"), so those calls run as a script;
 * - the engine never closes its connections and applyMigrations sets `locking_mode=EXCLUSIVE`, so the
 *   connections are remembered and closeAll() closes them after engine.free().
 */
function sqliteFactory(url) {
  const inner = new PrismaBetterSqlite3({ url });
  const opened = [];
  const remember = (adapter) => (opened.push(adapter), adapter);
  return {
    adapterName: inner.adapterName,
    provider: inner.provider,
    connect: async () => remember(await inner.connect()),
    async connectToShadowDb() {
      const adapter = remember(await inner.connectToShadowDb());
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (q) => (q.args.length ? executeRaw(q) : (await adapter.executeScript(q.sql), 0));
      return adapter;
    },
    closeAll: () => Promise.all(opened.splice(0).map((adapter) => adapter.dispose())),
  };
}

/** The committed migrations in the engine's shape: directories sorted by name, like Prisma's CLI. */
function readMigrations(migrationsDir) {
  const baseDir = path.resolve(migrationsDir);
  const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null);
  const names = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  const migrationDirectories = names.map((name) => {
    const sql = read(path.join(baseDir, name, "migration.sql"));
    const content =
      sql === null ? { tag: "error", value: `${name}/migration.sql is missing` } : { tag: "ok", value: sql };
    return { path: name, migrationFile: { path: "migration.sql", content } };
  });
  const lockfile = { path: "migration_lock.toml", content: read(path.join(baseDir, "migration_lock.toml")) };
  return { baseDir, lockfile, shadowDbInitScript: "", migrationDirectories };
}

/** Unfinished (failed, not rolled back) migration names, or null when the file has no `_prisma_migrations` table. */
function unfinishedMigrations(dbFile) {
  if (!fs.existsSync(dbFile)) return null;
  const db = new Database(dbFile, { readonly: true });
  try {
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get())
      return null;
    return db
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL")
      .pluck()
      .all();
  } finally {
    db.close();
  }
}

/** Human summary of what diagnoseMigrationHistory found wrong. */
function statusLines(d) {
  const h = d.history ?? {};
  const list = (names) => (names?.length ? names.join(", ") : "-");
  const lines = [];
  if (h.diagnostic === "databaseIsBehind")
    lines.push(`Pending migrations (not yet applied): ${list(h.unappliedMigrationNames)}`);
  if (h.diagnostic === "migrationsDirectoryIsBehind")
    lines.push(`Applied but missing from the migrations folder: ${list(h.unpersistedMigrationNames)}`);
  if (h.diagnostic === "historiesDiverge") {
    lines.push(
      `Histories diverge after ${h.lastCommonMigrationName ?? "the start"}: only in the database: ` +
        `${list(h.unpersistedMigrationNames)}; only in the folder: ${list(h.unappliedMigrationNames)}`,
    );
  }
  if (d.failedMigrationNames.length)
    lines.push(`Failed migrations: ${list(d.failedMigrationNames)} (clean up, then resolve-rolled-back <name>)`);
  if (d.editedMigrationNames.length)
    lines.push(`Edited after being applied (checksum differs): ${list(d.editedMigrationNames)}`);
  return lines;
}

/** `YYYYMMDDHHMMSS` (UTC) for a new migration, bumped past the newest existing one so it always sorts last. */
function nextTimestamp(existing) {
  const stamp = (ms) => new Date(ms).toISOString().replace(/\D/g, "").slice(0, 14);
  const last = existing
    .map((n) => n.slice(0, 14))
    .filter((s) => /^\d{14}$/.test(s))
    .sort()
    .at(-1);
  const lastMs = last ? Date.parse(last.replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, "$1-$2-$3T$4:$5:$6Z")) : 0;
  return stamp(Math.max(Date.now(), lastMs + 1000));
}

/**
 * Runs one command in-process. Output lines go to `log`; the result carries the facts and the CLI exit code.
 * Throws on configuration or engine errors (a failed migration included).
 * @param {"deploy"|"status"|"diff"|"diff-empty"|"new"|"resolve-rolled-back"} command
 * @param {{ url?: string, schemaPath?: string, migrationsDir?: string, name?: string,
 *   log?: (line: string) => void }} [options]
 * @returns {Promise<{ exitCode: number, applied?: string[], upToDate?: boolean, pending?: string[], failed?: string[],
 *   edited?: string[], sql?: string, changed?: boolean, file?: string | null }>}
 */
export async function migrate(command, options = {}) {
  const {
    url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    schemaPath = "prisma/schema.prisma",
    migrationsDir = "prisma/migrations",
    name,
    log = () => {},
  } = options;
  if (!COMMANDS.includes(command)) throw new Error(`unknown command "${command}"; use one of ${COMMANDS.join(", ")}`);
  if ((command === "new" || command === "resolve-rolled-back") && !name)
    throw new Error(`usage: migrate.mjs ${command} <name>`);
  const dbFile = sqliteFileFromUrl(url);
  const migrations = readMigrations(migrationsDir);
  const schema = { path: path.resolve(schemaPath), content: fs.readFileSync(schemaPath, "utf8") };

  if (command === "status" && !unfinishedMigrations(dbFile)) {
    // the engine's history check errors out without the table
    const pending = migrations.migrationDirectories.map((m) => m.path);
    log(
      pending.length
        ? `No migration applied yet. Pending migrations: ${pending.join(", ")}`
        : "No migrations to apply.",
    );
    return { exitCode: pending.length ? 1 : 0, upToDate: !pending.length, pending, failed: [], edited: [] };
  }
  // The diff commands never touch the database: they run on in-memory SQLite (the shadow is in memory too).
  const usesDatabase = ["deploy", "status", "resolve-rolled-back"].includes(command);
  if (usesDatabase) fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const factory = sqliteFactory(usesDatabase ? `file:${dbFile}` : ":memory:");
  const { SchemaEngine } = await loadEngine();
  const engine = await SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  let result, failure;
  try {
    if (command === "deploy") {
      const { appliedMigrationNames: applied } = await engine.applyMigrations({
        migrationsList: migrations,
        filters: FILTERS,
      });
      log(`applied: ${applied.length ? applied.join(", ") : "(none pending)"}`);
      result = { exitCode: 0, applied };
    } else if (command === "status") {
      const d = await engine.diagnoseMigrationHistory({
        migrationsList: migrations,
        optInToShadowDatabase: false,
        filters: FILTERS,
      });
      const upToDate = !d.history && !d.failedMigrationNames.length && !d.editedMigrationNames.length;
      const count = migrations.migrationDirectories.length;
      const lines = upToDate
        ? [`Database schema is up to date (${count} migration${count === 1 ? "" : "s"} applied).`]
        : statusLines(d);
      (lines.length ? lines : [`Migration history: ${JSON.stringify(d.history)}`]).forEach((line) => log(line));
      const pending = d.history?.unappliedMigrationNames ?? [];
      result = {
        exitCode: upToDate ? 0 : 1,
        upToDate,
        pending,
        failed: d.failedMigrationNames,
        edited: d.editedMigrationNames,
      };
    } else if (command === "resolve-rolled-back") {
      await engine.markMigrationRolledBack({ migrationName: name });
      log(`marked rolled back: ${name}`);
      result = { exitCode: 0 };
    } else {
      const from = command === "diff-empty" ? { tag: "empty" } : { tag: "migrations", ...migrations };
      const diff = await engine.diff({
        from,
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: true,
        filters: FILTERS,
      });
      const sql = diff.stdout ?? "";
      const changed = diff.exitCode === 2; // the engine's `--exit-code` convention: 2 = the schemas differ
      if (command !== "new") {
        log(sql.replace(/\n$/, ""));
        result = { exitCode: command === "diff" ? diff.exitCode : 0, sql, changed };
      } else if (!changed) {
        log("No schema changes: the migrations already match schema.prisma; nothing written.");
        result = { exitCode: 0, sql, changed, file: null };
      } else {
        const slug = name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "_")
          .replace(/^_+|_+$/g, "");
        if (!slug) throw new Error(`migration name "${name}" has no letters or digits`);
        const dir = path.join(
          migrations.baseDir,
          `${nextTimestamp(migrations.migrationDirectories.map((m) => m.path))}_${slug}`,
        );
        const file = path.join(dir, "migration.sql");
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, sql.endsWith("\n") ? sql : `${sql}\n`);
        log(path.relative(process.cwd(), file));
        result = { exitCode: 0, sql, changed, file };
      }
    }
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
  } finally {
    engine.free();
    await factory.closeAll();
  }
  if (failure && command === "deploy") {
    // The engine's message is the database error alone; name the migration that failed and the way out.
    const failed = unfinishedMigrations(dbFile) ?? [];
    if (failed.length && !failed.some((n) => failure.message.includes(n))) {
      failure.message =
        `migration ${failed.join(", ")} failed: ${failure.message} (SQLite keeps the statements that ran ` +
        `before the error; undo them, then: node prisma/migrate.mjs resolve-rolled-back ${failed[0]})`;
    }
  }
  if (failure) throw failure;
  if (command === "deploy") {
    // WAL journal: readers keep reading while the app's writers commit (the default rollback journal blocks them).
    // The mode is stored in the file; it must be set after the engine's exclusive connection is closed.
    const db = new Database(dbFile);
    try {
      db.pragma("journal_mode = WAL");
    } finally {
      db.close();
    }
  }
  return result;
}

// CLI, only when run as `node prisma/migrate.mjs ...` (not when imported by the app or the tests).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // The same .env files `next start` reads, so DATABASE_URL agrees with the app's (the real environment wins).
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV === "development", {
    info: () => {},
    error: console.error,
  });
  const args = process.argv.slice(2);
  const option = (flag) => (args.includes(flag) ? args.splice(args.indexOf(flag), 2)[1] : undefined);
  const schemaPath = option("--schema");
  const migrationsDir = option("--migrations-dir");
  const [command = "", name] = args;
  let code = 1;
  try {
    const result = await migrate(command, {
      schemaPath,
      migrationsDir,
      name,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    code = result.exitCode;
  } catch (error) {
    // One line, no stack trace: engine errors span several lines (error, migration name, database message).
    const message = (error instanceof Error ? error.message : String(error))
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean);
    process.stderr.write(`migrate ${command || "(no command)"} failed: ${message.join(" | ")}\n`);
  }
  process.exit(code);
}
