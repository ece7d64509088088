// The outbox against real parts, on each database (a migrated SQLite file, a migrated PostgreSQL database),
// Prisma with the matching driver adapter, nodemailer and a local SMTP server (smtp-server). Every test makes its
// own quote request and follows its messages by reference, so the tests do not depend on each other's rows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { deliverPending, outboxRows, type DeliverOptions } from "@/lib/mail/outbox";
import type { QuoteForMail } from "@/lib/mail/render";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { closedPort, parseMail, partOf, startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { migratedDb, testProviders } from "../helpers/test-databases";

const OWNER = "owner@fsdev.example";
const FROM = "FS Dev website <website@fsdev.example>";
const SITE_URL = "https://www.fsdev.example";
const ctx = {
  siteName: "FS Dev",
  siteUrl: SITE_URL,
  ownerName: "Francois Schoeman",
  ownerRole: "Founder",
  contact: {},
  timeZone: "Africa/Johannesburg",
};

describe.each(testProviders())("on %s", (provider) => {
  let database: Awaited<ReturnType<typeof migratedDb>>;
  let client: Db;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let sequence = 0;

  beforeAll(async () => {
    database = await migratedDb("outbox", provider);
    client = database.db;
    smtp = await startSmtpServer();
    transport = smtpTransport(smtp.url);
  });

  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await database?.cleanup();
  });

  function smtpTransport(url: string): MailTransport {
    return createMailTransport({ smtpUrl: url, mailDir: "unused", timeoutMs: 2_000 });
  }

  function quote(overrides: Partial<QuoteForMail> = {}): QuoteForMail {
    sequence += 1;
    return {
      reference: `FS-2026-TEST${String(sequence).padStart(2, "0")}`,
      name: "Ada Lovelace",
      email: `ada${sequence}@example.test`,
      company: "Analytical Engines Ltd",
      phone: null,
      interestLabel: "SEO tooling",
      budget: "R50k – R100k",
      timeline: "Within 3 months",
      description: "We need a crawler.\nIt should find broken links.",
      referrerPath: "/services/seo-tools",
      utm: { utm_source: "newsletter" },
      createdAt: new Date(),
      consentVersion: "2026-01",
      promise: "You will hear from Francois by Monday 7 December, 16:00 SAST.",
      ...overrides,
    };
  }

  /** Inserts a request and its two outbox rows in one transaction, as the submit code does. */
  async function insertRequest(overrides: Partial<QuoteForMail> = {}) {
    const q = quote(overrides);
    const created = await client.quoteRequest.create({
      data: {
        reference: q.reference,
        name: q.name,
        email: q.email,
        company: q.company,
        phone: q.phone,
        interest: "service:seo-tools",
        interestLabel: q.interestLabel,
        budget: q.budget,
        timeline: q.timeline,
        description: q.description,
        consentAt: q.createdAt,
        consentVersion: q.consentVersion,
        referrerPath: q.referrerPath,
        utmSource: q.utm.utm_source,
        createdAt: q.createdAt,
        outbox: { create: outboxRows(q, { ownerTo: OWNER, ctx }) },
      },
      include: { outbox: { orderBy: { id: "asc" } } },
    });
    const [notice, confirmation] = created.outbox;
    if (!notice || !confirmation) throw new Error("the request was stored without its two messages");
    return { q, ids: [notice.id, confirmation.id], notice, confirmation };
  }

  function rows(ids: number[]) {
    return client.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  }

  /** Messages the SMTP server accepted for one reference (the reference is part of every Message-ID). */
  function receivedFor(reference: string) {
    return smtp.received
      .map((mail) => ({ ...mail, parsed: parseMail(mail.raw) }))
      .filter((mail) => mail.parsed.headers["message-id"]?.includes(reference));
  }

  function deliver(
    overrides: Partial<DeliverOptions> & { ids?: number[] } = {},
    via: MailTransport = transport,
    db: Db = client,
  ) {
    const lines: string[] = [];
    const run = deliverPending(db, via, {
      from: FROM,
      siteUrl: SITE_URL,
      log: (line) => lines.push(line),
      ...overrides,
    });
    return { run, lines };
  }

  describe("deliverPending over SMTP", () => {
    it("delivers the owner notice and the confirmation with the right headers, then marks both sent", async () => {
      const { q, ids, notice, confirmation } = await insertRequest();
      const { run, lines } = deliver({ ids });
      expect(await run).toEqual({ sent: 2, failed: 0, skipped: 0 });
      expect(lines).toEqual([]);

      const mails = receivedFor(q.reference);
      expect(mails).toHaveLength(2);
      const toOwner = mails.find((mail) => mail.to[0] === OWNER);
      const toProspect = mails.find((mail) => mail.to[0] === q.email);
      if (!toOwner || !toProspect) throw new Error("a message went to the wrong address");

      expect(toOwner.to).toEqual([OWNER]);
      expect(toOwner.from).toBe("website@fsdev.example");
      expect(toOwner.parsed.headers.to).toBe(OWNER);
      expect(toOwner.parsed.headers["reply-to"]).toBe(q.email);
      expect(toOwner.parsed.headers.subject).toBe(`Quote request ${q.reference} from Ada Lovelace (SEO tooling)`);
      expect(toOwner.parsed.headers["message-id"]).toBe(`<outbox-${notice.id}.${q.reference}@www.fsdev.example>`);
      expect(toOwner.parsed.headers["auto-submitted"]).toBe("auto-generated");
      expect(partOf(toOwner.parsed, "text/plain")).toContain(`Reference: ${q.reference}`);
      expect(partOf(toOwner.parsed, "text/html")).toContain(q.reference);

      expect(toProspect.to).toEqual([q.email]);
      expect(toProspect.parsed.headers["reply-to"]).toBe(OWNER);
      expect(toProspect.parsed.headers.subject).toBe(`We received your quote request (${q.reference})`);
      expect(toProspect.parsed.headers["message-id"]).toBe(
        `<outbox-${confirmation.id}.${q.reference}@www.fsdev.example>`,
      );
      expect(partOf(toProspect.parsed, "text/plain")).toContain(`Your reference is ${q.reference}.`);

      for (const row of await rows(ids)) {
        expect(row).toMatchObject({ status: "sent", attempts: 1, lockedUntil: null, lastError: null });
        expect(row.sentAt).toBeInstanceOf(Date);
        expect(row.messageId).toBe(`<outbox-${row.id}.${q.reference}@www.fsdev.example>`);
      }

      // Exactly once: a second run (over the whole table) finds nothing of this request to send.
      await deliver().run;
      expect(receivedFor(q.reference)).toHaveLength(2);
    });

    it("keeps a hostile name from adding a header or a recipient", async () => {
      const { q, ids } = await insertRequest({ name: "Eve\r\nBcc: victim@evil.test\r\nX-Injected: 1" });
      expect((await deliver({ ids }).run).sent).toBe(2);
      const mails = receivedFor(q.reference);
      expect(mails.flatMap((mail) => mail.to).sort()).toEqual([OWNER, q.email].sort());
      for (const mail of mails) {
        expect(mail.parsed.headerNames).not.toContain("bcc");
        expect(mail.parsed.headerNames).not.toContain("x-injected");
      }
    });

    it("server down: rows stay pending with the error and a later retry time; a manual retry sends once", async () => {
      const { q, ids } = await insertRequest();
      const down = smtpTransport(`smtp://127.0.0.1:${await closedPort()}`);
      const before = Date.now();
      const { run, lines } = deliver({ ids }, down);
      expect(await run).toEqual({ sent: 0, failed: 2, skipped: 0 });
      down.close();

      for (const row of await rows(ids)) {
        expect(row).toMatchObject({ status: "pending", attempts: 1, sentAt: null, lockedUntil: null });
        expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
        expect(row.lastError).not.toMatch(/\n|\s+at /); // no stack
        expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 60_000);
        expect(row.nextAttemptAt.getTime()).toBeLessThan(Date.now() + 61_000);
      }
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        new RegExp(
          `^mail: outbox ${ids[0]} \\(owner_notice of ${q.reference}\\) attempt 1 failed: .+; next try \\d{4}-`,
        ),
      );
      expect(receivedFor(q.reference)).toHaveLength(0);

      // The server is back, but the retry is not due yet: the scheduled run leaves the rows alone...
      expect(await deliver({ ids }).run).toEqual({ sent: 0, failed: 0, skipped: 0 });
      // ...and the owner's manual retry sends them now, once.
      expect(await deliver({ ids, ignoreSchedule: true }).run).toEqual({ sent: 2, failed: 0, skipped: 0 });
      expect(await deliver({ ids, ignoreSchedule: true }).run).toEqual({ sent: 0, failed: 0, skipped: 0 });
      expect(receivedFor(q.reference)).toHaveLength(2);
      for (const row of await rows(ids)) expect(row).toMatchObject({ status: "sent", attempts: 2 });
    });

    it("records a refusal (451) and marks a message failed after maxAttempts", async () => {
      const { q, ids, notice } = await insertRequest();
      smtp.failWith({ code: 451, message: "try later" });
      try {
        const first = deliver({ ids: [notice.id], maxAttempts: 2 });
        expect(await first.run).toEqual({ sent: 0, failed: 1, skipped: 0 });
        const [afterFirst] = await rows([notice.id]);
        expect(afterFirst).toMatchObject({ status: "pending", attempts: 1 });
        expect(afterFirst?.lastError).toMatch(/451/);

        const second = deliver({ ids: [notice.id], maxAttempts: 2, ignoreSchedule: true });
        expect(await second.run).toEqual({ sent: 0, failed: 1, skipped: 0 });
        expect(second.lines[0]).toMatch(/attempt 2 failed: .*451.*; giving up after 2 attempts$/);
        const [afterSecond] = await rows([notice.id]);
        expect(afterSecond).toMatchObject({ status: "failed", attempts: 2, lockedUntil: null });
      } finally {
        smtp.failWith(null);
      }
      // A failed row is out of the queue, even for a manual retry.
      expect(await deliver({ ids, ignoreSchedule: true }).run).toEqual({ sent: 1, failed: 0, skipped: 0 });
      expect(receivedFor(q.reference).map((mail) => mail.to[0])).toEqual([q.email]);
    });

    it("never sends a message twice when several senders (separate connections) run at once", async () => {
      const requests = await Promise.all([insertRequest(), insertRequest(), insertRequest()]);
      const ids = requests.flatMap((request) => request.ids);
      const others = [createDb(database.url), createDb(database.url)];
      try {
        const results = await Promise.all([client, ...others].map((db) => deliver({ ids }, transport, db).run));
        expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(6);
        // The senders really raced: each read rows another one then claimed first.
        expect(results.reduce((sum, result) => sum + result.skipped, 0)).toBeGreaterThan(0);
        expect(results.reduce((sum, result) => sum + result.failed, 0)).toBe(0);
      } finally {
        await Promise.all(others.map((db) => db.$disconnect()));
      }
      for (const { q } of requests) expect(receivedFor(q.reference)).toHaveLength(2);
      for (const row of await rows(ids)) expect(row).toMatchObject({ status: "sent", attempts: 1 });
    });

    it("takes over a message whose sender died mid-send once its claim expires; respects a live claim", async () => {
      const { q, ids, notice, confirmation } = await insertRequest();
      const now = Date.now();
      // The notice: claimed by a sender that died a while ago. The confirmation: held by a live sender.
      await client.outboxMessage.update({
        where: { id: notice.id },
        data: { status: "sending", attempts: 1, lockedUntil: new Date(now - 1_000) },
      });
      await client.outboxMessage.update({
        where: { id: confirmation.id },
        data: { status: "sending", attempts: 1, lockedUntil: new Date(now + 60_000) },
      });

      expect(await deliver({ ids }).run).toEqual({ sent: 1, failed: 0, skipped: 0 });
      expect(receivedFor(q.reference).map((mail) => mail.to[0])).toEqual([OWNER]);
      const [noticeRow, confirmationRow] = await rows(ids);
      expect(noticeRow).toMatchObject({ status: "sent", attempts: 2 });
      expect(confirmationRow).toMatchObject({ status: "sending", attempts: 1 });

      // Two minutes later the live sender has not finished either: its claim has expired too.
      expect(await deliver({ ids, now: () => new Date(now + 120_000) }).run).toEqual({
        sent: 1,
        failed: 0,
        skipped: 0,
      });
      expect(receivedFor(q.reference)).toHaveLength(2);
    });
  });

  describe("deliverPending to .eml files", () => {
    it("writes each message as a parseable .eml file under MAIL_DIR and logs its path", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fsdev-mail-"));
      const mailDir = path.join(dir, "nested", "mail"); // created on demand
      const logged: string[] = [];
      const files = createMailTransport({ mailDir, timeoutMs: 1_000, log: (line) => logged.push(line) });
      try {
        expect(files.kind).toBe("file");
        const { q, ids, notice } = await insertRequest();
        expect(await deliver({ ids }, files).run).toEqual({ sent: 2, failed: 0, skipped: 0 });

        const names = fs.readdirSync(mailDir).sort();
        expect(names).toHaveLength(2);
        for (const name of names) expect(name).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]{6}\.eml$/);
        expect(logged.sort()).toEqual(names.map((name) => `mail: wrote ${path.join(mailDir, name)}`).sort());

        const parsed = names.map((name) => parseMail(fs.readFileSync(path.join(mailDir, name), "utf8")));
        const toOwner = parsed.find((mail) => mail.headers.to === OWNER);
        expect(toOwner?.headers.subject).toBe(`Quote request ${q.reference} from Ada Lovelace (SEO tooling)`);
        expect(toOwner?.headers["message-id"]).toBe(`<outbox-${notice.id}.${q.reference}@www.fsdev.example>`);
        expect(toOwner?.headers["reply-to"]).toBe(q.email);
        for (const mail of parsed) {
          expect(partOf(mail, "text/plain")).toContain(q.reference);
          expect(partOf(mail, "text/html")).toContain(q.reference);
        }
        for (const row of await rows(ids)) expect(row).toMatchObject({ status: "sent", attempts: 1 });
      } finally {
        files.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
