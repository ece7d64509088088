/**
 * The desk's changes to a lead, each written to the audit trail (LeadEvent) with who did it. The caller
 * has already checked who is acting (the desk's guarded actions, or the command line on the server).
 */
import type { Db } from "@/lib/db/client";
import type { QuoteRequest } from "@/lib/generated/prisma/client";
import type { DeliverOptions, DeliverResult, OutboxRow } from "@/lib/mail/outbox";
import { OUTBOX_STATUS, requeueFailed } from "@/lib/mail/outbox-status";
import { LEAD_WEBHOOK_KIND } from "@/lib/webhooks/rows";
import { plural } from "@/lib/text/plural";
import { STATUS_LABELS, type LeadStatus } from "./status";

export type Actor = string;

export type CommandContext = {
  db: Db;
  /** Who acts: the owner's address, or "cli". */
  actor: Actor;
  now?: () => Date;
};

export type LeadCommandResult =
  | { ok: true; reference: string; status: string; outboxIds: number[]; changed: boolean }
  | { ok: false; error: "not_found" | "conflict"; message: string };

const notFound = (reference: string): LeadCommandResult => ({
  ok: false,
  error: "not_found",
  message: `No lead with reference ${reference}.`,
});

function normaliseReference(reference: string): string {
  return reference.trim().toUpperCase();
}

/**
 * The stored request, rendered as the two emails (and the webhook alert, when one is set) that a release at `at`
 * queues (the app wires the templates).
 */
export type RenderHeldMail = (lead: QuoteRequest, at: Date) => OutboxRow[];

/**
 * Moves a lead to `status`. Leaving spam queues the mail that was held back when it arrived, exactly once:
 * the status change is a conditional update, and mail is created only if the lead has none yet.
 */
export async function changeStatus(
  ctx: CommandContext & { renderHeldMail?: RenderHeldMail },
  reference: string,
  status: LeadStatus,
  action: "status" | "spam" | "not_spam" = "status",
): Promise<LeadCommandResult> {
  const now = (ctx.now ?? (() => new Date()))();
  const lead = await ctx.db.quoteRequest.findUnique({ where: { reference: normaliseReference(reference) } });
  if (!lead) return notFound(reference);
  if (lead.status === status) return { ok: true, reference: lead.reference, status, outboxIds: [], changed: false };
  const release = lead.status === "spam";
  return ctx.db.$transaction(async (tx) => {
    const claimed = await tx.quoteRequest.updateMany({
      where: { id: lead.id, status: lead.status },
      data: { status, activityAt: now },
    });
    if (claimed.count !== 1)
      return { ok: false, error: "conflict", message: `Lead ${lead.reference} changed meanwhile; reload it.` };
    const outboxIds: number[] = [];
    let alerts = 0;
    if (release && ctx.renderHeldMail && (await tx.outboxMessage.count({ where: { quoteRequestId: lead.id } })) === 0) {
      for (const row of ctx.renderHeldMail(lead, now)) {
        const created = await tx.outboxMessage.create({
          data: { ...row, quoteRequestId: lead.id, createdAt: now, nextAttemptAt: now },
          select: { id: true },
        });
        outboxIds.push(created.id);
        if (row.kind === LEAD_WEBHOOK_KIND) alerts += 1;
      }
    }
    const emails = outboxIds.length - alerts;
    await tx.leadEvent.create({
      data: {
        quoteRequestId: lead.id,
        actor: ctx.actor,
        action,
        fromStatus: lead.status,
        toStatus: status,
        detail:
          outboxIds.length > 0
            ? `${plural(emails, "held email", "held emails")}${alerts > 0 ? " and the webhook alert" : ""} queued`
            : null,
        createdAt: now,
      },
    });
    return { ok: true, reference: lead.reference, status, outboxIds, changed: true };
  });
}

/** "Not spam": back to New, and the held mail goes out. */
export function releaseSpam(ctx: CommandContext & { renderHeldMail: RenderHeldMail }, reference: string) {
  return changeStatus(ctx, reference, "new", "not_spam");
}

