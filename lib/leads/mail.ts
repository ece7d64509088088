import type { QuoteRequest } from "@/lib/generated/prisma/client";
import { outboxRows, type OutboxRow } from "@/lib/mail/outbox";
import type { MailContext, QuoteForMail } from "@/lib/mail/render";

/** A stored request as the mail templates take it. */
export function quoteForMail(lead: QuoteRequest): QuoteForMail {
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
  };
}

/** The two emails a spam-flagged request did not get, rendered now for its release. */
export function heldMailRenderer(opts: { ownerTo: string; ctx: MailContext }) {
  return (lead: QuoteRequest): OutboxRow[] => outboxRows(quoteForMail(lead), opts);
}
