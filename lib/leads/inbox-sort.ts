/**
 * The inbox's orders. Each is a list of segments shown one after the other (each a condition and an order
 * within it), so an order the database cannot express directly (a budget band's rank, "due first") still pages
 * in the database, the same on SQLite and PostgreSQL (lib/leads/inbox-query.ts).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { inboxOrder } from "./due-order";

export type Segment = {
  where: Prisma.QuoteRequestWhereInput;
  orderBy: Prisma.QuoteRequestOrderByWithRelationInput[];
};

export type SortContext = {
  /** The budget form's labels, highest band first ("Not sure yet" last). */
  budgetLabels: string[];
};

const NEWEST: Segment["orderBy"] = [{ createdAt: "desc" }, { id: "desc" }];

export const INBOX_SORTS = {
  received: {
    label: "Newest first",
    segments: (): Segment[] => [{ where: {}, orderBy: NEWEST }],
  },
  budget: {
    label: "Highest budget first",
    segments: ({ budgetLabels }: SortContext): Segment[] => [
      ...budgetLabels.map((label) => ({ where: { budget: label }, orderBy: NEWEST })),
      // A label the form no longer offers (the owner renamed a range) comes last.
      { where: { budget: { notIn: budgetLabels } }, orderBy: NEWEST },
    ],
  },
  due: {
    // Arrival order, oldest first, is due order (lib/leads/due-order.ts).
    label: "Earliest due first",
    segments: (): Segment[] => [{ where: {}, orderBy: [...inboxOrder("new")] }],
  },
} satisfies Record<string, { label: string; segments: (ctx: SortContext) => Segment[] }>;

export type InboxSort = keyof typeof INBOX_SORTS;

/** New leads wait for an answer, so New is in due order; every other tab shows the newest first. */
export function defaultSort(status: string | undefined): InboxSort {
  return status === "new" ? "due" : "received";
}

export function isInboxSort(value: string): value is InboxSort {
  return Object.hasOwn(INBOX_SORTS, value);
}
