import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { providerOf } from "@/prisma/providers.mjs";

/**
 * The one client type callers see, whichever database is behind it. It is the SQLite client's type; the
 * PostgreSQL client is generated from the same models (prisma/postgresql-schema.mjs), and lib/db/parity.ts
 * proves at compile time that it reads and writes the same rows with the same arguments.
 */
export type Db = PrismaClient;

export type DatabaseProvider = "sqlite" | "postgresql";

/** The client inside `db.$transaction(async (tx) => ...)`. */
export type DbTransaction = Prisma.TransactionClient;

/**
 * Each client carries its provider under a registered symbol. Not a module-level map keyed by the client:
 * Next.js copies this module into several server bundles, and a client made in one bundle would be unknown
 * to another bundle's map (lockKeys would then skip its locks without a word).
 */
const PROVIDER = Symbol.for("fsdev.db.provider");
type Tagged = { [PROVIDER]?: DatabaseProvider };

function tag(client: Db, provider: DatabaseProvider): Db {
  Object.defineProperty(client, PROVIDER, { value: provider, enumerable: false });
  return client;
}

/** Which database a client made by createDb talks to. */
export function providerOfClient(client: Db): DatabaseProvider {
  const provider = (client as unknown as Tagged)[PROVIDER];
  if (!provider) throw new Error("not a client made by createDb");
  return provider;
}

/**
 * Which database a DATABASE_URL names: `file:` is SQLite, `postgres://` or `postgresql://` is PostgreSQL; any
 * other scheme throws (without echoing the URL). Also what the auth adapter's `provider` is set from.
 */
export function databaseProvider(url: string): DatabaseProvider {
  return providerOf(url);
}

/**
 * Builds a Prisma client for a database URL; the driver adapter is chosen from the URL's
 * scheme, so callers never know which database they talk to.
 */
export function createDb(url: string, options: { busyTimeoutMs?: number; poolSize?: number } = {}): Db {
  if (databaseProvider(url) === "sqlite") {
    // A busy writer makes others wait (10 s by default) instead of failing at once with SQLITE_BUSY.
    const client = new PrismaClient({
      adapter: new PrismaBetterSqlite3({ url, timeout: options.busyTimeoutMs ?? 10_000 }),
    });
    return tag(client, "sqlite");
  }
  // A database that does not answer (or a pool kept busy that long) fails a query after 20 s instead of
  // hanging the request; /api/health answers within its own 3 s either way.
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 20_000,
  });
  // The one place the PostgreSQL client meets the common type; lib/db/parity.ts keeps this honest.
  return tag(new PostgresClient({ adapter }) as unknown as Db, "postgresql");
}

/**
 * Makes transactions that name the same key run one after another, on every instance sharing the database,
 * e.g. a count-then-insert per client address. PostgreSQL: transaction-scoped advisory locks (released at
 * commit or rollback; keys taken in sorted order, so two transactions never wait on each other in a circle).
 * SQLite: nothing to do, a write transaction already runs alone.
 */
export async function lockKeys(db: Db, tx: DbTransaction, keys: string[]): Promise<void> {
  if (providerOfClient(db) !== "postgresql") return;
  for (const key of [...new Set(keys)].sort())
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
