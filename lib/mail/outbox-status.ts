/** The outbox's statuses, and the queries and wording every part (desk, CLI, health, drain) shares about them. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { plural } from "@/lib/text/plural";

/**
 * A message's life: `pending` (waiting for its next attempt), `sending` (claimed by one sender until its
 * lock runs out), then `sent`, or `failed` once it used up its attempts; `cancelled` when its person is being
 * erased (no sender claims it; erasure deletes it). The one list of the column's values.
 */
export const OUTBOX_STATUS = {
  pending: "pending",
  sending: "sending",
  sent: "sent",
  failed: "failed",
  cancelled: "cancelled",
} as const;
export type OutboxStatus = (typeof OUTBOX_STATUS)[keyof typeof OUTBOX_STATUS];
/** Still to go out: waiting for its turn, or claimed by a sender right now. */
export const WAITING_STATUSES: OutboxStatus[] = [OUTBOX_STATUS.pending, OUTBOX_STATUS.sending];

/** Mail still to go out: waiting for its turn, or claimed by a sender right now. */
export function countWaiting(db: Pick<PrismaClient, "outboxMessage">): Promise<number> {
  return db.outboxMessage.count({ where: { status: { in: WAITING_STATUSES } } });
}

/** Mail that ran out of attempts (`npm run mail:retry -- --failed` queues it again). */
export function countGivenUp(db: Pick<PrismaClient, "outboxMessage">): Promise<number> {
  return db.outboxMessage.count({ where: { status: OUTBOX_STATUS.failed } });
}

/**
 * Puts messages that ran out of attempts back in the queue, due at `now` (all of them, or one lead's);
 * returns how many. `npm run mail:retry -- --failed` and the desk's "Retry mail now" use it.
 */
export async function requeueFailed(
  db: Pick<PrismaClient, "outboxMessage">,
  opts: { now?: Date; quoteRequestId?: number } = {},
): Promise<number> {
  const { count } = await db.outboxMessage.updateMany({
    where: {
      status: OUTBOX_STATUS.failed,
      ...(opts.quoteRequestId === undefined ? {} : { quoteRequestId: opts.quoteRequestId }),
    },
    data: { status: OUTBOX_STATUS.pending, nextAttemptAt: opts.now ?? new Date() },
  });
  return count;
}

/** A message's state in words, for the CLI and the desk: "sent <time>", "failed after N attempts: ...". */
export function describeDelivery(
  row: { status: string; attempts: number; lastError: string | null; sentAt: Date | null; nextAttemptAt: Date },
  formatTime: (date: Date) => string,
): string {
  if (row.status === OUTBOX_STATUS.sent) return `sent ${row.sentAt ? formatTime(row.sentAt) : ""}`.trimEnd();
  if (row.status === OUTBOX_STATUS.failed)
    return `failed after ${plural(row.attempts, "attempt", "attempts")}: ${row.lastError ?? ""}`.trimEnd();
  if (row.status === OUTBOX_STATUS.cancelled) return "cancelled: its person is being erased";
  return (
    `${row.status}, next try ${formatTime(row.nextAttemptAt)}` +
    (row.lastError ? ` (last error: ${row.lastError})` : "")
  );
}
