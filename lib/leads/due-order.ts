import type { LeadStatus } from "./status";

/**
 * The inbox's order: New earliest due first, every other tab newest first. With one set of clock settings a
 * lead's due time never comes before an earlier lead's (dueAt grows with the arrival time), so arrival order,
 * oldest first, is due order, and the database sorts and pages it.
 */
export function inboxOrder(status: LeadStatus | undefined) {
  const direction = status === "new" ? "asc" : "desc";
  return [{ createdAt: direction }, { id: direction }] as const satisfies { [key: string]: "asc" | "desc" }[];
}

/** How the inbox's summary line names that order. */
export function inboxOrderLabel(status: LeadStatus | undefined): string {
  return status === "new" ? "earliest due first" : "newest first";
}
