/** The inbox and a lead as plain text, for `npm run leads -- list` and `show`. */
import { describeDelivery } from "@/lib/mail/outbox-status";
import { isoWithOffset } from "@/lib/text/local-time";
import { plural } from "@/lib/text/plural";
import { describeEvent } from "./commands";
import type { Inbox, Lead } from "./queries";
import { LEAD_STATUSES, STATUS_LABELS, type LeadStatus } from "./status";

/** Times in the business's zone with their offset: "2026-12-02T14:05:09+02:00", the list's "2026-12-02 14:05". */
const timesIn = (timeZone: string) => {
  const iso = (date: Date) => isoWithOffset(date, timeZone);
  return { iso, minute: (date: Date) => iso(date).slice(0, 16).replace("T", " ") };
};
const statusLabel = (status: string) => STATUS_LABELS[status as LeadStatus] ?? status;

/** Columns padded to their widest cell, two spaces apart. */
export function textTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** One page of the inbox as a table, then the total and the count per status; times in `timeZone`. */
export function inboxText(inbox: Inbox, timeZone: string): string[] {
  const { minute } = timesIn(timeZone);
  const header = ["reference", `received (${timeZone})`, "status", "name", "company", "interest", "budget", "mail"];
  const rows = inbox.rows.map((row) => [
    row.reference,
    minute(row.createdAt),
    statusLabel(row.status),
    row.name,
    row.company ?? "",
    row.interestLabel,
    row.budget,
    row.mail,
  ]);
  const summary =
    `${plural(inbox.total, "lead", "leads")}${inbox.pages > 1 ? `, page ${inbox.page} of ${inbox.pages}` : ""}; ` +
    LEAD_STATUSES.map((status) => `${STATUS_LABELS[status]} ${inbox.counts[status]}`).join(", ");
  return rows.length > 0 ? [textTable([header, ...rows]), summary] : [summary];
}

/** Every field of a lead, its two emails and its timeline; times in `timeZone`, with their offset. */
export function leadText(lead: Lead, timeZone: string): string[] {
  const { iso } = timesIn(timeZone);
  const utm = [lead.utmSource, lead.utmMedium, lead.utmCampaign, lead.utmTerm, lead.utmContent].filter(Boolean);
  const fields: [string, string | null][] = [
    ["Reference", lead.reference],
    ["Status", statusLabel(lead.status)],
    ["Received", iso(lead.createdAt)],
    ["Name", lead.name],
    ["Email", lead.email],
    ["Company", lead.company],
    ["Phone", lead.phone],
    ["Interest", lead.interestLabel],
    ["Budget", lead.budget],
    ["Timeline", lead.timeline],
    ["Page before the form", lead.referrerPath],
    ["UTM", utm.join(" / ") || null],
    ["Spam score", `${lead.spamScore}${lead.spamReason ? ` (${lead.spamReason})` : ""}`],
    ["Consent", `${iso(lead.consentAt)}, notice version ${lead.consentVersion}`],
  ];
  const lines = fields.map(([label, value]) => `${label}: ${value ?? "(not given)"}`);
  lines.push(`Description:\n${lead.description.replace(/^/gm, "  ")}`, "Mail:");
  if (lead.outbox.length === 0) lines.push(lead.status === "spam" ? "  held back (spam)" : "  none");
  for (const row of lead.outbox) lines.push(`  ${row.kind} to ${row.recipient}: ${describeDelivery(row, iso)}`);
  lines.push("Timeline:", `  ${iso(lead.createdAt)}  received`);
  for (const event of lead.events) {
    const note = event.action === "note" ? `: ${event.detail}` : "";
    lines.push(`  ${iso(event.createdAt)}  ${describeEvent(event)}${note} (${event.actor})`);
  }
  return lines;
}
