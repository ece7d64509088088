import Database from "better-sqlite3";
import pg from "pg";
import type { QuoteRequest } from "@/lib/generated/prisma/client";
import { databaseProvider } from "./client";
import { releaseRows } from "./release-rows";

/** One lead as the CSV export writes it: its stored columns (the model's own types), and its count of notes. */
export type ExportRow = Pick<
  QuoteRequest,
  | "id"
  | "reference"
  | "status"
  | "name"
  | "email"
  | "company"
  | "phone"
  | "interestLabel"
  | "budget"
  | "timeline"
  | "description"
  | "referrerPath"
  | "utmSource"
  | "utmMedium"
  | "utmCampaign"
  | "utmTerm"
  | "utmContent"
  | "spamScore"
  | "spamReason"
  | "createdAt"
  | "activityAt"
  | "dealAmount"
  | "dealCurrency"
  | "nextStep"
  | "nextStepAt"
> & {
  /** The lead's timeline entries that are notes. */
  notes: number;
};

/**
 * Reads the export's rows with the database driver itself, outside Prisma's result path.
 *
 * Why: once a server has served desk pages, V8 pretenures allocation sites on Prisma's query path (it allocates
 * objects made there straight into the old generation), and those objects hold each page's rows while the page is
 * read, so every page of a large export outlived the young-generation collections and the export's memory grew
 * with the file (docs/performance.md, "The desk's CSV export"). Rows the driver makes are referenced by nothing
 * long-lived and die young. Prisma still picks which leads (lib/leads/export.ts asks it once for their ids, so the
 * desk's filters are the very same); this reader only fetches those leads' columns, a page at a time.
 */
export type ExportReader = {
  /**
   * Hands each lead of `ids` to `visit`, newest first (as the desk orders them), one row at a time, and resolves
   * once the last has been handed on. Unknown ids are skipped.
   */
  eachRow(ids: readonly number[], visit: (row: ExportRow) => void): Promise<void>;
  close(): Promise<void>;
};

/** The columns, in ExportRow's names; `q` is the lead, the notes are counted from its timeline. */
const SELECT = (quote: (name: string) => string, count: string) =>
  [
    "id",
    "reference",
    "status",
    "name",
    "email",
    "company",
    "phone",
    "interestLabel",
    "budget",
    "timeline",
    "description",
    ["sourcePath", "referrerPath"],
    "utmSource",
    "utmMedium",
    "utmCampaign",
    "utmTerm",
    "utmContent",
    "spamScore",
    "spamReason",
    "createdAt",
    "activityAt",
    "dealAmount",
    "dealCurrency",
    "nextStep",
    "nextStepAt",
  ]
    .map((column) =>
      typeof column === "string" ? `q.${quote(column)}` : `q.${quote(column[0]!)} AS ${quote(column[1]!)}`,
    )
    .join(", ") +
  `, (SELECT ${count} FROM ${quote("LeadEvent")} e WHERE e.${quote("quoteRequestId")} = q.id ` +
  `AND e.action = 'note') AS notes`;

const ORDER = (quote: (name: string) => string) => `ORDER BY q.${quote("createdAt")} DESC, q.id DESC`;

/** As the driver answers: a DateTime as text (SQLite: ISO 8601 or `YYYY-MM-DD HH:MM:SS`; PostgreSQL's text). */
type RawRow = Omit<ExportRow, "createdAt" | "activityAt" | "nextStepAt" | "notes"> & {
  createdAt: string | number;
  activityAt: string | number;
  nextStepAt: string | number | null;
  notes: number | bigint | string;
};

/**
 * A stored DateTime as a Date. Both databases keep UTC: text without an offset (SQLite's CURRENT_TIMESTAMP,
 * PostgreSQL's `timestamp(3)`) is read as UTC, as Prisma reads it; a number is milliseconds since the epoch.
 */
export function storedDate(value: string | number): Date {
  if (typeof value === "number") return new Date(value);
  const iso = value.includes("T") ? value : value.replace(" ", "T");
  return new Date(/(?:Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`);
}

function exportRow(raw: RawRow): ExportRow {
  return {
    ...raw,
    createdAt: storedDate(raw.createdAt),
    activityAt: storedDate(raw.activityAt),
    nextStepAt: raw.nextStepAt === null ? null : storedDate(raw.nextStepAt),
    notes: Number(raw.notes),
  };
}

/** SQLite: a read-only connection of its own; `statement.iterate()` makes one row at a time. */
function sqliteReader(url: string, busyTimeoutMs: number): ExportReader {
  let db: Database.Database | undefined;
  let statement: Database.Statement<[string], RawRow> | undefined;
  const quote = (name: string) => name;
  return {
    async eachRow(ids, visit) {
      db ??= new Database(url.replace(/^file:/, ""), { readonly: true, timeout: busyTimeoutMs });
      statement ??= db.prepare(
        `SELECT ${SELECT(quote, "COUNT(*)")} FROM QuoteRequest q ` +
          `WHERE q.id IN (SELECT value FROM json_each(?)) ${ORDER(quote)}`,
      );
      for (const raw of statement.iterate(JSON.stringify(ids))) visit(exportRow(raw));
    },
    async close() {
      db?.close();
      db = undefined;
      statement = undefined;
    },
  };
}

/** PostgreSQL's `timestamp` (without time zone), which Prisma's columns are: pg would read its text as local time. */
const TIMESTAMP_OID = 1114;

/** PostgreSQL: a pool of its own (two connections), one query per page. */
function postgresReader(url: string): ExportReader {
  let pool: pg.Pool | undefined;
  const quote = (name: string) => `"${name}"`;
  const text =
    `SELECT ${SELECT(quote, "COUNT(*)::int")} FROM "QuoteRequest" q ` + `WHERE q.id = ANY($1::int[]) ${ORDER(quote)}`;
  const types = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === TIMESTAMP_OID
        ? (value: string) => value
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  return {
    async eachRow(ids, visit) {
      pool ??= new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 20_000 });
      const { rows } = await pool.query<RawRow>({ text, values: [ids], types });
      for (const raw of rows) visit(exportRow(raw));
      // The page's rows go now, not when the query's result is collected (measured: docs/performance.md).
      releaseRows(rows);
    },
    async close() {
      await pool?.end();
      pool = undefined;
    },
  };
}

/** The export's reader for a DATABASE_URL, on the same database as createDb's client; it connects on first use. */
export function createExportReader(url: string, options: { busyTimeoutMs?: number } = {}): ExportReader {
  return databaseProvider(url) === "sqlite" ? sqliteReader(url, options.busyTimeoutMs ?? 10_000) : postgresReader(url);
}
