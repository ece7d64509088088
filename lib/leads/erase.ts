/**
 * Erasure on request (POPIA): everything of one person, found by address in any letter case, in one
 * operation: their requests (with timelines), every outbox row addressed to them or replying to them, every
 * .eml copy in the mail folder, their privacy requests (confirmed or not), the address wherever an owner's note on
 * another lead names it (redacted), and
 * pending sign-in rows that hold it. Their queued mail is cancelled first, so no sender can claim it, and a
 * message already being handed to the mail server is waited for (up to the SMTP timeout): if it went out, the
 * result says so. The erasure log keeps a keyed hash of the address, the counts and the date, so the owner can
 * show it was done without keeping the address.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { OUTBOX_STATUS } from "@/lib/mail/outbox-status";
import { escapeRegExp } from "@/lib/text/escape-regexp";
import { plural } from "@/lib/text/plural";
import { emailKey, erasureHash } from "./keys";

export type EraseOptions = {
  db: Db;
  /** Where the file transport writes .eml copies (MAIL_DIR); a missing folder is fine. */
  mailDir: string;
  /** Keys the erasure log's hash (FORM_SECRET). */
  secret: string;
  actor: string;
  /** How long to wait for a message already being handed to the mail server (SMTP_TIMEOUT_MS). */
  smtpTimeoutMs: number;
  now?: () => Date;
  /**
   * Records the erasure outside the database as well (the backups' erasure journal, lib/ops/backup.ts), so a
   * restore of an older copy can apply it again. Called after the erasure committed.
   */
  journal?: (entry: { emailHash: string; at: Date }) => void;
};

export type EraseResult = {
  requests: number;
  messages: number;
  files: number;
  /** Notes on other leads whose text named the address (now "[erased address]"). */
  notes: number;
  /** Pending sign-in rows (better-auth's `verification` table) that held the address. */
  signIns: number;
  /** Privacy requests from the form that named the address (lib/privacy), confirmed or not. */
  privacyRequests: number;
  /**
   * Messages that were being sent when erasure began: `delivered` went out before they could be stopped;
   * `unsettled` were still in the hands of a sender when the wait ran out (they may have gone out).
   */
  inFlight: { delivered: number; unsettled: number };
};

/** What a note says instead of an erased address. */
export const ERASED_ADDRESS = "[erased address]";

const BATCH = 500;
/** How often erasure looks again at a message that is being sent. */
const IN_FLIGHT_POLL_MS = 100;

function addressPattern(key: string, flags: string): RegExp {
  return new RegExp(`(?<=^|[^a-z0-9._%+-])${escapeRegExp(key)}(?=$|[^a-z0-9.-]|\\.(?![a-z0-9]))`, flags);
}

/** True when `text` holds the address as a whole address (not as the tail of a longer one). */
export function mentionsAddress(text: string, key: string): boolean {
  return addressPattern(key, "i").test(text);
}

/** `text` with every whole occurrence of the address, in any letter case, replaced by the marker. */
export function redactAddress(text: string, key: string): string {
  return text.replace(addressPattern(key, "gi"), ERASED_ADDRESS);
}

/** A message file as searchable text: folded headers joined, quoted-printable soft breaks and escapes undone. */
export function emlSearchText(raw: string): string {
  return raw
    .replace(/\r\n/g, "\n")
    .replace(/\n[ \t]+/g, " ")
    .replace(/=\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function emlFilesOf(mailDir: string, key: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(mailDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const matches: string[] = [];
  for (const name of names) {
    if (!name.endsWith(".eml")) continue;
    const file = path.join(mailDir, name);
    if (mentionsAddress(emlSearchText(await fs.readFile(file, "utf8")), key)) matches.push(file);
  }
  return matches;
}

/** Outbox rows of these requests, or addressed to / replying to the address, in batches (case-insensitive in code). */
async function outboxRowsOf(db: Db, key: string, requestIds: Set<number>): Promise<number[]> {
  const ids: number[] = [];
  for (let after = 0; ;) {
    const batch = await db.outboxMessage.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, recipient: true, replyTo: true, quoteRequestId: true },
    });
    for (const row of batch) {
      const mine =
        (row.quoteRequestId !== null && requestIds.has(row.quoteRequestId)) ||
        emailKey(row.recipient) === key ||
        (row.replyTo !== null && emailKey(row.replyTo) === key);
      if (mine) ids.push(row.id);
    }
    if (batch.length < BATCH) return ids;
    after = batch[batch.length - 1]!.id;
  }
}

