/**
 * The response clock's follow-ups: one reminder per lead that passed its due time unanswered, and a daily
 * digest at DIGEST_TIME on working days. The server's scheduler (lib/server/start.ts) and every call of
 * /api/outbox/drain run them with the current time; tests pass their own `now`.
 *
 * Exactly once across instances: each reminder (key: the reference) and each digest (key: the local date) is
 * a ScheduledRun row inserted in the same transaction as its outbox message (lib/db/once.ts), so of two
 * instances running at the same moment one inserts both and the other neither. Delivery is the outbox's job.
 */
import type { Db, DbTransaction } from "@/lib/db/client";
import { claimOnce, ONCE_JOBS } from "@/lib/db/once";
import { OUTBOX_STATUS } from "@/lib/mail/outbox-status";
import { localDate, localDayInWords } from "@/lib/text/local-time";
import { parseTimeOfDay } from "./business-calendar";
import {
  digestIsEmpty,
  renderDigest,
  renderReminder,
  type DigestFacts,
  type FollowUpMailContext,
} from "./follow-up-mail";
import { overdueLeads, WAITING_FOR_ANSWER } from "./overdue";
import { businessMsBetween, isBusinessDay, zonedInstant, type ResponseClock } from "./response-clock";
import { businessSpan } from "./response-due";

/** The outbox kinds of the follow-ups (the owner is their recipient; no lead is attached). */
export const FOLLOW_UP_KINDS = { reminder: "lead_reminder", digest: "owner_digest" } as const;

/**
 * The outbox kind of a reply sent from the desk: the digest lists those that ran out of attempts (status
 * "failed"). The reply form writes rows of this kind, attached to their lead.
 */
export const REPLY_KIND = "owner_reply";

/** Reminders look this far back: a lead older than this (say, when the feature first runs) gets none. */
export const REMINDER_LOOKBACK_DAYS = 14;
/** The first digest covers this many hours back. */
const FIRST_DIGEST_WINDOW_HOURS = 24;
const DAY = 86_400_000;

/** Thrown inside a reminder's transaction to roll its claim back. */
class NoLongerWaiting extends Error {}

export type FollowUpContext = {
  db: Db;
  clock: ResponseClock;
  /** QUOTE_TO: the owner's inbox, where the notices go. */
  ownerTo: string;
  /** Where the emails' links point (DESK_URL or SITE_URL). */
  deskOrigin: string;
  /** DIGEST_TIME, "07:30". */
  digestTime: string;
  staleDays: number;
};

export type FollowUpResult = {
  /** References reminded in this run. */
  reminded: string[];
  /** The local date whose digest this run claimed, with whether it had anything to say (a message queued). */
  digest: { date: string; sent: boolean } | null;
  /** The outbox rows queued, for the caller to deliver. */
  outboxIds: number[];
};

function mailContext(ctx: FollowUpContext): FollowUpMailContext {
  return { deskOrigin: ctx.deskOrigin, timeZone: ctx.clock.timeZone, targetHours: ctx.clock.targetHours };
}

/** Reminders and the digest that are due at `now`. */
export async function runFollowUps(ctx: FollowUpContext, now: Date): Promise<FollowUpResult> {
  const reminders = await sendReminders(ctx, now);
  const digest = await sendDigest(ctx, now);
  return {
    reminded: reminders.map((row) => row.reference),
    digest: digest && { date: digest.date, sent: digest.outboxId !== null },
    outboxIds: [...reminders.map((row) => row.outboxId), ...(digest?.outboxId ? [digest.outboxId] : [])],
  };
}

/** One reminder for each lead past its due time with no answer and still New, unless one was sent before. */
export async function sendReminders(
  ctx: FollowUpContext,
  now: Date,
): Promise<{ reference: string; outboxId: number }[]> {
  const overdue = await overdueLeads(ctx.db, ctx.clock, now, {
    since: new Date(now.getTime() - REMINDER_LOOKBACK_DAYS * DAY),
  });
  if (overdue.length === 0) return [];
  const claimed = new Set(
    (
      await ctx.db.scheduledRun.findMany({
        where: { job: ONCE_JOBS.reminder, key: { in: overdue.map((lead) => lead.reference) } },
        select: { key: true },
      })
    ).map((row) => row.key),
  );
  const sent: { reference: string; outboxId: number }[] = [];
  for (const lead of overdue) {
    if (claimed.has(lead.reference)) continue;
    const mail = renderReminder(lead, mailContext(ctx));
    // The claim is the transaction's first statement, a write: on SQLite it takes the write lock before anything
    // is read (a transaction that reads first cannot upgrade while another instance writes).
    const outboxId = await ctx.db
      .$transaction(async (tx) => {
        if (!(await claimOnce(tx, ONCE_JOBS.reminder, lead.reference, now))) return null;
        // Answered or moved since the list was read: no reminder, and the claim is rolled back with it.
        if ((await tx.quoteRequest.count({ where: { id: lead.id, ...WAITING_FOR_ANSWER } })) === 0)
          throw new NoLongerWaiting();
        return queueOwnerMail(tx, FOLLOW_UP_KINDS.reminder, mail, ctx.ownerTo, now);
      })
      .catch((error: unknown) => {
        if (error instanceof NoLongerWaiting) return null;
        throw error;
      });
    if (outboxId !== null) sent.push({ reference: lead.reference, outboxId });
  }
  return sent;
}

