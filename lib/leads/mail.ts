import type { QuoteRequest } from "@/lib/generated/prisma/client";
import { outboxRows, type OutboxRow } from "@/lib/mail/outbox";
import type { MailContext, QuoteForMail } from "@/lib/mail/render";
import type { LeadWebhookSettings } from "@/lib/webhooks/payload";
import { leadWebhookRow } from "@/lib/webhooks/rows";

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

/**
 * What a spam-flagged request did not get, rendered now for its release: the two emails, and the alert to the
 * owner's webhook when one is set (event `lead.released`, dated `at`, the release).
 */
export function heldMailRenderer(opts: { ownerTo: string; ctx: MailContext; webhook?: LeadWebhookSettings | null }) {
  const { webhook } = opts;
  return (lead: QuoteRequest, at: Date = new Date()): OutboxRow[] => {
    const q = quoteForMail(lead);
    const alert = webhook ? [leadWebhookRow(q, "lead.released", { settings: webhook, ctx: opts.ctx, at })] : [];
    return [...outboxRows(q, opts), ...alert];
  };
}
