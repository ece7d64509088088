/**
 * The owner's plan for a lead: its estimated deal value and its next step with a day. Each change is one audited
 * row on the lead's timeline (LeadEvent), written in the same transaction as the change.
 */
import type { DbTransaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommandContext, LeadCommandResult } from "./commands";
import { changeStatus } from "./commands";
import { formatMoney } from "./deal-value";
import { isoDay } from "./next-steps";
import type { BulkStatus } from "./plan-limits";
import { STATUS_LABELS } from "./status";

export const DEAL_VALUE_ACTION = "deal_value";
export const NEXT_STEP_ACTION = "next_step";

type Found = { id: number; reference: string; status: string };

async function withLead(
  ctx: CommandContext,
  reference: string,
  change: (lead: Found, now: Date) => Promise<boolean>,
): Promise<LeadCommandResult> {
  const now = (ctx.now ?? (() => new Date()))();
  const lead = await ctx.db.quoteRequest.findUnique({
    where: { reference: reference.trim().toUpperCase() },
    select: { id: true, reference: true, status: true },
  });
  if (!lead) return { ok: false, error: "not_found", message: `No lead with reference ${reference}.` };
  const changed = await change(lead, now);
  return { ok: true, reference: lead.reference, status: lead.status, outboxIds: [], changed };
}

/**
 * One change of the plan, in one transaction: nothing is written when `isSame` finds the lead already has it;
 * otherwise the lead's fields (and its activity time) and one audited row on its timeline.
 */
function changePlan(
  ctx: CommandContext,
  reference: string,
  change: {
    isSame: (tx: DbTransaction, id: number) => Promise<boolean>;
    data: Prisma.QuoteRequestUpdateInput;
    action: string;
    detail: string | null;
  },
): Promise<LeadCommandResult> {
  return withLead(ctx, reference, (lead, now) =>
    ctx.db.$transaction(async (tx) => {
      if (await change.isSame(tx, lead.id)) return false;
      await tx.quoteRequest.update({ where: { id: lead.id }, data: { ...change.data, activityAt: now } });
      await tx.leadEvent.create({
        data: {
          quoteRequestId: lead.id,
          actor: ctx.actor,
          action: change.action,
          detail: change.detail,
          createdAt: now,
        },
      });
      return true;
    }),
  );
}

/** Sets (or, with null, clears) a lead's estimated deal value; unchanged values write nothing. */
export function setDealValue(
  ctx: CommandContext,
  reference: string,
  value: { amount: number; currency: string } | null,
): Promise<LeadCommandResult> {
  return changePlan(ctx, reference, {
    isSame: async (tx, id) => {
      const before = await tx.quoteRequest.findUniqueOrThrow({
        where: { id },
        select: { dealAmount: true, dealCurrency: true },
      });
      return before.dealAmount === (value?.amount ?? null) && before.dealCurrency === (value?.currency ?? null);
    },
    data: { dealAmount: value?.amount ?? null, dealCurrency: value?.currency ?? null },
    action: DEAL_VALUE_ACTION,
    detail: value ? formatMoney(value.amount, value.currency) : null,
  });
}

/** Sets (or, with null, clears) a lead's next step and its day; unchanged values write nothing. */
export function setNextStep(
  ctx: CommandContext,
  reference: string,
  next: { step: string; day: Date } | null,
): Promise<LeadCommandResult> {
  return changePlan(ctx, reference, {
    isSame: async (tx, id) => {
      const before = await tx.quoteRequest.findUniqueOrThrow({
        where: { id },
        select: { nextStep: true, nextStepAt: true },
      });
      return before.nextStep === (next?.step ?? null) && before.nextStepAt?.getTime() === next?.day.getTime();
    },
    data: { nextStep: next?.step ?? null, nextStepAt: next?.day ?? null },
    action: NEXT_STEP_ACTION,
    detail: next ? `${next.step} (by ${isoDay(next.day)})` : null,
  });
}

export type BulkResult = { changed: string[]; unchanged: string[]; failed: string[] };

/**
 * Moves several leads to spam or lost, one audited status change each (the same command as a lead's page), so a
 * lead that changed meanwhile or is unknown is reported, and never stops the others.
 */
export async function bulkChangeStatus(
  ctx: CommandContext,
  references: string[],
  status: BulkStatus,
): Promise<BulkResult> {
  const result: BulkResult = { changed: [], unchanged: [], failed: [] };
  for (const reference of [...new Set(references.map((value) => value.trim().toUpperCase()))]) {
    const done = await changeStatus(ctx, reference, status, status === "spam" ? "spam" : "status");
    if (!done.ok) result.failed.push(reference);
    else (done.changed ? result.changed : result.unchanged).push(done.reference);
  }
  return result;
}

const PLURAL = new Intl.PluralRules("en");

function leads(count: number): string {
  return `${count} ${PLURAL.select(count) === "one" ? "lead" : "leads"}`;
}

/** "3 leads moved to Spam; 1 lead already there." and the references that failed, if any. */
export function describeBulk(result: BulkResult, status: BulkStatus): string {
  const parts = [
    `${leads(result.changed.length)} moved to ${STATUS_LABELS[status]}`,
    ...(result.unchanged.length > 0 ? [`${leads(result.unchanged.length)} already there`] : []),
    ...(result.failed.length > 0 ? [`not changed (reload and try again): ${result.failed.join(", ")}`] : []),
  ];
  return `${parts.join("; ")}.`;
}
