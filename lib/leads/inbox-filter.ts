/**
 * The inbox's filter as the desk receives it (the page's query string, the export's form post): one parser, so
 * the export always takes exactly the leads the inbox shows, and every view is a URL that can be bookmarked.
 */
import { isAgeKey } from "./age";
import { isInboxSort, type InboxSort } from "./inbox-sort";
import type { LeadFilter } from "./queries";
import { parseLeadStatus } from "./status";

/** The longest search the inbox accepts (its search box says so too). */
export const SEARCH_MAX_LENGTH = 100;

/** A choice field's allowed values and their labels (lib/quotes/catalog.ts's `quoteChoices()`). */
export type FilterChoices = {
  interests: { value: string; label: string }[];
  budgets: { value: string; label: string }[];
};

/** A query-string or form value: the first of several, nothing for a file or a missing field. */
function text(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}

export type InboxFilter = LeadFilter & {
  page: number;
  /** The budget's option value as the URL carries it ("under-50k"); `budget` is its stored label. */
  budgetValue?: string;
  /** Absent means the default order (received, newest first). */
  sort?: InboxSort;
};

export type RawInboxFilter = {
  status?: unknown;
  q?: unknown;
  page?: unknown;
  interest?: unknown;
  budget?: unknown;
  age?: unknown;
  sort?: unknown;
};

/**
 * `status` ("in-progress", "Won"... or anything else, which means every status), `q` (trimmed, cut to
 * SEARCH_MAX_LENGTH, empty means none), `page` (1 unless a positive number is given), and, with `choices`,
 * `interest` and `budget` (an option's value; anything else means any); `age` and `sort` (a known key, or
 * none). A value the inbox does not offer is dropped, never passed to the database.
 */
export function parseInboxFilter(raw: RawInboxFilter, choices?: FilterChoices): InboxFilter {
  const status = parseLeadStatus(text(raw.status)) ?? undefined;
  const query = text(raw.q).trim().slice(0, SEARCH_MAX_LENGTH) || undefined;
  const interest = choices?.interests.find((choice) => choice.value === text(raw.interest))?.value;
  const budget = choices?.budgets.find((choice) => choice.value === text(raw.budget));
  const age = text(raw.age);
  const sort = text(raw.sort);
  return {
    status,
    query,
    page: Number(text(raw.page)) || 1,
    ...(interest ? { interest } : {}),
    ...(budget ? { budget: budget.label, budgetValue: budget.value } : {}),
    ...(isAgeKey(age) ? { age } : {}),
    ...(isInboxSort(sort) ? { sort } : {}),
  };
}

/** The URL query of a filter (the tabs, the pages, the sort links): only what differs from the defaults. */
export function inboxQuery(
  filter: Omit<InboxFilter, "page" | "budget" | "status"> & { page?: number; status: string },
) {
  const query = new URLSearchParams({ status: filter.status });
  if (filter.query) query.set("q", filter.query);
  if (filter.interest) query.set("interest", filter.interest);
  if (filter.budgetValue) query.set("budget", filter.budgetValue);
  if (filter.age) query.set("age", filter.age);
  if (filter.sort) query.set("sort", filter.sort);
  if (filter.page && filter.page > 1) query.set("page", String(filter.page));
  return query;
}
