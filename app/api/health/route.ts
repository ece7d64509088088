import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkHealth, expectedMigrations } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

/** 200 when the database answers with its migrations current (mail problems show as "degraded"), else 503. */
export async function GET() {
  const settings = env();
  const report = await checkHealth({
    db: db(),
    expectedMigrations: expectedMigrations(settings.DATABASE_URL),
    smtpUrl: settings.MAIL_TRANSPORT === "file" ? undefined : settings.SMTP_URL,
  });
  return Response.json(report, {
    status: report.status === "error" ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
}
