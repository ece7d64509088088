import path from "node:path";
import { fileURLToPath } from "node:url";

// The two databases the project runs on, told apart by DATABASE_URL, and where each keeps its migration history.
// Shared by the app (lib/db/client.ts, lib/ops/health.ts) and the migration command (migrate.mjs).

/** Each provider's migration history (and lock file) folder, relative to the project root. */
export const MIGRATIONS_DIRS = { sqlite: "prisma/migrations", postgresql: "prisma/postgresql/migrations" };

/**
 * "sqlite" for a `file:` URL, "postgresql" for postgres:// or postgresql://; anything else is refused without
 * echoing the URL (it may hold a password).
 * @param {string} url
 * @returns {"sqlite" | "postgresql"}
 */
export function providerOf(url) {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? "";
  if (scheme === "file") return "sqlite";
  if (scheme === "postgres" || scheme === "postgresql") return "postgresql";
  throw new Error(
    `DATABASE_URL must be a SQLite file: URL or a postgresql:// URL (got ${scheme ? `"${scheme}:"` : "no scheme"})`,
  );
}

/**
 * Absolute SQLite path of a `file:` URL (relative paths from the working directory, the project root).
 * @param {string} url
 */
export function sqliteFileFromUrl(url) {
  if (providerOf(url) !== "sqlite") throw new Error("not a SQLite file: URL");
  const file = url.startsWith("file://") ? fileURLToPath(url.split("?")[0]) : url.slice(5).split("?")[0];
  if (!file) throw new Error("DATABASE_URL has an empty file path");
  return path.resolve(file);
}