export function markSpam(ctx: CommandContext, reference: string) {
  return changeStatus(ctx, reference, "spam", "spam");
}

export const NOTE_MAX_LENGTH = 4000;

export async function addNote(ctx: CommandContext, reference: string, note: string): Promise<LeadCommandResult> {
  const now = (ctx.now ?? (() => new Date()))();
  const lead = await ctx.db.quoteRequest.findUnique({
    where: { reference: normaliseReference(reference) },
    select: { id: true, reference: true, status: true },
  });
  if (!lead) return notFound(reference);
  await ctx.db.$transaction([
    ctx.db.leadEvent.create({
      data: {
        quoteRequestId: lead.id,
        actor: ctx.actor,
        action: "note",
        detail: note.slice(0, NOTE_MAX_LENGTH),
        createdAt: now,
      },
    }),
    ctx.db.quoteRequest.update({ where: { id: lead.id }, data: { activityAt: now } }),
  ]);
  return { ok: true, reference: lead.reference, status: lead.status, outboxIds: [], changed: true };
}

export type Deliver = (opts: Pick<DeliverOptions, "ids" | "ignoreSchedule">) => Promise<DeliverResult>;

/**
 * "Retry mail now": puts the lead's failed emails back in the queue and sends its unsent ones at once,
 * whatever their schedule. Returns what the send did (sent, failed).
 */
export async function retryMail(
  ctx: CommandContext & { deliver: Deliver },
  reference: string,
): Promise<LeadCommandResult & { delivery?: DeliverResult }> {
  const now = (ctx.now ?? (() => new Date()))();
  const lead = await ctx.db.quoteRequest.findUnique({
    where: { reference: normaliseReference(reference) },
    select: { id: true, reference: true, status: true },
  });
  if (!lead) return notFound(reference);
  await requeueFailed(ctx.db, { now, quoteRequestId: lead.id });
  const due = await ctx.db.outboxMessage.findMany({
    where: { quoteRequestId: lead.id, status: OUTBOX_STATUS.pending },
    select: { id: true },
  });
  const ids = due.map((row) => row.id);
  const delivery =
    ids.length > 0 ? await ctx.deliver({ ids, ignoreSchedule: true }) : { sent: 0, failed: 0, skipped: 0 };
  await ctx.db.leadEvent.create({
    data: {
      quoteRequestId: lead.id,
      actor: ctx.actor,
      action: "retry_mail",
      detail: `retried ${plural(ids.length, "email", "emails")}: ${delivery.sent} sent, ${delivery.failed} failed`,
      createdAt: now,
    },
  });
  return {
    ok: true,
    reference: lead.reference,
    status: lead.status,
    outboxIds: ids,
    changed: ids.length > 0,
    delivery,
  };
}

/** A line for the timeline, e.g. "Status: New → In progress". */
export function describeEvent(event: {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail: string | null;
}): string {
  const label = (status: string | null) => (status ? (STATUS_LABELS[status as LeadStatus] ?? status) : "?");
  switch (event.action) {
    case "status":
      return `Status: ${label(event.fromStatus)} → ${label(event.toStatus)}`;
    case "spam":
      return `Marked as spam (was ${label(event.fromStatus)})`;
    case "not_spam":
      return `Not spam: moved to ${label(event.toStatus)}${event.detail ? `; ${event.detail}` : ""}`;
    case "retry_mail":
      return `Mail retried: ${event.detail ?? ""}`;
    case "note":
      return "Note";
    case "reply":
      return `Reply: ${event.detail ?? ""}`;
    case "answered":
      return "Marked as answered (answered outside the desk): the response clock stopped";
    case "deal_value":
      return event.detail ? `Deal value: ${event.detail}` : "Deal value cleared";
    case "next_step":
      return event.detail ? `Next step: ${event.detail}` : "Next step cleared";
    default:
      return event.detail ? `${event.action}: ${event.detail}` : event.action;
  }
}
