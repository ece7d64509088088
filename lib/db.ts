import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;

/**
 * Builds a Prisma client for a database URL; the driver adapter is chosen from the URL's
 * scheme, so callers never know which database they talk to.
 */
export function createDb(url: string): Db {
  if (url.startsWith("file:")) {
    // A busy writer makes others wait up to 10 s instead of failing with SQLITE_BUSY.
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 10_000 }) });
  }
  throw new Error(`DATABASE_URL: unsupported database "${url.split(":")[0]}" (only SQLite file: URLs are wired in this build)`);
}

const holder = globalThis as unknown as { fsDevDb?: Db };

/** The one client of this process (kept across hot reloads in development). */
export function db(): Db {
  holder.fsDevDb ??= createDb(env().DATABASE_URL);
  return holder.fsDevDb;
}
