import type { Db } from "@/lib/db/client";

/**
 * Our confirmation goes to whatever address was typed, so the form must not become a way to mail
 * anyone: one mailbox gets a few confirmations a day, and the site sends at most a set number an hour
 * in all. The owner's notice is never capped (a lead is never lost); only the prospect's copy is.
 */
export const MAX_CONFIRMATIONS_PER_DAY = 3;

const GMAIL = ["gmail.com", "googlemail.com"];

/**
 * The mailbox an address delivers to, for counting (the message still goes to the address as typed).
 * - Lower case throughout: the local part is case-sensitive on paper, but no mail provider in use
 *   treats Victim@ and victim@ as two people.
 * - A "+tag" is dropped everywhere: Gmail, Outlook, iCloud, Fastmail, Proton and most company servers
 *   deliver victim+anything@ to victim@. Where "+" is part of a real name, two people share a cap;
 *   that costs one of them a confirmation, never a lead.
 * - Dots are dropped for Gmail only (and googlemail.com is gmail.com): elsewhere john.smith@ and
 *   johnsmith@ are often two different people.
 */
export function mailboxKey(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL.includes(domain)) {
    local = local.replace(/\./g, "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

export type ConfirmationVerdict = { send: true } | { send: false; reason: "mailbox-daily-cap" | "hourly-cap" };

/** Whether this request's prospect gets a confirmation, counted over the confirmations already queued. */
export async function confirmationVerdict(
  db: Pick<Db, "outboxMessage">,
  email: string,
  now: Date,
  perHour: number,
): Promise<ConfirmationVerdict> {
  const kind = "prospect_confirmation";
  const lastHour = await db.outboxMessage.count({
    where: { kind, createdAt: { gte: new Date(now.getTime() - 3_600_000) } },
  });
  if (lastHour >= perHour) return { send: false, reason: "hourly-cap" };
  // Candidates share the (already lower-cased) domain; the mailbox is compared after normalising.
  const key = mailboxKey(email);
  const domain = key.slice(key.lastIndexOf("@") + 1);
  const domains = domain === "gmail.com" ? GMAIL : [domain];
  const recent = await db.outboxMessage.findMany({
    where: {
      kind,
      createdAt: { gte: new Date(now.getTime() - 86_400_000) },
      // The request's lower-cased address, not the recipient as typed: `endsWith` is case-sensitive on PostgreSQL.
      OR: domains.map((name) => ({ quoteRequest: { emailKey: { endsWith: `@${name}` } } })),
    },
    select: { recipient: true },
  });
  const sameMailbox = recent.filter((row) => mailboxKey(row.recipient) === key).length;
  return sameMailbox >= MAX_CONFIRMATIONS_PER_DAY ? { send: false, reason: "mailbox-daily-cap" } : { send: true };
}
