/**
 * The two emails of a quote request, as plain text and HTML. Pure functions: no I/O, no clock.
 * Every value a visitor typed is escaped in the HTML part; the subject is reduced to one safe line.
 */
import { bookingLink } from "@/lib/quotes/booking";
import { escapeHtml } from "@/lib/text/escape-html";
import { localDateTime } from "@/lib/text/local-time";
import { replaceUnsafe, UNSAFE_IN_LINE, UNSAFE_IN_TEXT } from "@/lib/text/unsafe-chars";

export type QuoteForMail = {
  reference: string;
  name: string;
  email: string;
  company: string | null;
  phone: string | null;
  interestLabel: string;
  budget: string;
  timeline: string;
  description: string;
  referrerPath: string | null;
  utm: Record<string, string>;
  createdAt: Date;
  consentVersion: string;
  /** The response promise with its due time filled in (lib/quotes/response-promise.ts). */
  promise: string;
};

export type MailContext = {
  siteName: string;
  siteUrl: string;
  ownerName: string;
  /** The owner's role, signed under the name ("Founder and lead developer"). */
  ownerRole: string;
  /** The ways to reach the business besides a reply, from content/site.ts (each shown only when given). */
  contact: { email?: string; phone?: string };
  /** The business's zone (BUSINESS_TIME_ZONE): every time in an email is shown in it, labelled. */
  timeZone: string;
  /** BOOKING_URL: the confirmation offers it as "Book a call" (`{reference}` filled in); absent, it offers none. */
  bookingUrl?: string;
};

export type RenderedMail = { subject: string; text: string; html: string };

export const SUBJECT_MAX_LENGTH = 150;

/** One line of text: control and bidi characters become a single space. */
export function oneLine(value: string): string {
  return replaceUnsafe(value, UNSAFE_IN_LINE).replace(/ {2,}/g, " ").trim();
}

/** Multi-line text with Unix newlines and no control or bidi characters. */
export function multiLine(value: string): string {
  return replaceUnsafe(value.replace(/\r\n?/g, "\n"), UNSAFE_IN_TEXT).trim();
}

/**
 * A subject that cannot inject a header: one line, at most `max` characters (150 unless given; whole code
 * points), and no "=?", which mail clients would take as the start of an RFC 2047 encoded word and decode (the
 * form refuses such text in single-line fields; this keeps any other way in harmless too).
 */
