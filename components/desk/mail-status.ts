/** How the desk words a lead's emails: the one-word state (inbox, badge) and each email's line (lead page). */
import type { MailState } from "@/lib/leads/queries";
import { describeDelivery, OUTBOX_STATUS } from "@/lib/mail/outbox-status";
import { LEAD_WEBHOOK_KIND } from "@/lib/webhooks/rows";
import { dateTime } from "./format";

export const MAIL_LABELS: Record<MailState, string> = {
  sent: "Sent",
  pending: "Pending",
  failed: "Failed",
  held: "Held (spam)",
  none: "None",
};

const KIND_LABELS: Record<string, string> = {
  owner_notice: "Notice to you",
  prospect_confirmation: "Confirmation to the prospect",
  owner_reply: "Your reply",
  owner_reply_copy: "Your copy of a reply",
  [LEAD_WEBHOOK_KIND]: "Alert to your webhook",
};

/** Who an email is for, as the lead page names it ("Notice to you"); an unknown kind as it is stored. */
export function mailKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** One email's line on the lead page: "Sent 2 Dec 2026, 14:05 SAST.", "Failed after 3 attempts: …." or "Pending, …". */
export function mailRowStatus(row: Parameters<typeof describeDelivery>[0], timeZone: string): string {
  const words = describeDelivery(row, (date) => dateTime(date, timeZone));
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

/** Whether "Retry mail now" has anything to do: an email failed or still waits for its next try. */
export function mailWaiting(outbox: { status: string }[]): boolean {
  return outbox.some((row) => row.status === OUTBOX_STATUS.pending || row.status === OUTBOX_STATUS.failed);
}
