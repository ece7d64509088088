/** How the desk words a lead's emails: the one-word state (inbox, badge) and each email's line (lead page). */
import type { MailState } from "@/lib/leads/queries";
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
};

/** Who an email is for, as the lead page names it ("Notice to you"); an unknown kind as it is stored. */
export function mailKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

type OutboxRow = {
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
};

/** One email's line: "Sent 2 Dec 2026, 14:05.", "Failed after 3 attempt(s): …." or "Pending, next try …". */
export function mailRowStatus(row: OutboxRow): string {
  if (row.status === "sent" && row.sentAt) return `${MAIL_LABELS.sent} ${dateTime(row.sentAt)}.`;
  if (row.status === "failed")
    return `${MAIL_LABELS.failed} after ${row.attempts} attempt(s): ${row.lastError ?? "unknown error"}.`;
  const lastError = row.lastError ? `; last error: ${row.lastError}` : "";
  return `${MAIL_LABELS.pending}, next try ${dateTime(row.nextAttemptAt)}${lastError}.`;
}

/** Whether "Retry mail now" has anything to do: an email failed or still waits for its next try. */
export function mailWaiting(outbox: { status: string }[]): boolean {
  return outbox.some((row) => row.status === "pending" || row.status === "failed");
}
