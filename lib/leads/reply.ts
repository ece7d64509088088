/**
 * A reply from the desk: the owner writes to the prospect (often from a template, content/replies), and the site
 * sends it through the outbox: From MAIL_FROM, Reply-To the owner, To the lead's stored address only, threaded
 * under the confirmation the prospect already has (In-Reply-To and References), plus a copy to the owner, threaded
 * under his notice. The two rows, the timeline entry and the first response (lib/leads/first-response.ts) are
 * written in one transaction; nothing is written when the input is refused or the hourly cap is reached.
 */
import { z } from "zod";
import {
  fillPlaceholders,
  listPlaceholders,
  REPLY_PLACEHOLDERS,
  type ReplyPlaceholder,
} from "@/lib/content/placeholders";
import { lockKeys, type Db } from "@/lib/db/client";
import type { OutboxKind, OutboxRow } from "@/lib/mail/outbox";
import { OUTBOX_STATUS } from "@/lib/mail/outbox-status";
import { multiLine, oneLine, safeSubject } from "@/lib/mail/render";
import type { CommandContext } from "./commands";
import { recordFirstResponse } from "./first-response";
import { leadReference } from "./reference";
import { REPLY_BODY_MAX_LENGTH, REPLY_SUBJECT_MAX_LENGTH } from "./reply-limits";

export { REPLY_BODY_MAX_LENGTH, REPLY_SUBJECT_MAX_LENGTH };

export const REPLY_KIND = "owner_reply" satisfies OutboxKind;
export const REPLY_COPY_KIND = "owner_reply_copy" satisfies OutboxKind;
/** The timeline entry of a reply (LeadEvent.action); its detail is the subject. */
export const REPLY_ACTION = "reply";

const HOUR = 3_600_000;

/** Any line or paragraph separator a header could be split at. */
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /[\r\n\u000b\u000c\u0085\u2028\u2029]/;

/** The Reply form's fields, as the desk's action validates them (before the lead is looked up). */
export const replyFields = z.object({
  reference: leadReference,
  subject: z
    .string({ error: "Write a subject." })
    .refine((value) => !LINE_BREAK.test(value), { error: "The subject must be one line: remove the line break." })
    .trim()
    .min(1, { error: "Write a subject." })
    .max(REPLY_SUBJECT_MAX_LENGTH, {
      error: `A subject holds at most ${REPLY_SUBJECT_MAX_LENGTH} characters.`,
    }),
  body: z
    .string({ error: "Write the reply." })
    .trim()
    .min(1, { error: "Write the reply." })
    .max(REPLY_BODY_MAX_LENGTH, {
      error: `A reply holds at most ${String(REPLY_BODY_MAX_LENGTH).replace(/\B(?=(\d{3})+$)/g, " ")} characters.`,
    }),
});
export type ReplyInput = z.infer<typeof replyFields>;

/** The facts of a lead the placeholders read. */
export type ReplyLead = {
  name: string;
  reference: string;
  interest: string;
  interestLabel: string;
  company: string | null;
};

/**
 * Each placeholder's value for this lead; null where it has none: no company given, or "Something else" chosen
 * (which names no service or product a sentence could mention).
 */
export function replyValues(lead: ReplyLead, ownerName: string): Record<ReplyPlaceholder, string | null> {
  return {
    name: oneLine(lead.name) || null,
    reference: lead.reference,
    interest: lead.interest === "other" ? null : oneLine(lead.interestLabel) || null,
    company: lead.company ? oneLine(lead.company) || null : null,
    owner: ownerName,
  };
}

const NO_VALUE: Record<ReplyPlaceholder, string> = {
  name: "this lead gave no name",
  reference: "this lead has no reference",
  interest: "this lead chose “Something else”, not one of the services or products",
  company: "this lead gave no company",
  owner: "no owner's name is set",
};

/** A text with this lead's values in, or the field error saying which placeholder cannot be filled and why. */
export function fillReply(
  text: string,
  values: Record<ReplyPlaceholder, string | null>,
): { text: string; errors: string[] } {
  const filled = fillPlaceholders(text, REPLY_PLACEHOLDERS, values);
  const errors = [
    ...filled.missing.map(
      (name) => `{${name}} has no value here (${NO_VALUE[name as ReplyPlaceholder]}): replace it with your own words.`,
    ),
    ...filled.unknown.map(
      (name) => `{${name}} is not a placeholder: use ${listPlaceholders(REPLY_PLACEHOLDERS)}, or remove the braces.`,
    ),
  ];
  return { text: filled.text, errors };
}

export type ReplyContext = CommandContext & {
  /** The owner's address: Reply-To of the reply, recipient of his copy. */
  ownerTo: string;
  /** {owner} in a template. */
  ownerName: string;
  /** REPLIES_PER_HOUR: replies queued in the last hour, all leads together, beyond which a reply is refused. */
  perHour: number;
};

export type ReplyResult =
  | { ok: true; reference: string; outboxIds: number[] }
  | { ok: false; error: "not_found" | "spam" | "cap"; message: string }
  | { ok: false; error: "invalid"; message: string; fieldErrors: Record<string, string[]> };

/** "Re: <subject>", without stacking a second "Re:". */
export function replySubject(subject: string): string {
  return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
}

