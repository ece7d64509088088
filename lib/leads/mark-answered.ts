/**
 * "Mark as answered": the owner answered a lead from his own mail client, so the desk records the first
 * response without sending anything. The response clock stops, a New lead moves to In progress, and no
 * reminder follows. Audited like every desk change.
 */
import type { CommandContext, LeadCommandResult } from "./commands";
import { recordFirstResponse } from "./first-response";

export const ANSWERED_ACTION = "answered";

export async function markAnswered(ctx: CommandContext, reference: string): Promise<LeadCommandResult> {
  const now = (ctx.now ?? (() => new Date()))();
  const lead = await ctx.db.quoteRequest.findUnique({
    where: { reference: reference.trim().toUpperCase() },
    select: { id: true, reference: true, status: true, firstResponseAt: true },
  });
  if (!lead) return { ok: false, error: "not_found", message: `No lead with reference ${reference}.` };
  if (lead.status === "spam")
    return { ok: false, error: "conflict", message: `${lead.reference} is in Spam: move it out of Spam first.` };
  if (lead.firstResponseAt)
    return { ok: true, reference: lead.reference, status: lead.status, outboxIds: [], changed: false };
  return ctx.db.$transaction(async (tx) => {
    const { first, moved } = await recordFirstResponse(tx, lead.id, { actor: ctx.actor, now });
    if (first)
      await tx.leadEvent.create({
        data: {
          quoteRequestId: lead.id,
          actor: ctx.actor,
          action: ANSWERED_ACTION,
          detail: "answered outside the desk",
          createdAt: now,
        },
      });
    const status = moved ? "in_progress" : lead.status;
    return { ok: true, reference: lead.reference, status, outboxIds: [], changed: first };
  });
}
