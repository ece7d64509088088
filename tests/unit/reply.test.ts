// Replies from the desk against real parts, on each database (a migrated SQLite file, a migrated PostgreSQL
// database), nodemailer and a local SMTP server: the reply threads under the confirmation the prospect received,
// the owner's copy under his notice, bad input and the hourly cap write nothing, an erased lead's reply never goes
// out, retention blanks a sent reply's text and an access request lists it. Then the form's field rules and the
// reply templates as content (an unknown placeholder names the file).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { testMail } from "../helpers/quote-fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentError } from "@/lib/content";
import { fillPlaceholders, placeholdersIn, REPLY_PLACEHOLDERS } from "@/lib/content/placeholders";
import { replyTemplates, replyTemplatesIn } from "@/lib/content/replies";
import type { Db } from "@/lib/db/client";
import { accessExport } from "@/lib/leads/access";
import { eraseByEmail } from "@/lib/leads/erase";
import { emailKey } from "@/lib/leads/keys";
import { queueReply, replyAt, replyDraftSubject, replyFields, type ReplyContext } from "@/lib/leads/reply";
import { purge } from "@/lib/leads/retention";
import { deliverPending, outboxRows } from "@/lib/mail/outbox";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { parseMail, partOf, startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { migratedDb, testProviders } from "../helpers/test-databases";

const OWNER = "owner@fsdev.example";
const FROM = "FS Dev website <website@fsdev.example>";
const SITE_URL = "https://www.fsdev.example";
const mailCtx = { ...testMail, siteName: "FS Dev", siteUrl: SITE_URL, ownerName: "Francois Schoeman" };
const HOUR = 3_600_000;
const RETENTION = {
  SPAM_RETENTION_DAYS: 30,
  LEAD_RETENTION_MONTHS: 12,
  MAIL_BODY_RETENTION_DAYS: 14,
  RATE_LIMIT_WINDOW_MINUTES: 10,
};

describe.each(testProviders())("replies on %s", (provider) => {
  let database: Awaited<ReturnType<typeof migratedDb>>;
  let db: Db;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let sequence = 0;

  beforeAll(async () => {
    database = await migratedDb("reply", provider);
    db = database.db;
    smtp = await startSmtpServer();
    transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "unused", timeoutMs: 2_000 });
  });

  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await database?.cleanup();
  });

  /** A lead as the form stores it, with its notice and confirmation; `send` delivers those two first. */
  async function insertLead(
    opts: { company?: string | null; interest?: string; status?: string; send?: boolean } = {},
  ) {
    sequence += 1;
    const reference = `FS-2026-RPLY${String(sequence).padStart(2, "0")}`;
    const email = `Prospect.${sequence}@Example.test`;
    const q = {
      reference,
      name: "Thandi Mokoena",
      email,
      company: opts.company === undefined ? "Karoo Goods" : opts.company,
      phone: null,
      interestLabel: opts.interest === "other" ? "Something else" : "Automation",
      budget: "Not sure yet",
      timeline: "Just exploring for now",
      description: "Our invoices are typed by hand.",
      referrerPath: "/services/automation",
      utm: {},
      createdAt: new Date(),
      consentVersion: "2026-01",
      promise: "You will hear from Francois by Monday 7 December, 12:00 SAST.",
    };
    const lead = await db.quoteRequest.create({
      data: {
        reference,
        status: opts.status ?? "new",
        name: q.name,
        email,
        emailKey: emailKey(email),
        company: q.company,
        interest: opts.interest ?? "service:automation",
        interestLabel: q.interestLabel,
        budget: q.budget,
        timeline: q.timeline,
        description: q.description,
        consentAt: q.createdAt,
        consentVersion: q.consentVersion,
        outbox: opts.status === "spam" ? undefined : { create: outboxRows(q, { ownerTo: OWNER, ctx: mailCtx }) },
      },
    });
    if (opts.send !== false && opts.status !== "spam") {
      const ids = (await db.outboxMessage.findMany({ where: { quoteRequestId: lead.id }, select: { id: true } })).map(
        (row) => row.id,
      );
      expect(await deliver(ids)).toMatchObject({ sent: 2, failed: 0 });
    }
    return lead;
  }

  function deliver(ids: number[], extra: { maxAttempts?: number } = {}) {
    return deliverPending(db, transport, {
      from: FROM,
      siteUrl: SITE_URL,
      ids,
      ignoreSchedule: true,
      log: () => {},
      ...extra,
    });
  }

  function context(overrides: Partial<ReplyContext> = {}): ReplyContext {
    return { db, actor: OWNER, ownerTo: OWNER, ownerName: "Francois Schoeman", perHour: 1000, ...overrides };
  }

  const input = (reference: string, body = "Hello {name}, about {reference}: shall we talk on Tuesday?") => ({
    reference,
    subject: `Re: We received your quote request (${reference})`,
    body,
  });

  /** What one lead has stored, to show that a refused reply wrote nothing. */
  async function footprint(leadId: number) {
    const [lead, messages, events] = await Promise.all([
      db.quoteRequest.findUnique({ where: { id: leadId }, select: { status: true, firstResponseAt: true } }),
      db.outboxMessage.count({ where: { quoteRequestId: leadId } }),
      db.leadEvent.count({ where: { quoteRequestId: leadId } }),
    ]);
    return { ...lead, messages, events };
  }

  function receivedFor(reference: string) {
    return smtp.received
      .map((mail) => ({ ...mail, parsed: parseMail(mail.raw) }))
      .filter((mail) => mail.parsed.headers["message-id"]?.includes(reference));
  }

  it("threads the reply under the confirmation, to the lead only, Reply-To the owner; his copy too", async () => {
    const lead = await insertLead();
    const [notice, confirmation] = await db.outboxMessage.findMany({
      where: { quoteRequestId: lead.id },
      orderBy: { id: "asc" },
    });
    expect(confirmation!.messageId).toMatch(/^<outbox-\d+\.FS-2026-RPLY\d+@www\.fsdev\.example>$/);
    expect(await replyDraftSubject(db, lead)).toBe(`Re: We received your quote request (${lead.reference})`);

    const now = new Date();
    const result = await queueReply(context({ now: () => now }), input(lead.reference));
    if (!result.ok) throw new Error(result.message);
    expect(await deliver(result.outboxIds)).toEqual({ sent: 2, failed: 0, skipped: 0 });

    const [, , toProspect, toOwner] = receivedFor(lead.reference);
    // The stored address, with its domain lower-cased by nodemailer (domains are case-insensitive).
    const address = lead.email.replace("@Example.test", "@example.test");
    expect(toProspect!.to).toEqual([address]);
    expect(toProspect!.parsed.headers.to).toBe(address);
    expect(toProspect!.from).toBe("website@fsdev.example");
    expect(toProspect!.parsed.headers["reply-to"]).toBe(OWNER);
    expect(toProspect!.parsed.headers["in-reply-to"]).toBe(confirmation!.messageId);
    expect(toProspect!.parsed.headers.references).toBe(confirmation!.messageId);
    expect(toProspect!.parsed.headers.subject).toBe(`Re: We received your quote request (${lead.reference})`);
    // Written by a person: vacation responders may answer it, unlike the automatic emails.
    expect(toProspect!.parsed.headerNames).not.toContain("auto-submitted");
    expect(toProspect!.parsed.parts.map((part) => part.contentType)).toEqual(["text/plain"]);
    expect(partOf(toProspect!.parsed, "text/plain").trim()).toBe(
      `Hello Thandi Mokoena, about ${lead.reference}: shall we talk on Tuesday?`,
    );

    expect(toOwner!.to).toEqual([OWNER]);
    expect(toOwner!.parsed.headers["reply-to"]).toBe(address);
    expect(toOwner!.parsed.headers["in-reply-to"]).toBe(notice!.messageId);
    expect(partOf(toOwner!.parsed, "text/plain")).toContain("shall we talk on Tuesday?");

    // The first answer: In progress, the response time recorded, the reply on the timeline at the reply's time.
    const stored = await db.quoteRequest.findUniqueOrThrow({
      where: { id: lead.id },
      include: { events: { orderBy: { id: "asc" } } },
    });
    expect(stored.status).toBe("in_progress");
    expect(stored.firstResponseAt?.getTime()).toBe(now.getTime());
    expect(stored.events.map((event) => [event.action, event.actor, event.detail])).toEqual([
      ["reply", OWNER, `Re: We received your quote request (${lead.reference})`],
      ["status", OWNER, "answered"],
    ]);
    expect(await replyAt(db, lead.id, stored.events[0]!.createdAt)).toMatchObject({
      recipient: lead.email,
      status: "sent",
      textBody: `Hello Thandi Mokoena, about ${lead.reference}: shall we talk on Tuesday?\n`,
    });

    // A second reply threads under the same confirmation and leaves the first response as it was.
    const second = await queueReply(context(), input(lead.reference, "One more thing."));
    expect(second.ok).toBe(true);
    const again = await db.quoteRequest.findUniqueOrThrow({ where: { id: lead.id } });
    expect(again.firstResponseAt?.getTime()).toBe(now.getTime());
  });

  it("starts a thread of its own when no confirmation went out", async () => {
    const lead = await insertLead({ send: false });
    const result = await queueReply(context(), input(lead.reference));
    if (!result.ok) throw new Error(result.message);
    const rows = await db.outboxMessage.findMany({ where: { id: { in: result.outboxIds } }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.kind, row.inReplyTo])).toEqual([
      ["owner_reply", null],
      ["owner_reply_copy", null],
    ]);
  });

  it("refuses a placeholder the lead has no value for, or an unknown one, naming each; writes nothing", async () => {
    const lead = await insertLead({ company: null, interest: "other" });
    const before = await footprint(lead.id);
    const result = await queueReply(context(), {
      reference: lead.reference,
      subject: "About {company}",
      body: "Hello {name}, thanks for asking about {interest}. Regards, {ownr}",
    });
    expect(result).toMatchObject({ ok: false, error: "invalid" });
    if (result.ok || result.error !== "invalid") throw new Error("not refused");
    expect(result.fieldErrors.subject).toEqual([
      "{company} has no value here (this lead gave no company): replace it with your own words.",
    ]);
    expect(result.fieldErrors.body).toEqual([
      "{interest} has no value here (this lead chose “Something else”, not one of the services or products): " +
        "replace it with your own words.",
      "{ownr} is not a placeholder: use {name}, {reference}, {interest}, {company} or {owner}, or remove the braces.",
    ]);
    expect(await footprint(lead.id)).toEqual(before);
  });

  it("caps replies per hour over all leads: beyond it a clear refusal, nothing written; later they go", async () => {
    const at = new Date(Date.now() + 10 * 24 * HOUR);
    const capped = context({ perHour: 3, now: () => at });
    // Rows from the other tests are older than an hour at `at`: only these count.
    const leads = [await insertLead({ send: false }), await insertLead({ send: false })];
    for (const [index, lead] of [leads[0]!, leads[1]!, leads[0]!].entries()) {
      const result = await queueReply(capped, input(lead.reference, `Reply ${index + 1}`));
      expect(result.ok).toBe(true);
    }
    const before = await footprint(leads[1]!.id);
    const refused = await queueReply(capped, input(leads[1]!.reference));
    expect(refused).toEqual({
      ok: false,
      error: "cap",
      message:
        "Not sent: 3 replies have gone out in the last hour, the most the site allows (REPLIES_PER_HOUR). " +
        "Try again later; nothing was queued.",
    });
    expect(await footprint(leads[1]!.id)).toEqual(before);

    const later = new Date(at.getTime() + HOUR + 1);
    expect((await queueReply(context({ perHour: 3, now: () => later }), input(leads[1]!.reference))).ok).toBe(true);
  });

  it("holds the cap when replies arrive at the same moment: six at once, three pass", async () => {
    const at = new Date(Date.now() + 20 * 24 * HOUR);
    const capped = context({ perHour: 3, now: () => at });
    const lead = await insertLead({ send: false });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => queueReply(capped, input(lead.reference, `At once ${index}`))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error)).toEqual([
      "cap",
      "cap",
      "cap",
    ]);
    expect(await db.outboxMessage.count({ where: { quoteRequestId: lead.id, kind: "owner_reply" } })).toBe(3);
  });

  it("never sends a reply to an erased lead: queued then erased, or written after the erasure", async () => {
    const lead = await insertLead();
    const sentBefore = smtp.received.length;
    const queued = await queueReply(context(), input(lead.reference));
    if (!queued.ok) throw new Error(queued.message);
    const erased = await eraseByEmail(lead.email.toUpperCase(), {
      db,
      mailDir: fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-reply-mail-")),
      secret: "reply-test-secret-0123456789-abcdefghijkl",
      actor: OWNER,
      smtpTimeoutMs: 2_000,
    });
    // The notice, the confirmation, the reply and the owner's copy of it.
    expect(erased).toMatchObject({ requests: 1, messages: 4, inFlight: { delivered: 0, unsettled: 0 } });
    expect(await deliver(queued.outboxIds)).toEqual({ sent: 0, failed: 0, skipped: 0 });
    // Whatever else is due goes out; nothing of this lead's.
    await deliverPending(db, transport, { from: FROM, siteUrl: SITE_URL, log: () => {} });
    expect(smtp.received.slice(sentBefore).filter((mail) => mail.raw.includes(lead.reference))).toEqual([]);
    expect(smtp.received.slice(sentBefore).filter((mail) => mail.to.includes(lead.email))).toEqual([]);
    expect(await db.outboxMessage.count({ where: { id: { in: queued.outboxIds } } })).toBe(0);

    expect(await queueReply(context(), input(lead.reference))).toEqual({
      ok: false,
      error: "not_found",
      message: `No lead with reference ${lead.reference}.`,
    });
    expect(await db.outboxMessage.count({ where: { recipient: lead.email } })).toBe(0);
  });

  it("refuses to reply to a lead in Spam (its address may be a stranger's)", async () => {
    const lead = await insertLead({ status: "spam" });
    const result = await queueReply(context(), input(lead.reference));
    expect(result).toMatchObject({ ok: false, error: "spam" });
    expect(await footprint(lead.id)).toMatchObject({ status: "spam", messages: 0, events: 0 });
  });

  it("keeps a failed reply with its error for the timeline", async () => {
    const lead = await insertLead();
    const result = await queueReply(context(), input(lead.reference));
    if (!result.ok) throw new Error(result.message);
    smtp.failWith({ code: 550, message: "mailbox unavailable" });
    try {
      expect(await deliver(result.outboxIds, { maxAttempts: 1 })).toMatchObject({ sent: 0, failed: 2 });
    } finally {
      smtp.failWith(null);
    }
    const event = await db.leadEvent.findFirstOrThrow({ where: { quoteRequestId: lead.id, action: "reply" } });
    expect(await replyAt(db, lead.id, event.createdAt)).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: expect.stringContaining("mailbox unavailable"),
    });
  });

  it("retention blanks a sent reply's text after MAIL_BODY_RETENTION_DAYS; access requests list replies", async () => {
    const lead = await insertLead();
    const result = await queueReply(context(), input(lead.reference, "A reply worth keeping for a while."));
    if (!result.ok) throw new Error(result.message);
    await deliver(result.outboxIds);
    const event = await db.leadEvent.findFirstOrThrow({ where: { quoteRequestId: lead.id, action: "reply" } });

    const exported = await accessExport(lead.email, {
      db,
      secret: "reply-test-secret-0123456789-abcdefghijkl",
      actor: OWNER,
    });
    const document = JSON.parse(exported.json) as { messages: { kind: string; textBody: string }[] };
    expect(document.messages.map((message) => message.kind)).toEqual([
      "owner_notice",
      "prospect_confirmation",
      "owner_reply",
      "owner_reply_copy",
    ]);
    expect(document.messages[2]!.textBody).toContain("A reply worth keeping for a while.");

    await purge({ db, settings: RETENTION, now: () => new Date(Date.now() + 13 * 24 * HOUR) });
    expect((await replyAt(db, lead.id, event.createdAt))?.textBody).toContain("worth keeping");
    await purge({ db, settings: RETENTION, now: () => new Date(Date.now() + 15 * 24 * HOUR) });
    expect(await replyAt(db, lead.id, event.createdAt)).toMatchObject({ status: "sent", textBody: "" });
    const copy = await db.outboxMessage.findFirstOrThrow({
      where: { quoteRequestId: lead.id, kind: "owner_reply_copy" },
    });
    expect(copy.textBody).toBe("");
  });
});

