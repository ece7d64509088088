// The desk's CSV export on both databases: Prisma picks each page's leads (the desk's filters), the driver reader
// (lib/db/export-reader.ts) reads their columns one row at a time. Real SQLite and the runner's real PostgreSQL.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createExportReader, storedDate, type ExportReader, type ExportRow } from "@/lib/db/export-reader";
import { csvBytes, exportLeadsCsv, leadsCsv } from "@/lib/leads/export";
import { migratedDb, testProviders } from "../helpers/test-databases";

const ZONE = "Africa/Johannesburg";
let sequence = 0;

describe("a stored DateTime read by the driver", () => {
  it("is UTC whether it carries an offset, a Z, no zone at all (CURRENT_TIMESTAMP) or is a number", () => {
    const at = "2026-12-02T21:26:09.123Z";
    for (const stored of [
      "2026-12-02T21:26:09.123+00:00",
      "2026-12-02T21:26:09.123Z",
      "2026-12-02 21:26:09.123",
      "2026-12-02T23:26:09.123+02:00",
      Date.parse(at),
    ])
      expect(storedDate(stored).toISOString()).toBe(at);
  });
});

describe.each(testProviders())("the CSV export on %s", (provider) => {
  let database: Awaited<ReturnType<typeof migratedDb>>;
  let reader: ExportReader;

  beforeAll(async () => {
    database = await migratedDb("export", provider);
    reader = createExportReader(database.url);
  });

  afterAll(async () => {
    await reader?.close();
    await database?.cleanup();
  });

  beforeEach(async () => {
    await database.db.leadEvent.deleteMany();
    await database.db.quoteRequest.deleteMany();
  });

  async function insertLead(values: Partial<Parameters<typeof database.db.quoteRequest.create>[0]["data"]> = {}) {
    sequence += 1;
    return database.db.quoteRequest.create({
      data: {
        reference: `FS-2026-X${String(sequence).padStart(5, "0")}`,
        name: `Lead ${sequence}`,
        email: `lead${sequence}@example.test`,
        emailKey: `lead${sequence}@example.test`,
        interest: "other",
        interestLabel: "Something else",
        budget: "Not sure yet",
        timeline: "Flexible",
        description: "A project.",
        consentAt: new Date(),
        consentVersion: "2026-11-24",
        ...values,
      },
    });
  }

  it("writes every column of a lead as stored, times in the business's zone, and counts only its notes", async () => {
    const lead = await insertLead({
      name: "Émile =Zola",
      company: "Acme;=1+1;",
      phone: "+27 21 555 0100",
      interest: "service:automation",
      interestLabel: "Automation",
      budget: "R50k–R150k",
      timeline: "Within a month",
      description: 'Line one,\r\nline "two";-three',
      referrerPath: "/services/automation",
      utmSource: "newsletter",
      utmMedium: "email",
      utmCampaign: "december",
      utmTerm: "bots",
      utmContent: "footer",
      spamScore: 2,
      spamReason: "link in message",
      status: "in_progress",
      createdAt: new Date("2026-12-02T21:26:09.123Z"),
      activityAt: new Date("2026-12-04T08:00:00Z"),
      dealAmount: 120_000,
      dealCurrency: "ZAR",
      nextStep: "Send the proposal",
      nextStepAt: new Date("2026-12-09T00:00:00Z"),
    });
    for (const action of ["note", "note", "status"])
      await database.db.leadEvent.create({ data: { quoteRequestId: lead.id, actor: "owner", action } });
    const { csv, rows } = await exportLeadsCsv({ db: database.db, reader }, {}, ZONE);
    expect(rows).toBe(1);
    const [record] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(record).toEqual({
      reference: lead.reference,
      received: "2026-12-02T23:26:09+02:00",
      status: "In progress",
      name: "Émile =Zola",
      email: lead.email,
      company: "Acme;'=1+1;",
      phone: "'+27 21 555 0100",
      interest: "Automation",
      budget: "R50k–R150k",
      timeline: "Within a month",
      description: 'Line one,\r\nline "two";\'-three',
      "page before the form": "/services/automation",
      utm_source: "newsletter",
      utm_medium: "email",
      utm_campaign: "december",
      utm_term: "bots",
      utm_content: "footer",
      "spam score": "2",
      "spam reason": "link in message",
      "last activity": "2026-12-04T10:00:00+02:00",
      "deal value": "120000",
      "deal currency": "ZAR",
      "next step": "Send the proposal",
      "next step due": "2026-12-09",
      notes: "2",
    });
  });

  it("applies the desk's filters and order: status, search, interest, budget, newest first", async () => {
    const day = (n: number) => new Date(Date.UTC(2026, 11, n));
    await insertLead({ name: "Old Ada", searchText: "old ada", createdAt: day(1) });
    await insertLead({ name: "New Ada", searchText: "new ada", createdAt: day(3), budget: "Over R150k" });
    await insertLead({ name: "Grace", searchText: "grace", createdAt: day(2), interest: "product:straider-ai" });
    await insertLead({ name: "Spam Ada", searchText: "spam ada", createdAt: day(4), status: "spam" });
    const names = async (filter: Parameters<typeof exportLeadsCsv>[1]) =>
      (
        parse((await exportLeadsCsv({ db: database.db, reader }, filter, ZONE)).csv, {
          bom: true,
          columns: true,
        }) as Record<string, string>[]
      ).map((record) => record.name);
    expect(await names({})).toEqual(["Spam Ada", "New Ada", "Grace", "Old Ada"]);
    expect(await names({ status: "new" })).toEqual(["New Ada", "Grace", "Old Ada"]);
    expect(await names({ status: "new", query: " ADA " })).toEqual(["New Ada", "Old Ada"]);
    expect(await names({ interest: "product:straider-ai" })).toEqual(["Grace"]);
    expect(await names({ budget: "Over R150k" })).toEqual(["New Ada"]);
    expect(await names({ query: "nobody" })).toEqual([]);
  });

  /** The real reader, counting the rows it has handed on and noting the ids it was asked for each time. */
  function countingReader() {
    const seen = { rows: 0, asked: [] as number[] };
    const counting: ExportReader = {
      eachRow: (ids, visit) => {
        seen.asked.push(ids.length);
        return reader.eachRow(ids, (row: ExportRow) => {
          seen.rows += 1;
          visit(row);
        });
      },
      close: () => reader.close(),
    };
    return { counting, seen };
  }

  it("reads no row ahead of its reader: one page per chunk asked for, never the whole table at once", async () => {
    for (let i = 0; i < 5; i++)
      await insertLead({ name: `Paged ${i}`, createdAt: new Date(Date.UTC(2026, 11, i + 1)) });
    const { counting, seen } = countingReader();
    const stream = csvBytes(leadsCsv({ db: database.db, reader: counting }, {}, { timeZone: ZONE, pageSize: 2 }));
    const settle = async () => {
      for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    };
    const chunks = stream.getReader();
    const decode = (chunk: Uint8Array | undefined) => new TextDecoder().decode(chunk);
    expect(decode((await chunks.read()).value)).toMatch(/^"reference"/);
    await settle();
    expect(seen).toEqual({ rows: 0, asked: [] });
    expect(decode((await chunks.read()).value)).toContain("Paged 4");
    await settle();
    // The first page's two rows and nothing more, while the client holds on to them.
    expect(seen).toEqual({ rows: 2, asked: [2] });
    const rest: string[] = [];
    for (let piece = await chunks.read(); !piece.done; piece = await chunks.read()) rest.push(decode(piece.value));
    expect(rest.join("")).toContain("Paged 0");
    expect(seen).toEqual({ rows: 5, asked: [2, 2, 1] });
  });

  it("leaves out the leads erased after it started, and goes on past a page of them", async () => {
    const leads = [];
    for (let i = 0; i < 5; i++)
      leads.push(await insertLead({ name: `Kept ${i}`, createdAt: new Date(Date.UTC(2026, 11, 10 - i)) }));
    let ended: [number, boolean] | undefined;
    const pieces = leadsCsv(
      { db: database.db, reader },
      {},
      { timeZone: ZONE, pageSize: 2, onEnd: (rows, complete) => void (ended = [rows, complete]) },
    );
    await pieces.next();
    expect((await pieces.next()).value).toContain("Kept 1");
    // The whole second page is erased before it is read.
    await database.db.quoteRequest.deleteMany({ where: { id: { in: [leads[2]!.id, leads[3]!.id] } } });
    const rest: string[] = [];
    for await (const piece of pieces) rest.push(piece);
    expect(rest.join("")).toContain("Kept 4");
    expect(rest.join("")).not.toMatch(/Kept [23]/);
    expect(ended).toEqual([3, true]);
  });
});
