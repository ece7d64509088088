/** CSV export of the leads that match a filter, safe to open in a spreadsheet. */
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db";
import { leadWhere, type LeadFilter } from "./queries";
import { STATUS_LABELS, type LeadStatus } from "./status";

/**
 * A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, so it is shown as the text it is (OWASP "CSV injection").
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const COLUMNS = [
  "reference",
  "received",
  "status",
  "name",
  "email",
  "company",
  "phone",
  "interest",
  "budget",
  "timeline",
  "description",
  "source page",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
  "spam score",
  "spam reason",
] as const;

/** UTF-8 with a byte-order mark (so Excel reads accents), CRLF line ends, newest lead first. */
export async function exportLeadsCsv(db: Db, filter: LeadFilter = {}): Promise<{ csv: string; rows: number }> {
  const leads = await db.quoteRequest.findMany({
    where: leadWhere(filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const records = leads.map((lead) =>
    [
      lead.reference,
      lead.createdAt.toISOString(),
      STATUS_LABELS[lead.status as LeadStatus] ?? lead.status,
      lead.name,
      lead.email,
      lead.company ?? "",
      lead.phone ?? "",
      lead.interestLabel,
      lead.budget,
      lead.timeline,
      lead.description,
      lead.sourcePath ?? "",
      lead.utmSource ?? "",
      lead.utmMedium ?? "",
      lead.utmCampaign ?? "",
      lead.utmTerm ?? "",
      lead.utmContent ?? "",
      String(lead.spamScore),
      lead.spamReason ?? "",
    ].map(neutraliseCell),
  );
  const csv = stringify(records, { header: true, columns: [...COLUMNS], bom: true, record_delimiter: "windows" });
  return { csv, rows: records.length };
}
