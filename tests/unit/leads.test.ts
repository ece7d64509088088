// lib/leads against real parts: a migrated SQLite file, Prisma, nodemailer and a local SMTP server.
// Covers the desk's commands (status, note, spam release, retry), the CSV export, erasure across letter
// case (database rows, stray outbox rows, .eml files), retention on a controlled clock, and delivery that
// skips outbox rows whose request is gone.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { createExportReader, type ExportReader } from "@/lib/db/export-reader";
import { addNote, changeStatus, markSpam, releaseSpam, retryMail } from "@/lib/leads/commands";
import { accessExport } from "@/lib/leads/access";
import { describeErasure, eraseByEmail, mentionsAddress } from "@/lib/leads/erase";
import { csvBytes, exportLeads, exportLeadsCsv, leadsCsv, neutraliseCell } from "@/lib/leads/export";
import { emailKey, erasureHash, searchTextOf } from "@/lib/leads/keys";
import { heldMailRenderer } from "@/lib/leads/mail";
import { responseClock } from "@/lib/server/env";
import { getLead, leadEmail, listLeads, sourcesReport } from "@/lib/leads/queries";
import { monthsBefore, purge } from "@/lib/leads/retention";
import { deliverPending } from "@/lib/mail/outbox";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { clockEnv } from "../helpers/quote-fixtures";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { migratedTempDatabase } from "../helpers/temp-db";

const OWNER = "owner@fsdev.example";
const FROM = "FS Dev website <website@fsdev.example>";
const ZONE = "Africa/Johannesburg";
const ctx = {
  siteName: "FS Dev",
  siteUrl: "https://www.fsdev.example",
  ownerName: "Francois Schoeman",
  ownerRole: "Founder",
  contact: {},
  timeZone: "Africa/Johannesburg",
};
const SETTINGS = {
  SPAM_RETENTION_DAYS: 30,
  LEAD_RETENTION_MONTHS: 12,
  MAIL_BODY_RETENTION_DAYS: 14,
  RATE_LIMIT_WINDOW_MINUTES: 10,
};

let database: ReturnType<typeof migratedTempDatabase>;
let mailDir: string;
let client: Db;
let exportReader: ExportReader;
let smtp: TestSmtpServer;
let transport: MailTransport;
let sequence = 0;

beforeAll(async () => {
  database = migratedTempDatabase("leads");
  mailDir = path.join(path.dirname(database.file), "mail");
  client = createDb(database.url);
  exportReader = createExportReader(database.url);
  smtp = await startSmtpServer();
  transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "unused", timeoutMs: 2_000 });
});

afterAll(async () => {
  transport?.close();
  await exportReader?.close();
  await client?.$disconnect();
  await smtp?.stop();
  database?.cleanup();
});

