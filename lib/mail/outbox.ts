/**
 * Store first, mail second. A quote request and its two messages are committed together (the caller's
 * transaction, with the rows from `outboxRows`); `deliverPending` then sends what is due. A failed send
 * stays in the table with its error and a later retry time, so no request is ever lost to a mail outage.
 * Lead alerts for the owner's webhook (kind `lead_webhook`, lib/webhooks) are rows of the same table: the same
 * claim, retry schedule and drain deliver them, by a signed HTTP POST instead of mail.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { renderConfirmation, renderOwnerNotice, type MailContext, type QuoteForMail } from "./render";
import { OUTBOX_STATUS } from "./outbox-status";
import type { MailTransport, OutgoingMail } from "./transport";
import { log as serverLog } from "@/lib/server/log";
import { LEAD_WEBHOOK_KIND } from "@/lib/webhooks/rows";
import type { WebhookDelivery } from "@/lib/webhooks/send";

export type OutboxKind =
  | "owner_notice"
  | "prospect_confirmation"
  | "sign_in_link"
  | "owner_reply"
  | "owner_reply_copy"
  | "privacy_confirmation"
  | "access_export"
  | typeof LEAD_WEBHOOK_KIND;

/**
 * Kinds whose stored text is not kept once sent: a sign-in link or a privacy request's confirmation link holds a
 * credential, a lead alert may hold the prospect's contact details and has done its job once the receiver took
 * it, and an access export is a copy of everything held about a person.
 */
const BLANK_ONCE_SENT: ReadonlySet<string> = new Set<OutboxKind>([
  "sign_in_link",
  "privacy_confirmation",
  "access_export",
  LEAD_WEBHOOK_KIND,
]);

/** Kinds a person wrote (the owner's replies from the desk): no "Auto-Submitted" header, so they read as his mail. */
const WRITTEN_BY_HAND: ReadonlySet<string> = new Set<OutboxKind>(["owner_reply", "owner_reply_copy"]);

/** A Message-ID as we send and store them, `<local@host>`: anything else never reaches a header. */
const MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;

/** The columns the caller sets on a new OutboxMessage (plus the relation to its QuoteRequest). */
export type OutboxRow = {
  kind: OutboxKind;
  recipient: string;
  replyTo: string | null;
  subject: string;
  textBody: string;
  htmlBody: string;
  /** The Message-ID this message answers (In-Reply-To and References), when it continues a thread. */
  inReplyTo?: string | null;
  /** Set when queued only by kinds whose id is fixed in advance (a lead alert's `webhook-id`). */
  messageId?: string;
};

/**
 * The owner notice (Reply-To the prospect) and the prospect's confirmation (Reply-To the owner), ready to
 * insert, e.g. `tx.quoteRequest.create({ data: { ..., outbox: { create: outboxRows(q, opts) } } })`.
 * No sender is stored: MAIL_FROM is applied at delivery, so a changed address also applies to mail still queued.
 */
export function outboxRows(q: QuoteForMail, opts: { ownerTo: string; ctx: MailContext }): [OutboxRow, OutboxRow] {
  const notice = renderOwnerNotice(q, opts.ctx);
  const confirmation = renderConfirmation(q, opts.ctx);
  return [
    {
      kind: "owner_notice",
      recipient: opts.ownerTo,
      replyTo: q.email,
      subject: notice.subject,
      textBody: notice.text,
      htmlBody: notice.html,
    },
    {
      kind: "prospect_confirmation",
      recipient: q.email,
      replyTo: opts.ownerTo,
      subject: confirmation.subject,
      textBody: confirmation.text,
      htmlBody: confirmation.html,
    },
  ];
}

export type DeliverOptions = {
  /** The From header, MAIL_FROM. */
  from: string;
  /** Its host names our Message-IDs; "fsdev.local" when absent. */
  siteUrl?: string;
  now?: () => Date;
  /** Most rows handled in one call (default 50). */
  limit?: number;
  /** Only these rows (e.g. the two of the request just submitted). */
  ids?: number[];
  /** A row is marked "failed" after this many unsuccessful attempts (default 8). */
  maxAttempts?: number;
  /** How long a claim holds; a sender that dies mid-send frees its rows after this (default 2 min). */
  lockMs?: number;
  /** Send pending rows even if their next attempt is not due yet (the owner's manual retry). */
  ignoreSchedule?: boolean;
  /** A failed attempt is logged at "warn"; a message that used up its attempts at "error" (the owner must act). */
  log?: (line: string, level: "warn" | "error") => void;
  /** Posts a lead alert (`lead_webhook` rows) to LEAD_WEBHOOK_URL, signed; absent when no receiver is set. */
  webhook?: (delivery: WebhookDelivery) => Promise<void>;
};

