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
//   new <name>                  write the next migration of BOTH histories (SQLite and PostgreSQL),
//                               <UTC YYYYMMDDHHMMSS>_<name>/migration.sql in each
//   resolve-rolled-back <name>  mark a failed migration rolled back (after cleaning up by hand)
// Options: --schema <file> (default prisma/schema.prisma), --migrations-dir <dir>, --provider sqlite|postgresql
// (`new` only: write one history).
// Two databases, one schema: DATABASE_URL file:... is SQLite (history prisma/migrations), postgresql://... is
// PostgreSQL (history prisma/postgresql/migrations, schema written in memory from schema.prisma by
// postgresql-schema.mjs). The PostgreSQL diff needs a server for its shadow database: `new` starts a throwaway
// one (temp-postgres.mjs) unless DATABASE_URL is a PostgreSQL URL.
// DATABASE_URL defaults to lib/server/defaults.mjs's; relative paths resolve against the cwd (the project root).
// SQLite migrations are not transactional: a failed one can leave partial DDL behind (clean up, then resolve).
// PostgreSQL runs each migration file as one script, so a failed one leaves nothing behind.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import nextEnv from "@next/env";
import pg from "pg";
import { postgresSchemaText } from "./postgresql-schema.mjs";
import { MIGRATIONS_DIRS, providerOf, sqliteFileFromUrl } from "./providers.mjs";
import { startTempPostgres } from "./temp-postgres.mjs";
import { DEFAULT_DATABASE_URL } from "../lib/server/defaults.mjs";

export { MIGRATIONS_DIRS, providerOf, sqliteFileFromUrl };
const COMMANDS = ["deploy", "status", "diff", "diff-empty", "new", "resolve-rolled-back"];
const FILTERS = { externalTables: [], externalEnums: [] };
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

/**
 * The adapter-pg factory with the three fixes the engine needs (STACK.md "PostgreSQL 15 results"; the app's
 * own client is unaffected, these touch only the adapters made here):
 * 1. executeScript sends the whole migration as one query (adapter-pg splits on ";", which breaks $$ bodies and
 *    quoted semicolons and is not atomic); one simple-protocol query is one implicit transaction;
 * 2. the shadow database is created and dropped here, from discrete connection fields (pg lets a
 *    connectionString override `database`, so adapter-pg's own shadow would be the main database), and the
 *    pool is ended before the DROP;
 * 3. columns of PostgreSQL's internal "char" type (oid 18), which the engine reads when it describes a schema,
 *    are handed over as text marked Character (adapter-pg refuses them).
 */
