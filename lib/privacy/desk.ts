/**
 * The desk's side of privacy requests: the confirmed ones to answer, the access export mailed to the confirmed
 * address only (never shown to anyone else), and marking one answered. Each answer is in the audit trail without
 * the address.
 */
import type { Db } from "@/lib/db/client";
import { accessExport } from "@/lib/leads/access";
import type { MailContext } from "@/lib/mail/render";
import { renderAccessExportMail } from "./mail";

export type DeskPrivacyRequest = {
  id: number;
  kind: string;
  email: string;
  details: string | null;
  status: string;
  createdAt: Date;
  confirmedAt: Date | null;
  answeredAt: Date | null;
};

/** Confirmed requests: open ones first (oldest first), then the answered, newest first. Unconfirmed never show. */
export async function listPrivacyRequests(db: Db): Promise<DeskPrivacyRequest[]> {
  const select = {
    id: true,
    kind: true,
    email: true,
    details: true,
    status: true,
    createdAt: true,
    confirmedAt: true,
    answeredAt: true,
  } as const;
  const [open, answered] = await Promise.all([
    db.privacyRequest.findMany({ where: { status: "open" }, orderBy: { confirmedAt: "asc" }, select }),
    db.privacyRequest.findMany({ where: { status: "answered" }, orderBy: { answeredAt: "desc" }, take: 50, select }),
  ]);
  return [...open, ...answered];
}

/** A confirmed request's address (to fill in the erase form), or null. */
export async function privacyRequestEmail(db: Db, id: number | undefined): Promise<string | null> {
  if (id === undefined || !Number.isInteger(id)) return null;
  const row = await db.privacyRequest.findFirst({
    where: { id, status: { not: "unconfirmed" } },
    select: { email: true },
  });
  return row?.email ?? null;
}

type AnswerDeps = { db: Db; actor: string; now?: () => Date };

/** Marks a confirmed request answered; false when there is no open request with that id. */
export async function answerPrivacyRequest(id: number, deps: AnswerDeps): Promise<boolean> {
  const now = (deps.now ?? (() => new Date()))();
  const { count } = await deps.db.privacyRequest.updateMany({
    where: { id, status: "open" },
    data: { status: "answered", answeredAt: now },
  });
  if (count === 1)
    await deps.db.leadEvent.create({
      data: {
        actor: deps.actor,
        action: "privacy_answered",
        detail: `privacy request #${id} answered`,
        createdAt: now,
      },
    });
  return count === 1;
}

/**
 * Queues the access export of a confirmed request's address to that address, and only to it. Returns the outbox
 * row's id, or null when the id names no confirmed request.
 */
export async function mailAccessExport(
  id: number,
  deps: AnswerDeps & { secret: string; mail: MailContext },
): Promise<number | null> {
  const request = await deps.db.privacyRequest.findFirst({
    where: { id, status: { in: ["open", "answered"] } },
    select: { email: true },
  });
  if (!request) return null;
  const { json } = await accessExport(request.email, deps);
  const rendered = renderAccessExportMail(json, deps.mail);
  const row = await deps.db.outboxMessage.create({
    data: {
      kind: "access_export",
      recipient: request.email,
      replyTo: null,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
    },
    select: { id: true },
  });
  return row.id;
}
