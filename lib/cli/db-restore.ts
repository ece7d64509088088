/**
 * `npm run db:restore <file> [--force]`: puts a backup back into DATABASE_URL, migrates it to today's schema
 * and applies again the erasures made since it was taken (lib/ops/restore.ts). A database that holds any lead
 * is refused unless --force, which copies it aside first. Stop the site first on PostgreSQL (pg_restore drops
 * and recreates the tables); on SQLite the copy goes in under SQLite's locking.
 */
import { restoreBackup, RestoreRefused } from "@/lib/ops/restore";
import { loadSettingsFiles, serverContext } from "@/lib/server/context";
import { migrate } from "@/prisma/migrate.mjs";
import { plural } from "@/lib/text/plural";
import { runCommand } from "./run-command";

const USAGE = "usage: npm run db:restore -- <file> [--force]";

async function main(args: string[]): Promise<number> {
  loadSettingsFiles(console.error);
  const force = args.includes("--force");
  const files = args.filter((arg) => arg !== "--force");
  if (files.length !== 1 || files[0]!.startsWith("-")) {
    console.error(
      `db:restore: ${files.length === 0 ? "which backup file?" : `unexpected arguments ${args.join(" ")}`}\n${USAGE}`,
    );
    return 2;
  }
  const context = serverContext();
  const { settings } = context;
  try {
    const { db: _db, journal: _journal, ...erase } = context.eraseOptions("restore");
    const result = await restoreBackup({
      databaseUrl: settings.DATABASE_URL,
      file: files[0]!,
      force,
      backupDir: settings.BACKUP_DIR,
      secret: settings.FORM_SECRET,
      pgTools: context.pgTools,
      migrate: async () => {
        const outcome = await migrate("deploy", { url: settings.DATABASE_URL });
        if (outcome.exitCode !== 0) throw new Error("migrating the restored database failed");
      },
      openDb: () => context.openDb(),
      eraseOptions: () => erase,
    });
    if (result.copiedAside) console.log(`db:restore copied the live database aside to ${result.copiedAside.file}`);
    console.log(
      `db:restore restored ${files[0]} (taken ${result.takenAt.toISOString()}, from its ${result.takenAtSource}): ` +
        `${plural(result.leads, "lead", "leads")}; erasures made since applied again: ` +
        `${plural(result.reapplied.people, "person", "people")}, ` +
        `${plural(result.reapplied.requests, "request", "requests")}`,
    );
    if (result.damagedJournalLines > 0)
      console.error(
        `db:restore ${plural(result.damagedJournalLines, "line", "lines")} of the erasure journal could not be read`,
      );
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      console.error(`db:restore: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await context.close();
  }
}

await runCommand("db:restore", main);
