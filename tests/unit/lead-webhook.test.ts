// Lead alerts to the owner's webhook, against real parts on each database: submissions through the real pipeline,
// the outbox's own claim and retry schedule, and a real HTTP receiver (tests/helpers/webhook-receiver.ts) that
// checks every signature with the standardwebhooks package's verifier and records each alert once by its
// webhook-id. The outbox's clock is passed in (`now`) to reach each retry; the signature uses the real clock,
// which the receiver checks against its own.
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { responseClock } from "@/lib/server/env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { getPage } from "@/lib/content";
import { releaseSpam } from "@/lib/leads/commands";
import { eraseByEmail } from "@/lib/leads/erase";
import { heldMailRenderer } from "@/lib/leads/mail";
import { fillRetention } from "@/lib/leads/retention-notice";
import { deliverPending, retryDelayMs } from "@/lib/mail/outbox";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { HONEYPOT_FIELD } from "@/lib/quotes/fields";
import { submitQuote, type SubmitDeps } from "@/lib/quotes/submit";
import { createServerContext } from "@/lib/server/context";
import { leadWebhookSettings, parseEnv, retentionSettings } from "@/lib/server/env";
import type { LeadWebhookSettings, SlackPayload, StandardPayload } from "@/lib/webhooks/payload";
import { LEAD_WEBHOOK_KIND } from "@/lib/webhooks/rows";
import { postWebhook } from "@/lib/webhooks/send";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { clockEnv, SECRET, testEnv, testMail, validSubmission } from "../helpers/quote-fixtures";
import { migratedDb, testProviders } from "../helpers/test-databases";
import { startWebhookReceiver, type TestWebhookReceiver } from "../helpers/webhook-receiver";
import { PRODUCTION_SETTINGS } from "../helpers/production-settings";

const WEBHOOK_SECRET = `whsec_${crypto.randomBytes(32).toString("base64")}`;
const MINUTE = 60_000;