/** A person as erasure (and an access request) finds them: their requests and the outbox rows about them. */
export type Person = { key: string; requestIds: number[]; messageIds: number[] };

/** The address's requests (by `emailKey`: any letter case, a plus-tag is another address) and outbox rows. */
export async function findPerson(db: Db, email: string): Promise<Person> {
  const key = emailKey(email);
  if (!key.includes("@")) throw new Error(`"${email}" is not an email address`);
  const requests = await db.quoteRequest.findMany({ where: { emailKey: key }, select: { id: true } });
  const requestIds = requests.map((row) => row.id);
  return { key, requestIds, messageIds: await outboxRowsOf(db, key, new Set(requestIds)) };
}

/** The note texts (of other leads) that name the address, redacted, in batches. */
async function notesNaming(db: Db, key: string, skip: Set<number>): Promise<{ id: number; detail: string }[]> {
  const found: { id: number; detail: string }[] = [];
  for (let after = 0; ;) {
    const batch = await db.leadEvent.findMany({
      where: { id: { gt: after }, detail: { not: null } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, detail: true, quoteRequestId: true },
    });
    for (const row of batch) {
      if (row.quoteRequestId !== null && skip.has(row.quoteRequestId)) continue;
      if (row.detail !== null && mentionsAddress(row.detail, key))
        found.push({ id: row.id, detail: redactAddress(row.detail, key) });
    }
    if (batch.length < BATCH) return found;
    after = batch[batch.length - 1]!.id;
  }
}

/** Pending sign-in rows whose identifier or value holds the address (a magic link's value names its email). */
async function signInRowsOf(db: Db, key: string): Promise<string[]> {
  const rows = await db.verification.findMany({ select: { id: true, identifier: true, value: true } });
  return rows
    .filter((row) => mentionsAddress(row.identifier, key) || mentionsAddress(row.value, key))
    .map((row) => row.id);
}

function nextLook(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_POLL_MS));
}

/**
 * Cancels every row of `ids` a sender could still claim (queued, given up, or claimed by a sender whose lock
 * ran out), then waits up to `timeoutMs` for the rows a sender is handing to the mail server right now,
 * cancelling again on each look (a failed attempt puts its row back in the queue).
 */
async function stopMail(db: Db, ids: number[], timeoutMs: number): Promise<EraseResult["inFlight"]> {
  if (ids.length === 0) return { delivered: 0, unsettled: 0 };
  const inFlight = new Set<number>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = new Date();
    await db.outboxMessage.updateMany({
      where: {
        id: { in: ids },
        OR: [
          { status: { in: [OUTBOX_STATUS.pending, OUTBOX_STATUS.failed] } },
          { status: OUTBOX_STATUS.sending, OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] },
        ],
      },
      data: { status: OUTBOX_STATUS.cancelled, lockedUntil: null },
    });
    const sending = await db.outboxMessage.findMany({
      where: { id: { in: ids }, status: OUTBOX_STATUS.sending },
      select: { id: true },
    });
    for (const row of sending) inFlight.add(row.id);
    if (sending.length === 0 || Date.now() >= deadline) break;
    await nextLook();
  }
  if (inFlight.size === 0) return { delivered: 0, unsettled: 0 };
  const rows = await db.outboxMessage.findMany({ where: { id: { in: [...inFlight] } }, select: { status: true } });
  return {
    delivered: rows.filter((row) => row.status === OUTBOX_STATUS.sent).length,
    unsettled: rows.filter((row) => row.status === OUTBOX_STATUS.sending).length,
  };
}