describe("the Reply form's fields", () => {
  const valid = { reference: "fs-2026-abcdef", subject: "  Re: Your request ", body: "\nHello there.\n" };
  const errorsOf = (values: Record<string, string>) => {
    const parsed = replyFields.safeParse({ ...valid, ...values });
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
  };

  it("trims the subject and body and stores the reference as issued", () => {
    expect(replyFields.parse(valid)).toEqual({
      reference: "FS-2026-ABCDEF",
      subject: "Re: Your request",
      body: "Hello there.",
    });
  });

  it("refuses a subject with a line break (a header injection), an empty or over-long subject", () => {
    expect(errorsOf({ subject: "Re: hi\r\nBcc: victim@example.com" })).toEqual({
      subject: "The subject must be one line: remove the line break.",
    });
    expect(errorsOf({ subject: "Re: hi\u2028there" }).subject).toBe(
      "The subject must be one line: remove the line break.",
    );
    expect(errorsOf({ subject: "   " })).toEqual({ subject: "Write a subject." });
    expect(errorsOf({ subject: "x".repeat(200) })).toEqual({});
    expect(errorsOf({ subject: "x".repeat(201) })).toEqual({ subject: "A subject holds at most 200 characters." });
  });

  it("refuses an empty or oversized body", () => {
    expect(errorsOf({ body: " \n " })).toEqual({ body: "Write the reply." });
    expect(errorsOf({ body: "x".repeat(10_000) })).toEqual({});
    expect(errorsOf({ body: "x".repeat(10_001) })).toEqual({ body: "A reply holds at most 10 000 characters." });
  });
});