describe.each(testProviders())("on %s", (provider) => {
  let database: Awaited<ReturnType<typeof migratedDb>>;
  let db: Db;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let receiver: TestWebhookReceiver;
  let settings: LeadWebhookSettings;
  let ipCounter = 0;
  const logged: string[] = [];

  const meta = () => ({ ip: `198.51.100.${++ipCounter}`, userAgent: "vitest" });
  const deps = (webhook: Partial<LeadWebhookSettings> = {}): SubmitDeps => ({
    db,
    env: testEnv,
    mail: testMail,
    webhook: { ...settings, ...webhook },
    log: (line) => logged.push(line),
  });
  const post = (delivery: { id: string; body: string }) =>
    postWebhook({ url: settings.url, secret: settings.secret, timeoutMs: 2_000 }, delivery);
  /** The outbox's one delivery pass, as the scheduler and the drain run it, at the outbox time `at`. */
  const deliver = (at: Date, opts: { ids?: number[] } = {}) =>
    deliverPending(db, transport, {
      from: "FS Dev website <website@fsdev.test>",
      siteUrl: testMail.siteUrl,
      now: () => at,
      log: (line) => logged.push(line),
      webhook: post,
      ...opts,
    });
  const alertRow = (reference: string) =>
    db.outboxMessage.findFirst({ where: { kind: LEAD_WEBHOOK_KIND, quoteRequest: { reference } } });
  async function submit(overrides = {}, webhook: Partial<LeadWebhookSettings> = {}) {
    const result = await submitQuote(validSubmission(overrides), meta(), deps(webhook));
    if (result.status !== "ok") throw new Error(`submission not stored: ${result.status}`);
    return result;
  }

  beforeAll(async () => {
    database = await migratedDb("webhook", provider);
    db = database.db;
    smtp = await startSmtpServer();
    transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "/nonexistent", timeoutMs: 2_000, log: () => {} });
    receiver = await startWebhookReceiver(WEBHOOK_SECRET);
    settings = { url: receiver.url, secret: WEBHOOK_SECRET, format: "standard", contact: false };
  });

  afterAll(async () => {
    transport?.close();
    await receiver?.stop();
    await smtp?.stop();
    await database?.cleanup();
  });

  beforeEach(async () => {
    await db.outboxMessage.deleteMany();
    await db.leadEvent.deleteMany();
    await db.quoteRequest.deleteMany();
    await receiver.setMode("ok");
    receiver.verified.length = 0;
    receiver.alerts.clear();
    receiver.refused = 0;
    logged.length = 0;
  });

  it("queues the alert with the lead; a receiver down, then failing, then losing an answer sees it once", async () => {
    const lead = await submit();
    // The lead and its alert are one write: the two emails and the alert, all pending.
    expect(lead.outboxIds).toHaveLength(3);
    const queued = (await alertRow(lead.reference))!;
    expect(queued).toMatchObject({
      status: "pending",
      subject: "lead.received",
      recipient: new URL(receiver.url).host,
    });
    expect(queued.messageId).toBe(`lead.received.${lead.reference}`);

    const start = new Date();
    await receiver.setMode("down");
    expect(await deliver(start, { ids: [queued.id] })).toMatchObject({ sent: 0, failed: 1 });
    let row = (await alertRow(lead.reference))!;
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/could not reach the webhook receiver \(ECONNREFUSED\)/);
    expect(row.nextAttemptAt.getTime()).toBe(start.getTime() + retryDelayMs(1));

    // Not due yet: the schedule holds, even with the receiver back.
    await receiver.setMode("error");
    expect(await deliver(new Date(start.getTime() + 30_000))).toMatchObject({ sent: 2, failed: 0 });
    expect((await alertRow(lead.reference))!.attempts).toBe(1);

    // Second attempt, one minute on: the receiver answers 500 before looking.
    const second = new Date(start.getTime() + retryDelayMs(1) + 1_000);
    expect(await deliver(second)).toMatchObject({ sent: 0, failed: 1 });
    row = (await alertRow(lead.reference))!;
    expect(row).toMatchObject({ status: "pending", attempts: 2, lastError: "the webhook receiver answered HTTP 500" });

    // Third attempt: the receiver takes the alert but its answer is a 500, so the outbox tries again.
    await receiver.setMode("take-then-error");
    const third = new Date(second.getTime() + retryDelayMs(2) + 1_000);
    expect(await deliver(third)).toMatchObject({ failed: 1 });
    await receiver.setMode("ok");
    const fourth = new Date(third.getTime() + retryDelayMs(3) + 1_000);
    expect(await deliver(fourth)).toMatchObject({ sent: 1, failed: 0 });

    // At least once: two verified deliveries with one webhook-id, recorded as one lead.
    expect(receiver.verified.map((post) => post.id)).toEqual([queued.messageId, queued.messageId]);
    expect([...receiver.alerts.keys()]).toEqual([queued.messageId]);
    const payload = receiver.alerts.get(queued.messageId!) as StandardPayload;
    expect(payload).toMatchObject({
      type: "lead.received",
      data: {
        reference: lead.reference,
        interest: expect.stringMatching(/SEO/),
        budget: expect.any(String),
        timeline: expect.any(String),
        source: { path: "/services/seo-tooling", utm: { utm_source: "newsletter", utm_medium: "email" } },
        deskUrl: `${testMail.siteUrl}/desk/leads/${lead.reference}`,
      },
    });
    // The signature's timestamp is the attempt's real time, which the receiver's verifier accepted.
    expect(Math.abs(receiver.verified[1]!.timestamp * 1000 - Date.now())).toBeLessThan(MINUTE);

    // Delivered: the stored payload is blanked at once, the row kept as a record; no later pass sends it again.
    row = (await alertRow(lead.reference))!;
    expect(row).toMatchObject({ status: "sent", attempts: 4, textBody: "", lastError: null });
    expect(await deliver(new Date(fourth.getTime() + 24 * 60 * MINUTE))).toMatchObject({ sent: 0, failed: 0 });
    expect(receiver.verified).toHaveLength(2);

    // The log names the row, the lead and the failure, never the payload or the receiver's address.
    expect(logged.length).toBeGreaterThanOrEqual(3);
    for (const line of logged) {
      expect(line).not.toContain(receiver.url);
      expect(line).not.toContain("seo-tooling");
      expect(line).not.toContain("newsletter");
    }
  });

  it("carries no contact details or message by default, and both with LEAD_WEBHOOK_CONTACT", async () => {
    const bare = await submit();
    const full = await submit({ email: "grace@example.com", name: "Grace Hopper" }, { contact: true });
    const bareRow = (await alertRow(bare.reference))!;
    expect(bareRow.textBody).not.toMatch(/Ada|example\.com|\+27|weekly|Analytical/i);
    expect(await deliver(new Date())).toMatchObject({ failed: 0 });

    const bareData = (receiver.alerts.get(`lead.received.${bare.reference}`) as StandardPayload).data;
    expect(bareData).not.toHaveProperty("contact");
    expect(bareData).not.toHaveProperty("message");
    const fullData = (receiver.alerts.get(`lead.received.${full.reference}`) as StandardPayload).data;
    expect(fullData.contact).toEqual({
      name: "Grace Hopper",
      email: "grace@example.com",
      company: "Analytical Engines",
      phone: "+27 82 123 4567",
    });
    expect(fullData.message).toContain("checks our clients' sites every week");
  });

  it("sends Slack's incoming-webhook shape with the format option, a visitor's text escaped", async () => {
    const lead = await submit(
      { description: "Ping <!channel> and <https://evil.example|click here> & more, about our weekly reports." },
      { format: "slack", contact: true },
    );
    expect(await deliver(new Date())).toMatchObject({ failed: 0 });
    const message = receiver.alerts.get(`lead.received.${lead.reference}`) as SlackPayload;
    expect(Object.keys(message).sort()).toEqual(["blocks", "text"]);
    expect(message.text).toContain(lead.reference);
    expect(message.text).toContain(`/desk/leads/${lead.reference}`);
    expect(message.blocks.map((block) => block.type)).toEqual(["header", "section", "section", "section", "section"]);
    const all = JSON.stringify(message.blocks);
    expect(all).toContain("&lt;!channel&gt;");
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<https://evil.example");
    expect(all).toContain(`<${testMail.siteUrl}/desk/leads/${lead.reference}|Open ${lead.reference} in the desk>`);
  });

  it("a spam lead sends nothing until it is released, then its alert goes once", async () => {
    const spam = await submit({ [HONEYPOT_FIELD]: "http://spam.example" });
    expect(spam.spam).toBe(true);
    expect(spam.outboxIds).toHaveLength(0);
    expect(await deliver(new Date())).toMatchObject({ sent: 0, failed: 0 });
    expect(receiver.verified).toHaveLength(0);

    const ctx = {
      db,
      actor: "owner@fsdev.test",
      renderHeldMail: heldMailRenderer({
        ownerTo: testEnv.QUOTE_TO,
        ctx: testMail,
        clock: responseClock(clockEnv),
        webhook: settings,
      }),
    };
    const released = await releaseSpam(ctx, spam.reference);
    expect(released).toMatchObject({ ok: true, changed: true });
    if (!released.ok) return;
    expect(released.outboxIds).toHaveLength(3);
    const event = await db.leadEvent.findFirst({ where: { action: "not_spam" } });
    expect(event?.detail).toBe("2 held emails and the webhook alert queued");
    expect(await deliver(new Date(), { ids: released.outboxIds })).toMatchObject({ sent: 3, failed: 0 });
    expect([...receiver.alerts.keys()]).toEqual([`lead.released.${spam.reference}`]);
    expect((receiver.alerts.get(`lead.released.${spam.reference}`) as StandardPayload).type).toBe("lead.released");

    // Marked spam and released again: nothing is queued a second time.
    await db.quoteRequest.update({ where: { reference: spam.reference }, data: { status: "spam" } });
    expect(await releaseSpam(ctx, spam.reference)).toMatchObject({ ok: true, outboxIds: [] });
  });

  it("erasure removes an alert still waiting for a receiver that is down", async () => {
    await receiver.setMode("down");
    const lead = await submit({ email: "erase-me@example.com" });
    expect(await deliver(new Date())).toMatchObject({ failed: 1 });
    expect((await alertRow(lead.reference))?.status).toBe("pending");

    const erased = await eraseByEmail("erase-me@example.com", {
      db,
      mailDir: path.join(os.tmpdir(), "fsdev-webhook-no-mail"),
      secret: SECRET,
      actor: "owner@fsdev.test",
      smtpTimeoutMs: 2_000,
    });
    expect(erased.requests).toBe(1);
    expect(await db.outboxMessage.count({ where: { kind: LEAD_WEBHOOK_KIND } })).toBe(0);
    await receiver.setMode("ok");
    expect(await deliver(new Date(Date.now() + 24 * 60 * MINUTE))).toMatchObject({ sent: 0, failed: 0 });
    expect(receiver.verified).toHaveLength(0);
  });

  it("counts a wrong signature, a silent receiver and a missing receiver as failed attempts", async () => {
    const lead = await submit();
    const row = (await alertRow(lead.reference))!;
    const attempt = (webhook: (delivery: { id: string; body: string }) => Promise<void>, at: Date) =>
      deliverPending(db, transport, { from: "x <x@fsdev.test>", now: () => at, webhook, ids: [row.id], log: () => {} });

    // Signed with another secret: the receiver's verifier refuses it.
    const other = `whsec_${crypto.randomBytes(32).toString("base64")}`;
    await attempt((delivery) => postWebhook({ url: receiver.url, secret: other }, delivery), new Date());
    expect(receiver.refused).toBe(1);
    expect((await alertRow(lead.reference))!.lastError).toBe("the webhook receiver answered HTTP 401");

    // A receiver that never answers is given up on at the time limit.
    await receiver.setMode("hang");
    const started = Date.now();
    await attempt(
      (delivery) => postWebhook({ url: receiver.url, secret: WEBHOOK_SECRET, timeoutMs: 300 }, delivery),
      new Date(Date.now() + 10 * MINUTE),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await alertRow(lead.reference))!.lastError).toBe("the webhook receiver did not answer in time");

    // The setting was removed while the alert waited.
    await deliverPending(db, transport, {
      from: "x <x@fsdev.test>",
      now: () => new Date(Date.now() + 60 * MINUTE),
      ids: [row.id],
      log: () => {},
    });
    expect(await alertRow(lead.reference)).toMatchObject({
      status: "pending",
      attempts: 3,
      lastError: "LEAD_WEBHOOK_URL is not set: no receiver for this alert",
    });
    expect(receiver.alerts.size).toBe(0);
  });
});

