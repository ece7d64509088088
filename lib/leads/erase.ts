/**
 * Erasure on request (POPIA): everything of one person, found by address in any letter case, in one
 * operation: their requests (with timelines), every outbox row addressed to them or replying to them, and
 * every .eml copy in the mail folder. The erasure log keeps a keyed hash of the address, the counts and
 * the date, so the owner can show it was done without keeping the address.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { escapeRegExp } from "@/lib/text/escape-regexp";
import { emailKey, erasureHash } from "./keys";

export type EraseOptions = {
  db: Db;
  /** Where the file transport writes .eml copies (MAIL_DIR); a missing folder is fine. */
  mailDir: string;
  /** Keys the erasure log's hash (FORM_SECRET). */
  secret: string;
  actor: string;
  now?: () => Date;
};

export type EraseResult = { requests: number; messages: number; files: number };

const BATCH = 500;

/** True when `text` holds the address as a whole address (not as the tail of a longer one). */
export function mentionsAddress(text: string, key: string): boolean {
  return new RegExp(`(^|[^a-z0-9._%+-])${escapeRegExp(key)}($|[^a-z0-9.-]|\\.(?![a-z0-9]))`, "i").test(text);
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

export async function eraseByEmail(email: string, opts: EraseOptions): Promise<EraseResult> {
  const key = emailKey(email);
  if (!key.includes("@")) throw new Error(`"${email}" is not an email address`);
  const now = (opts.now ?? (() => new Date()))();
  const requests = await opts.db.quoteRequest.findMany({ where: { emailKey: key }, select: { id: true } });
  const requestIds = requests.map((row) => row.id);
  const messageIds = await outboxRowsOf(opts.db, key, new Set(requestIds));

  const files = await emlFilesOf(path.resolve(opts.mailDir), key);
  for (const file of files) await fs.rm(file, { force: true });

  const result: EraseResult = { requests: requestIds.length, messages: messageIds.length, files: files.length };
  await opts.db.$transaction([
    opts.db.outboxMessage.deleteMany({
      where: { OR: [{ id: { in: messageIds } }, { quoteRequestId: { in: requestIds } }] },
    }),
    opts.db.leadEvent.deleteMany({ where: { quoteRequestId: { in: requestIds } } }),
    opts.db.quoteRequest.deleteMany({ where: { id: { in: requestIds } } }),
    opts.db.erasureLog.create({ data: { emailHash: erasureHash(key, opts.secret), ...result, createdAt: now } }),
    opts.db.leadEvent.create({
      data: {
        actor: opts.actor,
        action: "erase",
        detail: `erased a person: ${result.requests} request(s), ${result.messages} email(s), ${result.files} file(s)`,
        createdAt: now,
      },
    }),
  ]);
  return result;
}
