/**
 * The owner's reminder and daily digest, as plain text and HTML. They carry references, the chosen options and
 * times, never a visitor's name, address or message, so an erasure has nothing to chase in them. Pure.
 */
import { deskLeadUrl, htmlDocument, oneLine, paragraph, safeSubject, type RenderedMail } from "@/lib/mail/render";
import { deskInboxPath, DESK_PATH } from "@/lib/routes";
import { escapeHtml } from "@/lib/text/escape-html";
import { localDateTime } from "@/lib/text/local-time";

/** Where the links in these emails point, and the zone their times are written in. */
export type FollowUpMailContext = { deskOrigin: string; timeZone: string; targetHours: number };

export type ReminderFacts = { reference: string; interestLabel: string; createdAt: Date; dueAt: Date };

const LINK = 'style="color:#1d4ed8"';
const link = (url: string, label: string) => `<a href="${escapeHtml(url)}" ${LINK}>${escapeHtml(label)}</a>`;

/** One reminder for one lead: it passed its due time with no answer. The subject names the reference. */
export function renderReminder(lead: ReminderFacts, ctx: FollowUpMailContext): RenderedMail {
  const reference = oneLine(lead.reference);
  const time = (date: Date) => localDateTime(date, ctx.timeZone);
  const subject = safeSubject(`Overdue: quote request ${reference} (due ${time(lead.dueAt)})`);
  const url = deskLeadUrl(reference, ctx.deskOrigin);
  const lines = [
    `Quote request ${reference} (${oneLine(lead.interestLabel)}) has no answer yet. ` +
      `It arrived ${time(lead.createdAt)} ` +
      `and was due ${time(lead.dueAt)}, ${ctx.targetHours} business hours later.`,
    "Answered it from your own mail? Press “Mark as answered” on its page, so the desk knows.",
    "This is the only reminder for this request; the daily digest lists it while it is overdue.",
  ];
  const text = [lines[0], "", `Open it: ${url}`, "", lines[1], "", lines[2], ""].join("\n");
  const html = htmlDocument(
    subject,
    [
      paragraph(escapeHtml(lines[0]!)),
      paragraph(link(url, `Open ${reference} in the desk`)),
      paragraph(escapeHtml(lines[1]!)),
      paragraph(escapeHtml(lines[2]!)),
    ].join("\n"),
  );
  return { subject, text, html };
}

export type DigestFacts = {
  /** The business's local date the digest is for, in words ("Monday 7 December 2026"). */
  day: string;
  /** When the previous digest went out (or the start of the window for the first one). */
  since: Date;
  received: { reference: string; interestLabel: string; createdAt: Date }[];
  overdue: { reference: string; dueAt: Date; overdueBy: string }[];
  stale: { reference: string; activityAt: Date }[];
  /** Replies from the desk that ran out of attempts (outbox kind owner_reply, status failed). */
  failedReplies: { reference: string }[];
  /** Requests the spam filter held since the previous digest. */
  spamHeld: number;
};

/** True when the digest would say nothing: then none is sent. */
export function digestIsEmpty(facts: DigestFacts): boolean {
  return (
    facts.received.length + facts.overdue.length + facts.stale.length + facts.failedReplies.length + facts.spamHeld ===
    0
  );
}

type Section = { heading: string; items: { text: string; url: string }[]; after?: { text: string; url: string } };

/** The daily digest: what arrived, what is overdue or stale, replies that failed, and what the spam filter held. */
export function renderDigest(facts: DigestFacts, ctx: FollowUpMailContext & { staleDays: number }): RenderedMail {
  const time = (date: Date) => localDateTime(date, ctx.timeZone);
  const lead = (reference: string) => deskLeadUrl(reference, ctx.deskOrigin);
  const counts = [
    facts.received.length > 0 ? `${facts.received.length} new` : null,
    facts.overdue.length > 0 ? `${facts.overdue.length} overdue` : null,
    facts.stale.length > 0 ? `${facts.stale.length} stale` : null,
    facts.failedReplies.length > 0
      ? `${facts.failedReplies.length} failed repl${facts.failedReplies.length === 1 ? "y" : "ies"}`
      : null,
    facts.spamHeld > 0 ? `${facts.spamHeld} held as spam` : null,
  ].filter(Boolean);
  const subject = safeSubject(`Desk digest, ${facts.day}: ${counts.join(", ")}`);
  const sections: Section[] = [
    {
      heading: `Received since the last digest (${time(facts.since)}): ${facts.received.length}`,
      items: facts.received.map((row) => ({
        text: `${row.reference}, ${oneLine(row.interestLabel)}, received ${time(row.createdAt)}`,
        url: lead(row.reference),
      })),
    },
    {
      heading: `Overdue, no answer yet: ${facts.overdue.length}`,
      items: facts.overdue.map((row) => ({
        text: `${row.reference}, due ${time(row.dueAt)}, ${row.overdueBy}`,
        url: lead(row.reference),
      })),
    },
    {
      heading: `In progress with no activity for ${ctx.staleDays} days: ${facts.stale.length}`,
      items: facts.stale.map((row) => ({
        text: `${row.reference}, last activity ${time(row.activityAt)}`,
        url: lead(row.reference),
      })),
    },
    {
      heading: `Replies that could not be sent: ${facts.failedReplies.length}`,
      items: facts.failedReplies.map((row) => ({
        text: `${row.reference}: open it and press “Retry mail now”`,
        url: lead(row.reference),
      })),
    },
    {
      heading: `Held by the spam filter since the last digest: ${facts.spamHeld}`,
      items: [],
      after:
        facts.spamHeld > 0
          ? {
              text: "Check them in the Spam tab; “Not spam” moves a real request to New and sends its mail",
              url: `${trimSlash(ctx.deskOrigin)}${deskInboxPath({ status: "spam" })}`,
            }
          : undefined,
    },
  ];
  const shown = sections.filter((section) => section.items.length > 0 || section.after);
  const desk = `${trimSlash(ctx.deskOrigin)}${DESK_PATH}`;

  const text = [
    `Desk digest for ${facts.day}`,
    "",
    ...shown.flatMap((section) => [
      section.heading,
      ...section.items.map((item) => `  ${item.text}: ${item.url}`),
      ...(section.after ? [`  ${section.after.text}: ${section.after.url}`] : []),
      "",
    ]),
    `The desk: ${desk}`,
    "",
  ].join("\n");
  const html = htmlDocument(
    subject,
    [
      `<h1 style="font-size:20px;margin:0 0 16px">Desk digest for ${escapeHtml(facts.day)}</h1>`,
      ...shown.map((section) =>
        [
          `<h2 style="font-size:17px;margin:16px 0 8px">${escapeHtml(section.heading)}</h2>`,
          section.items.length > 0
            ? `<ul style="margin:0 0 16px;padding-left:20px">${section.items
                .map((item) => `<li>${link(item.url, item.text)}</li>`)
                .join("")}</ul>`
            : "",
          section.after ? paragraph(link(section.after.url, section.after.text)) : "",
        ].join("\n"),
      ),
      paragraph(link(desk, "Open the desk")),
    ].join("\n"),
  );
  return { subject, text, html };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
