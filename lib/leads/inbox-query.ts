/**
 * The inbox's page of leads: the filter (lib/leads/queries.ts's leadWhere), the order (lib/leads/inbox-sort.ts)
 * with In progress's due next steps first, each tab's count, and the deal value's sums per currency.
 */
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dealTotals, type CurrencyTotal } from "./deal-value";
import type { InboxFilter } from "./inbox-filter";
import { defaultSort, INBOX_SORTS, type Segment, type SortContext } from "./inbox-sort";
import { dueBy, OPEN_STATUSES, today } from "./next-steps";
import {
  INBOX_ROW_SELECT,
  leadWhere,
  mailState,
  pageOf,
  PAGE_SIZE,
  statusCounts,
  type Inbox,
  type InboxRow,
} from "./queries";

/** An inbox row with the phone, the deal value and the next step. */
export type WorkbenchRow = InboxRow & {
  phone: string | null;
  dealAmount: number | null;
  dealCurrency: string | null;
  nextStep: string | null;
  nextStepAt: Date | null;
  /** Its next step's day has come (in the business's zone) and the lead is still open (New, In progress). */
  due: boolean;
};

/** The inbox's page (its counts for the same search and filters) with the deal values' sums. */
export type WorkbenchInbox = Omit<Inbox, "rows"> & {
  rows: WorkbenchRow[];
  /** The deal values of every lead the filter selects (all pages), summed per currency. */
  totals: CurrencyTotal[];
};

export type InboxOptions = SortContext & { now: Date; timeZone: string; pageSize?: number };

/** In progress shows the leads whose next step is due first (earliest first), then the rest in the chosen order. */
function pins(status: string | undefined, day: Date): Segment[] {
  if (status !== "in_progress") return [{ where: {}, orderBy: [] }];
  return [
    { where: dueBy(day), orderBy: [{ nextStepAt: "asc" }] },
    { where: { OR: [{ nextStepAt: null }, { nextStepAt: { gt: day } }] }, orderBy: [] },
  ];
}

const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

/** An inbox row's fields, with the phone, the deal value and the next step. */
const SELECT = {
  ...INBOX_ROW_SELECT,
  phone: true,
  dealAmount: true,
  dealCurrency: true,
  nextStep: true,
  nextStepAt: true,
} satisfies Prisma.QuoteRequestSelect;

/** One page of the inbox for `filter`, paged in the database across the order's segments. */
export async function inboxPage(db: Db, filter: InboxFilter, opts: InboxOptions): Promise<WorkbenchInbox> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const day = today(opts.now, opts.timeZone);
  const where = leadWhere(filter, opts.now);
  const sorted = INBOX_SORTS[filter.sort ?? defaultSort(filter.status)].segments(opts);
  const segments = pins(filter.status, day).flatMap((pin) =>
    sorted.map((part) => ({
      where: { AND: [where, pin.where, part.where] },
      orderBy: [...pin.orderBy, ...part.orderBy],
    })),
  );
  const [sizes, grouped, totals] = await Promise.all([
    Promise.all(segments.map((segment) => db.quoteRequest.count({ where: segment.where }))),
    db.quoteRequest.groupBy({
      by: ["status"],
      where: leadWhere({ ...filter, status: undefined }, opts.now),
      _count: { _all: true },
    }),
    dealTotals(db, where),
  ]);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const { page, pages } = pageOf(total, pageSize, filter.page);

  const found: Prisma.QuoteRequestGetPayload<{ select: typeof SELECT }>[] = [];
  let skip = (page - 1) * pageSize;
  for (const [index, segment] of segments.entries()) {
    const wanted = pageSize - found.length;
    if (wanted <= 0) break;
    const size = sizes[index] ?? 0;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    found.push(...(await db.quoteRequest.findMany({ ...segment, skip, take: wanted, select: SELECT })));
    skip = 0;
  }

  return {
    rows: found.map(({ outbox, ...lead }) => ({
      ...lead,
      mail: mailState(lead.status, outbox),
      due: isOpen(lead.status) && lead.nextStepAt !== null && lead.nextStepAt <= day,
    })),
    counts: statusCounts(grouped),
    total,
    page,
    pages,
    totals,
  };
}
