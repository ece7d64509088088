/** A lead alert as an outbox row, queued in the same transaction as the lead (or its release from spam). */
import type { MailContext, QuoteForMail } from "@/lib/mail/render";
import type { OutboxRow } from "@/lib/mail/outbox";
import {
  leadAlert,
  leadWebhookId,
  slackPayload,
  standardPayload,
  type LeadWebhookEvent,
  type LeadWebhookSettings,
} from "./payload";

/** The outbox kind of a lead alert: delivered by an HTTP POST, not by mail (lib/mail/outbox.ts). */
export const LEAD_WEBHOOK_KIND = "lead_webhook" as const;

/** The receiver's host, the one part of the URL that is shown (desk, privacy notice): the rest may be a secret. */
export function receiverHost(url: string): string {
  return new URL(url).host;
}

/**
 * The row: the payload as it will be sent (`textBody`), its `webhook-id` (`messageId`), the event (`subject`) and
 * the receiver's host (`recipient`). The URL and secret are applied at delivery, so a changed secret also signs
 * alerts still queued, and the URL (which may hold a token, as Slack's do) is never stored.
 */
export function leadWebhookRow(
  q: QuoteForMail,
  event: LeadWebhookEvent,
  opts: { settings: LeadWebhookSettings; ctx: MailContext; at: Date },
): OutboxRow {
  const alert = leadAlert(q, { contact: opts.settings.contact, ctx: opts.ctx });
  const payload =
    opts.settings.format === "slack" ? slackPayload(alert, event) : standardPayload(alert, event, opts.at);
  return {
    kind: LEAD_WEBHOOK_KIND,
    recipient: receiverHost(opts.settings.url),
    replyTo: null,
    subject: event,
    textBody: JSON.stringify(payload),
    htmlBody: "",
    messageId: leadWebhookId(q.reference, event),
  };
}