function postgresFactory(url) {
  const u = new URL(url);
  const config = {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    ...(u.searchParams.get("sslmode") && u.searchParams.get("sslmode") !== "disable"
      ? { ssl: { rejectUnauthorized: u.searchParams.get("sslmode") === "verify-full" } }
      : {}),
    max: 4,
  };
  const opened = [];
  const patch = (adapter) => {
    adapter.executeScript = async (script) => {
      try {
        await adapter.client.query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    const performIO = adapter.performIO;
    const queryRaw = adapter.queryRaw;
    adapter.queryRaw = async function (query) {
      const chars = [];
      const call = Object.create(this);
      call.performIO = async (q) => {
        const r = await performIO.call(this, q);
        r?.fields.forEach((f, i) => f.dataTypeID === 18 && ((f.dataTypeID = 25), chars.push(i)));
        return r;
      };
      const result = await queryRaw.call(call, query);
      for (const i of chars) result.columnTypes[i] = ColumnTypeEnum.Character;
      return result;
    };
    opened.push(adapter);
    return adapter;
  };
  const connectTo = async (database) => patch(await new PrismaPg({ ...config, database }).connect());
  return {
    adapterName: "@prisma/adapter-pg",
    provider: "postgres",
    connect: () => connectTo(config.database),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
      const admin = new pg.Client(config);
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      const adapter = await connectTo(name);
      const dispose = adapter.dispose.bind(adapter);
      let disposed;
      adapter.dispose = () =>
        (disposed ??= (async () => {
          await dispose();
          const cleanup = new pg.Client(config);
          await cleanup.connect();
          try {
            await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          } finally {
            await cleanup.end();
          }
        })());
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

/** Unfinished (failed, not rolled back) migration names; null when the database has no `_prisma_migrations` table. */
async function unfinishedMigrations(url) {
  if (providerOf(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const exists = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS found");
      if (!exists.rows[0]?.found) return null;
      const rows = await client.query(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL",
      );
      return rows.rows.map((row) => row.migration_name);
    } finally {
      await client.end();
    }
  }
  const dbFile = sqliteFileFromUrl(url);
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

/** A migration folder name's slug: lower case, `_` between words. */
function slugOf(name) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error(`migration name "${name}" has no letters or digits`);
  return slug;
}

/** The schema text the engine gets for a provider: schema.prisma itself, or the PostgreSQL text written from it. */
function schemaFor(provider, schemaPath) {
  const text = fs.readFileSync(schemaPath, "utf8");
  return { path: path.resolve(schemaPath), content: provider === "postgresql" ? postgresSchemaText(text) : text };
}

/**
 * Runs one command in-process. Output lines go to `log`; the result carries the facts and the CLI exit code.
 * Throws on configuration or engine errors (a failed migration included). `new` writes one history here (the
 * URL's provider); the CLI's `new` writes both (newMigrations below).
 * @param {"deploy"|"status"|"diff"|"diff-empty"|"new"|"resolve-rolled-back"} command
 * @param {{ url?: string, schemaPath?: string, migrationsDir?: string, name?: string, folder?: string,
 *   log?: (line: string) => void }} [options]
 * @returns {Promise<{ exitCode: number, provider: "sqlite" | "postgresql", applied?: string[], upToDate?: boolean,
 *   pending?: string[], failed?: string[], edited?: string[], sql?: string, changed?: boolean, file?: string | null }>}
 */
export async function migrate(command, options = {}) {
  const { url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL, name, log = () => {} } = options;
  if (!COMMANDS.includes(command)) throw new Error(`unknown command "${command}"; use one of ${COMMANDS.join(", ")}`);
  if ((command === "new" || command === "resolve-rolled-back") && !name)
    throw new Error(`usage: migrate.mjs ${command} <name>`);
  const provider = providerOf(url);
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIRS[provider];
  const migrations = readMigrations(migrationsDir);
  const schema = schemaFor(provider, options.schemaPath ?? "prisma/schema.prisma");
  const usesDatabase = ["deploy", "status", "resolve-rolled-back"].includes(command);
  const dbFile = provider === "sqlite" ? sqliteFileFromUrl(url) : null;

  if (command === "status" && !(await unfinishedMigrations(url))) {
    // the engine's history check errors out without the table
    const pending = migrations.migrationDirectories.map((m) => m.path);
    log(
      pending.length
        ? `No migration applied yet. Pending migrations: ${pending.join(", ")}`
        : "No migrations to apply.",
    );
    return { exitCode: pending.length ? 1 : 0, provider, upToDate: !pending.length, pending, failed: [], edited: [] };
  }
  let factory;
  if (provider === "postgresql") {
    // The diff commands only create and drop a shadow database on this server; they never change its data.
    factory = postgresFactory(url);
  } else {
    // The SQLite diff commands never touch the database: they run on in-memory SQLite (the shadow too).
    if (usesDatabase) fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    factory = sqliteFactory(usesDatabase ? `file:${dbFile}` : ":memory:");
  }
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
      result = { exitCode: 0, provider, applied };
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
        provider,
        upToDate,
        pending,
        failed: d.failedMigrationNames,
        edited: d.editedMigrationNames,
      };
    } else if (command === "resolve-rolled-back") {
      await engine.markMigrationRolledBack({ migrationName: name });
      log(`marked rolled back: ${name}`);
      result = { exitCode: 0, provider };
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
        result = { exitCode: command === "diff" ? diff.exitCode : 0, provider, sql, changed };
      } else if (!changed) {
        log(`${provider}: no schema changes, the migrations already match schema.prisma; nothing written.`);
        result = { exitCode: 0, provider, sql, changed, file: null };
      } else {
        const folder =
          options.folder ?? `${nextTimestamp(migrations.migrationDirectories.map((m) => m.path))}_${slugOf(name)}`;
        const dir = path.join(migrations.baseDir, folder);
        const file = path.join(dir, "migration.sql");
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, sql.endsWith("\n") ? sql : `${sql}\n`);
        log(path.relative(process.cwd(), file));
        result = { exitCode: 0, provider, sql, changed, file };
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
    const failed = (await unfinishedMigrations(url).catch(() => null)) ?? [];
    if (failed.length && !failed.some((n) => failure.message.includes(n))) {
      const kept =
        provider === "sqlite"
          ? "SQLite keeps the statements that ran before the error; undo them, then"
          : "PostgreSQL rolled the whole file back; fix it, then";
      failure.message =
        `migration ${failed.join(", ")} failed: ${failure.message} (${kept}: ` +
        `node prisma/migrate.mjs resolve-rolled-back ${failed[0]})`;
    }
  }
  if (failure) throw failure;
  if (command === "deploy" && provider === "sqlite") {
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

/**
 * `new <name>` for both histories, under one folder name: SQLite on an in-memory database, PostgreSQL on the
 * server in `postgresUrl`, or on a throwaway server started here (the diff needs a shadow database).
 * @param {string} name
 * @param {{ providers?: ("sqlite"|"postgresql")[], postgresUrl?: string, schemaPath?: string,
 *   migrationsDirs?: { sqlite: string, postgresql: string }, log?: (line: string) => void }} [options]
 */
export async function newMigrations(name, options = {}) {
  const providers = options.providers ?? ["sqlite", "postgresql"];
  const dirs = options.migrationsDirs ?? MIGRATIONS_DIRS;
  const existing = providers.flatMap((p) => readMigrations(dirs[p]).migrationDirectories.map((m) => m.path));
  const folder = `${nextTimestamp(existing)}_${slugOf(name)}`;
  const results = [];
  for (const provider of providers) {
    if (provider === "sqlite") {
      results.push(
        await migrate("new", { url: "file::memory:", name, folder, migrationsDir: dirs.sqlite, ...pick(options) }),
      );
      continue;
    }
    const server = options.postgresUrl ? null : await startTempPostgres();
    try {
      const url = options.postgresUrl ?? (await server.createDatabase("fsdev_migration_diff"));
      results.push(await migrate("new", { url, name, folder, migrationsDir: dirs.postgresql, ...pick(options) }));
    } finally {
      await server?.stop();
    }
  }
  return results;
}

const pick = ({ schemaPath, log }) => ({ ...(schemaPath ? { schemaPath } : {}), ...(log ? { log } : {}) });

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
  const only = option("--provider");
  const [command = "", name] = args;
  const log = (line) => process.stdout.write(`${line}\n`);
  let code = 1;
  try {
    if (command === "new" && !migrationsDir) {
      if (!name) throw new Error("usage: migrate.mjs new <name> [--provider sqlite|postgresql]");
      if (only && !(only in MIGRATIONS_DIRS)) throw new Error(`--provider must be sqlite or postgresql`);
      const url = process.env.DATABASE_URL;
      await newMigrations(name, {
        providers: only ? [only] : undefined,
        postgresUrl: url && providerOf(url) === "postgresql" ? url : undefined,
        schemaPath,
        log,
      });
      code = 0;
    } else {
      const result = await migrate(command, { schemaPath, migrationsDir, name, log });
      code = result.exitCode;
    }
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