describe("placeholders", () => {
  it("fills each known one once, never expanding a value that looks like a placeholder", () => {
    const filled = fillPlaceholders("Hi {name} of {company} ({name})", REPLY_PLACEHOLDERS, {
      name: "{company}",
      company: "Karoo Goods",
    });
    expect(filled).toEqual({ text: "Hi {company} of Karoo Goods ({company})", missing: [], unknown: [] });
  });
});

describe("reply templates as content", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  function folder(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-replies-"));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it("has at least three templates, each with a title, a body and only known placeholders", () => {
    const templates = replyTemplates.all();
    expect(templates.length).toBeGreaterThanOrEqual(3);
    for (const template of templates) {
      expect(template.data.title.length).toBeGreaterThan(0);
      expect(template.body.trim().length).toBeGreaterThan(100);
      expect(
        placeholdersIn(template.body).every((name) => (REPLY_PLACEHOLDERS as readonly string[]).includes(name)),
      ).toBe(true);
    }
  });

  it("an unknown placeholder is an error naming the file and the placeholder", () => {
    const dir = folder({ "follow-up.md": "---\ntitle: Follow up\n---\nHello {firstname}, any news on {reference}?\n" });
    const load = () => replyTemplatesIn(dir).all();
    expect(load).toThrow(ContentError);
    expect(load).toThrow(
      `Invalid content in ${path.relative(process.cwd(), path.join(dir, "follow-up.md"))}: unknown placeholder ` +
        "{firstname}; a template may use {name}, {reference}, {interest}, {company} or {owner}",
    );
  });

  it("an empty body or a missing title is an error naming the file", () => {
    expect(() => replyTemplatesIn(folder({ "empty.md": "---\ntitle: Empty\n---\n\n" })).all()).toThrow(
      /Invalid content in .*empty\.md: the body is empty/,
    );
    expect(() => replyTemplatesIn(folder({ "untitled.md": "---\norder: 1\n---\nHello {name}\n" })).all()).toThrow(
      /untitled\.md[\s\S]*title/,
    );
  });
});
