// The first answer on both databases: recordFirstResponse stops the clock once and moves New to In progress
// once, even when answers race; "Mark as answered" records it without sending, audited, and refuses spam.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { recordFirstResponse } from "@/lib/leads/first-response";
import { markAnswered } from "@/lib/leads/mark-answered";
import { clearLeads, seedLead } from "../helpers/lead-seed";
import { migratedDb, testProviders } from "../helpers/test-databases";

const OWNER = "owner@fsdev.test";
const received = new Date("2026-12-04T13:00:00Z");
const answered = new Date("2026-12-07T08:30:00Z");

describe.each(testProviders())("the first response on %s", (provider) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await migratedDb(`first-response-${provider}`, provider));
  }, 60_000);
  afterAll(async () => cleanup());
  beforeEach(async () => clearLeads(db));

  it("is recorded once and moves New to In progress once, however many answers race", async () => {
    const lead = await seedLead(db, { reference: "FS-2026-FIRST1", createdAt: received });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        db.$transaction((tx) =>
          recordFirstResponse(tx, lead.id, { actor: OWNER, now: new Date(answered.getTime() + i * 1000) }),
        ),
      ),
    );
    expect(results.filter((result) => result.first)).toHaveLength(1);
    expect(results.filter((result) => result.moved)).toHaveLength(1);
    const stored = await db.quoteRequest.findUniqueOrThrow({ where: { id: lead.id } });
    expect(stored.status).toBe("in_progress");
    const events = await db.leadEvent.findMany({ where: { quoteRequestId: lead.id } });
    expect(events).toMatchObject([{ action: "status", fromStatus: "new", toStatus: "in_progress", actor: OWNER }]);
    // A later answer keeps the first time.
    await db.$transaction((tx) =>
      recordFirstResponse(tx, lead.id, { actor: OWNER, now: new Date("2026-12-09T10:00:00Z") }),
    );
    const later = await db.quoteRequest.findUniqueOrThrow({ where: { id: lead.id } });
    expect(later.firstResponseAt).toEqual(stored.firstResponseAt);
  });

  it("leaves a lead that is not New in its status", async () => {
    const lead = await seedLead(db, { reference: "FS-2026-FIRST2", createdAt: received, status: "won" });
    expect(await db.$transaction((tx) => recordFirstResponse(tx, lead.id, { actor: OWNER, now: answered }))).toEqual({
      first: true,
      moved: false,
    });
    expect(await db.quoteRequest.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({
      status: "won",
      firstResponseAt: answered,
    });
  });

  it("Mark as answered records it without mail, on the timeline, once; spam is refused", async () => {
    const lead = await seedLead(db, { reference: "FS-2026-FIRST3", createdAt: received });
    const ctx = { db, actor: OWNER, now: () => answered };
    expect(await markAnswered(ctx, "fs-2026-first3")).toMatchObject({ ok: true, changed: true, status: "in_progress" });
    expect(await markAnswered(ctx, lead.reference)).toMatchObject({ ok: true, changed: false });
    const events = await db.leadEvent.findMany({ where: { quoteRequestId: lead.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["status", "answered"]);
    expect(await db.outboxMessage.count()).toBe(0);

    await seedLead(db, { reference: "FS-2026-FIRST4", createdAt: received, status: "spam" });
    expect(await markAnswered(ctx, "FS-2026-FIRST4")).toMatchObject({ ok: false, error: "conflict" });
    expect(await markAnswered(ctx, "FS-2026-NOSUCH")).toMatchObject({ ok: false, error: "not_found" });
  });
});