export function safeSubject(value: string, max: number = SUBJECT_MAX_LENGTH): string {
  const chars = Array.from(oneLine(value).replace(/=\?/g, "= ?"));
  if (chars.length <= max) return chars.join("");
  return `${chars
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

function sourceUrl(referrerPath: string, siteUrl: string): string {
  // Only a site-relative path is joined to the site URL; anything else is shown as typed.
  return referrerPath.startsWith("/") && !referrerPath.startsWith("//")
    ? `${trimSlash(siteUrl)}${referrerPath}`
    : referrerPath;
}

/** The lead's page in the owner's desk. */
export function deskLeadUrl(reference: string, siteUrl: string): string {
  return `${trimSlash(siteUrl)}/desk/leads/${encodeURIComponent(oneLine(reference))}`;
}

type Field = { label: string; value: string; multiline?: boolean };

/** What the visitor sent, in form order; empty optional fields are shown as "not given". */
function requestFields(q: Omit<QuoteForMail, "promise">): Field[] {
  return [
    { label: "Name", value: oneLine(q.name) },
    { label: "Email", value: oneLine(q.email) },
    { label: "Company", value: q.company ? oneLine(q.company) : "(not given)" },
    { label: "Phone", value: q.phone ? oneLine(q.phone) : "(not given)" },
    { label: "Interested in", value: oneLine(q.interestLabel) },
    { label: "Budget", value: oneLine(q.budget) },
    { label: "Timeline", value: oneLine(q.timeline) },
    { label: "Project description", value: multiLine(q.description), multiline: true },
  ];
}

function utmText(utm: Record<string, string>): string | null {
  const entries = Object.entries(utm).filter(([, value]) => value !== "");
  if (entries.length === 0) return null;
  return entries.map(([key, value]) => `${oneLine(key)}=${oneLine(value)}`).join(", ");
}

function textFields(fields: Field[]): string {
  return fields
    .map((field) => (field.multiline ? `${field.label}:\n${indent(field.value)}` : `${field.label}: ${field.value}`))
    .join("\n");
}

function indent(value: string): string {
  return value
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

const CELL = "padding:6px 12px 6px 0;vertical-align:top;text-align:left;border-bottom:1px solid #e5e7eb";

function htmlFields(fields: Field[]): string {
  const rows = fields.map((field) => {
    const value = escapeHtml(field.value).replace(/\n/g, "<br>");
    const label = `<th scope="row" style="${CELL};font-weight:600;white-space:nowrap">${escapeHtml(field.label)}</th>`;
    return `<tr>${label}<td style="${CELL}">${value}</td></tr>`;
  });
  return `<table style="border-collapse:collapse;width:100%;max-width:640px">\n${rows.join("\n")}\n</table>`;
}

/** A whole HTML email: the subject as its title, the body as given (already escaped). */
export function htmlDocument(title: string, body: string): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    "</head>",
    '<body style="margin:0;padding:24px;background:#ffffff;color:#111827;' +
      'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

export function paragraph(html: string): string {
  return `<p style="margin:0 0 16px">${html}</p>`;
}

/** The notice to the owner: every field, where it came from, and when. Reply-To is the prospect. */
export function renderOwnerNotice(q: Omit<QuoteForMail, "promise">, ctx: MailContext): RenderedMail {
  const subject = safeSubject(`Quote request ${q.reference} from ${q.name} (${q.interestLabel})`);
  const utm = utmText(q.utm);
  const received = localDateTime(q.createdAt, ctx.timeZone);
  const fields: Field[] = [
    { label: "Reference", value: oneLine(q.reference) },
    ...requestFields(q),
    {
      label: "Page before the form",
      value: q.referrerPath ? oneLine(sourceUrl(q.referrerPath, ctx.siteUrl)) : "(unknown)",
    },
    ...(utm ? [{ label: "UTM tags", value: utm }] : []),
    { label: "Received", value: received },
    { label: "Consent", value: `Given, privacy notice version ${oneLine(q.consentVersion)}` },
  ];
  const intro =
    `New quote request ${oneLine(q.reference)} on the ${ctx.siteName} website. ` +
    `Reply to this email to answer ${oneLine(q.name)} directly.`;
  const deskUrl = deskLeadUrl(q.reference, ctx.siteUrl);

  const text = [intro, "", textFields(fields), "", `Open it in the desk: ${deskUrl}`, ""].join("\n");
  const html = htmlDocument(
    subject,
    [
      `<h1 style="font-size:20px;margin:0 0 16px">Quote request ${escapeHtml(oneLine(q.reference))}</h1>`,
      paragraph(escapeHtml(intro)),
      htmlFields(fields),
      `<p style="margin:16px 0"><a href="${escapeHtml(deskUrl)}" style="color:#1d4ed8">Open it in the desk</a></p>`,
    ].join("\n"),
  );
  return { subject, text, html };
}

/** What the confirmation may show: our own reference and the labels of the options chosen from our lists. */
export type ConfirmationFacts = Pick<QuoteForMail, "reference" | "interestLabel" | "budget" | "timeline" | "promise">;

/**
 * The confirmation to the prospect, written as the business's own letter: a greeting and thanks, the
 * reference, the options chosen, what happens next, how to reach the owner in the meantime, their rights,
 * and a signature with the owner's name and role and the site. It goes to whatever address was typed, so it
 * carries nothing a stranger wrote (not even the name): its input type has no free-text field.
 */
export function renderConfirmation(q: ConfirmationFacts, ctx: MailContext): RenderedMail {
  const reference = oneLine(q.reference);
  const subject = safeSubject(`We received your quote request (${reference})`);
  const privacyUrl = `${trimSlash(ctx.siteUrl)}/privacy`;
  const siteUrl = trimSlash(ctx.siteUrl);
  const greeting = "Hello,";
  const thanks =
    `Thank you for asking ${ctx.siteName} for a quote: your request has arrived safely. Your reference is ` +
    `${reference}. Please mention it whenever you write to us.`;
  const chosenIntro = "Your request at a glance:";
  const chosen: Field[] = [
    { label: "Interested in", value: oneLine(q.interestLabel) },
    { label: "Budget", value: oneLine(q.budget) },
    { label: "Timeline", value: oneLine(q.timeline) },
  ];
  const next = `What happens next: ${ctx.ownerName} reads your request himself. ${oneLine(q.promise)}`;
  const booking = bookingLink(ctx.bookingUrl, q.reference);
  const bookCall = "Prefer to talk it through? Book a call:";
  const rights =
    "To have your details corrected or deleted, reply to this email and quote your reference " + `${reference}.`;
  const notYou = "If you did not send this request, someone typed your address by mistake: you can ignore this email.";
  const { email, phone } = ctx.contact;
  const reach =
    `Questions in the meantime? Reply to this email: it goes straight to ${ctx.ownerName}` +
    (email && phone ? `. You can also write to ${email} or call ${phone}.` : "") +
    (email && !phone ? `. You can also write to ${email}.` : "") +
    (phone && !email ? `. You can also call ${phone}.` : "") +
    (email || phone ? "" : ".");
  const signOff = ["Kind regards,", ctx.ownerName, `${ctx.ownerRole}, ${ctx.siteName}`];

  const text = [
    greeting,
    "",
    thanks,
    "",
    chosenIntro,
    textFields(chosen),
    "",
    next,
    "",
    reach,
    "",
    ...(booking ? [`${bookCall} ${booking}`, ""] : []),
    rights,
    `How we handle your data: ${privacyUrl}`,
    "",
    notYou,
    "",
    ...signOff,
    siteUrl,
    "",
  ].join("\n");

  const html = htmlDocument(
    subject,
    [
      paragraph(escapeHtml(greeting)),
      paragraph(escapeHtml(thanks)),
      paragraph(escapeHtml(chosenIntro)),
      htmlFields(chosen),
      `<p style="margin:16px 0">${escapeHtml(next)}</p>`,
      paragraph(escapeHtml(reach)),
      ...(booking
        ? [
            paragraph(
              `${escapeHtml(bookCall)} ` +
                `<a href="${escapeHtml(booking)}" style="color:#1d4ed8">${escapeHtml(booking)}</a>`,
            ),
          ]
        : []),
      paragraph(
        `${escapeHtml(rights)} How we handle your data: ` +
          `<a href="${escapeHtml(privacyUrl)}" style="color:#1d4ed8">${escapeHtml(privacyUrl)}</a>.`,
      ),
      paragraph(escapeHtml(notYou)),
      paragraph(
        [
          ...signOff.map(escapeHtml),
          `<a href="${escapeHtml(siteUrl)}" style="color:#1d4ed8">${escapeHtml(siteUrl)}</a>`,
        ].join("<br>"),
      ),
    ].join("\n"),
  );
  return { subject, text, html };
}