describe("the webhook settings", () => {
  const production = PRODUCTION_SETTINGS;

  it("sends nothing by default, and reads the URL, secret, format and contact choice", () => {
    const none = parseEnv({});
    expect(leadWebhookSettings(none)).toBeNull();
    expect(none.LEAD_WEBHOOK_FORMAT).toBe("standard");
    expect(none.LEAD_WEBHOOK_CONTACT).toBe(false);
    const set = parseEnv({
      ...production,
      LEAD_WEBHOOK_URL: "https://hooks.slack.com/services/T0/B0/token",
      LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
      LEAD_WEBHOOK_FORMAT: "slack",
      LEAD_WEBHOOK_CONTACT: "true",
    });
    expect(leadWebhookSettings(set)).toEqual({
      url: "https://hooks.slack.com/services/T0/B0/token",
      secret: WEBHOOK_SECRET,
      format: "slack",
      contact: true,
    });
  });

  it("refuses a URL without its secret, a malformed secret, another format and plain http in production", () => {
    const url = "https://hooks.example.com/in";
    expect(() => parseEnv({ LEAD_WEBHOOK_URL: url })).toThrowError(
      /LEAD_WEBHOOK_SECRET: is required when LEAD_WEBHOOK_URL is set/,
    );
    const short = `whsec_${crypto.randomBytes(16).toString("base64")}`;
    for (const secret of ["not-a-secret", short, `whsec_${"!".repeat(40)}`, WEBHOOK_SECRET.slice(6)])
      expect(() => parseEnv({ LEAD_WEBHOOK_URL: url, LEAD_WEBHOOK_SECRET: secret }), secret).toThrowError(
        /LEAD_WEBHOOK_SECRET: must be whsec_ followed by the base64 of 24 to 64 random bytes/,
      );
    expect(() => parseEnv({ LEAD_WEBHOOK_FORMAT: "teams" })).toThrowError(/LEAD_WEBHOOK_FORMAT/);
    expect(() => parseEnv({ LEAD_WEBHOOK_URL: "ftp://hooks.example.com" })).toThrowError(/LEAD_WEBHOOK_URL/);
    const plain = {
      ...production,
      LEAD_WEBHOOK_URL: "http://hooks.example.com/in",
      LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
    };
    expect(() => parseEnv(plain)).toThrowError(/LEAD_WEBHOOK_URL: must be an https URL in production/);
    expect(parseEnv({ ...plain, NODE_ENV: "development" }).LEAD_WEBHOOK_URL).toBe("http://hooks.example.com/in");
    // A receiver on the same machine: nothing crosses a network.
    for (const local of ["http://127.0.0.1:8080/in", "http://localhost/in"])
      expect(parseEnv({ ...plain, LEAD_WEBHOOK_URL: local }).LEAD_WEBHOOK_URL).toBe(local);
  });
});

