/**
 * What a lead alert says: the JSON a webhook receiver gets when a lead arrives (not spam) or is released from
 * spam. Pure functions: no I/O, no clock. Contact details and the message go only when the owner chose so
 * (LEAD_WEBHOOK_CONTACT); otherwise the alert carries the facts needed to decide to open the desk, and its link.
 */
import { deskLeadUrl, oneLine, type MailContext, type QuoteForMail } from "@/lib/mail/render";

/** Where and how alerts are sent (from the settings; lib/server/env.ts `leadWebhookSettings`). */
export type LeadWebhookSettings = {
  url: string;
  /** The Standard Webhooks secret, whsec_ and base64. */
  secret: string;
  format: "standard" | "slack";
  /** Whether name, email, company, phone and the message go with the alert. */
  contact: boolean;
};

/** A new lead that is not spam, or one the owner released from spam. */
export type LeadWebhookEvent = "lead.received" | "lead.released";

export type LeadAlert = {
  reference: string;
  interest: string;
  budget: string;
  timeline: string;
  receivedAt: string;
  source: { path: string | null; utm: Record<string, string> };
  deskUrl: string;
  /** Only with LEAD_WEBHOOK_CONTACT=true. */
  contact?: { name: string; email: string; company: string | null; phone: string | null };
  /** Only with LEAD_WEBHOOK_CONTACT=true. */
  message?: string;
};

/** The Standard Webhooks envelope: the event's type, when it happened, and the lead. */
export type StandardPayload = { type: LeadWebhookEvent; timestamp: string; data: LeadAlert };

/** Slack's incoming-webhook message: `text` for notifications, `blocks` for the message itself. */
export type SlackPayload = { text: string; blocks: SlackBlock[] };
type SlackText = { type: "mrkdwn" | "plain_text"; text: string };
type SlackBlock =
  | { type: "header"; text: SlackText }
  | { type: "section"; text?: SlackText; fields?: SlackText[] }
  | { type: "context"; elements: SlackText[] };

/**
 * The id every delivery of one lead's event carries (`webhook-id`), so a receiver that gets the same alert twice
 * (a retry after a lost answer) recognises it: the same lead and event always give the same id.
 */
export function leadWebhookId(reference: string, event: LeadWebhookEvent): string {
  return `${event}.${reference}`;
}

/** The lead as the alert describes it; contact details and the message only when `contact` is true. */
export function leadAlert(q: QuoteForMail, opts: { contact: boolean; ctx: MailContext }): LeadAlert {
  return {
    reference: q.reference,
    interest: q.interestLabel,
    budget: q.budget,
    timeline: q.timeline,
    receivedAt: q.createdAt.toISOString(),
    source: { path: q.referrerPath, utm: q.utm },
    deskUrl: deskLeadUrl(q.reference, opts.ctx.siteUrl),
    ...(opts.contact
      ? {
          contact: { name: q.name, email: q.email, company: q.company, phone: q.phone },
          message: q.description,
        }
      : {}),
  };
}

export function standardPayload(alert: LeadAlert, event: LeadWebhookEvent, at: Date): StandardPayload {
  return { type: event, timestamp: at.toISOString(), data: alert };
}

/** Slack reads `<...>` as links and mentions (`<!channel>`) and `&` as an entity: a visitor's text is escaped. */
export function slackEscape(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Slack refuses a section text over 3000 characters; a long message is cut there, the rest is in the desk. */
const SLACK_SECTION_MAX = 3000;

function clip(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join("")}…`;
}

/** The alert as a Slack message: a headline, the facts as fields, the desk link, and the contact when allowed. */
export function slackPayload(alert: LeadAlert, event: LeadWebhookEvent): SlackPayload {
  const what = event === "lead.released" ? "Lead released from spam" : "New lead";
  const headline = `${what} ${oneLine(alert.reference)}: ${oneLine(alert.interest)}`;
  const field = (label: string, value: string): SlackText => ({
    type: "mrkdwn",
    text: `*${label}*\n${slackEscape(oneLine(value))}`,
  });
  const utm = Object.entries(alert.source.utm).map(([key, value]) => `${key}=${value}`);
  const source = [alert.source.path ?? "unknown page", ...utm].join(", ");
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: clip(headline, 150) } },
    {
      type: "section",
      fields: [
        field("Interest", alert.interest),
        field("Budget", alert.budget),
        field("Timeline", alert.timeline),
        field("Source", source),
      ],
    },
  ];
  if (alert.contact) {
    const { name, email, company, phone } = alert.contact;
    const who = [name, email, company, phone].filter((value): value is string => Boolean(value)).map(oneLine);
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*From*\n${slackEscape(who.join(" · "))}` } });
  }
  if (alert.message !== undefined) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: clip(`*Message*\n${slackEscape(alert.message)}`, SLACK_SECTION_MAX) },
    });
  }
  blocks.push({
    type: "section",
    text: { type: "mrkdwn", text: `<${alert.deskUrl}|Open ${alert.reference} in the desk>` },
  });
  return { text: `${slackEscape(headline)} ${alert.deskUrl}`, blocks };
}
