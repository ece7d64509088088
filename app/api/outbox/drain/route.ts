import { countWaiting } from "@/lib/mail/outbox-status";
import { bearerMatches } from "@/lib/ops/bearer";
import { serverContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * Queues the reminders and the digest that are due, then delivers due outbox mail, for hosts without a lasting
 * process (a platform cron calls it every minute with `Authorization: Bearer $CRON_SECRET`). Not found when
 * CRON_SECRET is unset; 401 without the secret.
 */
async function drain(request: Request) {
  const context = serverContext();
  const secret = context.settings.CRON_SECRET;
  const headers = { "cache-control": "no-store" };
  if (!secret) return Response.json({ error: "not found" }, { status: 404, headers });
  if (!bearerMatches(request.headers.get("authorization"), secret)) {
    return Response.json(
      { error: "unauthorized" },
      { status: 401, headers: { ...headers, "www-authenticate": 'Bearer realm="outbox"' } },
    );
  }
  // The reminders and the digest due now are queued first (exactly once across instances), then delivered.
  const followUp = await context.followUp();
  const result = await context.deliver({ limit: 100 });
  const pending = await countWaiting(context.db);
  return Response.json(
    { ...result, pending, reminders: followUp.reminded.length, digest: followUp.digest?.sent ?? false },
    { headers },
  );
}

export { drain as GET, drain as POST };
