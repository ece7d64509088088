/**
 * The owner has answered a lead (a reply sent from the desk, or "Mark as answered" for an answer given from his
 * own mail client): the response clock stops at the first answer, and a New lead moves to In progress. Runs
 * inside the caller's transaction, beside the caller's own timeline entry (the reply, the mark).
 */
import type { DbTransaction } from "@/lib/db/client";

export type FirstResponse = {
  /** This answer was the first: firstResponseAt is now `now`. */
  first: boolean;
  /** The lead moved from New to In progress. */
  moved: boolean;
};

export async function recordFirstResponse(
  tx: DbTransaction,
  leadId: number,
  ctx: { actor: string; now: Date },
): Promise<FirstResponse> {
  // Conditional updates: two answers at once record one first response and one status change.
  const first =
    (
      await tx.quoteRequest.updateMany({
        where: { id: leadId, firstResponseAt: null },
        data: { firstResponseAt: ctx.now, activityAt: ctx.now },
      })
    ).count === 1;
  const moved =
    (
      await tx.quoteRequest.updateMany({
        where: { id: leadId, status: "new" },
        data: { status: "in_progress", activityAt: ctx.now },
      })
    ).count === 1;
  if (moved)
    await tx.leadEvent.create({
      data: {
        quoteRequestId: leadId,
        actor: ctx.actor,
        action: "status",
        fromStatus: "new",
        toStatus: "in_progress",
        detail: "answered",
        createdAt: ctx.now,
      },
    });
  if (!first && !moved) await tx.quoteRequest.update({ where: { id: leadId }, data: { activityAt: ctx.now } });
  return { first, moved };
}