beforeEach(async () => {
  await client.outboxMessage.deleteMany();
  await client.leadEvent.deleteMany();
  await client.quoteRequest.deleteMany();
  await client.erasureLog.deleteMany();
  await client.verification.deleteMany();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

type LeadInput = {
  name?: string;
  email?: string;
  company?: string | null;
  status?: string;
  createdAt?: Date;
  activityAt?: Date;
  referrerPath?: string | null;
  utmCampaign?: string | null;
  ipHash?: string | null;
  withMail?: boolean;
};

/** Erasure of `email` as the owner, with this file's database, mail folder and secret. */
function erase(email: string, smtpTimeoutMs = 1_000) {
  return eraseByEmail(email, {
    db: client,
    mailDir,
    secret: "secret-0123456789-0123456789-0123456789",
    actor: OWNER,
    smtpTimeoutMs,
  });
}

async function insertLead(input: LeadInput = {}) {
  sequence += 1;
  const reference = `FS-2026-T${String(sequence).padStart(5, "0")}`;
  const name = input.name ?? "Ada Lovelace";
  const email = input.email ?? `ada${sequence}@example.test`;
  const company = input.company === undefined ? "Analytical Engines" : input.company;
  const createdAt = input.createdAt ?? new Date();
  const lead = await client.quoteRequest.create({
    data: {
      reference,
      status: input.status ?? "new",
      name,
      email,
      emailKey: emailKey(email),
      searchText: searchTextOf({
        reference,
        name,
        email,
        company,
        description: "We need a crawler that finds broken links.",
      }),
      company,
      interest: "service:seo-tooling",
      interestLabel: "SEO tooling",
      budget: "R50k – R100k",
      timeline: "Within 3 months",
      description: "We need a crawler that finds broken links.",
      consentAt: createdAt,
      consentVersion: "2026-11-24",
      referrerPath: input.referrerPath === undefined ? "/services/seo-tooling" : input.referrerPath,
      utmCampaign: input.utmCampaign ?? null,
      utmSource: input.utmCampaign ? "newsletter" : null,
      ipHash: input.ipHash === undefined ? "hash" : input.ipHash,
      createdAt,
      activityAt: input.activityAt ?? createdAt,
    },
  });
  if (input.withMail ?? input.status !== "spam") {
    for (const row of heldMailRenderer({ ownerTo: OWNER, ctx, clock: responseClock(clockEnv) })(lead))
      await client.outboxMessage.create({ data: { ...row, quoteRequestId: lead.id, createdAt } });
  }
  return lead;
}

const deliver = (opts: { ids?: number[]; ignoreSchedule?: boolean }) =>
  deliverPending(client, transport, { from: FROM, siteUrl: ctx.siteUrl, log: () => {}, ...opts });

const received = (reference: string) => smtp.received.filter((mail) => mail.raw.includes(reference));

describe("inbox queries", () => {
  it("lists newest first (New earliest due first), counts tabs, searches in any case and paginates", async () => {
    const base = Date.now();
    await insertLead({ name: "Zoë Old", createdAt: new Date(base - 3_000) });
    await insertLead({ name: "Grace Hopper", company: "Navy", createdAt: new Date(base - 2_000) });
    await insertLead({ name: "Spammy", status: "spam", createdAt: new Date(base - 1_000) });
    const won = await insertLead({ name: "Won Lead", status: "won", createdAt: new Date(base) });

    const all = await listLeads(client, {});
    expect(all.rows.map((row) => row.name)).toEqual(["Won Lead", "Spammy", "Grace Hopper", "Zoë Old"]);
    expect(all.counts).toEqual({ new: 2, in_progress: 0, won: 1, lost: 0, spam: 1 });
    expect(all.rows.find((row) => row.name === "Spammy")?.mail).toBe("held");
    expect(all.rows.find((row) => row.name === "Grace Hopper")?.mail).toBe("pending");

    // New is the owner's queue: the lead due first (the one that arrived first) leads.
    expect((await listLeads(client, { status: "new" })).rows.map((row) => row.name)).toEqual([
      "Zoë Old",
      "Grace Hopper",
    ]);
    expect((await listLeads(client, { query: "NAVY" })).rows.map((row) => row.name)).toEqual(["Grace Hopper"]);
    expect((await listLeads(client, { query: won.reference.toLowerCase() })).total).toBe(1);
    expect((await listLeads(client, { query: "HOPPER" })).rows.map((row) => row.name)).toEqual(["Grace Hopper"]);
    expect((await listLeads(client, { query: "nobody-like-this" })).total).toBe(0);

    const page2 = await listLeads(client, { page: 2, pageSize: 3 });
    expect(page2).toMatchObject({ page: 2, pages: 2, total: 4 });
    expect(page2.rows.map((row) => row.name)).toEqual(["Zoë Old"]);
    expect((await listLeads(client, { page: 99, pageSize: 3 })).page).toBe(2);
  });

  it("reports leads and wins per page before the form and per campaign over the last days, spam left out", async () => {
    const now = new Date("2026-12-02T12:00:00Z");
    const day = 86_400_000;
    await insertLead({
      referrerPath: "/articles/a",
      utmCampaign: "launch",
      status: "won",
      createdAt: new Date(now.getTime() - 2 * day),
    });
    await insertLead({ referrerPath: "/articles/a", createdAt: new Date(now.getTime() - 40 * day) });
    await insertLead({ referrerPath: "/services/b", createdAt: new Date(now.getTime() - 5 * day) });
    await insertLead({ referrerPath: "/articles/a", status: "spam", createdAt: new Date(now.getTime() - 1 * day) });
    await insertLead({ referrerPath: "/old", createdAt: new Date(now.getTime() - 100 * day) });

    const calendar = responseClock(clockEnv);
    const last30 = await sourcesReport(client, 30, now, calendar);
    expect(last30.pages).toMatchObject([
      { key: "/articles/a", leads: 1, won: 1, wonValue: {} },
      { key: "/services/b", leads: 1, won: 0, wonValue: {} },
    ]);
    expect(last30.campaigns).toMatchObject([
      { key: "launch (newsletter)", leads: 1, won: 1 },
      { key: "(no campaign)", leads: 1, won: 0 },
    ]);
    const last90 = await sourcesReport(client, 90, now, calendar);
    expect(last90.pages[0]).toMatchObject({ key: "/articles/a", leads: 2, won: 1 });
  });
});

describe("commands", () => {
  it("changes status and adds notes on the timeline with who and when; unknown references fail clearly", async () => {
    const lead = await insertLead();
    const at = new Date("2026-12-01T10:00:00Z");
    const ctxt = { db: client, actor: OWNER, now: () => at };
    expect(await changeStatus(ctxt, lead.reference.toLowerCase(), "in_progress")).toMatchObject({
      ok: true,
      changed: true,
    });
    expect(await changeStatus(ctxt, lead.reference, "in_progress")).toMatchObject({ ok: true, changed: false });
    await addNote(ctxt, lead.reference, "Called, sending a proposal");
    const stored = await getLead(client, lead.reference);
    expect(stored?.status).toBe("in_progress");
    expect(stored?.activityAt).toEqual(at);
    expect(
      stored?.events.map((event) => [event.actor, event.action, event.fromStatus, event.toStatus, event.detail]),
    ).toEqual([
      [OWNER, "status", "new", "in_progress", null],
      [OWNER, "note", null, null, "Called, sending a proposal"],
    ]);
    expect(await changeStatus(ctxt, "FS-2026-NOPE", "won")).toEqual({
      ok: false,
      error: "not_found",
      message: "No lead with reference FS-2026-NOPE.",
    });
  });

  it("releases a spam lead once: its two held emails are queued and delivered exactly once", async () => {
    const lead = await insertLead({ status: "spam" });
    const ctxt = {
      db: client,
      actor: OWNER,
      renderHeldMail: heldMailRenderer({ ownerTo: OWNER, ctx, clock: responseClock(clockEnv) }),
    };
    const first = await releaseSpam(ctxt, lead.reference);
    expect(first).toMatchObject({ ok: true, status: "new", changed: true });
    const ids = first.ok ? first.outboxIds : [];
    expect(ids).toHaveLength(2);
    expect(await deliver({ ids })).toEqual({ sent: 2, failed: 0, skipped: 0 });

    // Spam again, then not spam again: nothing more is queued, nothing is sent twice.
    await markSpam(ctxt, lead.reference);
    const second = await releaseSpam(ctxt, lead.reference);
    expect(second).toMatchObject({ ok: true, outboxIds: [] });
    await deliver({ ignoreSchedule: true });
    expect(received(lead.reference)).toHaveLength(2);
    expect(
      received(lead.reference)
        .map((mail) => mail.to[0])
        .sort(),
    ).toEqual([lead.email, OWNER].sort());
    expect(await client.outboxMessage.count({ where: { quoteRequestId: lead.id } })).toBe(2);
  });

  it("retries a lead's failed mail now and records it", async () => {
    const lead = await insertLead();
    await client.outboxMessage.updateMany({
      where: { quoteRequestId: lead.id },
      data: { status: "failed", attempts: 8 },
    });
    const result = await retryMail({ db: client, actor: OWNER, deliver }, lead.reference);
    expect(result).toMatchObject({ ok: true, delivery: { sent: 2, failed: 0 } });
    expect(await client.outboxMessage.count({ where: { quoteRequestId: lead.id, status: "sent" } })).toBe(2);
    expect((await getLead(client, lead.reference))?.events.at(-1)?.action).toBe("retry_mail");
  });
});

describe("CSV export", () => {
  it("gives the received time as ISO 8601 in the business's zone, with its offset", async () => {
    await insertLead({ name: "Zoned", createdAt: new Date("2026-12-02T21:26:09Z") });
    const { csv } = await exportLeadsCsv({ db: client, reader: exportReader }, {}, ZONE);
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.find((record) => record.name === "Zoned")?.received).toBe("2026-12-02T23:26:09+02:00");
    const utc = parse((await exportLeadsCsv({ db: client, reader: exportReader }, {}, "UTC")).csv, {
      bom: true,
      columns: true,
    });
    expect((utc as Record<string, string>[]).find((record) => record.name === "Zoned")?.received).toBe(
      "2026-12-02T21:26:09+00:00",
    );
  });

  it("neutralises formula cells, starts with a BOM and parses back with the filter applied", async () => {
    await insertLead({ name: '=HYPERLINK("http://evil")', company: "+cmd|' /C calc'!A0" });
    await insertLead({ name: "Émile Zola", company: null });
    await insertLead({ name: "Spam Bot", status: "spam" });
    const { csv, rows } = await exportLeadsCsv({ db: client, reader: exportReader }, { status: "new" }, ZONE);
    expect(rows).toBe(2);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((record) => record.name)).toEqual(["Émile Zola", '\'=HYPERLINK("http://evil")']);
    expect(records[1]?.company).toBe("'+cmd|' /C calc'!A0");
    for (const prefix of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseCell(`${prefix}x`)).toBe(`'${prefix}x`);
    expect(neutraliseCell("plain")).toBe("plain");
    expect(neutraliseCell('a;=1,"+2\t-3')).toBe(`a;'=1,"'+2\t'-3`);
  });

  it("quotes every cell, so a spreadsheet splitting on ',' or on ';' finds no live formula", async () => {
    await insertLead({ name: "Acme;=1+1;", company: "Semi;colon, and comma" });
    await insertLead({ name: "Tab\there", company: "-2+3" });
    const { csv } = await exportLeadsCsv({ db: client, reader: exportReader }, {}, ZONE);
    const byComma = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(byComma.map((record) => record.name).sort()).toEqual(["Acme;'=1+1;", "Tab\there"]);
    // The same file opened where ";" is the separator (a comma-decimal locale): no cell may start a formula.
    const bySemicolon = parse(csv, {
      bom: true,
      delimiter: ";",
      relax_quotes: true,
      relax_column_count: true,
    }) as string[][];
    for (const cell of bySemicolon.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    for (const line of csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n"))
      expect(line).toMatch(/^"(.*)"$/);
  });

  /** The test database's export reader, counting the pages it is asked for. */
  function countingReader() {
    let reads = 0;
    const reader: ExportReader = {
      eachRow: (ids, visit) => {
        reads += 1;
        return exportReader.eachRow(ids, visit);
      },
      close: async () => {},
    };
    return { reader, reads: () => reads };
  }

  it("streams page by page: the header and the first page leave before the next page is read", async () => {
    for (let i = 0; i < 5; i++) await insertLead({ name: `Paged ${i}` });
    const counted = countingReader();
    let ended: [number, boolean] | undefined;
    const pieces = leadsCsv(
      { db: client, reader: counted.reader },
      {},
      { timeZone: ZONE, pageSize: 2, onEnd: (rows, complete) => void (ended = [rows, complete]) },
    );
    expect((await pieces.next()).value).toMatch(/^\uFEFF"reference"/);
    expect(counted.reads()).toBe(0);
    expect((await pieces.next()).value).toContain("Paged 4");
    expect(counted.reads()).toBe(1);
    const rest: string[] = [];
    for await (const piece of pieces) rest.push(piece);
    expect(counted.reads()).toBe(3);
    expect(rest.join("")).toContain("Paged 0");
    expect(ended).toEqual([5, true]);
    // A reader that stops early ends the export as interrupted.
    const cut = leadsCsv(
      { db: client, reader: exportReader },
      {},
      { timeZone: ZONE, pageSize: 2, onEnd: (rows, complete) => void (ended = [rows, complete]) },
    );
    await cut.next();
    await cut.next();
    await cut.return();
    expect(ended).toEqual([2, false]);
  });

  /** The test database's leads, with each answer Prisma gave the export kept (the very array). */
  function recordingDb() {
    const pages: unknown[][] = [];
    const db = {
      quoteRequest: {
        findMany: (async (args: Parameters<Db["quoteRequest"]["findMany"]>[0]) => {
          const page = await client.quoteRequest.findMany(args);
          pages.push(page);
          return page;
        }) as unknown as Db["quoteRequest"]["findMany"],
      },
    } as Pick<Db, "quoteRequest">;
    return { db, pages };
  }

  /** Lets the event loop go round often enough for any page read already under way (or queued) to happen. */
  async function settle() {
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  }

  it("asks Prisma once for the matching leads and lets its answer go at once, not when its promise dies", async () => {
    for (let i = 0; i < 3; i++) await insertLead({ name: `Released ${i}` });
    const { db, pages } = recordingDb();
    const pieces = leadsCsv({ db, reader: exportReader }, {}, { timeZone: ZONE, pageSize: 2 });
    await pieces.next();
    expect((await pieces.next()).value).toContain("Released 2");
    // The array Prisma answered is empty once its ids are taken: its objects are garbage at once, instead of
    // staying reachable through the query's promise until the next full collection (lib/db/release-rows.ts).
    expect(pages.map((page) => page.length)).toEqual([0]);
    expect((await pieces.next()).value).toContain("Released 0");
    expect(pages.map((page) => page.length)).toEqual([0]);
    expect((await pieces.next()).done).toBe(true);
  });

  it("the download's byte stream reads a page only when its reader asks for the next chunk", async () => {
    for (let i = 0; i < 5; i++) await insertLead({ name: `Pulled ${i}` });
    const counted = countingReader();
    let ended: [number, boolean] | undefined;
    const stream = csvBytes(
      leadsCsv(
        { db: client, reader: counted.reader },
        {},
        { timeZone: ZONE, pageSize: 2, onEnd: (rows, complete) => void (ended = [rows, complete]) },
      ),
    );
    await settle();
    expect(counted.reads()).toBe(0);
    const reader = stream.getReader();
    const decode = (chunk: Uint8Array | undefined) => new TextDecoder().decode(chunk);
    expect(decode((await reader.read()).value)).toMatch(/^"reference"/);
    await settle();
    expect(counted.reads()).toBe(0);
    expect(decode((await reader.read()).value)).toContain("Pulled 4");
    // The reader holds on to the first page: the event loop goes round and nothing more is read.
    await settle();
    expect(counted.reads()).toBe(1);
    // A client that goes away ends the export as interrupted, after the leads it was sent.
    await reader.cancel();
    expect(ended).toEqual([2, false]);
    expect(counted.reads()).toBe(1);
  });

  it("the desk's export records who took how many leads, with the status but never the search", async () => {
    await insertLead({ name: "Ada Lovelace" });
    await insertLead({ name: "Grace Hopper" });
    let csv = "";
    for await (const piece of exportLeads(
      { db: client, reader: exportReader },
      { status: "new", query: "grace" },
      OWNER,
      ZONE,
    ))
      csv += piece;
    expect(csv).toContain("Grace Hopper");
    for await (const piece of exportLeads({ db: client, reader: exportReader }, {}, OWNER, ZONE)) void piece;
    const events = await client.leadEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((event) => [event.actor, event.action, event.quoteRequestId, event.detail])).toEqual([
      [OWNER, "export", null, "1 lead, status new, with a search"],
      [OWNER, "export", null, "2 leads, status all"],
    ]);
  });
});

describe("the erase page's lookup", () => {
  it("finds a lead's address by its reference in any case, and looks nothing up for a malformed one", async () => {
    const lead = await insertLead({ email: "Jane.Doe@Example.TEST" });
    expect(await leadEmail(client, lead.reference)).toBe("Jane.Doe@Example.TEST");
    expect(await leadEmail(client, ` ${lead.reference.toLowerCase()} `)).toBe("Jane.Doe@Example.TEST");
    expect(await leadEmail(client, "FS-2026-ZZZZZZ")).toBeNull();
    for (const junk of ["nope", undefined, [lead.reference], "FS-2026-IIIIII"])
      expect(await leadEmail(client, junk)).toBeNull();
  });
});

describe("erasure", () => {
  it("erases every request, outbox row and .eml file of an address in any case, and logs only a hash", async () => {
    const keep = await insertLead({ email: "someone.else@example.test" });
    const a = await insertLead({ email: "Jane.Doe@Example.TEST" });
    const b = await insertLead({ email: "jane.doe@example.test", status: "spam" });
    // A stray row the old README's SQL left behind: its request was deleted with foreign keys off.
    const sqlite = new Database(database.file);
    sqlite.pragma("foreign_keys = OFF");
    sqlite
      .prepare(
        `INSERT INTO OutboxMessage (quoteRequestId, kind, recipient, replyTo, subject, textBody, htmlBody, status,
           attempts, nextAttemptAt, createdAt, updatedAt)
         VALUES (99999, 'prospect_confirmation', 'JANE.DOE@example.test', ?, 's', 't', 'h', 'failed', 8, 0, 0, 0)`,
      )
      .run(OWNER);
    sqlite.close();
    fs.mkdirSync(mailDir, { recursive: true });
    fs.writeFileSync(path.join(mailDir, "1.eml"), `To: Jane.Doe@example.TEST\nSubject: x\n\nhello\n`);
    fs.writeFileSync(path.join(mailDir, "2.eml"), `To: ${OWNER}\nReply-To: jane.doe@EXAMPLE.test\nSubject: x\n\nhi\n`);
    fs.writeFileSync(
      path.join(mailDir, "3.eml"),
      `To: someone.else@example.test\nSubject: x\n\nNot jane.doe@example.testing\n`,
    );
    fs.writeFileSync(path.join(mailDir, "4.eml"), `To: x@example.test\nSubject: x\n\nfrom xjane.doe@example.test\n`);

    const result = await erase("  JANE.doe@example.test ");
    expect(result).toEqual({
      requests: 2,
      messages: 3,
      files: 2,
      notes: 0,
      signIns: 0,
      privacyRequests: 0,
      inFlight: { delivered: 0, unsettled: 0 },
    });
    expect(await client.quoteRequest.findMany({ where: { id: { in: [a.id, b.id] } } })).toEqual([]);
    const left = await client.outboxMessage.findMany();
    expect(left.every((row) => row.quoteRequestId === keep.id)).toBe(true);
    expect(left).toHaveLength(2);
    expect(fs.readdirSync(mailDir).sort()).toEqual(["3.eml", "4.eml"]);

    const log = await client.erasureLog.findMany();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ requests: 2, messages: 3, files: 2 });
    expect(log[0]?.emailHash).toBe(erasureHash("jane.doe@example.test", "secret-0123456789-0123456789-0123456789"));
    const everything = JSON.stringify({ log, events: await client.leadEvent.findMany() }).toLowerCase();
    expect(everything).not.toContain("jane");
  });

  it("redacts the address in notes on other leads, in any letter case, and leaves other addresses alone", async () => {
    const other = await insertLead({ email: "colleague@example.test" });
    await insertLead({ email: "jane.doe@example.test" });
    await client.leadEvent.create({
      data: {
        quoteRequestId: other.id,
        actor: OWNER,
        action: "note",
        detail: "Referred by JANE.DOE@example.test (also jane.doe@example.test,jane.doe@example.testing).",
      },
    });
    await client.leadEvent.create({
      data: { quoteRequestId: other.id, actor: OWNER, action: "note", detail: "Call xjane.doe@example.test" },
    });
    const result = await erase("jane.doe@example.test");
    const notes = await client.leadEvent.findMany({
      where: { quoteRequestId: other.id, action: "note" },
      orderBy: { id: "asc" },
    });
    expect(notes.map((note) => note.detail)).toEqual([
      "Referred by [erased address] (also [erased address],jane.doe@example.testing).",
      "Call xjane.doe@example.test",
    ]);
    expect(result.notes).toBe(1);
  });

  it("removes pending sign-in rows that hold the address, and no others", async () => {
    const expiresAt = new Date(Date.now() + 600_000);
    await client.verification.createMany({
      data: [
        { id: "v1", identifier: "token-1", value: JSON.stringify({ email: "Jane.Doe@Example.test" }), expiresAt },
        { id: "v2", identifier: "jane.doe@example.test", value: "x", expiresAt },
        { id: "v3", identifier: "token-3", value: JSON.stringify({ email: OWNER }), expiresAt },
      ],
    });
    const result = await erase("jane.doe@example.test");
    expect((await client.verification.findMany()).map((row) => row.id)).toEqual(["v3"]);
    expect(result.signIns).toBe(2);
  });

  it("matches whole addresses only", () => {
    expect(mentionsAddress("To: <jane@x.test>", "jane@x.test")).toBe(true);
    expect(mentionsAddress("To: jane@x.test.", "jane@x.test")).toBe(true);
    expect(mentionsAddress("To: ajane@x.test", "jane@x.test")).toBe(false);
    expect(mentionsAddress("To: jane@x.testing", "jane@x.test")).toBe(false);
  });
});

