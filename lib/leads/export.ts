/** CSV export of the leads that match a filter, safe to open in a spreadsheet. */
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db/client";
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

/** Each lead with its count of notes (the timeline's "note" rows). */
const INCLUDE = { _count: { select: { events: { where: { action: "note" } } } } } as const;

type Lead = Awaited<ReturnType<typeof readPage>>[number];

function readPage(db: Pick<Db, "quoteRequest">, args: { where: object; take: number; after?: number }) {
  return db.quoteRequest.findMany({
    where: args.where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: args.take,
    include: INCLUDE,
    ...(args.after === undefined ? {} : { cursor: { id: args.after }, skip: 1 }),
  });
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
  ["notes", (lead) => String(lead._count.events)],
];

/** Leads read per query: memory stays that of one page, whatever the export's size. */
export const EXPORT_PAGE_SIZE = 50;

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
 * before has been taken. `onEnd` gets the number of leads written and whether the reader took the whole file.
 *
 * Closures rather than an async generator: a suspended generator keeps the piece it last handed on in its frame
 * until it is resumed, and a long-lived frame sits in V8's old generation, so each piece would outlive the young
 * collection (lib/db/release-rows.ts explains why that matters).
 */
export function leadsCsv(
  db: Pick<Db, "quoteRequest">,
  filter: LeadFilter = {},
  opts: { timeZone: string; pageSize?: number; onEnd?: (rows: number, complete: boolean) => Promise<void> | void },
): CsvPieces {
  const pageSize = opts.pageSize ?? EXPORT_PAGE_SIZE;
  const COLUMNS = columns(opts.timeZone);
  const where = leadWhere(filter);
  let headerGiven = false;
  let lastPageRead = false;
  let ended = false;
  let after: number | undefined;
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
    if (after !== undefined) await new Promise((resolve) => setImmediate(resolve));
    const leads = await readPage(db, { where, take: pageSize, after });
    rows += leads.length;
    if (leads.length < pageSize) lastPageRead = true;
    else after = leads.at(-1)!.id;
    const piece =
      leads.length === 0
        ? ""
        : stringify(
            leads.map((lead) => COLUMNS.map(([, cell]) => neutraliseCell(cell(lead)))),
            CSV_OPTIONS,
          );
    // The rows go now, not when the promise that brought them is collected (releaseRows says why).
    releaseRows(leads);
    return piece;
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
  db: Db,
  filter: LeadFilter,
  timeZone: string,
): Promise<{ csv: string; rows: number }> {
  let csv = "";
  let rows = 0;
  for await (const piece of leadsCsv(db, filter, { timeZone, onEnd: (count) => void (rows = count) })) csv += piece;
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
export function exportLeads(db: Db, filter: LeadFilter, actor: string, timeZone: string): CsvPieces {
  return leadsCsv(db, filter, {
    timeZone,
    onEnd: (rows, complete) => recordExport(db, { actor, filter, rows, complete }),
  });
}
