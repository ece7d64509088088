/**
 * `npm run db:backup [file]`: a consistent copy of the database while the site runs (SQLite's online backup
 * API, or pg_dump), mode 0600, with a sidecar saying when it was taken. Without a file: BACKUP_DIR (or
 * .data/backups) under the daily backups' name. Prints the file, its size, the leads it holds and the time.
 */
import path from "node:path";
import { backupDatabase, backupFileName } from "@/lib/ops/backup";
import { loadSettingsFiles, serverContext } from "@/lib/server/context";
import { providerOf } from "@/prisma/providers.mjs";
import { plural } from "@/lib/text/plural";
import { runCommand } from "./run-command";

const USAGE = "usage: npm run db:backup [-- <file>]";

async function main(args: string[]): Promise<number> {
  loadSettingsFiles(console.error);
  if (args.length > 1 || args.some((arg) => arg.startsWith("-"))) {
    console.error(`db:backup: unexpected arguments ${args.join(" ")}\n${USAGE}`);
    return 2;
  }
  const context = serverContext();
  const { settings } = context;
  try {
    const now = new Date();
    const file =
      args[0] ??
      path.join(settings.BACKUP_DIR ?? ".data/backups", backupFileName(now, providerOf(settings.DATABASE_URL)));
    const result = await backupDatabase({
      databaseUrl: settings.DATABASE_URL,
      file,
      pgTools: context.pgTools,
      now: () => now,
    });
    console.log(
      `db:backup wrote ${path.relative(process.cwd(), result.file) || result.file} ` +
        `(${(result.bytes / 1024).toFixed(0)} KB, ${plural(result.leads, "lead", "leads")}, ${result.ms} ms)`,
    );
    return 0;
  } finally {
    await context.close();
  }
}

await runCommand("db:backup", main);
