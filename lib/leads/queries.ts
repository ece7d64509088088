/** Read-only queries of the desk and the `leads` command: the inbox, one lead, the sources report. */
import { SIGN_IN_CAP_ACTION } from "@/lib/auth/sign-in-mail";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OUTBOX_STATUS, WAITING_STATUSES, type OutboxStatus } from "@/lib/mail/outbox-status";
import { LEAD_WEBHOOK_KIND } from "@/lib/webhooks/rows";
import type { BusinessCalendar } from "./business-calendar";
import { inboxOrder } from "./due-order";
import { ageRange, type AgeKey } from "./age";
import { addValue } from "./deal-value";
import { parseLeadReference } from "./reference";
import { businessHoursBetween } from "./response-clock";
import { LEAD_STATUSES, type LeadStatus } from "./status";

export type MailState = "sent" | "pending" | "failed" | "held" | "none";

type OutboxSummary = { kind: string; status: string };

/** One word for a lead's two emails: failed beats pending beats sent; a spam lead's mail is held back. */
export function mailState(status: string, outbox: OutboxSummary[]): MailState {
  // Emails only: a sign-in link is not about the lead, and a webhook alert is not mail (its row shows on the lead).
  const mail = outbox.filter((row) => row.kind !== "sign_in_link" && row.kind !== LEAD_WEBHOOK_KIND);
  if (mail.length === 0) return status === "spam" ? "held" : "none";
  if (mail.some((row) => row.status === OUTBOX_STATUS.failed)) return "failed";
  if (mail.some((row) => WAITING_STATUSES.includes(row.status as OutboxStatus))) return "pending";
  return "sent";
}

export type LeadFilter = {
  status?: LeadStatus;
  query?: string;
  /** The stored interest value, e.g. "service:automation". */
  interest?: string;
  /** The stored budget label (lib/leads/inbox-filter.ts turns the URL's option value into it). */
  budget?: string;
  age?: AgeKey;
};

/**
 * The Prisma filter for a status, a free-text search over reference, name, email, company and message, an
 * interest, a budget and an age (counted back from `now`).
 */
export function leadWhere(filter: LeadFilter, now: Date = new Date()) {
  const query = filter.query?.trim().toLowerCase();
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(query ? { searchText: { contains: query } } : {}),
    ...(filter.interest ? { interest: filter.interest } : {}),
    ...(filter.budget ? { budget: filter.budget } : {}),
    ...(filter.age ? { createdAt: ageRange(filter.age, now) } : {}),
  };
}

export const PAGE_SIZE = 25;

/** The fields of an inbox row (the desk's workbench selects more: lib/leads/inbox-query.ts), its mail's states. */
export const INBOX_ROW_SELECT = {
  reference: true,
  name: true,
  company: true,
  interestLabel: true,
  budget: true,
  status: true,
  createdAt: true,
  firstResponseAt: true,
  outbox: { select: { kind: true, status: true } },
} satisfies Prisma.QuoteRequestSelect;

/** Leads per status from a `groupBy` on status, every status present (0 when it has none). */
export function statusCounts(grouped: { status: string; _count: { _all: number } }[]): Record<LeadStatus, number> {
  const counts = Object.fromEntries(LEAD_STATUSES.map((status) => [status, 0])) as Record<LeadStatus, number>;
  for (const group of grouped) if (group.status in counts) counts[group.status as LeadStatus] = group._count._all;
  return counts;
}

/** How many pages `total` rows make (at least one), and the asked page held within them. */
export function pageOf(total: number, pageSize: number, asked: number | undefined): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return { page: Math.min(Math.max(1, Math.floor(asked ?? 1)), pages), pages };
}

export type InboxRow = {
  reference: string;
  name: string;
  company: string | null;
  interestLabel: string;
  budget: string;
  status: string;
  createdAt: Date;
  /** When the owner first answered (the response clock stopped), or null. */
  firstResponseAt: Date | null;
  mail: MailState;
};

export type Inbox = {
  rows: InboxRow[];
  /** Leads per status for the search (every tab's count). */
  counts: Record<LeadStatus, number>;
  total: number;
  page: number;
  pages: number;
};

/** A page of leads (New earliest due first, the other tabs newest first), with every tab's count for the search. */
export async function listLeads(
  db: Db,
  filter: LeadFilter & { page?: number; pageSize?: number } = {},
): Promise<Inbox> {
  const pageSize = filter.pageSize ?? PAGE_SIZE;
  const where = leadWhere(filter);
  const [found, grouped] = await Promise.all([
    db.quoteRequest.count({ where }),
    db.quoteRequest.groupBy({ by: ["status"], where: leadWhere({ query: filter.query }), _count: { _all: true } }),
  ]);
  const { page, pages } = pageOf(found, pageSize, filter.page);
  const leads = await db.quoteRequest.findMany({
    where,
    orderBy: [...inboxOrder(filter.status)],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: INBOX_ROW_SELECT,
  });
  return {
    rows: leads.map(({ outbox, ...lead }) => ({ ...lead, mail: mailState(lead.status, outbox) })),
    counts: statusCounts(grouped),
    total: found,
    page,
    pages,
  };
}

