/** CSV export of the leads that match a filter, safe to open in a spreadsheet. */
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db/client";
import { UTM_KEYS, utmColumn } from "@/lib/quotes/fields";
import { leadWhere, type LeadFilter } from "./queries";
import { STATUS_LABELS, type LeadStatus } from "./status";

/**
 * A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, so it is shown as the text it is (OWASP "CSV injection").
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Lead = Awaited<ReturnType<Db["quoteRequest"]["findMany"]>>[number];

/** Each column's header and how a lead fills it, in order. */
const COLUMNS: [header: string, cell: (lead: Lead) => string][] = [
  ["reference", (lead) => lead.reference],
  ["received", (lead) => lead.createdAt.toISOString()],
  ["status", (lead) => STATUS_LABELS[lead.status as LeadStatus] ?? lead.status],
  ["name", (lead) => lead.name],
  ["email", (lead) => lead.email],
  ["company", (lead) => lead.company ?? ""],
  ["phone", (lead) => lead.phone ?? ""],
  ["interest", (lead) => lead.interestLabel],
  ["budget", (lead) => lead.budget],
  ["timeline", (lead) => lead.timeline],
  ["description", (lead) => lead.description],
  ["source page", (lead) => lead.sourcePath ?? ""],
  ...UTM_KEYS.map((key): (typeof COLUMNS)[number] => [key, (lead) => lead[utmColumn(key)] ?? ""]),
  ["spam score", (lead) => String(lead.spamScore)],
  ["spam reason", (lead) => lead.spamReason ?? ""],
];

/** UTF-8 with a byte-order mark (so Excel reads accents), CRLF line ends, newest lead first. */
export async function exportLeadsCsv(db: Db, filter: LeadFilter = {}): Promise<{ csv: string; rows: number }> {
  const leads = await db.quoteRequest.findMany({
    where: leadWhere(filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const records = leads.map((lead) => COLUMNS.map(([, cell]) => neutraliseCell(cell(lead))));
  const header = COLUMNS.map(([name]) => name);
  const csv = stringify(records, { header: true, columns: header, bom: true, record_delimiter: "windows" });
  return { csv, rows: records.length };
}

/**
 * The desk's export: the CSV of the filter, and the audit row that says who took how many leads, with which
 * status and whether a search narrowed them (never the search itself: it may be a person's name).
 */
export async function exportLeads(db: Db, filter: LeadFilter, actor: string): Promise<{ csv: string; rows: number }> {
  const result = await exportLeadsCsv(db, filter);
  await db.leadEvent.create({
    data: {
      actor,
      action: "export",
      detail: `${result.rows} lead(s), status ${filter.status ?? "all"}${filter.query ? ", with a search" : ""}`,
    },
  });
  return result;
}