describe("the privacy notice and the webhook receiver", () => {
  const notice = getPage("privacy").body;
  const slack = "https://hooks.slack.com/services/T0/B0/secret-token";

  it("says no one else receives a request when no receiver is set", () => {
    const filled = fillRetention(notice, retentionSettings({}));
    expect(filled).toContain("No one else receives your request.");
    expect(filled).not.toMatch(/alert|\[\[/);
  });

  it("names the receiver's host from the same setting, never its path, and what the alert carries", () => {
    const bare = fillRetention(notice, retentionSettings({ LEAD_WEBHOOK_URL: slack }));
    expect(bare).toContain("also goes to hooks.slack.com,");
    expect(bare).not.toContain("secret-token");
    expect(bare).toContain("but not your name, your contact details or your message");
    expect(bare).toContain("every alert about your request that has not yet gone out");
    expect(bare).not.toContain("[[");
    const full = fillRetention(notice, retentionSettings({ LEAD_WEBHOOK_URL: slack, LEAD_WEBHOOK_CONTACT: "true" }));
    expect(full).toContain("together with your name, email address, company, phone number and message");
    expect(full).not.toContain("but not your name");
    expect(full).toContain("Alerts that hooks.slack.com already received hold your details too");
  });

  it("refuses an unknown condition and an unbalanced one, naming the file", () => {
    const settings = retentionSettings({});
    expect(() => fillRetention("[[if webhok]]x[[end]]", settings, "privacy.mdx")).toThrowError(
      /privacy.mdx: unknown condition \[\[if webhok\]\]/,
    );
    expect(() => fillRetention("[[if webhook]]x", settings, "privacy.mdx")).toThrowError(
      /privacy.mdx: \[\[if webhook\]\] has no matching \[\[end\]\]/,
    );
    expect(() => fillRetention("x[[end]]", settings, "privacy.mdx")).toThrowError(/\[\[end\]\] has no matching/);
    // Outside a condition that holds, the receiver's host has nothing to name.
    expect(() => fillRetention("[[webhook-host]]", settings)).toThrowError(/unknown placeholder \[\[webhook-host\]\]/);
    expect(fillRetention("a[[if webhook]] b[[if not webhook-contact]] c[[end]][[end]].", settings)).toBe("a.");
  });
});

describe("the composition root's delivery (the scheduler's and /api/outbox/drain's)", () => {
  it("queues alerts from the settings and posts them with the outbox's other rows", async () => {
    const database = await migratedDb("webhook-context", "sqlite");
    const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
    const context = createServerContext(
      parseEnv({
        DATABASE_URL: database.url,
        MAIL_TRANSPORT: "file",
        MAIL_DIR: path.join(os.tmpdir(), `fsdev-webhook-context-${process.pid}`),
        LEAD_WEBHOOK_URL: receiver.url,
        LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
      }),
    );
    try {
      const deps = { ...context.quote(), env: testEnv };
      const result = await submitQuote(validSubmission(), { ip: "192.0.2.9", userAgent: "vitest" }, deps);
      expect(result).toMatchObject({
        status: "ok",
        outboxIds: [expect.any(Number), expect.any(Number), expect.any(Number)],
      });
      await receiver.setMode("down");
      expect(await context.deliver()).toMatchObject({ sent: 2, failed: 1 });
      await receiver.setMode("ok");
      expect(await context.deliver({ now: () => new Date(Date.now() + 2 * MINUTE) })).toMatchObject({ sent: 1 });
      expect(receiver.alerts.size).toBe(1);
    } finally {
      await context.close();
      await receiver.stop();
      await database.cleanup();
    }
  });
});