/** Every stored fact of one lead, its two emails and its timeline (oldest first); null when unknown. */
export async function getLead(db: Db, reference: string) {
  return db.quoteRequest.findUnique({
    where: { reference: reference.trim().toUpperCase() },
    include: {
      outbox: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          kind: true,
          recipient: true,
          status: true,
          attempts: true,
          lastError: true,
          nextAttemptAt: true,
          sentAt: true,
        },
      },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
}

export type Lead = NonNullable<Awaited<ReturnType<typeof getLead>>>;

/** The address of the lead a reference names (the erase page fills it in); null for an unknown or malformed one. */
export async function leadEmail(db: Db, reference: unknown): Promise<string | null> {
  const stored = parseLeadReference(reference);
  if (!stored) return null;
  const lead = await db.quoteRequest.findUnique({ where: { reference: stored }, select: { email: true } });
  return lead?.email ?? null;
}

export type SourceRow = {
  key: string;
  leads: number;
  won: number;
  lost: number;
  /** The won leads' deal values, summed per currency. */
  wonValue: Record<string, number>;
  /** Won of the decided leads (won or lost), 0 to 1; null while none is decided. */
  winRate: number | null;
  /** Median business hours from arrival to the first answer, over the answered leads; null when none was. */
  medianFirstResponseHours: number | null;
};
export type SourcesReport = { days: number; pages: SourceRow[]; campaigns: SourceRow[] };

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Leads (spam left out) per page before the form and per UTM campaign over the last `days`: how many, won and lost, the
 * won value per currency, the win rate, and the median first response time in business hours of `calendar`.
 */
export async function sourcesReport(
  db: Db,
  days: number,
  now: Date,
  calendar: BusinessCalendar,
): Promise<SourcesReport> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const leads = await db.quoteRequest.findMany({
    where: { createdAt: { gte: since }, status: { not: "spam" } },
    select: {
      referrerPath: true,
      utmSource: true,
      utmCampaign: true,
      status: true,
      createdAt: true,
      firstResponseAt: true,
      dealAmount: true,
      dealCurrency: true,
    },
  });
  const tally = (keyOf: (lead: (typeof leads)[number]) => string) => {
    type Tally = Omit<SourceRow, "winRate" | "medianFirstResponseHours"> & { responses: number[] };
    const rows = new Map<string, Tally>();
    for (const lead of leads) {
      const key = keyOf(lead);
      const row = rows.get(key) ?? { key, leads: 0, won: 0, lost: 0, wonValue: {}, responses: [] };
      row.leads += 1;
      if (lead.status === "won") {
        row.won += 1;
        addValue(row.wonValue, lead.dealAmount, lead.dealCurrency);
      }
      if (lead.status === "lost") row.lost += 1;
      if (lead.firstResponseAt)
        row.responses.push(businessHoursBetween(lead.createdAt, lead.firstResponseAt, calendar));
      rows.set(key, row);
    }
    return [...rows.values()]
      .sort((a, b) => b.leads - a.leads || b.won - a.won || a.key.localeCompare(b.key))
      .map(({ responses, ...row }) => ({
        ...row,
        winRate: row.won + row.lost > 0 ? row.won / (row.won + row.lost) : null,
        medianFirstResponseHours: median(responses),
      }));
  };
  return {
    days,
    pages: tally((lead) => lead.referrerPath ?? "(unknown)"),
    campaigns: tally((lead) =>
      lead.utmCampaign ? `${lead.utmCampaign}${lead.utmSource ? ` (${lead.utmSource})` : ""}` : "(no campaign)",
    ),
  };
}

/** How many days back the inbox shows the times the sign-in link cap turned requests away. */
export const SIGN_IN_CAP_NOTICE_DAYS = 7;

/** The audit rows written when the cap on sign-in links was hit (one per window), newest first. */
export async function signInCapNotices(db: Db, now: Date = new Date()) {
  return db.leadEvent.findMany({
    where: {
      quoteRequestId: null,
      action: SIGN_IN_CAP_ACTION,
      createdAt: { gte: new Date(now.getTime() - SIGN_IN_CAP_NOTICE_DAYS * 86_400_000) },
    },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, createdAt: true, detail: true },
  });
}