/** The subject the Reply form starts with: "Re: " and the confirmation's subject (or a plain one without it). */
export async function replyDraftSubject(db: Db, lead: { id: number; reference: string }): Promise<string> {
  const confirmation = await db.outboxMessage.findFirst({
    where: { quoteRequestId: lead.id, kind: "prospect_confirmation" },
    orderBy: { id: "asc" },
    select: { subject: true },
  });
  return replySubject(confirmation?.subject || `Your quote request ${lead.reference}`);
}

/** The Message-ID of this lead's first sent message of `kind`, to thread under; null when none went out. */
async function sentMessageId(db: Pick<Db, "outboxMessage">, leadId: number, kind: OutboxKind) {
  const row = await db.outboxMessage.findFirst({
    where: { quoteRequestId: leadId, kind, status: OUTBOX_STATUS.sent, messageId: { not: null } },
    orderBy: { id: "asc" },
    select: { messageId: true },
  });
  return row?.messageId ?? null;
}

/** The owner's copy: what went to the prospect, under a line naming the lead and its reference. */
function copyText(lead: ReplyLead & { email: string }, body: string): string {
  const to = `${oneLine(lead.name)} <${lead.email}>`;
  return `Your reply to ${to} about ${lead.reference}, sent from the desk:\n\n${body}\n`;
}

/**
 * Queues a reply to the lead `input.reference` names, and the owner's copy; returns their outbox ids for an
 * immediate send. Refused, with nothing written: an unknown (or erased) lead, a lead in Spam (its address may
 * be a stranger's), a placeholder the lead has no value for, and any reply beyond `perHour` in the last hour.
 */
export async function queueReply(ctx: ReplyContext, input: ReplyInput): Promise<ReplyResult> {
  const now = (ctx.now ?? (() => new Date()))();
  return ctx.db.$transaction(async (tx) => {
    const lead = await tx.quoteRequest.findUnique({
      where: { reference: input.reference },
      select: {
        id: true,
        reference: true,
        status: true,
        name: true,
        email: true,
        interest: true,
        interestLabel: true,
        company: true,
      },
    });
    if (!lead) return { ok: false, error: "not_found", message: `No lead with reference ${input.reference}.` };
    if (lead.status === "spam")
      return {
        ok: false,
        error: "spam",
        message: "This lead is in Spam, so its address may be a stranger's. Use “Not spam” first if it is real.",
      };
    // Count-then-insert, one reply at a time on every instance: replies sent at once cannot all pass the cap.
    await lockKeys(ctx.db, tx, ["owner-reply"]);
    const recent = await tx.outboxMessage.count({
      where: { kind: REPLY_KIND, createdAt: { gt: new Date(now.getTime() - HOUR) } },
    });
    if (recent >= ctx.perHour)
      return {
        ok: false,
        error: "cap",
        message:
          `Not sent: ${recent} replies have gone out in the last hour, the most the site allows ` +
          "(REPLIES_PER_HOUR). Try again later; nothing was queued.",
      };

    const values = replyValues(lead, ctx.ownerName);
    const subject = fillReply(input.subject, values);
    const body = fillReply(input.body, values);
    if (subject.errors.length > 0 || body.errors.length > 0)
      return {
        ok: false,
        error: "invalid",
        message: "Please check the form: nothing was sent.",
        fieldErrors: {
          ...(subject.errors.length > 0 ? { subject: subject.errors } : {}),
          ...(body.errors.length > 0 ? { body: body.errors } : {}),
        },
      };

    const finalSubject = safeSubject(subject.text, REPLY_SUBJECT_MAX_LENGTH);
    const finalBody = multiLine(body.text);
    const rows: (OutboxRow & { kind: typeof REPLY_KIND | typeof REPLY_COPY_KIND })[] = [
      {
        kind: REPLY_KIND,
        recipient: lead.email,
        replyTo: ctx.ownerTo,
        subject: finalSubject,
        textBody: `${finalBody}\n`,
        htmlBody: "",
        inReplyTo: await sentMessageId(tx, lead.id, "prospect_confirmation"),
      },
      {
        kind: REPLY_COPY_KIND,
        recipient: ctx.ownerTo,
        replyTo: lead.email,
        subject: finalSubject,
        textBody: copyText(lead, finalBody),
        htmlBody: "",
        inReplyTo: await sentMessageId(tx, lead.id, "owner_notice"),
      },
    ];
    const outboxIds: number[] = [];
    for (const row of rows) {
      const created = await tx.outboxMessage.create({
        data: { ...row, quoteRequestId: lead.id, createdAt: now, nextAttemptAt: now },
        select: { id: true },
      });
      outboxIds.push(created.id);
    }
    // The timeline entry and the reply row share their time: the lead's page finds the reply's text by it.
    await tx.leadEvent.create({
      data: { quoteRequestId: lead.id, actor: ctx.actor, action: REPLY_ACTION, detail: finalSubject, createdAt: now },
    });
    await recordFirstResponse(tx, lead.id, { actor: ctx.actor, now });
    return { ok: true, reference: lead.reference, outboxIds };
  });
}

/** The reply a timeline entry (REPLY_ACTION) records, as the outbox keeps it; null once it is gone. */
export function replyAt(db: Db, leadId: number, at: Date) {
  return db.outboxMessage.findFirst({
    where: { quoteRequestId: leadId, kind: REPLY_KIND, createdAt: at },
    orderBy: { id: "asc" },
    select: {
      recipient: true,
      subject: true,
      textBody: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      nextAttemptAt: true,
    },
  });
}
