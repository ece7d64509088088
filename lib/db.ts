import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;

/**
 * Builds a Prisma client for a database URL; the driver adapter is chosen from the URL's
 * scheme, so callers never know which database they talk to.
 */
export function createDb(url: string, options: { busyTimeoutMs?: number } = {}): Db {
  if (url.startsWith("file:")) {
    // A busy writer makes others wait (10 s by default) instead of failing at once with SQLITE_BUSY.
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: options.busyTimeoutMs ?? 10_000 }) });
  }
  throw new Error(
    `DATABASE_URL: unsupported database "${url.split(":")[0]}" (only SQLite file: URLs are wired in this build)`,
  );
}

const holder = globalThis as unknown as { fsDevDb?: Db };

/** The one client of this process (kept across hot reloads in development). */
export function db(): Db {
  holder.fsDevDb ??= createDb(env().DATABASE_URL, { busyTimeoutMs: env().DB_BUSY_TIMEOUT_MS });
  return holder.fsDevDb;
}
