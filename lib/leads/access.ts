/**
 * An access request (POPIA section 23): everything stored about one person, as one JSON document. The person
 * is found exactly as erasure finds them (lib/leads/erase.ts: the address in any letter case; a plus-tag is
 * another address): their quote requests with every field, every outbox row to or about them as kept, and the
 * timeline entries of their requests. The audit trail records the export with a count and the erasure log's
 * keyed hash of the address, never the address itself.
 */
import type { Db } from "@/lib/db/client";
import { plural } from "@/lib/text/plural";
import { findPerson } from "./erase";
import { erasureHash } from "./keys";

export type AccessOptions = {
  db: Db;
  /** Keys the audit row's hash (FORM_SECRET), as erasure's log does. */
  secret: string;
  actor: string;
  now?: () => Date;
};

export type AccessCounts = { requests: number; messages: number; events: number };

export type AccessExport = {
  /** The document, indented for reading. */
  json: string;
  counts: AccessCounts;
};

export async function accessExport(email: string, opts: AccessOptions): Promise<AccessExport> {
  const { key, requestIds, messageIds } = await findPerson(opts.db, email);
  const now = (opts.now ?? (() => new Date()))();
  const [requests, messages, events, privacyRequests] = await Promise.all([
    opts.db.quoteRequest.findMany({ where: { id: { in: requestIds } }, orderBy: { id: "asc" } }),
    opts.db.outboxMessage.findMany({ where: { id: { in: messageIds } }, orderBy: { id: "asc" } }),
    opts.db.leadEvent.findMany({ where: { quoteRequestId: { in: requestIds } }, orderBy: { id: "asc" } }),
    opts.db.privacyRequest.findMany({
      where: { emailKey: key },
      orderBy: { id: "asc" },
      omit: { confirmTokenHash: true, ipHash: true },
    }),
  ]);
  const counts: AccessCounts = { requests: requests.length, messages: messages.length, events: events.length };
  const document = {
    about: "Everything this website stores about the person with this email address.",
    email: key,
    exportedAt: now.toISOString(),
    counts,
    requests,
    messages,
    events,
    privacyRequests,
  };
  await opts.db.leadEvent.create({
    data: {
      actor: opts.actor,
      action: "access_export",
      detail:
        `access request answered: ${plural(counts.requests, "request", "requests")}, ` +
        `${plural(counts.messages, "email", "emails")}, ` +
        `${plural(counts.events, "timeline entry", "timeline entries")}; person ${erasureHash(key, opts.secret)}`,
      createdAt: now,
    },
  });
  return { json: `${JSON.stringify(document, null, 2)}\n`, counts };
}

/** The download's file name: the date only, never the address. */
export function accessFileName(now: Date): string {
  return `access-request-${now.toISOString().slice(0, 10)}.json`;
}
