import { backupHealth } from "@/lib/ops/daily-backup";
import { checkHealth, expectedMigrations } from "@/lib/ops/health";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * 200 when the database answers with its migrations current (mail problems and instances whose shared settings
 * differ show as "degraded"), else 503.
 */
export async function GET() {
  const { settings, db, settingsDigest } = serverContext();
  const report = await checkHealth({
    db,
    expectedMigrations: expectedMigrations(settings.DATABASE_URL),
    settingsDigest,
    smtpUrl: settings.MAIL_TRANSPORT === "file" ? undefined : settings.SMTP_URL,
    backup: () => backupHealth(settings, new Date()),
  });
  return Response.json(report, {
    status: report.status === "error" ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
}