describe("erasure while a message is in flight", () => {
  it("cancels the person's queued mail, waits for the one being sent and reports it was delivered", async () => {
    const slow = await startSmtpServer({ holdMs: 1_500 });
    const slowTransport = createMailTransport({ smtpUrl: slow.url, mailDir: "unused", timeoutMs: 5_000 });
    try {
      const lead = await insertLead({ email: "jane.doe@example.test" });
      const [notice, confirmation] = await client.outboxMessage.findMany({
        where: { quoteRequestId: lead.id },
        orderBy: { id: "asc" },
      });
      const delivery = deliverPending(client, slowTransport, {
        from: FROM,
        ids: [confirmation!.id],
        log: () => {},
      });
      await vi.waitFor(() => expect(slow.holding).toBe(1), { timeout: 5_000 });
      const result = await erase("Jane.Doe@example.test", 5_000);
      expect(await delivery).toMatchObject({ sent: 1 });
      expect(result.inFlight).toEqual({ delivered: 1, unsettled: 0 });
      expect(describeErasure(result)).toContain("1 message was already being sent and was delivered");
      expect(slow.received).toHaveLength(1);
      expect(await client.outboxMessage.count({ where: { id: { in: [notice!.id, confirmation!.id] } } })).toBe(0);
      // The owner notice was queued, not in flight: cancelled, so no sender could claim it, then deleted.
      expect(await deliver({ ids: [notice!.id], ignoreSchedule: true })).toEqual({ sent: 0, failed: 0, skipped: 0 });
      expect(slow.received.map((mail) => mail.to)).toEqual([["jane.doe@example.test"]]);
    } finally {
      slowTransport.close();
      await slow.stop();
    }
  });
});