export type DeliverResult = {
  sent: number;
  /** Sends that failed in this call (rescheduled or, after maxAttempts, marked "failed"). */
  failed: number;
  /** Rows another sender claimed first. */
  skipped: number;
};

const MINUTE = 60_000;
// Wait before the next attempt, after 1, 2, 3... failures; the last value repeats.
const RETRY_DELAYS_MS = [1, 5, 15, 60, 180, 360, 720, 1440].map((minutes) => minutes * MINUTE);
const ERROR_MAX_LENGTH = 500;

/** Delay before the next attempt after `failures` failed attempts (1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h, 24 h). */
export function retryDelayMs(failures: number): number {
  const index = Math.min(Math.max(failures, 1), RETRY_DELAYS_MS.length) - 1;
  return RETRY_DELAYS_MS[index] ?? 1440 * MINUTE;
}

/** The error's message on one line, without a stack, short enough for a column and a log line. */
export function describeError(error: unknown): string {
  const message =
    (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim() || "unknown error";
  return message.length > ERROR_MAX_LENGTH ? `${message.slice(0, ERROR_MAX_LENGTH - 1)}…` : message;
}

function messageIdHost(siteUrl: string | undefined): string {
  if (siteUrl) {
    try {
      const host = new URL(siteUrl).hostname;
      if (host) return host;
    } catch {
      // fall through to the default
    }
  }
  return "fsdev.local";
}

/**
 * The same row always gets the same Message-ID, so if a sender dies after the server accepted a message
 * but before the row was marked sent, the repeat can be recognised (and deduplicated) by the receiver.
 */
export function outboxMessageId(id: number, reference: string | null | undefined, host: string): string {
  const tag = reference && /^[A-Za-z0-9-]+$/.test(reference) ? reference : String(id);
  return `<outbox-${id}.${tag}@${host}>`;
}

type SendOutcome = { ok: true; messageId: string } | { ok: false; error: string };

/** A lead alert's POST; its `webhook-id` was fixed when it was queued, so every attempt carries the same one. */
async function attemptWebhook(
  webhook: DeliverOptions["webhook"],
  row: { id: number; messageId: string | null; textBody: string },
): Promise<SendOutcome> {
  if (!webhook) return { ok: false, error: "LEAD_WEBHOOK_URL is not set: no receiver for this alert" };
  const id = row.messageId ?? `outbox-${row.id}`;
  try {
    await webhook({ id, body: row.textBody });
    return { ok: true, messageId: id };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** Only the transport's own failure counts as a failed attempt; database errors stay separate. */
async function attemptSend(transport: MailTransport, mail: OutgoingMail): Promise<SendOutcome> {
  try {
    const info = await transport.send(mail);
    return { ok: true, messageId: info.messageId };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/**
 * Sends the due rows, each at most once at a time across every process sharing the database: a row is
 * claimed by a conditional update, and only the sender whose update changed it goes on to send it.
 * Mail failures are recorded on the row, never thrown; database errors are thrown.
 */
export async function deliverPending(
  db: PrismaClient,
  transport: MailTransport,
  opts: DeliverOptions,
): Promise<DeliverResult> {
  const now = opts.now ?? (() => new Date());
  const maxAttempts = opts.maxAttempts ?? 8;
  const lockMs = opts.lockMs ?? 120_000;
  const log = opts.log ?? ((line: string, level: "warn" | "error") => serverLog[level](line));
  const host = messageIdHost(opts.siteUrl);
  const result: DeliverResult = { sent: 0, failed: 0, skipped: 0 };
  if (opts.ids && opts.ids.length === 0) return result;

  const startedAt = now();
  const rows = await db.outboxMessage.findMany({
    where: {
      ...(opts.ids ? { id: { in: opts.ids } } : {}),
      OR: [
        { status: OUTBOX_STATUS.pending, ...(opts.ignoreSchedule ? {} : { nextAttemptAt: { lte: startedAt } }) },
        // Claimed by a sender that never finished (it crashed or was killed): up for grabs again.
        { status: OUTBOX_STATUS.sending, lockedUntil: { lt: startedAt } },
      ],
    },
    orderBy: { id: "asc" },
    take: opts.limit ?? 50,
    include: { quoteRequest: { select: { reference: true } } },
  });

  for (const row of rows) {
    // Its request is gone (erased, or deleted with foreign keys off): the mail must never go out.
    if (row.quoteRequestId !== null && !row.quoteRequest) {
      await db.outboxMessage.deleteMany({ where: { id: row.id } });
      result.skipped += 1;
      log(`mail: outbox ${row.id} skipped and removed: its request no longer exists`, "warn");
      continue;
    }
    const claimedAt = now();
    // One UPDATE ... WHERE: the database decides who wins. `attempts` must be unchanged since we read
    // the row, so a sender that read it before another sender's attempt cannot send it a second time.
    const claim = await db.outboxMessage.updateMany({
      where: {
        id: row.id,
        attempts: row.attempts,
        OR: [
          { status: OUTBOX_STATUS.pending, OR: [{ lockedUntil: null }, { lockedUntil: { lt: claimedAt } }] },
          { status: OUTBOX_STATUS.sending, lockedUntil: { lt: claimedAt } },
        ],
      },
      // The attempt is counted when it starts, so a message that kills its sender still runs out of tries.
      data: {
        status: OUTBOX_STATUS.sending,
        lockedUntil: new Date(claimedAt.getTime() + lockMs),
        attempts: { increment: 1 },
      },
    });
    if (claim.count !== 1) {
      result.skipped += 1;
      continue;
    }
    const attempt = row.attempts + 1;

    const inReplyTo = row.inReplyTo && MESSAGE_ID.test(row.inReplyTo) ? row.inReplyTo : undefined;
    const outcome =
      row.kind === LEAD_WEBHOOK_KIND
        ? await attemptWebhook(opts.webhook, row)
        : await attemptSend(transport, {
            to: row.recipient,
            from: opts.from,
            replyTo: row.replyTo ?? undefined,
            subject: row.subject,
            text: row.textBody,
            html: row.htmlBody,
            messageId: outboxMessageId(row.id, row.quoteRequest?.reference, host),
            ...(inReplyTo ? { inReplyTo, references: inReplyTo } : {}),
            // RFC 3834: tells vacation responders not to answer an automatic message (the owner's replies are not).
            headers: WRITTEN_BY_HAND.has(row.kind) ? {} : { "Auto-Submitted": "auto-generated" },
          });

    // updateMany, not update: a row deleted meanwhile (its request erased) is not an error.
    if (outcome.ok) {
      await db.outboxMessage.updateMany({
        where: { id: row.id },
        data: {
          status: OUTBOX_STATUS.sent,
          sentAt: now(),
          messageId: outcome.messageId,
          lockedUntil: null,
          // An earlier attempt's error no longer describes this message.
          lastError: null,
          ...(BLANK_ONCE_SENT.has(row.kind) ? { textBody: "", htmlBody: "" } : {}),
        },
      });
      result.sent += 1;
      continue;
    }
    const failedAt = now();
    const giveUp = attempt >= maxAttempts;
    const nextAttemptAt = new Date(failedAt.getTime() + retryDelayMs(attempt));
    await db.outboxMessage.updateMany({
      where: { id: row.id },
      data: giveUp
        ? { status: OUTBOX_STATUS.failed, lastError: outcome.error, lockedUntil: null }
        : { status: OUTBOX_STATUS.pending, lastError: outcome.error, lockedUntil: null, nextAttemptAt },
    });
    result.failed += 1;
    const then = giveUp ? `giving up after ${attempt} attempts` : `next try ${nextAttemptAt.toISOString()}`;
    const about = row.quoteRequest?.reference ? ` (${row.kind} of ${row.quoteRequest.reference})` : "";
    log(
      `mail: outbox ${row.id}${about} attempt ${attempt} failed: ${outcome.error}; ${then}`,
      giveUp ? "error" : "warn",
    );
  }
  return result;
}