/** The result in words, for the desk and the CLI: "2 requests, ...; 1 message was already being sent...". */
export function describeErasure(result: EraseResult): string {
  const parts = [
    `${plural(result.requests, "request", "requests")}, ${plural(result.messages, "email", "emails")}, ` +
      plural(result.files, "mail file", "mail files"),
    ...(result.notes > 0 ? [`the address redacted in ${plural(result.notes, "note", "notes")} on other leads`] : []),
    ...(result.signIns > 0 ? [plural(result.signIns, "pending sign-in row", "pending sign-in rows")] : []),
    ...(result.privacyRequests > 0 ? [plural(result.privacyRequests, "privacy request", "privacy requests")] : []),
  ];
  const { delivered, unsettled } = result.inFlight;
  return (
    `${parts.join("; ")}.` +
    (delivered === 1 ? " 1 message was already being sent and was delivered." : "") +
    (delivered > 1 ? ` ${delivered} messages were already being sent and were delivered.` : "") +
    (unsettled > 0
      ? ` ${unsettled === 1 ? "1 message was" : `${unsettled} messages were`} still being sent ` +
        "when erasure stopped waiting: " +
        `${unsettled === 1 ? "it" : "they"} may have been delivered.`
      : "")
  );
}

export async function eraseByEmail(email: string, opts: EraseOptions): Promise<EraseResult> {
  const { key, requestIds, messageIds } = await findPerson(opts.db, email);
  const now = (opts.now ?? (() => new Date()))();
  const inFlight = await stopMail(opts.db, messageIds, opts.smtpTimeoutMs);

  const files = await emlFilesOf(path.resolve(opts.mailDir), key);
  for (const file of files) await fs.rm(file, { force: true });
  const notes = await notesNaming(opts.db, key, new Set(requestIds));
  const signIns = await signInRowsOf(opts.db, key);
  const privacyRequests = await opts.db.privacyRequest.count({ where: { emailKey: key } });

  const result: EraseResult = {
    requests: requestIds.length,
    messages: messageIds.length,
    files: files.length,
    notes: notes.length,
    signIns: signIns.length,
    privacyRequests,
    inFlight,
  };
  const inFlightDetail =
    inFlight.delivered + inFlight.unsettled > 0
      ? `; in flight: ${inFlight.delivered} delivered, ${inFlight.unsettled} unsettled`
      : "";
  const emailHash = erasureHash(key, opts.secret);
  await opts.db.$transaction([
    opts.db.outboxMessage.deleteMany({
      where: { OR: [{ id: { in: messageIds } }, { quoteRequestId: { in: requestIds } }] },
    }),
    opts.db.leadEvent.deleteMany({ where: { quoteRequestId: { in: requestIds } } }),
    opts.db.quoteRequest.deleteMany({ where: { id: { in: requestIds } } }),
    ...notes.map((note) => opts.db.leadEvent.update({ where: { id: note.id }, data: { detail: note.detail } })),
    opts.db.verification.deleteMany({ where: { id: { in: signIns } } }),
    opts.db.privacyRequest.deleteMany({ where: { emailKey: key } }),
    opts.db.erasureLog.create({
      data: {
        emailHash,
        requests: result.requests,
        messages: result.messages,
        files: result.files,
        createdAt: now,
      },
    }),
    opts.db.leadEvent.create({
      data: {
        actor: opts.actor,
        action: "erase",
        detail:
          `erased a person: ${plural(result.requests, "request", "requests")}, ` +
          `${plural(result.messages, "email", "emails")}, ${plural(result.files, "file", "files")}, ` +
          `${plural(result.notes, "note", "notes")} redacted, ` +
          `${plural(result.signIns, "sign-in row", "sign-in rows")}, ` +
          `${plural(result.privacyRequests, "privacy request", "privacy requests")}${inFlightDetail}`,
        createdAt: now,
      },
    }),
  ]);
  opts.journal?.({ emailHash, at: now });
  return result;
}