describe("an access request", () => {
  it("gives every field of the person's leads, their mail and timelines, nothing of near-namesakes", async () => {
    const first = await insertLead({ email: "Jane.Doe@example.test" });
    const second = await insertLead({ email: "jane.doe@EXAMPLE.test", status: "spam", withMail: false });
    const tagged = await insertLead({ email: "jane.doe+work@example.test" });
    const other = await insertLead({ email: "JANE.DOE@example.tester" });
    await client.leadEvent.create({
      data: { quoteRequestId: first.id, actor: OWNER, action: "note", detail: "Called back." },
    });
    await client.leadEvent.create({
      data: { quoteRequestId: tagged.id, actor: OWNER, action: "note", detail: "The tagged one." },
    });

    const { json, counts } = await accessExport(" jane.doe@example.test ", {
      db: client,
      secret: "secret-0123456789-0123456789-0123456789",
      actor: OWNER,
    });
    const data = JSON.parse(json) as {
      requests: { reference: string; description: string; ipHash: string | null; consentVersion: string }[];
      messages: { quoteRequestId: number; textBody: string; kind: string }[];
      events: { detail: string | null }[];
    };
    expect(data.requests.map((row) => row.reference).sort()).toEqual([first.reference, second.reference].sort());
    expect(data.requests[0]).toMatchObject({ description: first.description, consentVersion: "2026-11-24" });
    expect(data.messages.map((row) => row.kind).sort()).toEqual(["owner_notice", "prospect_confirmation"]);
    expect(data.messages.every((row) => row.quoteRequestId === first.id)).toBe(true);
    expect(data.events.map((row) => row.detail)).toEqual(["Called back."]);
    expect(counts).toEqual({ requests: 2, messages: 2, events: 1 });
    for (const stranger of [tagged.reference, other.reference, "jane.doe+work", "tester", "The tagged one."])
      expect(json).not.toContain(stranger);

    const audit = await client.leadEvent.findMany({ where: { action: "access_export" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: OWNER, quoteRequestId: null });
    expect(audit[0]?.detail).toContain(erasureHash("jane.doe@example.test", "secret-0123456789-0123456789-0123456789"));
    expect(audit[0]?.detail?.toLowerCase()).not.toContain("jane");
  });
});

describe("delivery after erasure", () => {
  it("skips and removes outbox rows whose request is gone, and still sends the others", async () => {
    const kept = await insertLead();
    const gone = await insertLead();
    const ids = (await client.outboxMessage.findMany({ select: { id: true } })).map((row) => row.id);
    const sqlite = new Database(database.file);
    sqlite.pragma("foreign_keys = OFF");
    sqlite.prepare("DELETE FROM QuoteRequest WHERE id = ?").run(gone.id);
    sqlite.close();
    expect(await client.outboxMessage.count({ where: { quoteRequestId: gone.id } })).toBe(2);

    expect(await deliver({ ids })).toEqual({ sent: 2, failed: 0, skipped: 2 });
    expect(received(gone.reference)).toEqual([]);
    expect(received(kept.reference)).toHaveLength(2);
    expect(await client.outboxMessage.count({ where: { quoteRequestId: gone.id } })).toBe(0);
  });
});

describe("retention on a controlled clock", () => {
  it("purges old spam, leads past their retention with their mail, blanks old bodies, clears IP hashes", async () => {
    const now = new Date("2026-12-02T12:00:00Z");
    const minutes = (n: number) => new Date(now.getTime() - n * 60_000);
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);

    const spamOld = await insertLead({ status: "spam", createdAt: days(31) });
    const spamNew = await insertLead({ status: "spam", createdAt: days(29) });
    const leadOld = await insertLead({ createdAt: days(500), activityAt: days(366) });
    const leadActive = await insertLead({ createdAt: days(500), activityAt: days(300) });
    const fresh = await insertLead({ createdAt: minutes(5) });
    const pastWindow = await insertLead({ createdAt: minutes(11) });
    const sentLongAgo = await insertLead({ createdAt: days(20) });
    await client.outboxMessage.updateMany({
      where: { quoteRequestId: sentLongAgo.id },
      data: { status: "sent", sentAt: days(15) },
    });
    await client.outboxMessage.updateMany({
      where: { quoteRequestId: fresh.id },
      data: { status: "sent", sentAt: days(13) },
    });
    fs.mkdirSync(mailDir, { recursive: true });
    fs.writeFileSync(path.join(mailDir, "old.eml"), "To: a@b.test\n\nx\n");
    fs.utimesSync(path.join(mailDir, "old.eml"), days(400), days(400));
    fs.writeFileSync(path.join(mailDir, "new.eml"), "To: a@b.test\n\nx\n");
    fs.utimesSync(path.join(mailDir, "new.eml"), days(10), days(10));

    const result = await purge({ db: client, settings: SETTINGS, mailDir, now: () => now });
    expect(result).toMatchObject({ spam: 1, leads: 1, messages: 2, bodiesBlanked: 2, files: 1 });

    const ids = (await client.quoteRequest.findMany({ select: { id: true } })).map((row) => row.id).sort();
    expect(ids).toEqual([spamNew.id, leadActive.id, fresh.id, pastWindow.id, sentLongAgo.id].sort());
    expect(ids).not.toContain(spamOld.id);
    expect(await client.outboxMessage.count({ where: { quoteRequestId: leadOld.id } })).toBe(0);

    const bodies = await client.outboxMessage.findMany({
      where: { quoteRequestId: { in: [sentLongAgo.id, fresh.id] } },
    });
    for (const row of bodies) {
      const expected = row.quoteRequestId === sentLongAgo.id ? "" : row.textBody;
      expect(row.textBody).toBe(expected);
      if (row.quoteRequestId === fresh.id) expect(row.textBody).not.toBe("");
    }
    const hashes = await client.quoteRequest.findMany({
      where: { id: { in: [fresh.id, pastWindow.id] } },
      select: { id: true, ipHash: true },
    });
    expect(Object.fromEntries(hashes.map((row) => [row.id, row.ipHash]))).toEqual({
      [fresh.id]: "hash",
      [pastWindow.id]: null,
    });
    expect(fs.readdirSync(mailDir)).toEqual(["new.eml"]);

    // A second run a minute later finds nothing more to delete.
    expect(
      await purge({ db: client, settings: SETTINGS, mailDir, now: () => new Date(now.getTime() + 60_000) }),
    ).toMatchObject({
      spam: 0,
      leads: 0,
      messages: 0,
      bodiesBlanked: 0,
    });
  });

  it("counts calendar months back, clamping to the month's last day", () => {
    expect(monthsBefore(new Date("2026-12-02T12:00:00Z"), 12).toISOString()).toBe("2025-12-02T12:00:00.000Z");
    expect(monthsBefore(new Date("2026-03-31T00:00:00Z"), 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });
});
