// The lead pipeline against real parts, on each database: a SQLite file and a PostgreSQL database, each
// migrated by prisma/migrate.mjs, Prisma with the matching driver adapter, nodemailer talking SMTP to a local
// smtp-server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { deliverPending } from "@/lib/mail/outbox";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { HONEYPOT_FIELD } from "@/lib/quotes/fields";
import { REFERENCE_PATTERN } from "@/lib/quotes/reference";
import { quoteCopy } from "@/lib/quotes/catalog";
import { MAX_CONFIRMATIONS_PER_DAY } from "@/lib/quotes/confirmation-cap";
import { submitQuote, type SubmitDeps } from "@/lib/quotes/submit";
import { closedPort, parseMail, startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { testEnv, testMail, tokenFrom, validSubmission } from "../helpers/quote-fixtures";
import { migratedDb, testProviders } from "../helpers/test-databases";

describe.each(testProviders())("on %s", (provider) => {
  let database: Awaited<ReturnType<typeof migratedDb>>;
  let db: Db;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let deps: SubmitDeps;
  let ipCounter = 0;
  const logged: string[] = [];

  const meta = () => ({ ip: `203.0.113.${++ipCounter}`, userAgent: "vitest" });
  const smtpTransport = (url: string) =>
    createMailTransport({ smtpUrl: url, mailDir: "/nonexistent", timeoutMs: 2000, log: () => {} });
  const deliver = (t: MailTransport, opts: { ids?: number[]; ignoreSchedule?: boolean } = {}) =>
    deliverPending(db, t, {
      from: "FS Dev website <website@fsdev.test>",
      siteUrl: "http://localhost:3000",
      log: (line) => logged.push(line),
      ...opts,
    });

  beforeAll(async () => {
    database = await migratedDb("pipeline", provider);
    db = database.db;
    smtp = await startSmtpServer();
    transport = smtpTransport(smtp.url);
    deps = { db, env: testEnv, mail: testMail, log: (line) => logged.push(line) };
  });

  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await database?.cleanup();
  });

  beforeEach(async () => {
    await db.outboxMessage.deleteMany();
    await db.quoteRequest.deleteMany();
    smtp.received.length = 0;
    smtp.failWith(null);
  });

  describe("a valid request", () => {
    it("stores one row with its outbox and delivers two messages with the right headers and reference", async () => {
      const result = await submitQuote(validSubmission(), meta(), deps);
      expect(result.status).toBe("ok");
      if (result.status !== "ok") return;
      expect(result.reference).toMatch(REFERENCE_PATTERN);
      expect(result.outboxIds).toHaveLength(2);

      const rows = await db.quoteRequest.findMany({ include: { outbox: true } });
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row).toMatchObject({
        reference: result.reference,
        status: "new",
        name: "Ada Lovelace",
        email: "Ada@example.com",
        interest: "service:seo-tooling",
        interestLabel: expect.stringMatching(/SEO/),
        consentVersion: quoteCopy.consentVersion,
        referrerPath: "/services/seo-tooling",
        utmSource: "newsletter",
        utmMedium: "email",
        userAgent: "vitest",
      });
      expect(row.ipHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain("203.0.113.");
      expect(row.outbox.map((message) => message.status)).toEqual(["pending", "pending"]);

      expect(await deliver(transport, { ids: result.outboxIds })).toMatchObject({ sent: 2, failed: 0 });
      expect(smtp.received).toHaveLength(2);
      const owner = smtp.received.find((mail) => mail.to.includes("owner@fsdev.test"))!;
      const prospect = smtp.received.find((mail) => mail.to.includes("Ada@example.com"))!;
      const ownerMail = parseMail(owner.raw);
      const prospectMail = parseMail(prospect.raw);
      expect(ownerMail.headers["reply-to"]).toContain("Ada@example.com");
      expect(ownerMail.headers.subject).toContain(result.reference);
      expect(prospectMail.headers["reply-to"]).toContain("owner@fsdev.test");
      expect(prospectMail.headers.subject).toContain(result.reference);
      expect(owner.raw.replace(/=\r?\n/g, "")).toContain("/services/seo-tooling");
      const stored = await db.outboxMessage.findMany();
      expect(stored.every((message) => message.status === "sent" && message.attempts === 1)).toBe(true);
    });
  });

  describe("invalid input: a field-level error and no row", () => {
    const cases: [string, Record<string, string | undefined>][] = [
      ["name", { name: "" }],
      ["name", { name: "A" }],
      ["name", { name: "Ada\r\nBcc: victim@example.com" }],
      ["name", { name: "Ada\u202Eevil" }],
      ["email", { email: "not-an-email" }],
      ["email", { email: "ada@example.com\r\nBcc: x@evil.test" }],
      ["email", { email: undefined }],
      ["company", { company: "x".repeat(121) }],
      ["phone", { phone: "call me maybe" }],
      ["interest", { interest: "service:does-not-exist" }],
      ["interest", { interest: "" }],
      ["budget", { budget: "a-million" }],
      ["timeline", { timeline: undefined }],
      ["description", { description: "too short" }],
      ["description", { description: "x".repeat(5001) }],
      ["consent", { consent: undefined }],
      ["consent", { consent: "no" }],
    ];
    for (const [field, override] of cases) {
      it(`${field}: ${JSON.stringify(override).slice(0, 60)}`, async () => {
        const submission = validSubmission(override as never);
        const result = await submitQuote(submission, meta(), deps);
        expect(result.status).toBe("invalid");
        if (result.status !== "invalid") return;
        expect(Object.keys(result.fieldErrors)).toEqual([field]);
        expect(result.fieldErrors[field as keyof typeof result.fieldErrors]![0]).toMatch(/^Please|^The description/);
        // Every value typed comes back, so the form can show it again.
        expect(result.values.description).toBe(submission.description);
        expect(await db.quoteRequest.count()).toBe(0);
        expect(await db.outboxMessage.count()).toBe(0);
      });
    }

    it("reports every bad field at once", async () => {
      const result = await submitQuote({ consent: undefined, formToken: tokenFrom(30) }, meta(), deps);
      expect(result.status).toBe("invalid");
      if (result.status !== "invalid") return;
      expect(Object.keys(result.fieldErrors).sort()).toEqual([
        "budget",
        "consent",
        "description",
        "email",
        "interest",
        "name",
        "timeline",
      ]);
    });
  });

  describe("mail outages never lose a lead", () => {
    it("keeps the request and its mail when SMTP is down, then delivers exactly once when it is back", async () => {
      const down = smtpTransport(`smtp://127.0.0.1:${await closedPort()}`);
      const result = await submitQuote(validSubmission(), meta(), deps);
      expect(result.status).toBe("ok");
      if (result.status !== "ok") return;

      const failed = await deliver(down, { ids: result.outboxIds });
      expect(failed).toMatchObject({ sent: 0, failed: 2 });
      down.close();
      const pending = await db.outboxMessage.findMany();
      expect(pending.map((message) => message.status)).toEqual(["pending", "pending"]);
      expect(
        pending.every((message) => message.attempts === 1 && message.lastError && message.nextAttemptAt > new Date()),
      ).toBe(true);
      expect(await db.quoteRequest.count()).toBe(1);

      // Not due yet: an ordinary pass leaves them alone.
      expect(await deliver(transport)).toMatchObject({ sent: 0 });
      // mail:retry ignores the schedule.
      expect(await deliver(transport, { ignoreSchedule: true })).toMatchObject({ sent: 2, failed: 0 });
      expect(await deliver(transport, { ignoreSchedule: true })).toMatchObject({ sent: 0 });
      expect(smtp.received).toHaveLength(2);
      expect(smtp.received.every((mail) => mail.raw.includes(result.reference))).toBe(true);
    });

    it("a server that refuses mail (451) leaves it pending too", async () => {
      smtp.failWith({ code: 451, message: "try again later" });
      const result = await submitQuote(validSubmission(), meta(), deps);
      if (result.status !== "ok") throw new Error(result.status);
      expect(await deliver(transport, { ids: result.outboxIds })).toMatchObject({ failed: 2 });
      expect((await db.outboxMessage.findMany()).map((message) => message.status)).toEqual(["pending", "pending"]);
    });
  });

  describe("database failures never claim success", () => {
    it("answers 'unavailable' with every value when the database cannot be written", async () => {
      const broken = await migratedDb("broken", provider);
      await broken.db.$executeRawUnsafe('DROP TABLE "OutboxMessage"');
      const lines: string[] = [];
      const result = await submitQuote(validSubmission(), meta(), {
        ...deps,
        db: broken.db,
        log: (line) => lines.push(line),
      });
      expect(result.status).toBe("unavailable");
      if (result.status !== "unavailable") return;
      expect(result.values.name).toBe("Ada Lovelace");
      expect(lines.join("\n")).toContain("could not store");
      // Nothing half-written: the request row rolled back with its outbox rows.
      expect(await broken.db.quoteRequest.count()).toBe(0);
      await broken.cleanup();
    });
  });

  describe("duplicates, spam and the rate limit", () => {
    it("a resubmission of the same form returns the first reference and stores one row", async () => {
      const submission = validSubmission();
      const first = await submitQuote(submission, meta(), deps);
      const again = await submitQuote(submission, meta(), deps);
      const [a, b] = await Promise.all([submitQuote(submission, meta(), deps), submitQuote(submission, meta(), deps)]);
      for (const result of [again, a, b]) {
        expect(result).toMatchObject({
          status: "ok",
          duplicate: true,
          reference: (first as { reference: string }).reference,
        });
      }
      expect(await db.quoteRequest.count()).toBe(1);
      expect(await db.outboxMessage.count()).toBe(2);
    });

    it("two different forms posted at the same time store two rows", async () => {
      const [a, b] = await Promise.all([
        submitQuote(validSubmission(), meta(), deps),
        submitQuote(validSubmission(), meta(), deps),
      ]);
      expect(a.status).toBe("ok");
      expect(b.status).toBe("ok");
      expect(await db.quoteRequest.count()).toBe(2);
    });

    it("flags a filled honeypot as spam: stored, never mailed, same reply", async () => {
      const result = await submitQuote(validSubmission({ hp_a7k: "http://spam.example" }), meta(), deps);
      expect(result).toMatchObject({ status: "ok", spam: true });
      const row = await db.quoteRequest.findFirstOrThrow();
      expect(row.status).toBe("spam");
      expect(row.spamReason).toContain("honeypot");
      expect(await db.outboxMessage.count()).toBe(0);
    });

    it("flags a form sent faster than a person could, and a forged or malformed token", async () => {
      const fast = await submitQuote(validSubmission({ formToken: tokenFrom(0.5) }), meta(), deps);
      const forged = await submitQuote(
        validSubmission({ formToken: tokenFrom(30, "some-other-secret-that-is-long-enough") }),
        meta(),
        deps,
      );
      const malformed = await submitQuote(validSubmission({ formToken: "v1.not-a-token" }), meta(), deps);
      for (const result of [fast, forged, malformed]) expect(result).toMatchObject({ status: "ok", spam: true });
      const reasons = (await db.quoteRequest.findMany({ orderBy: { id: "asc" } })).map((row) => row.spamReason);
      expect(reasons).toHaveLength(3);
      expect(reasons[0]).toMatch(/too-fast/);
      expect(reasons[1]).toMatch(/token:bad-signature/);
      expect(reasons[2]).toMatch(/token:malformed/);
      expect(await db.outboxMessage.count()).toBe(0);
    });

    it("asks to send again, keeping the values, when no token came (cookies blocked); stores nothing", async () => {
      const result = await submitQuote(validSubmission({ name: "No Cookies", formToken: undefined }), meta(), deps);
      expect(result).toMatchObject({ status: "unconfirmed", values: { name: "No Cookies" } });
      expect(await db.quoteRequest.count()).toBe(0);
      expect(await db.outboxMessage.count()).toBe(0);
    });

    it("asks to send again, keeping the values, when a genuine form has expired; stores nothing", async () => {
      const stale = await submitQuote(
        validSubmission({ name: "Left Open", formToken: tokenFrom(25 * 3600) }),
        meta(),
        deps,
      );
      expect(stale).toMatchObject({ status: "expired", values: { name: "Left Open" } });
      expect(await db.quoteRequest.count()).toBe(0);
    });

    it("the same values sent again at once with the replacement token make a normal, mailed lead", async () => {
      for (const [label, formToken] of [
        ["no cookies", undefined],
        ["expired", tokenFrom(25 * 3600)],
      ] as const) {
        const name = `Resend ${label}`;
        const first = await submitQuote(validSubmission({ name, formToken }), meta(), deps);
        expect(first.status, label).toMatch(/^(unconfirmed|expired)$/);
        const resendToken = (first as { resendToken: string }).resendToken;
        // Within a second, as a person pressing "send" again does: the minimum time is waived for these values.
        const again = await submitQuote(validSubmission({ name, formToken: resendToken }), meta(), deps);
        expect(again, label).toMatchObject({ status: "ok", spam: false, duplicate: false });
        expect((again as { outboxIds: number[] }).outboxIds, label).toHaveLength(2);
        const twice = await submitQuote(validSubmission({ name, formToken: resendToken }), meta(), deps);
        expect(twice, label).toMatchObject({ status: "ok", duplicate: true });
      }
      expect(await db.quoteRequest.count({ where: { status: "spam" } })).toBe(0);
    });

    it("the replacement token waives nothing else: other values are too fast, the honeypot counts", async () => {
      const first = await submitQuote(validSubmission({ name: "Swapped Values", formToken: undefined }), meta(), deps);
      const resendToken = (first as { resendToken: string }).resendToken;
      const swapped = await submitQuote(
        validSubmission({
          name: "Swapped Values",
          formToken: resendToken,
          description: "Other words entirely, sent at once.",
        }),
        meta(),
        deps,
      );
      expect(swapped).toMatchObject({ status: "ok", spam: true });
      const bot = await submitQuote(
        validSubmission({ name: "Honey Bot", formToken: undefined, [HONEYPOT_FIELD]: "x" }),
        meta(),
        deps,
      );
      const botAgain = await submitQuote(
        validSubmission({
          name: "Honey Bot",
          formToken: (bot as { resendToken: string }).resendToken,
          [HONEYPOT_FIELD]: "x",
        }),
        meta(),
        deps,
      );
      expect(botAgain).toMatchObject({ status: "ok", spam: true });
      const reasons = (await db.quoteRequest.findMany({ orderBy: { id: "asc" } })).map((row) => row.spamReason);
      expect(reasons[0]).toMatch(/too-fast/);
      expect(reasons[1]).toMatch(/honeypot/);
      expect(reasons[1]).not.toMatch(/too-fast/);
    });

    it("the same form sent again with different values is a new request, not a duplicate", async () => {
      const formToken = tokenFrom(30);
      const first = await submitQuote(validSubmission({ formToken }), meta(), deps);
      const edited = await submitQuote(
        validSubmission({ formToken, description: "A different project, sent from the same page after going back." }),
        meta(),
        deps,
      );
      expect(first).toMatchObject({ status: "ok", duplicate: false });
      expect(edited).toMatchObject({ status: "ok", duplicate: false });
      expect((edited as { reference: string }).reference).not.toBe((first as { reference: string }).reference);
      expect(await db.quoteRequest.count()).toBe(2);
    });

    it("one form token makes at most FORM_TOKEN_MAX_LEADS new leads, from any address", async () => {
      const formToken = tokenFrom(30);
      const results = [];
      for (let i = 0; i < 5; i++) {
        const from = { ip: `198.51.100.${10 + i}`, userAgent: "vitest" };
        results.push(await submitQuote(validSubmission({ formToken, name: `Token Reuse ${i}` }), from, deps));
      }
      expect(results.map((result) => result.status)).toEqual(["ok", "ok", "ok", "rate_limited", "rate_limited"]);
      // The same values again are the first lead, not a new one, and are answered with its reference.
      const again = await submitQuote(validSubmission({ formToken, name: "Token Reuse 0" }), meta(), deps);
      expect(again).toMatchObject({ status: "ok", duplicate: true });
      expect(await db.quoteRequest.count()).toBe(testEnv.FORM_TOKEN_MAX_LEADS);
    });

    it("holds the per-address limit when requests arrive at the same moment", async () => {
      const ip = { ip: "198.51.100.200", userAgent: "vitest" };
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => submitQuote(validSubmission({ name: `Burst ${i}` }), ip, deps)),
      );
      expect(results.filter((result) => result.status === "ok")).toHaveLength(5);
      expect(results.filter((result) => result.status === "rate_limited")).toHaveLength(7);
      expect(await db.quoteRequest.count()).toBe(5);
      // Five owner notices; the one address's confirmations stay capped although the posts raced.
      expect(await db.outboxMessage.count({ where: { kind: "owner_notice" } })).toBe(5);
      expect(await db.outboxMessage.count({ where: { kind: "prospect_confirmation" } })).toBe(
        MAX_CONFIRMATIONS_PER_DAY,
      );
    });

    it("sends one address at most three confirmations a day; the owner hears of every request", async () => {
      for (let i = 0; i < 4; i++) {
        expect(
          (await submitQuote(validSubmission({ email: "target@example.com", name: `Repeat ${i}` }), meta(), deps))
            .status,
        ).toBe("ok");
      }
      const kinds = await db.outboxMessage.groupBy({ by: ["kind"], _count: true, orderBy: { kind: "asc" } });
      expect(kinds.map((row) => [row.kind, row._count])).toEqual([
        ["owner_notice", 4],
        ["prospect_confirmation", 3],
      ]);
    });

    it("counts one mailbox however its address is written: case, +tags, and Gmail's dots", async () => {
      const variants = [
        "Victim@example.net",
        "VICTIM@example.net",
        "vIcTiM@EXAMPLE.NET",
        "victim+1@example.net",
        "victim+2@Example.Net",
      ];
      for (const [i, email] of variants.entries())
        expect((await submitQuote(validSubmission({ email, name: `Variant ${i}` }), meta(), deps)).status).toBe("ok");
      const gmail = ["j.doe@gmail.com", "JDoe@gmail.com", "j.d.o.e+x@googlemail.com", "jdoe@gmail.com"];
      for (const [i, email] of gmail.entries())
        expect((await submitQuote(validSubmission({ email, name: `Gmail ${i}` }), meta(), deps)).status).toBe("ok");
      // Dots matter outside Gmail: these are two people.
      for (const email of ["john.smith@example.org", "johnsmith@example.org"])
        expect((await submitQuote(validSubmission({ email }), meta(), deps)).status).toBe("ok");
      const confirmations = await db.outboxMessage.findMany({ where: { kind: "prospect_confirmation" } });
      const to = (domain: RegExp) => confirmations.filter((row) => domain.test(row.recipient)).length;
      expect(to(/@example\.net$/i)).toBe(3);
      expect(to(/@(gmail|googlemail)\.com$/i)).toBe(3);
      expect(to(/@example\.org$/i)).toBe(2);
      // Sent to the address as typed; the owner hears of all eleven.
      expect(confirmations.map((row) => row.recipient)).toContain("Victim@example.net");
      expect(await db.outboxMessage.count({ where: { kind: "owner_notice" } })).toBe(11);
    });

    it("sends at most CONFIRMATIONS_PER_HOUR confirmations in all; owner notices are never capped", async () => {
      const capped = { ...deps, env: { ...deps.env, CONFIRMATIONS_PER_HOUR: 2 } };
      for (let i = 0; i < 4; i++)
        expect((await submitQuote(validSubmission({ email: `hourly${i}@example.com` }), meta(), capped)).status).toBe(
          "ok",
        );
      expect(await db.outboxMessage.count({ where: { kind: "prospect_confirmation" } })).toBe(2);
      expect(await db.outboxMessage.count({ where: { kind: "owner_notice" } })).toBe(4);
      expect(logged.join("\n")).toMatch(/confirmation.*hourly cap/i);
      // An hour later there is room again.
      const later = () => new Date(Date.now() + 61 * 60_000);
      await submitQuote(validSubmission({ email: "hourly9@example.com", formToken: tokenFrom(30) }), meta(), {
        ...capped,
        now: later,
      });
      expect(await db.outboxMessage.count({ where: { kind: "prospect_confirmation" } })).toBe(3);
    });

    it("flags a link in the name (a lure aimed at the confirmation's reader)", async () => {
      const result = await submitQuote(
        validSubmission({ name: "Restore your mailbox https://x.example" }),
        meta(),
        deps,
      );
      expect(result).toMatchObject({ status: "ok", spam: true });
      expect((await db.quoteRequest.findFirstOrThrow()).spamReason).toContain("link-in-name");
    });

    it("flags link-stuffed content but keeps an ordinary SEO enquiry", async () => {
      const links = "Buy cheap backlinks http://a.example http://b.example http://c.example www.d.example";
      const spam = await submitQuote(validSubmission({ description: links }), meta(), deps);
      const seo = await submitQuote(
        validSubmission({
          description: "We want a Shopify SEO audit and help with our product feed on Google Shopping.",
        }),
        meta(),
        deps,
      );
      expect(spam).toMatchObject({ status: "ok", spam: true });
      expect(seo).toMatchObject({ status: "ok", spam: false });
    });

    it("refuses the sixth request in ten minutes from one address, keeping the values", async () => {
      const ip = { ip: "198.51.100.7", userAgent: "vitest" };
      for (let i = 0; i < 5; i++) expect((await submitQuote(validSubmission(), ip, deps)).status).toBe("ok");
      const sixth = await submitQuote(validSubmission({ name: "Sixth Person" }), ip, deps);
      expect(sixth.status).toBe("rate_limited");
      if (sixth.status === "rate_limited") expect(sixth.values.name).toBe("Sixth Person");
      expect(await db.quoteRequest.count()).toBe(5);
      // Another address is not affected; the window moves on.
      expect((await submitQuote(validSubmission(), meta(), deps)).status).toBe("ok");
      const later = () => new Date(Date.now() + 11 * 60_000);
      expect(
        (await submitQuote(validSubmission({ formToken: tokenFrom(30) }), ip, { ...deps, now: later })).status,
      ).toBe("ok");
    });
  });
});
