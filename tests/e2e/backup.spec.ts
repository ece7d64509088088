// Backups of the production build while it takes posts: the server's daily backup (BACKUP_DIR) shows in health,
// `npm run db:backup` copies the database while 20 clients post, `npm run db:restore` puts the copy into a fresh
// database, and every lead whose post completed before the backup began is there (SQLite: the file passes
// PRAGMA integrity_check; PostgreSQL: pg_dump/pg_restore, and `db:status` is current). A restore over a
// database holding leads is refused without --force.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { until } from "../helpers/pace";
import { sampleValues, startQuoteServer, submitThroughServer, type QuoteServer } from "../helpers/quote-server";
import { tempDatabaseUrl } from "../helpers/temp-db";
import { emptyDatabase, testProviders } from "../helpers/test-databases";

const run = promisify(execFile);
const CLIENTS = 20;
const PORTS = {
  sqlite: Number(process.env.E2E_PORT ?? 3917) + 40,
  postgresql: Number(process.env.E2E_PORT ?? 3917) + 41,
};

/** Runs one of the project's npm scripts' programs the way `npm run` does, on `databaseUrl`. */
function cli(script: "db-backup" | "db-restore", args: string[], env: Record<string, string>) {
  return run(process.execPath, ["node_modules/tsx/dist/cli.mjs", `lib/cli/${script}.ts`, ...args], {
    env: { ...process.env, NODE_ENV: "development", ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      out: `${error.stdout ?? ""}${error.stderr ?? ""}`,
    }),
  );
}

for (const provider of testProviders()) {
  test.describe(`backups on ${provider}`, () => {
    let server: QuoteServer;
    let backupDir: string;
    let cleanupDatabase = async () => {};
    const secret = "load-test-form-secret-0123456789-abcdefghij";

    test.beforeAll(async () => {
      backupDir = fs.mkdtempSync(path.join(os.tmpdir(), `fsdev-e2e-backups-${provider}-`));
      let databaseUrl: string | undefined;
      if (provider === "postgresql") {
        const database = await emptyDatabase("postgresql", "backup-e2e");
        databaseUrl = database.url;
        cleanupDatabase = database.cleanup;
      }
      server = await startQuoteServer({
        port: PORTS[provider],
        databaseUrl,
        env: { BACKUP_DIR: backupDir, BACKUP_TIME: "00:00", BACKUP_KEEP: "3", RATE_LIMIT_MAX: "1000" },
      });
    });

    test.afterAll(async () => {
      await server?.stop();
      await cleanupDatabase();
      fs.rmSync(backupDir, { recursive: true, force: true });
    });

    test("the daily backup runs at start and health reports its age", async () => {
      test.setTimeout(45_000);
      const health = await until(
        async () => {
          const report = (await (await fetch(`${server.url}/api/health`)).json()) as {
            backup?: { status: string; ageHours: number | null; warnings: string[] };
          };
          return report.backup?.status === "ok" ? report.backup : undefined;
        },
        { what: "the daily backup in the health report", timeoutMs: 30_000, intervalMs: 250 },
      ).catch((error: Error) => {
        throw new Error(`${error.message}; the server said:\n${server.logs()}`);
      });
      expect(health.ageHours).toBeLessThan(0.1);
      const files = fs.readdirSync(backupDir).filter((name) => /^fsdev-.*\.(db|dump)$/.test(name));
      expect(files).toHaveLength(1);
      expect(fs.statSync(path.join(backupDir, files[0]!)).mode & 0o777).toBe(0o600);
      // The report names no path.
      expect(JSON.stringify(health)).not.toContain(backupDir);
    });

    test("db:backup while 20 clients post; restored, it holds every lead posted before it", async () => {
      test.setTimeout(180_000);
      const completed: { reference: string; at: number }[] = [];
      let posting = true;
      const clients = Array.from({ length: CLIENTS }, async (_, client) => {
        for (let n = 0; posting; n++) {
          const result = await submitThroughServer(
            server.url,
            `10.9.${client}.${n % 250}`,
            sampleValues(`Backup ${provider} ${client} ${n}`),
          );
          if (result.reference) completed.push({ reference: result.reference, at: Date.now() });
        }
      });
      await until(() => completed.length >= 30, { what: "30 posts stored", timeoutMs: 90_000, intervalMs: 100 });
      const file = path.join(backupDir, `manual-${provider}.${provider === "sqlite" ? "db" : "dump"}`);
      const backupBegan = Date.now();
      const backup = await cli("db-backup", [file], { DATABASE_URL: server.databaseUrl, FORM_SECRET: secret });
      const postedDuringBackup = completed.filter((entry) => entry.at > backupBegan).length;
      // A few more posts after the copy, which it must not hold.
      await until(() => completed.length >= 40 + postedDuringBackup, {
        what: "posts after the backup",
        timeoutMs: 90_000,
        intervalMs: 100,
      });
      posting = false;
      await Promise.all(clients);
      expect(backup.code, backup.out).toBe(0);
      expect(backup.out).toMatch(/db:backup wrote .* leads?, \d+ ms\)/);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const before = completed.filter((entry) => entry.at < backupBegan).map((entry) => entry.reference);
      expect(before.length).toBeGreaterThanOrEqual(30);

      const fresh =
        provider === "sqlite"
          ? (() => {
              const db = tempDatabaseUrl("backup-restored");
              return { url: db.url, cleanup: async () => db.cleanup() };
            })()
          : await emptyDatabase("postgresql", "backup-restored");
      try {
        const restore = await cli("db-restore", [file], { DATABASE_URL: fresh.url, FORM_SECRET: secret });
        expect(restore.code, restore.out).toBe(0);
        const restored = createDb(fresh.url);
        try {
          const references = new Set((await restored.quoteRequest.findMany()).map((lead) => lead.reference));
          for (const reference of before) expect(references.has(reference), reference).toBe(true);
          // Posts answered after the copy ended are not in it.
          const after = completed.filter((entry) => !references.has(entry.reference));
          expect(after.length).toBeGreaterThan(0);
        } finally {
          await restored.$disconnect();
        }
        if (provider === "sqlite") {
          const check = new Database(fresh.url.slice("file:".length), { readonly: true });
          expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
          check.close();
        } else {
          const status = await run(process.execPath, ["prisma/migrate.mjs", "status"], {
            env: { ...process.env, DATABASE_URL: fresh.url },
          });
          expect(status.stdout).toMatch(/up to date/i);
        }

        // The live database holds leads: restoring over it is refused, and nothing changes.
        const refused = await cli("db-restore", [file], { DATABASE_URL: server.databaseUrl, FORM_SECRET: secret });
        expect(refused.code).toBe(1);
        expect(refused.out).toMatch(/holds \d+ leads: restoring would replace them.*--force/s);
      } finally {
        await fresh.cleanup();
      }
    });
  });
}
