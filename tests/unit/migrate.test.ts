// prisma/migrate.mjs against real SQLite files: the CLI as `npm run db:*` runs it, plus the in-process migrate().
// Each CLI run starts node and compiles the engine's wasm (~0.3–1 s), so the runs are shared where they can be.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, newMigrations } from "../../prisma/migrate.mjs";
import { POSTGRES_SCHEMA, postgresSchemaText } from "../../prisma/postgresql-schema.mjs";
import { tempDatabaseUrl } from "../helpers/temp-db";
import { emptyDatabase, queryRows, testProviders } from "../helpers/test-databases";

const root = fileURLToPath(new URL("../..", import.meta.url));
const migrationsDir = path.join(root, "prisma/migrations");
const INIT = "20261124000000_init";
/** Every committed migration, in the order deploy applies them. */
const ALL = fs
  .readdirSync(migrationsDir)
  .filter((name) => /^\d{14}_/.test(name))
  .sort();

// better-sqlite3 ships no types (and @types/better-sqlite3 is not installed); this is the little used here.
type Statement = { run(): unknown; all(): unknown[] };
type Db = { prepare(sql: string): Statement; pragma(sql: string, options: { simple: true }): unknown; close(): void };
const Database = createRequire(import.meta.url)("better-sqlite3") as new (
  file: string,
  options?: { readonly?: boolean },
) => Db;

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Runs `node prisma/migrate.mjs ...args` from the project root; never throws on a non-zero exit. */
function cli(url: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const env = { ...process.env, DATABASE_URL: url };
  try {
    const stdout = execFileSync(process.execPath, ["prisma/migrate.mjs", ...args], {
      cwd: root,
      env,
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const e = error as { status: number | null; stdout: string; stderr: string };
    return { code: e.status ?? -1, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("committed migrations", () => {
  it("are LF-only files with a sqlite lock file", () => {
    const lock = fs.readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8");
    expect(lock).toMatch(/^provider = "sqlite"$/m);
    for (const file of [
      path.join(migrationsDir, "migration_lock.toml"),
      path.join(migrationsDir, INIT, "migration.sql"),
    ]) {
      expect(fs.readFileSync(file, "utf8"), file).not.toContain("\r");
    }
  });

  it("match schema.prisma: diff prints an empty migration and exits 0 (fails when a migration was forgotten)", () => {
    const db = tempDatabaseUrl("diff");
    try {
      const r = cli(db.url, "diff");
      expect(r.stderr).toBe("");
      expect(r.stdout.trim()).toBe("-- This is an empty migration.");
      expect(r.code).toBe(0);
      expect(fs.existsSync(db.file)).toBe(false); // diff never touches the database
    } finally {
      db.cleanup();
    }
  });
});

describe("deploy on a new database file", () => {
  const db = tempDatabaseUrl("deploy");
  const file = path.join(path.dirname(db.file), "nested", "app.db"); // parent folder does not exist yet
  const url = `file:${file}`;
  let first: ReturnType<typeof cli>;
  beforeAll(() => {
    first = cli(url, "deploy");
  });
  afterAll(() => db.cleanup());

  it("creates the file and applies every migration, in order", () => {
    expect(ALL[0]).toBe(INIT);
    expect(first.stderr).toBe("");
    expect(first.stdout.trim()).toBe(`applied: ${ALL.join(", ")}`);
    expect(first.code).toBe(0);
    const tables = query<{ name: string }>(file, "SELECT name FROM sqlite_master WHERE type = 'table'").map(
      (t) => t.name,
    );
    expect(tables).toEqual(expect.arrayContaining(["QuoteRequest", "OutboxMessage", "_prisma_migrations"]));
  });

  it("records each migration as prisma migrate deploy does (checksum = sha256 of migration.sql)", () => {
    const rows = query<Record<string, unknown>>(file, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
    expect(rows.map((row) => row.migration_name)).toEqual(ALL);
    for (const [i, name] of ALL.entries()) {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"));
      expect(rows[i]).toMatchObject({
        checksum: createHash("sha256").update(sql).digest("hex"),
        rolled_back_at: null,
        logs: null,
      });
      expect(rows[i]?.finished_at).toEqual(expect.any(String));
      expect(Number(rows[i]?.applied_steps_count)).toBe(1);
    }
  });

  it("leaves the database in WAL journal mode", () => {
    const db2 = new Database(file, { readonly: true });
    try {
      expect(db2.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db2.close();
    }
  });

  it("is idempotent: a second deploy applies nothing", () => {
    const again = cli(url, "deploy");
    expect(again.stdout.trim()).toBe("applied: (none pending)");
    expect(again.code).toBe(0);
    expect(query(file, "SELECT * FROM _prisma_migrations")).toHaveLength(ALL.length);
  });

  it("status reports up to date and exits 0", () => {
    const r = cli(url, "status");
    expect(r.stdout).toMatch(/up to date/);
    expect(r.code).toBe(0);
  });
});

describe("status before the first deploy", () => {
  it("exits 1, names the pending migration and does not create the file", () => {
    const db = tempDatabaseUrl("status-fresh");
    try {
      const r = cli(db.url, "status");
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(INIT);
      expect(r.stdout).toMatch(/pending/i);
      expect(fs.existsSync(db.file)).toBe(false);
    } finally {
      db.cleanup();
    }
  });
});

describe("errors", () => {
  it("refuses a DATABASE_URL of another database, naming the two it takes and not echoing the URL", () => {
    const r = cli("mysql://app:s3cret@db.example.test:3306/fsdev", "deploy");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^migrate deploy failed: DATABASE_URL must be a SQLite file: URL or a postgresql:\/\/ URL/,
    );
    expect(r.stderr).not.toContain("s3cret");
  });

  it("a broken migration fails deploy with one clear line; resolve-rolled-back and a fixed file recover", async () => {
    const db = tempDatabaseUrl("broken");
    const dir = path.join(path.dirname(db.file), "migrations");
    const broken = "20991231000000_broken";
    try {
      fs.cpSync(migrationsDir, dir, { recursive: true });
      fs.mkdirSync(path.join(dir, broken));
      const brokenSql = 'CREATE TABLE "Scratch" ("id" INTEGER);\nALTER TABLE "Nope" ADD COLUMN "x" TEXT;\n';
      fs.writeFileSync(path.join(dir, broken, "migration.sql"), brokenSql);

      const r = cli(db.url, "deploy", "--migrations-dir", dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(new RegExp(`^migrate deploy failed: migration ${broken} failed: .*Nope.*\\n$`));
      expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.(m?js|rs):\d+/); // no JS or engine stack trace

      // The same state through the in-process API: status names the failed migration, deploy refuses to go on.
      const status = await migrate("status", { url: db.url, migrationsDir: dir });
      expect(status).toMatchObject({ exitCode: 1, upToDate: false, failed: [broken] });
      await expect(migrate("deploy", { url: db.url, migrationsDir: dir })).rejects.toThrow(/failed migrations/);

      // Recovery as documented: undo the partial DDL, mark rolled back, fix the file, deploy again.
      const rw = new Database(db.file);
      rw.prepare('DROP TABLE "Scratch"').run();
      rw.close();
      await migrate("resolve-rolled-back", { url: db.url, migrationsDir: dir, name: broken });
      fs.writeFileSync(path.join(dir, broken, "migration.sql"), 'CREATE TABLE "Scratch" ("id" INTEGER);\n');
      const lines: string[] = [];
      const fixed = await migrate("deploy", { url: db.url, migrationsDir: dir, log: (l) => lines.push(l) });
      expect(fixed.applied).toEqual([broken]);
      expect(lines).toEqual([`applied: ${broken}`]);
    } finally {
      db.cleanup();
    }
  });
});

describe("new <name>", () => {
  it("writes the next timestamped migration for a schema change, and nothing when there is none", async () => {
    const db = tempDatabaseUrl("new");
    const work = path.dirname(db.file);
    const dir = path.join(work, "migrations");
    const schemaPath = path.join(work, "schema.prisma");
    try {
      fs.cpSync(migrationsDir, dir, { recursive: true });
      const schema = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
      fs.writeFileSync(schemaPath, schema.replace(/^(\s+phone\s+String\?)$/m, "$1\n  website String?"));

      const diff = await migrate("diff", { url: db.url, schemaPath, migrationsDir: dir });
      expect(diff).toMatchObject({ exitCode: 2, changed: true });

      const created = await migrate("new", { url: db.url, schemaPath, migrationsDir: dir, name: "Add website" });
      expect(created.file).toMatch(/[/\\]\d{14}_add_website[/\\]migration\.sql$/);
      const stamp = path.basename(path.dirname(created.file ?? "")).slice(0, 14);
      expect(stamp > INIT.slice(0, 14)).toBe(true);
      expect(fs.readFileSync(created.file ?? "", "utf8")).toContain(
        'ALTER TABLE "QuoteRequest" ADD COLUMN "website" TEXT;',
      );

      const none = await migrate("new", { url: db.url, schemaPath, migrationsDir: dir, name: "again" });
      expect(none).toMatchObject({ exitCode: 0, changed: false, file: null });
      expect(fs.existsSync(db.file)).toBe(false);
    } finally {
      db.cleanup();
    }
  });
});

// The same commands on PostgreSQL (the throwaway server of tests/setup/postgres.ts), with its own history.
const pgMigrationsDir = path.join(root, "prisma/postgresql/migrations");
const PG_ALL = fs
  .readdirSync(pgMigrationsDir)
  .filter((name) => /^\d{14}_/.test(name))
  .sort();

describe("one source of models", () => {
  it("the PostgreSQL schema is schema.prisma with only the provider and client output swapped", () => {
    const sqlite = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const written = postgresSchemaText(sqlite);
    const changed = written.split("\n").filter((line) => !sqlite.split("\n").includes(line));
    expect(changed).toEqual([
      expect.stringMatching(/^\/\/ GENERATED from prisma\/schema\.prisma/),
      '  output       = "../../lib/generated/postgresql"',
      '  provider = "postgresql"',
    ]);
    // postinstall wrote the same text (a stale copy means the PostgreSQL client was generated from old models).
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(written);
  });

  it("refuses provider-specific attributes, which would make the two databases differ", () => {
    const sqlite = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    expect(() => postgresSchemaText(sqlite.replace(/(name\s+String)$/m, "$1 @db.VarChar(120)"))).toThrow(
      /@db\.VarChar/,
    );
  });
});

// Each CLI run starts node, compiles the engine and talks to the server: slow on a loaded machine.
describe.runIf(testProviders().includes("postgresql"))("on postgresql", { timeout: 120_000 }, () => {
  it("the committed history has a postgresql lock file and LF-only files", () => {
    expect(fs.readFileSync(path.join(pgMigrationsDir, "migration_lock.toml"), "utf8")).toMatch(
      /^provider = "postgresql"$/m,
    );
    for (const name of PG_ALL)
      expect(fs.readFileSync(path.join(pgMigrationsDir, name, "migration.sql"), "utf8")).not.toContain("\r");
  });

  it("matches schema.prisma: diff is empty and exits 0 (fails when the PostgreSQL history drifts)", async () => {
    const db = await emptyDatabase("postgresql", "pg-diff");
    try {
      const r = cli(db.url, "diff");
      expect(r.stderr).toBe("");
      expect(r.stdout.trim()).toBe("-- This is an empty migration.");
      expect(r.code).toBe(0);
      // The diff used a shadow database of its own and removed it.
      const shadows = await queryRows<{ datname: string }>(
        db.url,
        "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
      );
      expect(shadows).toEqual([]);
    } finally {
      await db.cleanup();
    }
  });

  it("deploys every migration once with checksums, reports up to date; a second deploy applies nothing", async () => {
    const db = await emptyDatabase("postgresql", "pg-deploy");
    try {
      const before = cli(db.url, "status");
      expect(before.code).toBe(1);
      expect(before.stdout).toMatch(/pending/i);
      const first = cli(db.url, "deploy");
      expect(first.stderr).toBe("");
      expect(first.stdout.trim()).toBe(`applied: ${PG_ALL.join(", ")}`);
      const rows = await queryRows<Record<string, unknown>>(
        db.url,
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(rows.map((row) => row.migration_name)).toEqual(PG_ALL);
      for (const [i, name] of PG_ALL.entries()) {
        const sql = fs.readFileSync(path.join(pgMigrationsDir, name, "migration.sql"));
        expect(rows[i]?.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
        expect(rows[i]?.finished_at).toBeInstanceOf(Date);
      }
      const tables = await queryRows<{ tablename: string }>(
        db.url,
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
      );
      expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(["QuoteRequest", "OutboxMessage"]));
      expect(cli(db.url, "deploy").stdout.trim()).toBe("applied: (none pending)");
      const status = cli(db.url, "status");
      expect(status.stdout).toMatch(/up to date/);
      expect(status.code).toBe(0);
      expect(cli(db.url, "diff").code).toBe(0);
    } finally {
      await db.cleanup();
    }
  });

  it("a broken migration fails as a whole; resolve-rolled-back and a fixed file recover", async () => {
    const db = await emptyDatabase("postgresql", "pg-broken");
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-pg-broken-"));
    const dir = path.join(work, "migrations");
    const broken = "20991231000000_broken";
    try {
      fs.cpSync(pgMigrationsDir, dir, { recursive: true });
      fs.mkdirSync(path.join(dir, broken));
      // A function body with semicolons inside $$ and a comment with one: sent as one script, not split.
      const good =
        'CREATE TABLE "Scratch" ("id" INTEGER);\n' +
        "CREATE FUNCTION scratch_one() RETURNS integer AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\n" +
        "COMMENT ON TABLE \"Scratch\" IS 'made; by a test';\n";
      fs.writeFileSync(path.join(dir, broken, "migration.sql"), `${good}ALTER TABLE "Nope" ADD COLUMN "x" TEXT;\n`);

      const r = cli(db.url, "deploy", "--migrations-dir", dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^migrate deploy failed: .*Nope/);
      expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
      // PostgreSQL rolled the whole file back: the first statement's table is not there.
      expect(await queryRows(db.url, "SELECT 1 FROM pg_tables WHERE tablename = 'Scratch'")).toEqual([]);
      const status = await migrate("status", { url: db.url, migrationsDir: dir });
      expect(status).toMatchObject({ exitCode: 1, upToDate: false, failed: [broken] });
      await expect(migrate("deploy", { url: db.url, migrationsDir: dir })).rejects.toThrow(/failed migrations/);

      await migrate("resolve-rolled-back", { url: db.url, migrationsDir: dir, name: broken });
      fs.writeFileSync(path.join(dir, broken, "migration.sql"), good);
      const fixed = await migrate("deploy", { url: db.url, migrationsDir: dir });
      expect(fixed.applied).toEqual([broken]);
      expect(await queryRows(db.url, "SELECT scratch_one() AS one")).toEqual([{ one: 1 }]);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
      await db.cleanup();
    }
  });

  it("new <name> writes the next migration of both histories under one folder name", async () => {
    const db = await emptyDatabase("postgresql", "pg-new");
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-new-both-"));
    const dirs = { sqlite: path.join(work, "sqlite"), postgresql: path.join(work, "postgresql") };
    const schemaPath = path.join(work, "schema.prisma");
    try {
      fs.cpSync(migrationsDir, dirs.sqlite, { recursive: true });
      fs.cpSync(pgMigrationsDir, dirs.postgresql, { recursive: true });
      const schema = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
      fs.writeFileSync(schemaPath, schema.replace(/^(\s+phone\s+String\?)$/m, "$1\n  website String?"));

      const [sqlite, postgres] = await newMigrations("Add website", {
        schemaPath,
        migrationsDirs: dirs,
        postgresUrl: db.url,
      });
      expect(path.basename(path.dirname(sqlite?.file ?? ""))).toMatch(/^\d{14}_add_website$/);
      expect(path.basename(path.dirname(postgres?.file ?? ""))).toBe(path.basename(path.dirname(sqlite?.file ?? "")));
      expect(fs.readFileSync(postgres?.file ?? "", "utf8")).toMatch(
        /ALTER TABLE "QuoteRequest" ADD COLUMN\s+"website" TEXT;/,
      );
      // Deployed on PostgreSQL, the new history matches the edited schema.
      await migrate("deploy", { url: db.url, migrationsDir: dirs.postgresql, schemaPath });
      expect(await migrate("diff", { url: db.url, migrationsDir: dirs.postgresql, schemaPath })).toMatchObject({
        exitCode: 0,
        changed: false,
      });
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
      await db.cleanup();
    }
  });

  it("fails with one line and no password when the server cannot be reached", () => {
    const r = cli("postgresql://app:s3cret@127.0.0.1:1/fsdev", "deploy");
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toContain("s3cret");
  });
});
