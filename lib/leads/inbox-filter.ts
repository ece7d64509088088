/**
 * The inbox's filter as the desk receives it (the page's query string, the export's form post): one parser, so
 * the export always takes exactly the leads the inbox shows.
 */
import type { LeadFilter } from "./queries";
import { parseLeadStatus } from "./status";

/** The longest search the inbox accepts (its search box says so too). */
export const SEARCH_MAX_LENGTH = 100;

/** A query-string or form value: the first of several, nothing for a file or a missing field. */
function text(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}

/**
 * `status` ("in-progress", "Won"... or anything else, which means every status), `q` (trimmed, cut to
 * SEARCH_MAX_LENGTH, empty means none) and `page` (1 unless a positive number is given).
 */
export function parseInboxFilter(raw: { status?: unknown; q?: unknown; page?: unknown }): LeadFilter & {
  page: number;
} {
  const status = parseLeadStatus(text(raw.status)) ?? undefined;
  const query = text(raw.q).trim().slice(0, SEARCH_MAX_LENGTH) || undefined;
  return { status, query, page: Number(text(raw.page)) || 1 };
}
