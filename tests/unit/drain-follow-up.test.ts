// The cron drain runs the follow-ups: a call of /api/outbox/drain (its real handler, on the settings of this
// process, as a serverless host runs it) queues the reminder an overdue lead is owed and delivers it through a
// real SMTP server in the same call; a second call queues nothing more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLead } from "../helpers/lead-seed";
import { parseMail, startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { migratedDb } from "../helpers/test-databases";

const SECRET = "drain-test-cron-secret-0123456789-abcdefgh";

describe("/api/outbox/drain", () => {
  let smtp: TestSmtpServer;
  let database: Awaited<ReturnType<typeof migratedDb>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    database = await migratedDb("drain-follow-up");
    // The settings of this process, read once by the composition root the handler asks for.
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      CRON_SECRET: SECRET,
      SMTP_URL: smtp.url,
      QUOTE_TO: "owner@fsdev.test",
      SITE_URL: "https://www.fsdev.test",
    });
  }, 60_000);
  afterAll(async () => {
    await (globalThis as { fsDevServerContext?: { close(): Promise<void> } }).fsDevServerContext?.close();
    await smtp?.stop();
    await database?.cleanup();
  });

  it("queues and sends the reminder an overdue lead is owed, once", async () => {
    // Ten days ago: past its 8 business hours whatever today is (no stretch of ten days is all closed).
    await seedLead(database.db, { reference: "FS-2026-DRAIN1", createdAt: new Date(Date.now() - 10 * 86_400_000) });
    const { POST } = await import("@/app/api/outbox/drain/route");
    const call = () =>
      POST(new Request("https://www.fsdev.test/api/outbox/drain", { headers: { authorization: `Bearer ${SECRET}` } }));

    const first = await call();
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ reminders: 1, failed: 0, pending: 0 });
    const reminders = smtp.received.filter((mail) => parseMail(mail.raw).headers.subject?.startsWith("Overdue:"));
    expect(reminders.map((mail) => parseMail(mail.raw).headers.subject)).toEqual([
      expect.stringMatching(/^Overdue: quote request FS-2026-DRAIN1 \(due /),
    ]);

    expect(await (await call()).json()).toMatchObject({ reminders: 0, sent: 0 });
    expect(await database.db.outboxMessage.count({ where: { kind: "lead_reminder" } })).toBe(1);
  });
});
