import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A unique SQLite database path under the OS temp folder, as a DATABASE_URL (`file:/abs/path.db`) and a plain path.
 * The file itself is not created (`node prisma/migrate.mjs deploy` creates and migrates it); cleanup() removes the
 * whole temp folder, WAL and journal files included.
 */
export function tempDatabaseUrl(label: string): { url: string; file: string; cleanup(): void } {
  const safe =
    label
      .replace(/[^a-z0-9-]+/gi, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "db";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fsdev-${safe}-`));
  const file = path.join(dir, `${safe}.db`);
  return { url: `file:${file}`, file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `tempDatabaseUrl(label)`, created and migrated by `node prisma/migrate.mjs deploy` (run from the project root). */
export function migratedTempDatabase(label: string): { url: string; file: string; cleanup(): void } {
  const database = tempDatabaseUrl(label);
  execFileSync(process.execPath, ["prisma/migrate.mjs", "deploy"], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: "pipe",
  });
  return database;
}
