import type { QuoteRequest } from "@/lib/generated/prisma/client";
import { outboxRows, type OutboxRow } from "@/lib/mail/outbox";
import type { MailContext, QuoteForMail } from "@/lib/mail/render";
import { responsePromise } from "@/lib/quotes/response-promise";
import type { ResponseClock } from "./response-clock";

/** A stored request as the mail templates take it, with the response promise the confirmation states. */
export function quoteForMail(lead: QuoteRequest, promise: string): QuoteForMail {
  const utm = {
    utm_source: lead.utmSource,
    utm_medium: lead.utmMedium,
    utm_campaign: lead.utmCampaign,
    utm_term: lead.utmTerm,
    utm_content: lead.utmContent,
  };
  return {
    reference: lead.reference,
    name: lead.name,
    email: lead.email,
    company: lead.company,
    phone: lead.phone,
    interestLabel: lead.interestLabel,
    budget: lead.budget,
    timeline: lead.timeline,
    description: lead.description,
    sourcePath: lead.sourcePath,
    utm: Object.fromEntries(Object.entries(utm).filter((entry): entry is [string, string] => entry[1] !== null)),
    createdAt: lead.createdAt,
    consentVersion: lead.consentVersion,
    promise,
  };
}

/**
 * The two emails a spam-flagged request did not get, rendered now for its release. The promise counts from the
 * release (the visitor is told a time still ahead); the desk's clock keeps counting from arrival.
 */
export function heldMailRenderer(opts: { ownerTo: string; ctx: MailContext; clock: ResponseClock; now?: () => Date }) {
  const now = opts.now ?? (() => new Date());
  return (lead: QuoteRequest): OutboxRow[] => outboxRows(quoteForMail(lead, responsePromise(now(), opts.clock)), opts);
}
