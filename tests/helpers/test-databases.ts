// The databases the integration suites run on: SQLite files and PostgreSQL databases in the throwaway server
// that the test runner starts (tests/setup/postgres.ts, prisma/temp-postgres.mjs). TEST_DATABASES=sqlite
// leaves PostgreSQL out on a machine without it; CI and `npm test` run both.
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, databaseProvider, type DatabaseProvider, type Db } from "@/lib/db/client";
import { tempDatabaseUrl } from "./temp-db";

/** Set by the runners' global setup to the throwaway server's admin URL. */
export const PG_ADMIN_URL_VARIABLE = "FSDEV_TEST_PG_ADMIN_URL";

export function testProviders(): DatabaseProvider[] {
  const wanted = (process.env.TEST_DATABASES ?? "sqlite,postgresql").split(",").map((name) => name.trim());
  return (["sqlite", "postgresql"] as const).filter((provider) => wanted.includes(provider));
}

let counter = 0;

/** An empty database of that provider: a SQLite file path (not yet created) or a new PostgreSQL database. */
export async function emptyDatabase(
  provider: DatabaseProvider,
  label: string,
): Promise<{ url: string; cleanup: () => Promise<void> }> {
  if (provider === "sqlite") {
    const file = tempDatabaseUrl(label);
    return { url: file.url, cleanup: async () => file.cleanup() };
  }
  const admin = process.env[PG_ADMIN_URL_VARIABLE];
  if (!admin) throw new Error(`${PG_ADMIN_URL_VARIABLE} is not set: the runner's PostgreSQL global setup did not run`);
  const name = `fsdev_${label.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_${process.pid}_${++counter}`.slice(0, 60);
  await adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(admin, `CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    cleanup: () => adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(admin: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A real database migrated by the project's own command (`node prisma/migrate.mjs deploy`), and a client on it. */
export async function migratedDb(
  label: string,
  provider: DatabaseProvider = "sqlite",
): Promise<{ db: Db; url: string; cleanup: () => Promise<void> }> {
  const database = await emptyDatabase(provider, label);
  execFileSync(process.execPath, ["prisma/migrate.mjs", "deploy"], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: "pipe",
  });
  const db = createDb(database.url);
  return {
    db,
    url: database.url,
    cleanup: async () => {
      await db.$disconnect();
      await database.cleanup();
    },
  };
}

/** Rows of one read-only query on either database, through the plain driver (quote identifiers: "Table"). */
export async function queryRows<T>(url: string, sql: string): Promise<T[]> {
  if (databaseProvider(url) === "sqlite") {
    const sqlite = new Database(url.replace(/^file:/, ""), { readonly: true });
    try {
      return sqlite.prepare(sql).all() as T[];
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}
