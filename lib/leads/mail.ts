import type { QuoteRequest } from "@/lib/generated/prisma/client";
import { outboxRows, type OutboxRow } from "@/lib/mail/outbox";
import type { MailContext, QuoteForMail } from "@/lib/mail/render";
import type { LeadWebhookSettings } from "@/lib/webhooks/payload";
import { leadWebhookRow } from "@/lib/webhooks/rows";
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
    referrerPath: lead.referrerPath,
    utm: Object.fromEntries(Object.entries(utm).filter((entry): entry is [string, string] => entry[1] !== null)),
    createdAt: lead.createdAt,
    consentVersion: lead.consentVersion,
    promise,
  };
}

/**
 * What a spam-flagged request did not get, rendered now for its release: the two emails, and the alert to the
 * owner's webhook when one is set (event `lead.released`, dated `at`, the release). The promise counts from the
 * release (the visitor is told a time still ahead); the desk's clock keeps counting from arrival.
 */
export function heldMailRenderer(opts: {
  ownerTo: string;
  ctx: MailContext;
  clock: ResponseClock;
  webhook?: LeadWebhookSettings | null;
  now?: () => Date;
}) {
  const { webhook } = opts;
  const now = opts.now ?? (() => new Date());
  return (lead: QuoteRequest, at: Date = now()): OutboxRow[] => {
    const q = quoteForMail(lead, responsePromise(at, opts.clock));
    const alert = webhook ? [leadWebhookRow(q, "lead.released", { settings: webhook, ctx: opts.ctx, at })] : [];
    return [...outboxRows(q, opts), ...alert];
  };
}