/** What the digest for `now` would say, covering the time since `since`. */
export async function digestFacts(ctx: FollowUpContext, now: Date, since: Date): Promise<DigestFacts> {
  const { db, clock } = ctx;
  const [received, spamHeld, overdue, stale, failedReplies] = await Promise.all([
    db.quoteRequest.findMany({
      where: { createdAt: { gt: since, lte: now }, status: { not: "spam" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { reference: true, interestLabel: true, createdAt: true },
    }),
    db.quoteRequest.count({ where: { createdAt: { gt: since, lte: now }, status: "spam" } }),
    overdueLeads(db, clock, now),
    db.quoteRequest.findMany({
      where: { status: "in_progress", activityAt: { lt: new Date(now.getTime() - ctx.staleDays * DAY) } },
      orderBy: [{ activityAt: "asc" }, { id: "asc" }],
      select: { reference: true, activityAt: true },
    }),
    db.outboxMessage.findMany({
      where: { kind: REPLY_KIND, status: OUTBOX_STATUS.failed, quoteRequestId: { not: null } },
      orderBy: { id: "asc" },
      select: { quoteRequest: { select: { reference: true } } },
    }),
  ]);
  return {
    day: localDayInWords(now, clock.timeZone),
    since,
    received,
    overdue: overdue.map((lead) => ({
      reference: lead.reference,
      dueAt: lead.dueAt,
      overdueBy: `overdue by ${businessSpan(businessMsBetween(lead.dueAt, now, clock))}`,
    })),
    stale,
    failedReplies: [...new Set(failedReplies.map((row) => row.quoteRequest!.reference))].map((reference) => ({
      reference,
    })),
    spamHeld,
  };
}

/**
 * The digest of the local date of `now`, once that date is a working day and its DIGEST_TIME has come. The
 * day is claimed even when there is nothing to say (then no message), so the digest never arrives late in
 * the day because a lead came in after DIGEST_TIME.
 */
export async function sendDigest(
  ctx: FollowUpContext,
  now: Date,
): Promise<{ date: string; outboxId: number | null } | null> {
  const { db, clock } = ctx;
  const date = localDate(now, clock.timeZone);
  if (!isBusinessDay(date, clock)) return null;
  if (now.getTime() < zonedInstant(date, parseTimeOfDay(ctx.digestTime)!, clock.timeZone)) return null;
  if ((await db.scheduledRun.count({ where: { job: ONCE_JOBS.digest, key: date } })) > 0) return null;
  const last = await db.scheduledRun.findFirst({
    where: { job: ONCE_JOBS.digest },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = last?.createdAt ?? new Date(now.getTime() - FIRST_DIGEST_WINDOW_HOURS * 3_600_000);
  const facts = await digestFacts(ctx, now, since);
  const mail = digestIsEmpty(facts) ? null : renderDigest(facts, { ...mailContext(ctx), staleDays: ctx.staleDays });
  return db.$transaction(async (tx) => {
    if (!(await claimOnce(tx, ONCE_JOBS.digest, date, now))) return null;
    if (!mail) return { date, outboxId: null };
    return { date, outboxId: await queueOwnerMail(tx, FOLLOW_UP_KINDS.digest, mail, ctx.ownerTo, now) };
  });
}

/** A follow-up email to the owner, queued in the caller's transaction (beside its claim); its outbox id. */
async function queueOwnerMail(
  tx: DbTransaction,
  kind: (typeof FOLLOW_UP_KINDS)[keyof typeof FOLLOW_UP_KINDS],
  mail: { subject: string; text: string; html: string },
  ownerTo: string,
  now: Date,
): Promise<number> {
  const row = await tx.outboxMessage.create({
    data: {
      kind,
      recipient: ownerTo,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      createdAt: now,
      nextAttemptAt: now,
    },
    select: { id: true },
  });
  return row.id;
}
