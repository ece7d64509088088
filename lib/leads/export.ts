/** CSV export of the leads that match a filter, safe to open in a spreadsheet. */
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db/client";
import type { ExportReader, ExportRow } from "@/lib/db/export-reader";
import { releaseRows } from "@/lib/db/release-rows";
import { UTM_KEYS, utmColumn } from "@/lib/quotes/fields";
import { isoWithOffset } from "@/lib/text/local-time";
import { plural } from "@/lib/text/plural";
import { isoDay } from "./next-steps";
import { leadWhere, type LeadFilter } from "./queries";
import { STATUS_LABELS, type LeadStatus } from "./status";

/**
 * A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, so it is shown as the text it is (OWASP "CSV injection"). So does every formula sign
 * that follows a separator inside the text (`Acme;=1+1`): a spreadsheet that splits the file on another
 * separator than ours would otherwise start a cell there.
 */
export function neutraliseCell(value: string): string {
  const inside = value.replace(/([,;\t]"*)(?=[=+\-@])/g, "$1'");
  return /^[=+\-@\t\r]/.test(inside) ? `'${inside}` : inside;
}

/**
 * Where the export reads: Prisma picks the leads (the desk's own filter, `leadWhere`), as ids only, once; the
 * driver reader fetches their columns a page at a time (lib/db/export-reader.ts says why not through Prisma).
 */
export type ExportSource = { db: Pick<Db, "quoteRequest">; reader: ExportReader };

type Lead = ExportRow;

/** The ids of every lead that matches, newest first (as the desk lists them). */
async function matchingIds(db: Pick<Db, "quoteRequest">, where: object): Promise<number[]> {
  const found = await db.quoteRequest.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  const ids = found.map((lead) => lead.id);
  // The answer's objects go now, not when the promise that brought them is collected (releaseRows says why).
  releaseRows(found);
  return ids;
}

/** Each column's header and how a lead fills it, in order; times are ISO 8601 in `timeZone`, with the offset. */
const columns = (timeZone: string): [header: string, cell: (lead: Lead) => string][] => [
  ["reference", (lead) => lead.reference],
  ["received", (lead) => isoWithOffset(lead.createdAt, timeZone)],
  ["status", (lead) => STATUS_LABELS[lead.status as LeadStatus] ?? lead.status],
  ["name", (lead) => lead.name],
  ["email", (lead) => lead.email],
  ["company", (lead) => lead.company ?? ""],
  ["phone", (lead) => lead.phone ?? ""],
  ["interest", (lead) => lead.interestLabel],
  ["budget", (lead) => lead.budget],
  ["timeline", (lead) => lead.timeline],
  ["description", (lead) => lead.description],
  ["page before the form", (lead) => lead.referrerPath ?? ""],
  ...UTM_KEYS.map((key): [string, (lead: Lead) => string] => [key, (lead) => lead[utmColumn(key)] ?? ""]),
  ["spam score", (lead) => String(lead.spamScore)],
  ["spam reason", (lead) => lead.spamReason ?? ""],
  ["last activity", (lead) => isoWithOffset(lead.activityAt, timeZone)],
  ["deal value", (lead) => (lead.dealAmount === null ? "" : String(lead.dealAmount))],
  ["deal currency", (lead) => lead.dealCurrency ?? ""],
  ["next step", (lead) => lead.nextStep ?? ""],
  ["next step due", (lead) => (lead.nextStepAt ? isoDay(lead.nextStepAt) : "")],
  ["notes", (lead) => String(lead.notes)],
];

/**
 * Leads read per query: memory stays that of one page, whatever the export's size. Measured with
 * `npm run bench:export` (docs/performance.md): larger pages hold more socket and encoded bytes between two
 * young-generation collections, smaller ones cost more per query than they save.
 */
export const EXPORT_PAGE_SIZE = 20;

/**
 * Every cell quoted, so a spreadsheet that splits on ";" (the default where the decimal separator is a comma)
 * or on tabs never sees a separator outside quotes; formula cells are neutralised as well (neutraliseCell).
 */
const CSV_OPTIONS = { quoted_string: true, quoted_empty: true, record_delimiter: "windows" } as const;

/** Pieces of a CSV file, each read when asked for; `return()` ends the file early. One `next()` at a time. */
export type CsvPieces = AsyncIterableIterator<string, undefined> & {
  return(): Promise<IteratorResult<string, undefined>>;
};

/**
 * The CSV of the leads that match `filter`, in pieces: first the header (UTF-8 byte-order mark, so Excel reads
 * accents; CRLF line ends), then one piece per page of leads, newest first, each page read only when the piece
 * before has been taken. The leads are those that matched when the first page was asked for (their ids, 8 bytes
 * each, are all the export keeps beside one page); one erased meanwhile is left out. `onEnd` gets the number of
 * leads written and whether the reader took the whole file.
 *
 * Closures rather than an async generator: a suspended generator keeps the piece it last handed on in its frame
 * until it is resumed, and a long-lived frame sits in V8's old generation, so each piece would outlive the young
 * collection (lib/db/release-rows.ts explains why that matters).
 */
export function leadsCsv(
  { db, reader }: ExportSource,
  filter: LeadFilter = {},
  opts: { timeZone: string; pageSize?: number; onEnd?: (rows: number, complete: boolean) => Promise<void> | void },
): CsvPieces {
  const pageSize = opts.pageSize ?? EXPORT_PAGE_SIZE;
  const COLUMNS = columns(opts.timeZone);
  const where = leadWhere(filter);
  let headerGiven = false;
  let lastPageRead = false;
  let ended = false;
  let ids: number[] | undefined;
  let offset = 0;
  let rows = 0;

  const end = async (complete: boolean): Promise<IteratorResult<string, undefined>> => {
    if (!ended) {
      ended = true;
      await opts.onEnd?.(rows, complete);
    }
    return { done: true, value: undefined };
  };

  /** The next page as a piece of CSV, or "" when no lead is left. */
  const page = async (): Promise<string> => {
    // SQLite's driver answers without waiting on I/O: let the server take other requests between pages.
    if (ids) await new Promise((resolve) => setImmediate(resolve));
    ids ??= await matchingIds(db, where);
    // Each row becomes its line as the reader hands it on; only the page's text is kept. A page whose leads were
    // all erased since the ids were taken gives no line: the next one is read instead.
    const lines: string[] = [];
    while (lines.length === 0 && offset < ids.length) {
      const pageIds = ids.slice(offset, offset + pageSize);
      offset += pageSize;
      await reader.eachRow(pageIds, (lead) => {
        lines.push(stringify([COLUMNS.map(([, cell]) => neutraliseCell(cell(lead)))], CSV_OPTIONS));
      });
    }
    if (offset >= ids.length) lastPageRead = true;
    rows += lines.length;
    return lines.join("");
  };

  const pieces: CsvPieces = {
    async next() {
      if (ended) return { done: true, value: undefined };
      if (!headerGiven) {
        headerGiven = true;
        return { done: false, value: "\uFEFF" + stringify([COLUMNS.map(([name]) => name)], CSV_OPTIONS) };
      }
      if (lastPageRead) return end(true);
      let piece: string;
      try {
        piece = await page();
      } catch (error) {
        await end(false);
        throw error;
      }
      // Ended while the page was read (the reader went away): it has been told already.
      if (ended) return { done: true, value: undefined };
      return piece ? { done: false, value: piece } : end(true);
    },
    return: () => end(false),
    [Symbol.asyncIterator]: () => pieces,
  };
  return pieces;
}

/**
 * The pieces as a byte stream for a download: a piece is asked for only when the client's side asks for the next
 * chunk (no queue ahead of it: highWaterMark 0), so a slow download holds one page in the server, not the file.
 */
export function csvBytes(pieces: CsvPieces): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream(
    {
      async pull(controller) {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await pieces.return();
      },
    },
    { highWaterMark: 0 },
  );
}

/** The whole CSV as one string (the tests; a terminal export streams `leadsCsv` instead). */
export async function exportLeadsCsv(
  source: ExportSource,
  filter: LeadFilter,
  timeZone: string,
): Promise<{ csv: string; rows: number }> {
  let csv = "";
  let rows = 0;
  for await (const piece of leadsCsv(source, filter, { timeZone, onEnd: (count) => void (rows = count) })) csv += piece;
  return { csv, rows };
}

/**
 * The export's audit row: who took how many leads, with which status and whether a search narrowed them (never
 * the search itself: it may be a person's name), and whether the download was cut off.
 */
export async function recordExport(
  db: Pick<Db, "leadEvent">,
  opts: { actor: string; filter: LeadFilter; rows: number; complete?: boolean },
): Promise<void> {
  const { filter } = opts;
  const detail =
    `${plural(opts.rows, "lead", "leads")}, status ${filter.status ?? "all"}${filter.query ? ", with a search" : ""}` +
    (filter.interest || filter.budget || filter.age ? ", with filters" : "") +
    (opts.complete === false ? ", interrupted" : "");
  await db.leadEvent.create({ data: { actor: opts.actor, action: "export", detail } });
}

/** The desk's export, streamed: the CSV of the filter, its audit row written when the download ends. */
export function exportLeads(
  source: { db: Db; reader: ExportReader },
  filter: LeadFilter,
  actor: string,
  timeZone: string,
): CsvPieces {
  return leadsCsv(source, filter, {
    timeZone,
    onEnd: (rows, complete) => recordExport(source.db, { actor, filter, rows, complete }),
  });
}
