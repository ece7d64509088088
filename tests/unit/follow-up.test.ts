// Reminders and the daily digest on both databases with a fixed clock, delivered through the outbox to a real
// SMTP server: one reminder per overdue lead and never a second, none for an answered or moved lead; the digest
// at DIGEST_TIME on working days only, with its sections, once a day, and none when there is nothing to say.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { claimOnce, ONCE_JOBS } from "@/lib/db/once";
import { changeStatus } from "@/lib/leads/commands";
import { recordFirstResponse } from "@/lib/leads/first-response";
import { FOLLOW_UP_KINDS, REPLY_KIND, runFollowUps, sendReminders, type FollowUpContext } from "@/lib/leads/follow-up";
import { countOverdue } from "@/lib/leads/overdue";
import { deliverPending } from "@/lib/mail/outbox";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { responseClock } from "@/lib/server/env";
import { clearLeads, SEED_NAME, seedEmail, seedLead } from "../helpers/lead-seed";
import { clockEnv } from "../helpers/quote-fixtures";
import { parseMail, partOf, startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { migratedDb, testProviders } from "../helpers/test-databases";

const OWNER = "owner@fsdev.test";
const DESK = "https://desk.fsdev.test";
/** Johannesburg local time (UTC+2, no daylight saving) as an instant. */
const sast = (local: string) => new Date(`${local}+02:00`);

describe.each(testProviders())("follow-ups on %s", (provider) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let ctx: FollowUpContext;

  const deliver = (now: Date) =>
    deliverPending(db, transport, { from: "FS Dev website <website@fsdev.test>", siteUrl: DESK, now: () => now });
  const mails = () => smtp.received.map((mail) => parseMail(mail.raw));

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDb(`follow-up-${provider}`, provider));
    smtp = await startSmtpServer();
    transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "/nonexistent", timeoutMs: 2000, log: () => {} });
    ctx = {
      db,
      clock: responseClock(clockEnv),
      ownerTo: OWNER,
      deskOrigin: DESK,
      digestTime: "07:30",
      staleDays: 7,
    };
  }, 60_000);
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await cleanup();
  });
  beforeEach(async () => {
    await clearLeads(db);
    smtp.received.length = 0;
  });

  it("reminds the owner once when a New lead passes its due time unanswered, and never again", async () => {
    // Friday 4 December 15:00: due Monday 7 December 14:00 (two business hours on Friday, six on Monday).
    const friday = sast("2026-12-04T15:00:00");
    const overdue = await seedLead(db, { reference: "FS-2026-REMIND", createdAt: friday });
    const answered = await seedLead(db, { reference: "FS-2026-ANSWER", createdAt: friday });
    const moved = await seedLead(db, { reference: "FS-2026-MOVEDX", createdAt: friday });
    // Arrived before the reminders' look-back: none (e.g. when the feature first runs on an old database).
    await seedLead(db, { reference: "FS-2026-ANCIEN", createdAt: sast("2026-11-02T09:00:00") });
    await db.$transaction((tx) =>
      recordFirstResponse(tx, answered.id, { actor: OWNER, now: sast("2026-12-07T09:00:00") }),
    );
    await changeStatus({ db, actor: OWNER }, moved.reference, "lost");

    expect(await sendReminders(ctx, sast("2026-12-07T13:59:00"))).toEqual([]);
    // The desk's count: ANCIEN (New, long overdue, too old for a reminder), then REMIND from 14:00 on.
    expect(await countOverdue(db, ctx.clock, sast("2026-12-07T13:59:00"))).toBe(1);
    expect(await countOverdue(db, ctx.clock, sast("2026-12-07T14:00:00"))).toBe(2);
    const sent = await sendReminders(ctx, sast("2026-12-07T14:00:00"));
    expect(sent.map((row) => row.reference)).toEqual([overdue.reference]);
    expect(await deliver(sast("2026-12-07T14:00:00"))).toMatchObject({ sent: 1, failed: 0 });

    // Later runs, the next day, and a second instance's run at the same moment: nothing more.
    for (const at of ["2026-12-07T14:00:00", "2026-12-07T14:05:00", "2026-12-08T09:00:00", "2026-12-10T16:00:00"])
      expect(await sendReminders(ctx, sast(at))).toEqual([]);
    expect(await db.outboxMessage.count({ where: { kind: FOLLOW_UP_KINDS.reminder } })).toBe(1);
    expect(smtp.received).toHaveLength(1);

    const [mail] = mails();
    expect(smtp.received[0]!.to).toEqual([OWNER]);
    expect(mail!.headers.subject).toBe("Overdue: quote request FS-2026-REMIND (due 7 Dec 2026, 14:00 SAST)");
    const text = partOf(mail!, "text/plain");
    expect(text).toContain(`${DESK}/desk/leads/FS-2026-REMIND`);
    expect(text).toContain("arrived 4 Dec 2026, 15:00 SAST");
    // References, never the visitor's name or address.
    for (const part of [text, partOf(mail!, "text/html")]) {
      expect(part).not.toContain(SEED_NAME);
      expect(part).not.toContain(seedEmail(overdue.reference));
    }
  });

  it("sends no digest when there is nothing to say, and none on a weekend or a public holiday", async () => {
    const friday = await runFollowUps(ctx, sast("2026-12-04T07:30:00"));
    expect(friday.digest).toEqual({ date: "2026-12-04", sent: false });
    await seedLead(db, { reference: "FS-2026-WKND01", createdAt: sast("2026-12-05T09:00:00") });
    expect((await runFollowUps(ctx, sast("2026-12-05T07:30:00"))).digest).toBeNull();
    expect((await runFollowUps(ctx, sast("2026-12-06T12:00:00"))).digest).toBeNull();
    expect((await runFollowUps(ctx, sast("2026-12-16T08:00:00"))).digest).toBeNull();
    expect(await db.outboxMessage.count({ where: { kind: FOLLOW_UP_KINDS.digest } })).toBe(0);
  });

  it("sends the digest once a working day at DIGEST_TIME: received, overdue, stale, failed replies, spam", async () => {
    // The previous digest went out on Friday 4 December at 07:30.
    await db.$transaction((tx) => claimOnce(tx, ONCE_JOBS.digest, "2026-12-04", sast("2026-12-04T07:30:00")));
    const late = await seedLead(db, { reference: "FS-2026-LATE01", createdAt: sast("2026-12-03T09:00:00") });
    await seedLead(db, { reference: "FS-2026-FRIDAY", createdAt: sast("2026-12-04T10:00:00") });
    await seedLead(db, { reference: "FS-2026-SATDAY", createdAt: sast("2026-12-05T11:00:00") });
    for (const n of [1, 2])
      await seedLead(db, { reference: `FS-2026-SPAM0${n}`, createdAt: sast("2026-12-06T03:00:00"), status: "spam" });
    await seedLead(db, {
      reference: "FS-2026-STALE1",
      createdAt: sast("2026-11-20T10:00:00"),
      status: "in_progress",
      activityAt: sast("2026-11-25T10:00:00"),
      firstResponseAt: sast("2026-11-20T11:00:00"),
    });
    const busy = await seedLead(db, {
      reference: "FS-2026-BUSY01",
      createdAt: sast("2026-11-30T10:00:00"),
      status: "in_progress",
      activityAt: sast("2026-12-03T10:00:00"),
    });
    // A reply from the desk that ran out of attempts (the reply form writes these rows).
    await db.outboxMessage.create({
      data: {
        quoteRequestId: busy.id,
        kind: REPLY_KIND,
        recipient: seedEmail(busy.reference),
        subject: "Re: your request",
        textBody: "Hello",
        htmlBody: "<p>Hello</p>",
        status: "failed",
        attempts: 8,
      },
    });

    const early = await runFollowUps(ctx, sast("2026-12-07T07:29:00"));
    expect(early.digest).toBeNull();
    // LATE01 was due Thursday 17:00: its one reminder goes out whenever the scheduler first runs after that.
    expect(early.reminded).toEqual([late.reference]);

    const monday = await runFollowUps(ctx, sast("2026-12-07T07:30:00"));
    expect(monday).toMatchObject({ reminded: [], digest: { date: "2026-12-07", sent: true } });
    for (const at of ["2026-12-07T07:31:00", "2026-12-07T16:00:00"])
      expect((await runFollowUps(ctx, sast(at))).digest).toBeNull();
    await deliver(sast("2026-12-07T07:31:00"));
    const digests = mails().filter((mail) => mail.headers.subject?.startsWith("Desk digest"));
    expect(digests).toHaveLength(1);
    const digest = digests[0]!;
    expect(digest.headers.subject).toBe(
      "Desk digest, Monday 7 December 2026: 2 new, 1 overdue, 1 stale, 1 failed reply, 2 held as spam",
    );
    const text = partOf(digest, "text/plain");
    expect(text).toContain("Received since the last digest (4 Dec 2026, 07:30 SAST): 2");
    expect(text).toMatch(
      /FS-2026-FRIDAY, Automation, received 4 Dec 2026, 10:00 SAST: \S+\/desk\/leads\/FS-2026-FRIDAY/,
    );
    expect(text).toContain("FS-2026-SATDAY");
    expect(text).toContain("Overdue, no answer yet: 1");
    expect(text).toContain("FS-2026-LATE01, due 3 Dec 2026, 17:00 SAST, overdue by 9 business hours");
    expect(text).toContain("In progress with no activity for 7 days: 1");
    expect(text).toContain("FS-2026-STALE1, last activity 25 Nov 2026, 10:00 SAST");
    expect(text).not.toContain("FS-2026-BUSY01, last activity");
    expect(text).toContain("Replies that could not be sent: 1");
    expect(text).toContain("Held by the spam filter since the last digest: 2");
    expect(text).toContain(`${DESK}/desk?status=spam`);
    for (const part of [text, partOf(digest, "text/html")]) {
      expect(part).not.toContain(SEED_NAME);
      expect(part).not.toContain("@example.test");
    }

    // Tuesday: only what changed since Monday's digest is "received"; FRIDAY and SATDAY are overdue by now.
    const tuesday = await runFollowUps(ctx, sast("2026-12-08T07:30:00"));
    expect(tuesday.digest).toEqual({ date: "2026-12-08", sent: true });
    const row = await db.outboxMessage.findFirstOrThrow({
      where: { kind: FOLLOW_UP_KINDS.digest },
      orderBy: { id: "desc" },
    });
    expect(row.subject).toBe("Desk digest, Tuesday 8 December 2026: 3 overdue, 1 stale, 1 failed reply");
    expect(row.quoteRequestId).toBeNull();
  });
});
